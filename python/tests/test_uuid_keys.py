"""Tables keyed by UUID (`tests/apps/uuid_keys.py`): the harness's integer ids are translated to the app's UUIDs on
the way in (reset, seed, request bodies, paths, `X-User-Id`) and back on the way out (responses, dumps), so the app
is graded on what it does, not on the type of its keys."""

import base64
import unittest
import uuid

from support import FIXTURE, Adapter, FixtureCase, body_json, drop_database, fresh_database_url, needs_database, \
    post_json

def create(sku="A-1", warehouse_id=1, skus=None, **command) -> dict:
    """A create request: one product (`skus`: several) stocked in `warehouse_id`; `command` adds `dump`, `user_id`."""
    body = {"sku": sku, "warehouse_id": warehouse_id, "initial_quantity": 5}
    if skus is not None:
        body["skus"] = skus
    return post_json(body, **command)


@needs_database
class UuidKeyTests(FixtureCase):
    APP = "tests/apps/uuid_keys.py"

    def test_the_load_says_the_keys_are_translated_and_reports_them_as_integers(self):
        self.assertEqual(self.loaded["notes"], [
            "tables companies, products, users, warehouses, inventory are keyed by UUID: the harness's integer ids are "
            "translated to and from their UUIDs"])
        self.assertEqual(self.loaded["tables"]["inventory"],
                         {"id": "integer", "product_id": "integer", "warehouse_id": "integer", "quantity": "integer"})

    def test_the_fixture_reads_back_with_its_integer_ids(self):
        tables = self.adapter.ok("dump")["tables"]
        self.assertEqual(tables["warehouses"]["rows"], FIXTURE[2]["rows"])
        self.assertEqual([(row["id"], row["company_id"]) for row in tables["users"]["rows"]], [(1, 1), (2, 2), (3, 1)])

    def test_a_create_sends_uuids_to_the_app_and_answers_integers(self):
        answer = self.adapter.ok("request", **create(warehouse_id=2, dump=True))
        self.assertEqual(answer["status"], 201, answer)
        self.assertEqual(body_json(answer), {"product_id": 1, "warehouse_id": 2})
        self.assertEqual(answer["headers"]["Location"], "/api/products/1")
        self.assertEqual(answer["tables"]["products"]["rows"], [{"id": 1, "company_id": 1, "sku": "A-1"}])
        self.assertEqual(answer["tables"]["inventory"]["rows"],
                         [{"id": 1, "product_id": 1, "warehouse_id": 2, "quantity": 5}])

    def test_rows_the_app_creates_are_numbered_after_the_largest_known_in_the_order_written(self):
        self.adapter.ok("seed", table="products", rows=[{"id": 7, "company_id": 1, "sku": "S-7"}])
        answer = self.adapter.ok("request", **create(skus=["B", "C", "D"]))
        self.assertEqual(body_json(answer), {"product_id": 8, "product_ids": [8, 9, 10], "warehouse_id": 1})
        rows = self.adapter.ok("dump")["tables"]["products"]["rows"]
        self.assertEqual([(row["id"], row["sku"]) for row in rows], [(7, "S-7"), (8, "B"), (9, "C"), (10, "D")])

    def test_a_seed_translates_its_references_and_answers_integer_ids(self):
        created = body_json(self.adapter.ok("request", **create()))["product_id"]
        seeded = self.adapter.ok("seed", table="inventory", rows=[
            {"product_id": created, "warehouse_id": 3, "quantity": 2}, {"id": 40, "product_id": created,
                                                                        "warehouse_id": 2, "quantity": 1}])
        self.assertEqual(seeded["ids"], [41, 40])  # the row without an id takes the next free number
        rows = self.adapter.ok("dump")["tables"]["inventory"]["rows"]
        self.assertEqual([(row["id"], row["product_id"], row["warehouse_id"]) for row in rows],
                         [(1, 1, 1), (40, 1, 2), (41, 1, 3)])

    def test_an_unknown_id_reaches_the_app_as_a_uuid_no_row_has_and_reads_back(self):
        answer = self.adapter.ok("request", **create(warehouse_id=999999))
        self.assertEqual((answer["status"], body_json(answer)), (404, {"error": "warehouse 999999 does not exist"}))
        self.assertEqual(self.adapter.ok("dump")["tables"]["products"]["rows"], [])

    def test_ids_of_another_type_pass_through_unchanged(self):
        for value in ("1", 1.0, True, None, -1, [1], {"id": 1}):
            with self.subTest(value=value):
                answer = self.adapter.ok("request", **create(warehouse_id=value))
                self.assertEqual(answer["status"], 400, answer)
                self.assertEqual(body_json(answer)["got"], value)

    def test_the_body_keeps_every_byte_but_the_translated_ids(self):
        raw = '{"sku" : "A-1",\n "price": 1e2, "warehouse_id" :2 , "note": "\\"warehouse_id\\": 3"}'
        answer = self.adapter.ok("request", **post_json(raw.encode()))
        self.assertEqual(answer["status"], 201, answer)
        self.assertEqual(body_json(answer)["warehouse_id"], 2)

    def test_a_body_that_is_not_json_is_sent_as_is(self):
        answer = self.adapter.ok("request", **post_json(b'{"sku": "A-1", "warehouse_id": 1'))
        self.assertEqual(answer["status"], 400, answer)

    def test_the_caller_and_the_path_are_translated(self):
        self.adapter.ok("request", **create(sku="Z"))
        answer = self.adapter.ok("request", method="GET", path="/api/companies/1/products", user_id=1)
        self.assertEqual(answer["status"], 200, answer)
        self.assertEqual(body_json(answer), {  # a UUID key reads as the integer's text, one in a message as digits
            "by_id": {"1": "Z"}, "company_id": 1, "message": "company 1 lists its products"})
        missing = self.adapter.ok("request", method="GET", path="/api/companies/77/products", user_id=1)
        self.assertEqual((missing["status"], body_json(missing)), (404, {"error": "company 77 does not exist"}))
        anonymous = self.adapter.ok("request", **create(user_id=None))
        self.assertEqual(anonymous["status"], 401)
        stranger = self.adapter.ok("request", **{**create(), "user_id": 5})
        self.assertEqual(stranger["status"], 401)

    def test_a_non_integer_path_segment_is_sent_as_is(self):
        answer = self.adapter.ok("request", method="GET", path="/api/companies/abc/products", user_id=1)
        self.assertEqual(answer["status"], 404)
        self.assertIn(b"Not Found", base64.b64decode(answer["body_b64"]))

    def test_a_reset_forgets_the_numbers_of_created_rows(self):
        self.adapter.ok("request", **create(sku="OLD"))
        self.adapter.ok("reset", fixture=FIXTURE)
        answer = self.adapter.ok("request", **create(sku="NEW"))
        self.assertEqual(body_json(answer)["product_id"], 1)

    def test_faults_and_races_still_work(self):
        self.adapter.ok("fault", statement={"kind": "INSERT", "table": "inventory"})
        failed = self.adapter.ok("request", **create(dump=True))
        self.assertEqual((failed["faults_fired"], failed["status"]), (1, 500))
        self.assertEqual(failed["tables"]["products"]["rows"], [])
        race = self.adapter.ok("race", first=create(sku="R-1"), second=create(sku="R-2", warehouse_id=2),
                               pause_before={"kind": "INSERT", "table": "products"})
        self.assertTrue(race["paused"])
        self.assertEqual(body_json(race["second"])["product_id"], 1)  # the second finished first
        self.assertEqual(body_json(race["first"])["product_id"], 2)

    def test_bench_translates_each_body(self):
        request = create(sku="B-{n}")
        answer = self.adapter.ok("bench", request=request, count=4, clients=2, vary="{n}")
        self.assertEqual(answer["statuses"], {"201": 4})
        rows = self.adapter.ok("dump")["tables"]["inventory"]["rows"]
        self.assertEqual(sorted(row["id"] for row in rows), [1, 2, 3, 4])
        self.assertEqual({row["warehouse_id"] for row in rows}, {1})


