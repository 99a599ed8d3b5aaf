"""The reviewed correction (`apps/fixed`) on real Flask + PostgreSQL through the adapter, as `fixed/` behaves."""

import json
import unittest

from support import FIXTURE, FixtureCase, body_json, needs_database, post_json

STAMPED = {"created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}
"""What every seeded product carries: `products` has no default for its timestamps."""
WIDGET = {"name": "Widget", "sku": "WID-1", "price": 19.99, "warehouse_id": 1, "initial_quantity": 5}
NOW = "2026-01-15T12:00:00Z"
WRITTEN = ("products", "inventory", "inventory_changes")
TRANSIENT = ("the product could not be created because of a temporary database failure; nothing was saved, retry the "
             "request")
INTERNAL = ("the product could not be created because of an internal error; nothing was saved, quote the request id to "
            "support")
TAKEN = "a product with this sku already exists (SKUs are compared without regard to case)"


class FixedCase(FixtureCase):
    APP = "apps/fixed"
    NOW = NOW

    def send(self, body, **extra) -> dict:
        return self.adapter.ok("request", **post_json(body, dump=True, **extra))

    def written(self, answer) -> dict:
        return {table: answer["tables"][table]["rows"] for table in WRITTEN}

    def assert_refused(self, answer, status, field, message=None):
        body = body_json(answer)
        self.assertEqual(answer["status"], status, body)
        self.assertEqual(answer["headers"]["Content-Type"], "application/json")
        self.assertEqual(body.get("field"), field, body)
        if message is not None:
            self.assertEqual(body["error"], message)
        self.assertIsNone(answer["exception"])
        self.assertNotIn({"kind": "COMMIT"}, answer["statements"])
        self.assertEqual(self.written(answer), {table: [] for table in WRITTEN})


@needs_database
class CreateProductTests(FixedCase):
    def test_the_schema_types(self):
        tables = self.loaded["tables"]
        self.assertEqual(tables["products"]["price"], "numeric(12,2)")
        self.assertNotIn("warehouse_id", tables["products"])
        self.assertEqual(tables["inventory_changes"]["created_at"], "timestamp with time zone")

    def test_load_refuses_a_now_without_a_time_zone(self):
        for now in ["2026-01-15T12:00:00", "yesterday"]:
            with self.subTest(now):
                answer = self.adapter.send("load", app="apps/fixed", database_url=self.url, now=now)
                self.assertFalse(answer["ok"])
                self.assertEqual(answer["error"]["kind"], "protocol")
                self.assertIn("`now`", answer["error"]["message"])

    def test_a_valid_create_is_a_201_with_location_and_one_transaction(self):
        answer = self.send(WIDGET)
        self.assertEqual(answer["status"], 201)
        self.assertEqual(answer["headers"]["Location"], "/api/products/1")
        self.assertEqual(body_json(answer), {"message": "Product created", "product_id": 1})
        self.assertIsNone(answer["exception"])
        self.assertEqual(answer["statements"], [
            {"kind": "SELECT", "table": "users"}, {"kind": "SELECT", "table": "warehouses"},
            {"kind": "SELECT", "table": "products"}, {"kind": "INSERT", "table": "products"},
            {"kind": "INSERT", "table": "inventory"}, {"kind": "INSERT", "table": "inventory_changes"},
            {"kind": "COMMIT"}])
        self.assertEqual(self.written(answer), {
            "products": [{"id": 1, "name": "Widget", "sku": "WID-1", "sku_normalized": "wid-1",
                          "price": {"numeric": "19.99"}, "company_id": 1,
                          "product_type_id": None, "low_stock_threshold": None,
                          "created_at": {"timestamp": NOW}, "updated_at": {"timestamp": NOW}}],
            "inventory": [{"id": 1, "product_id": 1, "warehouse_id": 1, "quantity": 5, "reserved": 0}],
            "inventory_changes": [{"id": 1, "inventory_id": 1, "change": 5, "quantity_after": 5,
                                   "reason": "initial_stock", "user_id": 1,
                                   "created_at": {"timestamp": NOW}, "corrects_id": None}],
        })

    def test_prices_are_read_from_the_json_text(self):
        for literal, stored in [("19.99", "19.99"), ("5", "5.00"), ("19.990", "19.99"), ("1e2", "100.00"),
                                ("0.1", "0.10"), ("9999999999.99", "9999999999.99"), ("-0", "0.00")]:
            with self.subTest(literal):
                self.adapter.ok("reset", fixture=FIXTURE)
                answer = self.send(f'{{"name": "W", "sku": "P-1", "price": {literal}, "warehouse_id": 1}}')
                self.assertEqual(answer["status"], 201, body_json(answer))
                self.assertEqual(answer["tables"]["products"]["rows"][0]["price"], {"numeric": stored})

    def test_initial_quantity_is_optional(self):
        without = {key: value for key, value in WIDGET.items() if key != "initial_quantity"}
        for body in [without, {**WIDGET, "initial_quantity": None}]:
            with self.subTest(body):
                self.adapter.ok("reset", fixture=FIXTURE)
                answer = self.send(body)
                self.assertEqual(answer["status"], 201)
                self.assertEqual(answer["tables"]["inventory"]["rows"][0]["quantity"], 0)
                self.assertEqual(answer["tables"]["inventory_changes"]["rows"][0]["change"], 0)

    def test_the_name_is_trimmed_and_the_sku_kept(self):
        answer = self.send({**WIDGET, "name": "  Widget\u00a0\n"})
        self.assertEqual(answer["tables"]["products"]["rows"][0]["name"], "Widget")

    def test_missing_fields_are_400s_naming_them(self):
        for field in ["name", "sku", "price"]:
            with self.subTest(field):
                body = {k: v for k, v in WIDGET.items() if k != field}
                self.assert_refused(self.send(body), 400, field, f"{field} is required")

    def test_mistyped_fields_are_400s_naming_them(self):
        cases = [
            ("name", 5, "name must be a string, not an integer"),
            ("sku", None, "sku must be a string, not null"),
            ("price", "19.99", "price must be a number, not a string"),
            ("price", True, "price must be a number, not a boolean"),
            ("warehouse_id", "1", "warehouse_id must be an integer, not a string"),
            ("warehouse_id", 1.0, "warehouse_id must be an integer, not a non-integer number"),
            ("warehouse_id", [1], "warehouse_id must be an integer, not an array"),
            ("initial_quantity", {"n": 1}, "initial_quantity must be an integer, not an object"),
            ("initial_quantity", False, "initial_quantity must be an integer, not a boolean"),
        ]
        for field, value, message in cases:
            with self.subTest(field=field, value=value):
                self.assert_refused(self.send({**WIDGET, field: value}), 400, field, message)

    def test_out_of_range_values_are_400s_naming_them(self):
        cases = [
            ("price", "-0.01", "price must not be negative"),
            ("price", "19.999", "price must have at most 2 decimal places"),
            ("price", "10000000000", "price must be below 10000000000"),
            ("price", "NaN", "price must be a finite number"),
            ("price", "Infinity", "price must be a finite number"),
            ("price", "-Infinity", "price must be a finite number"),
            ("price", "1e10001", "price must be a finite number"),
            ("warehouse_id", "0", "warehouse_id must be an integer from 1 to 2147483647"),
            ("warehouse_id", "2147483648", "warehouse_id must be an integer from 1 to 2147483647"),
            ("initial_quantity", "-1", "initial_quantity must be an integer from 0 to 2147483647"),
            ("name", '" \\t "', "name must not be empty"),
            ("name", json.dumps("x" * 256), "name must be at most 255 characters"),
            ("name", '"a\\u0007b"', "name must not contain control characters"),
            ("name", '"a\\ud800b"', "name must not contain a lone surrogate or U+FFFD (text damaged in encoding)"),
            ("name", '"a\\ufffdb"', "name must not contain a lone surrogate or U+FFFD (text damaged in encoding)"),
            ("name", '"\\u202eWidget"', "name must not contain invisible or direction-changing characters (found U+202E)"),
            ("name", '"Wid\\u200bget"', "name must not contain invisible or direction-changing characters (found U+200B)"),
            ("sku", '"W\\u200d1"', "sku must not contain invisible or direction-changing characters (found U+200D)"),
            ("sku", '"W\\udc001"', "sku must not contain a lone surrogate or U+FFFD (text damaged in encoding)"),
            ("sku", '" WID-1"', None),
            ("sku", '"-W"', None),
            ("sku", '"W\\u00e9"', None),
            ("sku", json.dumps("W" * 65), "sku must be at most 64 characters"),
        ]
        for field, literal, message in cases:
            with self.subTest(field=field, literal=literal):
                text = json.dumps({**WIDGET, field: "@"}).replace('"@"', literal)
                self.assert_refused(self.send(text), 400, field, message)

    def test_routing_errors_are_json(self):
        cases = [
            ({"method": "GET", "path": "/api/products"}, 405, "OPTIONS, POST"),
            ({"method": "POST", "path": "/api/companies/1/alerts/low-stock"}, 405, "GET, HEAD, OPTIONS"),
            ({"method": "GET", "path": "/api/companies/abc/alerts/low-stock"}, 404, None),
            ({"method": "GET", "path": "/api/nowhere"}, 404, None),
        ]
        for request, status, allow in cases:
            with self.subTest(**request):
                answer = self.adapter.ok("request", user_id=1, **request)
                self.assertEqual(answer["status"], status)
                self.assertEqual(answer["headers"]["Content-Type"], "application/json")
                self.assertIn("error", body_json(answer))
                self.assertEqual(answer["headers"].get("Allow"), allow)

    def test_bodies_that_are_not_a_product_object(self):
        cases = [
            ("null", "body", "body must be a JSON object, not null"),
            ("[1]", "body", "body must be a JSON object, not an array"),
            ('"x"', "body", "body must be a JSON object, not a string"),
            ("{", "body", None),
            ("", "body", None),
            (b"\xff", "body", None),
            ("[" * 5000 + "]" * 5000, "body", None),
            ('{"name": "W", "colour": "red"}', "colour",
             "colour is not a field of a product; expected name, sku, price, warehouse_id, initial_quantity"),
            ('{"name": "W", "name": "V", "sku": "S", "price": 1, "warehouse_id": 1}', "name",
             "name appears more than once"),
        ]
        for body, field, message in cases:
            with self.subTest(body=body[:20]):
                answer = self.send(body)
                self.assert_refused(answer, 400, field, message)
                if message is None:
                    self.assertTrue(body_json(answer)["error"].startswith("body is not valid JSON: "))

    def test_a_wrong_content_type_is_a_415(self):
        answer = self.send(WIDGET, headers={"Content-Type": "text/plain"})
        self.assert_refused(answer, 415, "body", "body must be sent as Content-Type: application/json")

    def test_without_a_user_or_with_an_unknown_one_it_is_a_401(self):
        for user in [None, 99]:
            with self.subTest(user=user):
                answer = self.send(WIDGET, user_id=user)
                self.assert_refused(answer, 401, None, "authentication required")
        answer = self.send("not even JSON", user_id=None)
        self.assertEqual(answer["status"], 401)

    def test_only_admin_and_manager_may_create_a_product(self):
        # Carol (user 3) is Acme's viewer: refused before the body is read, nothing written.
        self.assert_refused(self.send(WIDGET, user_id=3), 403, None,
                            "role viewer may not create products; only admin and manager may")
        self.assertEqual(self.send("not even JSON", user_id=3)["status"], 403)
        # Alice (manager) and Bob (admin) may.
        self.assertEqual(self.send(WIDGET, user_id=1)["status"], 201)
        self.assertEqual(self.send({**WIDGET, "sku": "W-2", "warehouse_id": 3}, user_id=2)["status"], 201)

    def test_an_unknown_warehouse_is_a_404(self):
        self.assert_refused(self.send({**WIDGET, "warehouse_id": 9}), 404, "warehouse_id", "warehouse 9 does not exist")

    def test_another_company_s_warehouse_is_a_403(self):
        self.assert_refused(self.send({**WIDGET, "warehouse_id": 3}), 403, "warehouse_id",
                            "warehouse 3 belongs to another company")
        self.assertEqual(self.send({**WIDGET, "warehouse_id": 3}, user_id=2)["status"], 201)

    def test_a_duplicate_sku_is_a_409(self):
        self.assertEqual(self.send(WIDGET)["status"], 201)
        answer = self.send({**WIDGET, "warehouse_id": 2})
        self.assertEqual(answer["status"], 409)
        self.assertEqual(body_json(answer), {
            "error": "a product with sku WID-1 already exists (SKUs are compared without regard to case)",
            "field": "sku"})
        self.assertEqual(len(answer["tables"]["products"]["rows"]), 1)
        self.assertEqual(len(answer["tables"]["inventory"]["rows"]), 1)

    def test_a_fault_on_any_statement_is_a_503_that_keeps_nothing_and_a_retry_succeeds(self):
        statements = self.send(WIDGET)["statements"]
        self.assertEqual(len(statements), 7)
        for ordinal, statement in enumerate(statements, start=1):
            with self.subTest(ordinal=ordinal, statement=statement):
                self.adapter.ok("reset", fixture=FIXTURE)
                self.adapter.ok("fault", ordinal=ordinal)
                answer = self.send(WIDGET)
                self.assertEqual(answer["faults_fired"], 1)
                self.assertEqual(answer["status"], 503)
                self.assertEqual(answer["headers"]["Retry-After"], "1")
                self.assertEqual(body_json(answer), {"error": TRANSIENT, "request_id": "unknown"})
                self.assertEqual([record["level"] for record in answer["log"]], ["ERROR"])
                self.assertIsNone(answer["exception"])
                self.assertEqual(self.written(answer), {table: [] for table in WRITTEN})
                retry = self.send(WIDGET)
                self.assertEqual(retry["status"], 201)
                self.assertEqual([len(rows) for rows in self.written(retry).values()], [1, 1, 1])

    def test_a_race_past_the_sku_check_is_one_201_and_one_409(self):
        answer = self.adapter.ok("race", first=post_json(WIDGET), pause_before={"kind": "INSERT", "table": "products"},
                                 second=post_json(WIDGET))
        self.assertEqual((answer["paused"], answer["second_waited"]), (True, False))
        self.assertEqual((answer["first"]["status"], answer["second"]["status"]), (409, 201))
        self.assertEqual(body_json(answer["first"]), {"error": TAKEN, "field": "sku"})
        self.assertIsNone(answer["first"]["exception"])
        tables = self.adapter.ok("dump")["tables"]
        self.assertEqual([len(tables[table]["rows"]) for table in WRITTEN], [1, 1, 1])

    def test_a_race_where_the_second_waits_on_the_unique_index_is_one_201_and_one_409(self):
        answer = self.adapter.ok("race", first=post_json(WIDGET), pause_before={"kind": "COMMIT"},
                                 second=post_json(WIDGET))
        self.assertEqual((answer["paused"], answer["second_waited"]), (True, True))
        self.assertEqual((answer["first"]["status"], answer["second"]["status"]), (201, 409))
        tables = self.adapter.ok("dump")["tables"]
        self.assertEqual([len(tables[table]["rows"]) for table in WRITTEN], [1, 1, 1])


    def test_without_a_warehouse_the_product_enters_the_catalog_unstocked(self):
        answer = self.send({"name": "Widget", "sku": "WID-1", "price": 5})
        self.assertEqual(answer["status"], 201, body_json(answer))
        self.assertEqual([len(rows) for rows in self.written(answer).values()], [1, 0, 0])
        self.adapter.ok("reset", fixture=FIXTURE)
        refused = self.send({"name": "Widget", "sku": "WID-2", "price": 5, "initial_quantity": 3})
        self.assert_refused(refused, 400, "warehouse_id", "warehouse_id is required when initial_quantity is given")

    def test_a_sku_differing_only_in_case_is_a_409(self):
        self.assertEqual(self.send({**WIDGET, "sku": "B1"})["status"], 201)
        answer = self.send({**WIDGET, "sku": "b1"})
        self.assertEqual(answer["status"], 409)
        self.assertEqual(body_json(answer)["field"], "sku")
        self.assertEqual(len(answer["tables"]["products"]["rows"]), 1)

    def test_one_idempotency_key_replayed_leaves_one_product_with_the_same_answer(self):
        keyed = {"Content-Type": "application/json", "Idempotency-Key": "k1"}
        answers = [self.send(WIDGET, headers=keyed) for _ in range(3)]
        self.assertEqual([answer["status"] for answer in answers], [201, 201, 201])
        self.assertEqual({body_json(answer)["product_id"] for answer in answers}, {1})
        self.assertEqual(len(answers[-1]["tables"]["products"]["rows"]), 1)
        self.assertEqual(answers[-1]["tables"]["idempotency_keys"]["rows"][0]["request_fingerprint"],
                         '{"initial_quantity":5,"name":"Widget","price":"19.99","sku":"WID-1","warehouse_id":1}')
        reused = self.send({**WIDGET, "sku": "WID-2"}, headers=keyed)
        self.assertEqual((reused["status"], body_json(reused)["field"]), (422, "Idempotency-Key"))

    def test_each_failure_is_answered_by_its_cause_and_only_server_failures_are_logged(self):
        cases = [
            ("serialization_failure", 503, None), ("deadlock", 503, None), ("lock_timeout", 503, None),
            ({"sqlstate": "23503", "constraint": "inventory_warehouse_id_fkey", "table": "inventory",
              "column": "warehouse_id"}, 404, "warehouse_id"),
            ({"sqlstate": "23514", "constraint": "inventory_same_company", "table": "inventory"}, 403, "warehouse_id"),
            ({"sqlstate": "22003", "table": "products", "column": "price"}, 500, None),
        ]
        for raised, status, field in cases:
            with self.subTest(raised=raised):
                self.adapter.ok("reset", fixture=FIXTURE)
                self.adapter.ok("fault", statement={"kind": "INSERT", "table": "inventory"}, **{"raise": raised})
                headers = {"Content-Type": "application/json", "X-Request-Id": "abc-1"}
                answer = self.send(WIDGET, headers=headers)
                body = body_json(answer)
                self.assertEqual((answer["status"], answer["faults_fired"]), (status, 1), body)
                self.assertEqual(self.written(answer), {table: [] for table in WRITTEN})
                if field is not None:
                    self.assertEqual(body["field"], field)
                    self.assertEqual(answer["log"], [])
                else:
                    self.assertEqual(body["request_id"], "abc-1")
                    self.assertEqual(answer["headers"]["X-Request-Id"], "abc-1")
                    self.assertEqual(len(answer["log"]), 1)
                    self.assertIn("request abc-1: POST /api/products failed", answer["log"][0]["message"])

    def test_a_client_mistake_logs_nothing(self):
        answer = self.send({**WIDGET, "name": 5})
        self.assertEqual((answer["status"], answer["log"]), (400, []))


# One violating seed per constraint `fixed/Schema.swift` declares: (constraint, table, rows seeded first, bad rows).
_BASE = [
    ("product_types", [{"name": "tool", "low_stock_threshold": 5}]),
    ("products", [{"name": "A", "sku": "A", "price": 1, "company_id": 1, **STAMPED},
                  {"name": "B", "sku": "B", "price": 1, "company_id": 1, **STAMPED},
                  {"name": "C", "sku": "C", "price": 1, "company_id": 1, **STAMPED},
                  {"name": "G", "sku": "G", "price": 1, "company_id": 2, **STAMPED}]),
    ("inventory", [{"product_id": 1, "warehouse_id": 1, "quantity": 1}]),
    ("suppliers", [{"name": "S", "contact_email": "s@example.test"}]),
    ("supplier_products", [{"supplier_id": 1, "product_id": 1, "company_id": 1, "is_primary": True}]),
    ("bundle_components", [{"bundle_id": 1, "component_id": 2, "quantity": 1},
                           {"bundle_id": 2, "component_id": 3, "quantity": 1}]),
]
_VIOLATIONS = [
    ("warehouses_company_id_fkey", "warehouses", {"company_id": 9, "name": "X"}),
    ("product_types_name_key", "product_types", {"name": "tool", "low_stock_threshold": 1}),
    ("product_types_low_stock_threshold_check", "product_types", {"name": "t2", "low_stock_threshold": -1}),
    ("products_sku_normalized_key", "products", {"name": "A2", "sku": "a", "price": 1, "company_id": 1, **STAMPED}),
    ("products_company_id_fkey", "products", {"name": "X", "sku": "X", "price": 1, "company_id": 9, **STAMPED}),
    ("products_product_type_id_fkey", "products",
     {"name": "X", "sku": "X", "price": 1, "company_id": 1, **STAMPED, "product_type_id": 9}),
    ("products_price_check", "products", {"name": "X", "sku": "X", "price": "-1", "company_id": 1, **STAMPED}),
    ("products_low_stock_threshold_check", "products",
     {"name": "X", "sku": "X", "price": 1, "company_id": 1, **STAMPED, "low_stock_threshold": -1}),
    ("inventory_product_warehouse_key", "inventory", {"product_id": 1, "warehouse_id": 1, "quantity": 2}),
    ("inventory_product_id_fkey", "inventory", {"product_id": 99, "warehouse_id": 1, "quantity": 1}),
    ("inventory_warehouse_id_fkey", "inventory", {"product_id": 2, "warehouse_id": 99, "quantity": 1}),
    ("inventory_quantity_check", "inventory", {"product_id": 2, "warehouse_id": 1, "quantity": -1}),
    ("inventory_same_company", "inventory", {"product_id": 2, "warehouse_id": 3, "quantity": 1}),
    ("inventory_changes_inventory_id_fkey", "inventory_changes",
     {"inventory_id": 99, "change": 1, "quantity_after": 1, "reason": "x", "created_at": NOW}),
    ("inventory_changes_quantity_after_check", "inventory_changes",
     {"inventory_id": 1, "change": -2, "quantity_after": -1, "reason": "x", "created_at": NOW}),
    ("supplier_products_key", "supplier_products", {"supplier_id": 1, "product_id": 1, "company_id": 1}),
    ("supplier_products_one_primary_key", "supplier_products",
     [{"name": "S2", "contact_email": "t@example.test"}, {"supplier_id": 2, "product_id": 1, "company_id": 1,
                                                          "is_primary": True}]),
    ("supplier_products_supplier_id_fkey", "supplier_products", {"supplier_id": 9, "product_id": 1, "company_id": 1}),
    ("supplier_products_product_id_fkey", "supplier_products", {"supplier_id": 1, "product_id": 99, "company_id": 1}),
    ("supplier_products_company_id_fkey", "supplier_products", {"supplier_id": 1, "product_id": 2, "company_id": 9}),
    ("supplier_products_same_company", "supplier_products", {"supplier_id": 1, "product_id": 2, "company_id": 2}),
    ("bundle_components_key", "bundle_components", {"bundle_id": 1, "component_id": 2, "quantity": 3}),
    ("bundle_components_bundle_id_fkey", "bundle_components", {"bundle_id": 99, "component_id": 2, "quantity": 1}),
    ("bundle_components_component_id_fkey", "bundle_components",
     {"bundle_id": 1, "component_id": 99, "quantity": 1}),
    ("bundle_components_quantity_check", "bundle_components", {"bundle_id": 1, "component_id": 3, "quantity": 0}),
    ("bundle_components_not_self_check", "bundle_components", {"bundle_id": 1, "component_id": 1, "quantity": 1}),
    ("bundle_components_no_cycle", "bundle_components", {"bundle_id": 3, "component_id": 1, "quantity": 1}),
    ("bundle_components_same_company", "bundle_components", {"bundle_id": 1, "component_id": 4, "quantity": 1}),
    ("sales_product_id_fkey", "sales", {"product_id": 99, "warehouse_id": 1, "quantity": 1, "sold_at": NOW}),
    ("sales_warehouse_id_fkey", "sales", {"product_id": 1, "warehouse_id": 99, "quantity": 1, "sold_at": NOW}),
    ("sales_quantity_check", "sales", {"product_id": 1, "warehouse_id": 1, "quantity": 0, "sold_at": NOW}),
    ("sales_same_company", "sales", {"product_id": 1, "warehouse_id": 3, "quantity": 1, "sold_at": NOW}),
    ("users_name_key", "users", {"company_id": 1, "name": "alice@acme.test", "role": "staff"}),
    ("users_company_id_fkey", "users", {"company_id": 9, "name": "x@acme.test", "role": "staff"}),
    ("users_role_check", "users", {"company_id": 1, "name": "x@acme.test", "role": "owner"}),
    ("products_updated_at_check", "products",
     {"name": "X", "sku": "X", "price": 1, "company_id": 1, "created_at": NOW, "updated_at": "2000-01-01T00:00:00Z"}),
    ("inventory_reserved_check", "inventory", {"product_id": 2, "warehouse_id": 1, "quantity": 1, "reserved": 2}),
    ("inventory_changes_user_id_fkey", "inventory_changes",
     {"inventory_id": 1, "change": 1, "quantity_after": 2, "reason": "restock", "user_id": 99, "created_at": NOW}),
    ("inventory_changes_correction_check", "inventory_changes",
     {"inventory_id": 1, "change": 1, "quantity_after": 2, "reason": "correction", "created_at": NOW}),
    ("inventory_changes_corrects_id_fkey", "inventory_changes",
     {"inventory_id": 1, "change": 1, "quantity_after": 2, "reason": "correction", "corrects_id": 99,
      "created_at": NOW}),
    ("supplier_products_lead_time_days_check", "supplier_products",
     {"supplier_id": 1, "product_id": 2, "company_id": 1, "lead_time_days": -1}),
    ("supplier_products_unit_cost_check", "supplier_products",
     {"supplier_id": 1, "product_id": 2, "company_id": 1, "unit_cost": -1}),
    ("supplier_products_min_order_quantity_check", "supplier_products",
     {"supplier_id": 1, "product_id": 2, "company_id": 1, "min_order_quantity": 0}),
]


@needs_database
class SchemaTests(FixedCase):
    def test_every_constraint_refuses_a_violating_row_by_name(self):
        for constraint, table, rows in _VIOLATIONS:
            with self.subTest(constraint):
                self.adapter.ok("reset", fixture=FIXTURE)
                for base_table, base_rows in _BASE:
                    self.assertIn("ids", self.adapter.ok("seed", table=base_table, rows=base_rows))
                if isinstance(rows, list):  # a supplier first, then the violating link
                    self.assertIn("ids", self.adapter.ok("seed", table="suppliers", rows=rows[:1]))
                    rows = rows[1]
                refused = self.adapter.ok("seed", table=table, rows=[rows]).get("refused")
                self.assertIsNotNone(refused, f"{constraint} let the row through")
                self.assertEqual(refused["constraint"], constraint, refused)
                self.assertTrue(refused["sqlstate"].startswith("23"), refused)

    def test_a_second_non_primary_supplier_is_allowed(self):
        for base_table, base_rows in _BASE:
            self.adapter.ok("seed", table=base_table, rows=base_rows)
        self.adapter.ok("seed", table="suppliers", rows=[{"name": "T", "contact_email": "t@example.test"}])
        answer = self.adapter.ok("seed", table="supplier_products", rows=[
            {"supplier_id": 2, "product_id": 1, "company_id": 1, "is_primary": False},
            {"supplier_id": 1, "product_id": 2, "company_id": 1}])
        self.assertIn("ids", answer)


@needs_database
class LowStockAlertsTests(FixedCase):
    PATH = "/api/companies/1/alerts/low-stock"

    def setUp(self):
        super().setUp()
        seed = self.seed
        seed("product_types", [{"name": "tool", "low_stock_threshold": 10}])

        def product(name, **extra):
            return {"name": name, "sku": name.upper(), "price": 1, "company_id": 1, **STAMPED, **extra}

        self.ids = dict(zip(["hammer", "saw", "drill", "old", "plenty", "elsewhere", "globex"], seed("products", [
            product("Hammer", product_type_id=1),  # the type's threshold, 10
            product("Saw", product_type_id=1, low_stock_threshold=20),  # its own threshold overrides the type's
            product("Drill"),  # no threshold at all: never an alert
            product("Old", low_stock_threshold=10),  # sold only before the window
            product("Plenty", low_stock_threshold=10),  # stock exactly at its threshold
            product("Elsewhere", low_stock_threshold=10),  # sold, but not in the warehouse that runs low
            {**product("Globex", low_stock_threshold=10), "company_id": 2},
        ])))
        i = self.ids
        seed("inventory", [
            {"product_id": i["hammer"], "warehouse_id": 1, "quantity": 4},
            {"product_id": i["saw"], "warehouse_id": 2, "quantity": 5},
            {"product_id": i["drill"], "warehouse_id": 1, "quantity": 0},
            {"product_id": i["old"], "warehouse_id": 1, "quantity": 1},
            {"product_id": i["plenty"], "warehouse_id": 1, "quantity": 10},
            {"product_id": i["elsewhere"], "warehouse_id": 1, "quantity": 2},
            {"product_id": i["globex"], "warehouse_id": 3, "quantity": 1},
        ])
        seed("sales", [
            {"product_id": i["hammer"], "warehouse_id": 1, "quantity": 8, "sold_at": "2026-01-10T00:00:00Z"},
            {"product_id": i["saw"], "warehouse_id": 2, "quantity": 10, "sold_at": "2026-01-14T00:00:00Z"},
            {"product_id": i["saw"], "warehouse_id": 2, "quantity": 20, "sold_at": "2026-01-01T00:00:00Z"},
            {"product_id": i["drill"], "warehouse_id": 1, "quantity": 5, "sold_at": "2026-01-10T00:00:00Z"},
            {"product_id": i["old"], "warehouse_id": 1, "quantity": 5, "sold_at": "2025-12-01T00:00:00Z"},
            {"product_id": i["plenty"], "warehouse_id": 1, "quantity": 5, "sold_at": "2026-01-10T00:00:00Z"},
            {"product_id": i["elsewhere"], "warehouse_id": 2, "quantity": 5, "sold_at": "2026-01-10T00:00:00Z"},
            {"product_id": i["globex"], "warehouse_id": 3, "quantity": 5, "sold_at": "2026-01-10T00:00:00Z"},
        ])
        seed("suppliers", [{"name": "Saws Inc", "contact_email": "orders@saws.test"},
                           {"name": "Backup", "contact_email": "backup@example.test"}])
        seed("supplier_products", [
            {"supplier_id": 1, "product_id": i["saw"], "company_id": 1, "is_primary": True, "lead_time_days": 7,
             "min_order_quantity": 10},
            {"supplier_id": 2, "product_id": i["hammer"], "company_id": 1, "is_primary": False},
        ])

    def seed(self, table, rows) -> list[int]:
        return self.adapter.ok("seed", table=table, rows=rows)["ids"]

    def get(self, query=None, user_id=1, path=PATH) -> dict:
        return self.adapter.ok("request", method="GET", path=path, query=query or {}, user_id=user_id)

    def alert(self, key, name, sku, warehouse, stock, threshold, days, supplier=None, reorder=None):
        return {"product_id": self.ids[key], "product_name": name, "sku": sku, "warehouse_id": warehouse,
                "warehouse_name": {1: "Acme Main", 2: "Acme Overflow"}[warehouse], "current_stock": stock,
                "threshold": threshold, "days_until_stockout": days, "supplier": supplier,
                "suggested_reorder_quantity": reorder}

    def test_the_company_s_recently_sold_low_stock_most_urgent_first(self):
        answer = self.get()
        self.assertEqual(answer["status"], 200, body_json(answer))
        self.assertIsNone(answer["exception"])
        self.assertEqual(body_json(answer), {
            "alerts": [
                # 30 sold in 30 days, 5 left: 5 days; its own threshold 20, its primary supplier; 1 a day over the
                # 7 days' lead time and 30 of cover is 37, less 5 in stock: reorder 32 (above the minimum of 10).
                self.alert("saw", "Saw", "SAW", 2, 5, 20, 5,
                           {"id": 1, "name": "Saws Inc", "contact_email": "orders@saws.test"}, 32),
                # 8 sold in 30 days, 4 left: 15 days; the type's threshold; a non-primary supplier is not named.
                self.alert("hammer", "Hammer", "HAMMER", 1, 4, 10, 15),
                # Sold in the company, not in this warehouse: no rate here, so last.
                self.alert("elsewhere", "Elsewhere", "ELSEWHERE", 1, 2, 10, None),
            ],
            "total_alerts": 3, "limit": 50, "offset": 0, "window_days": 30,
        })

    def test_the_window_decides_what_is_recent(self):
        body = body_json(self.get({"days": "10"}))
        self.assertEqual(body["window_days"], 10)
        # The Saw's sale of 2026-01-01 falls out: 10 sold in 10 days, 5 left: 5 days.
        self.assertEqual([(a["sku"], a["days_until_stockout"]) for a in body["alerts"]],
                         [("SAW", 5), ("HAMMER", 5), ("ELSEWHERE", None)])

    def test_the_order_ties_on_days_break_on_stock_over_threshold(self):
        body = body_json(self.get({"days": "10"}))
        # SAW 5/20 before HAMMER 4/10, both 5 days.
        self.assertEqual([a["sku"] for a in body["alerts"]][:2], ["SAW", "HAMMER"])

    def test_pages(self):
        body = body_json(self.get({"limit": "1", "offset": "1"}))
        self.assertEqual([a["sku"] for a in body["alerts"]], ["HAMMER"])
        self.assertEqual((body["total_alerts"], body["limit"], body["offset"]), (3, 1, 1))
        self.assertEqual(body_json(self.get({"offset": "3"}))["alerts"], [])

    def test_bad_parameters_are_400s_naming_them(self):
        cases = [
            ({"days": "0"}, "days", "days must be an integer from 1 to 365"),
            ({"days": "366"}, "days", "days must be an integer from 1 to 365"),
            ({"days": "abc"}, "days", "days must be an integer from 1 to 365"),
            ({"days": ""}, "days", "days must be an integer from 1 to 365"),
            ({"limit": "501"}, "limit", "limit must be an integer from 1 to 500"),
            ({"limit": "+5"}, "limit", "limit must be an integer from 1 to 500"),
            ({"offset": "-1"}, "offset", "offset must be an integer from 0 to 1000000"),
            ({"page": "2", "days": "0"}, "page", "page is not a parameter; expected days, limit, offset"),
        ]
        for query, field, message in cases:
            with self.subTest(query):
                answer = self.get(query)
                self.assertEqual((answer["status"], body_json(answer)), (400, {"error": message, "field": field}))
        self.assertEqual(self.get({"limit": "500", "offset": "1000000", "days": "365"})["status"], 200)

    def test_who_may_ask(self):
        answer = self.get(user_id=None)
        self.assertEqual((answer["status"], body_json(answer)), (401, {"error": "authentication required"}))
        answer = self.get(user_id=2)
        self.assertEqual((answer["status"], body_json(answer)),
                         (403, {"error": "company 1 is not yours", "field": "company_id"}))
        answer = self.get(path="/api/companies/9/alerts/low-stock")
        self.assertEqual((answer["status"], body_json(answer)),
                         (404, {"error": "company 9 does not exist", "field": "company_id"}))
        globex = body_json(self.get(user_id=2, path="/api/companies/2/alerts/low-stock"))
        self.assertEqual([a["sku"] for a in globex["alerts"]], ["GLOBEX"])

    def test_a_bundle_s_sales_count_as_its_components(self):
        seed = self.seed
        part, kit, crate = seed("products", [
            {"name": "Part", "sku": "PART", "price": 1, "company_id": 1, **STAMPED, "low_stock_threshold": 100},
            {"name": "Kit", "sku": "KIT", "price": 1, "company_id": 1, **STAMPED, "low_stock_threshold": 100},
            {"name": "Crate", "sku": "CRATE", "price": 1, "company_id": 1, **STAMPED}])
        seed("bundle_components", [{"bundle_id": kit, "component_id": part, "quantity": 2},
                                   {"bundle_id": crate, "component_id": kit, "quantity": 3}])
        seed("inventory", [{"product_id": part, "warehouse_id": 1, "quantity": 60},
                           {"product_id": kit, "warehouse_id": 1, "quantity": 1}])
        seed("sales", [{"product_id": kit, "warehouse_id": 1, "quantity": 3, "sold_at": "2026-01-10T00:00:00Z"},
                       {"product_id": crate, "warehouse_id": 1, "quantity": 1, "sold_at": "2026-01-10T00:00:00Z"}])
        alerts = body_json(self.get())["alerts"]
        # Part: 3 kits × 2 + 1 crate × 3 kits × 2 = 12 sold in 30 days, 60 left: 150 days. Kit, a bundle: no alert.
        self.assertEqual([(a["sku"], a["days_until_stockout"]) for a in alerts if a["sku"] in ("PART", "KIT")],
                         [("PART", 150)])

    def test_a_database_failure_is_a_503(self):
        for ordinal in range(1, 4):
            with self.subTest(ordinal=ordinal):
                self.adapter.ok("fault", ordinal=ordinal)
                answer = self.get()
                self.assertEqual((answer["status"], answer["faults_fired"]), (503, 1))
                self.assertEqual(answer["headers"]["Retry-After"], "1")
                self.assertEqual(body_json(answer),
                                 {"error": "the alerts could not be computed because the database failed; "
                                           "retry the request"})


if __name__ == "__main__":
    unittest.main()
