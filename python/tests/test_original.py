"""The original view on real Flask + PostgreSQL through the adapter."""

import unittest

from support import FixtureCase, body_json, needs_database, post_json

WIDGET = {"name": "Widget", "sku": "WID-1", "price": 19.99, "warehouse_id": 1}


@needs_database
class OriginalTests(FixtureCase):
    APP = "apps/original"

    def test_load_describes_the_schema_and_routes(self):
        products = self.loaded["tables"]["products"]
        self.assertEqual(products["price"], "double precision")
        self.assertEqual(products["sku"], "character varying(64)")
        self.assertEqual(self.loaded["routes"], [{"rule": "/api/products", "methods": ["POST"]}])

    def test_reset_skips_what_the_schema_lacks(self):
        self.assertEqual(self.reset["skipped"], {"tables": ["users"], "columns": {}})

    def test_a_create_without_initial_quantity_is_a_500_that_leaves_the_product(self):
        answer = self.adapter.ok("request", **post_json(WIDGET, dump=True))
        self.assertEqual(answer["status"], 500)
        self.assertTrue(answer["headers"]["Content-Type"].startswith("text/html"))
        self.assertEqual(answer["exception"]["type"], "KeyError")
        self.assertEqual(answer["exception"]["message"], "'initial_quantity'")
        self.assertEqual(answer["log"], [{"level": "ERROR", "message": "Exception on /api/products [POST]"}])
        self.assertEqual(
            answer["statements"],
            [{"kind": "INSERT", "table": "products"}, {"kind": "COMMIT"}, {"kind": "SELECT", "table": "products"}],
        )
        products = answer["tables"]["products"]["rows"]
        self.assertEqual(len(products), 1)
        self.assertEqual(products[0]["price"], {"float": "19.99"})
        self.assertEqual(products[0]["warehouse_id"], 1)
        self.assertEqual(answer["tables"]["inventory"]["rows"], [])

    def test_a_complete_create_answers_200_with_the_product_id(self):
        answer = self.adapter.ok("request", **post_json({**WIDGET, "initial_quantity": 5}, dump=True))
        self.assertEqual(answer["status"], 200)
        self.assertEqual(body_json(answer), {"message": "Product created", "product_id": 1})
        self.assertIsNone(answer["exception"])
        self.assertEqual(answer["tables"]["inventory"]["rows"],
                         [{"id": 1, "product_id": 1, "warehouse_id": 1, "quantity": 5}])

    def test_a_fault_on_the_inventory_insert_leaves_the_product(self):
        self.adapter.ok("fault", statement={"kind": "INSERT", "table": "inventory"}, occurrence=1)
        answer = self.adapter.ok("request", **post_json({**WIDGET, "initial_quantity": 5}, dump=True))
        self.assertEqual(answer["status"], 500)
        self.assertEqual(answer["faults_fired"], 1)
        self.assertEqual(answer["exception"]["type"], "OperationalError")
        self.assertEqual(len(answer["tables"]["products"]["rows"]), 1)
        self.assertEqual(answer["tables"]["inventory"]["rows"], [])

    def test_a_fault_on_the_first_commit_saves_nothing_and_the_next_request_runs_clean(self):
        self.adapter.ok("fault", commit=1)
        failed = self.adapter.ok("request", **post_json({**WIDGET, "initial_quantity": 5}, dump=True))
        self.assertEqual((failed["status"], failed["faults_fired"]), (500, 1))
        self.assertEqual(failed["tables"]["products"]["rows"], [])
        again = self.adapter.ok("request", **post_json({**WIDGET, "initial_quantity": 5}))
        self.assertEqual((again["status"], again["faults_fired"]), (200, 0))

    def test_a_null_body_is_a_type_error(self):
        answer = self.adapter.ok("request", **post_json("null"))
        self.assertEqual(answer["status"], 500)
        self.assertEqual(answer["exception"]["type"], "TypeError")
        self.assertEqual(answer["statements"], [])

    def test_seed_refused_by_a_foreign_key(self):
        answer = self.adapter.ok("seed", table="inventory", rows=[{"product_id": 99, "warehouse_id": 1, "quantity": 1}])
        self.assertEqual(answer["refused"]["sqlstate"], "23503")
        self.assertEqual(answer["refused"]["constraint"], "inventory_product_id_fkey")

    def test_seed_commits_and_answers_ids(self):
        answer = self.adapter.ok("seed", table="products", rows=[
            {"name": "A", "sku": "A-1", "price": {"float": "2.5"}, "warehouse_id": 1},
            {"name": "B", "sku": "A-1", "price": 3},
        ])
        self.assertEqual(answer["ids"], [1, 2])
        rows = self.adapter.ok("dump")["tables"]["products"]["rows"]
        self.assertEqual([row["price"] for row in rows], [{"float": "2.5"}, {"float": "3.0"}])


if __name__ == "__main__":
    unittest.main()