@needs_database
class UuidKeyDeterminismTests(unittest.TestCase):
    """Two adapters running the same commands see the same integers and give the app the same UUIDs."""

    def run_once(self) -> tuple:
        url = fresh_database_url()
        adapter = Adapter()
        try:
            adapter.ok("load", app="tests/apps/uuid_keys.py", database_url=url)
            adapter.ok("reset", fixture=FIXTURE)
            created = [body_json(adapter.ok("request", **create(sku=sku, skus=[sku, sku + "-2"])))
                       for sku in ("A", "B")]
            adapter.ok("seed", table="products", rows=[{"company_id": 2, "sku": "S"}])
            dump = adapter.ok("dump")["tables"]
            import psycopg2
            connection = psycopg2.connect(url)
            with connection.cursor() as cursor:
                cursor.execute("SELECT id::text, name FROM warehouses ORDER BY name")
                warehouses = cursor.fetchall()
                cursor.execute("SELECT id::text FROM products WHERE sku = 'S'")
                seeded = cursor.fetchone()[0]
            connection.close()
            return created, dump, warehouses, seeded
        finally:
            adapter.close()
            drop_database(url)

    def test_two_runs_agree(self):
        first, second = self.run_once(), self.run_once()
        self.assertEqual(first, second)
        created, dump, warehouses, seeded = first
        self.assertEqual(created, [{"product_id": 1, "product_ids": [1, 2], "warehouse_id": 1},
                                   {"product_id": 3, "product_ids": [3, 4], "warehouse_id": 1}])
        self.assertEqual([row["id"] for row in dump["products"]["rows"]], [1, 2, 3, 4, 5])
        namespace = uuid.uuid5(uuid.NAMESPACE_URL, "https://stockflow-review.invalid/keys")
        self.assertIn((str(uuid.uuid5(namespace, "warehouses:1")), "Acme Main"), warehouses)
        self.assertEqual(seeded, str(uuid.uuid5(namespace, "products:5")))


if __name__ == "__main__":
    unittest.main()
