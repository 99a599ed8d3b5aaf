"""The benchmark commands: `bench` (many requests over threads, timed inside the adapter), `copy` and `explain`."""

from support import FixtureCase, needs_database, post_json

TEMPLATE = '{"name": "Widget", "sku": "B-{n}", "price": 19.99, "warehouse_id": 1, "initial_quantity": 5}'


@needs_database
class BenchTests(FixtureCase):
    APP = "apps/fixed"
    NOW = "2026-01-15T12:00:00Z"

    def test_distinct_skus_over_threads_all_succeed_and_are_counted(self):
        answer = self.adapter.ok("bench", request=post_json(TEMPLATE), count=12, clients=3, vary="{n}")
        self.assertEqual(answer["statuses"], {"201": 12})
        self.assertEqual(answer["statements"], 12 * 7)  # SELECT users, warehouses, products; 3 INSERTs; COMMIT
        self.assertEqual(answer["commits"], 12)  # one transaction each
        self.assertEqual(answer["rows_read"], 12 * 2)  # the user and the warehouse; no product holds the SKU
        self.assertGreater(answer["elapsed_seconds"], 0)
        self.assertGreater(answer["cpu_seconds"], 0)
        self.assertGreater(answer["database_seconds"], 0)  # 12 requests of 7 round trips at least
        self.assertLess(answer["database_seconds"], answer["elapsed_seconds"] * 3)  # within the 3 threads' time
        skus = sorted(row["sku"] for row in self.adapter.ok("dump")["tables"]["products"]["rows"])
        self.assertEqual(skus, sorted(f"B-{n}" for n in range(12)))

    def test_colliding_skus_are_refused_after_the_first(self):
        answer = self.adapter.ok("bench", request=post_json(TEMPLATE), count=12, clients=4, vary="{n}", modulo=3)
        self.assertEqual(answer["statuses"], {"201": 3, "409": 9})

    def test_copy_loads_rows_and_explain_answers_the_plan(self):
        copied = self.adapter.ok("copy", table="products",
                                 columns=["name", "sku", "price", "company_id", "created_at", "updated_at"],
                                 csv="P1,C-1,10,1,2026-01-15T12:00:00Z,2026-01-15T12:00:00Z\n"
                                     "P2,C-2,10,1,2026-01-15T12:00:00Z,2026-01-15T12:00:00Z\n")
        self.assertEqual(copied["rows"], 2)
        plan = self.adapter.ok(
            "explain", request={"method": "GET", "path": "/api/companies/1/alerts/low-stock", "user_id": 1},
            statement={"kind": "SELECT", "table": "inventory"})
        self.assertIn("inventory", plan["sql"])
        self.assertTrue(plan["plan"])

    def test_copy_names_an_unknown_column(self):
        answer = self.adapter.send("copy", table="products", columns=["colour"], csv="red\n")
        self.assertFalse(answer["ok"])
        self.assertIn("colour", answer["error"]["message"])
