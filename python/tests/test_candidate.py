"""The candidate's correction and alerts sketch on real Flask + PostgreSQL through the adapter."""

import unittest

from support import FixtureCase, body_json, needs_database, post_json

WIDGET = {"name": "Widget", "sku": "WID-1", "price": 19.99, "warehouse_id": 1, "initial_quantity": 5}


@needs_database
class CandidateTests(FixtureCase):
    APP = "apps/candidate"

    def create(self, **fields):
        answer = self.adapter.ok("request", **post_json({**WIDGET, **fields}, dump=True))
        return answer, answer["tables"]["products"]["rows"]

    def test_the_price_is_an_exact_numeric(self):
        self.assertEqual(self.loaded["tables"]["products"]["price"], "numeric(10,2)")
        answer, products = self.create()
        self.assertEqual(answer["status"], 201)
        self.assertEqual(body_json(answer), {"message": "Product created successfully", "product_id": 1})
        self.assertEqual(products[0]["price"], {"numeric": "19.99"})

    def test_a_price_of_5_reads_5_00(self):
        _, products = self.create(price=5)
        self.assertEqual(products[0]["price"], {"numeric": "5.00"})

    def test_a_third_decimal_place_is_rounded_away(self):
        _, products = self.create(price=19.999)
        self.assertEqual(products[0]["price"], {"numeric": "20.00"})

    def test_an_infinite_price_is_stored_as_nan(self):
        # Decimal(str(inf)) is Decimal('Infinity'); psycopg2 sends a non-finite Decimal as 'NaN'::numeric.
        answer = self.adapter.ok("request", **post_json(
            '{"name": "W", "sku": "INF-1", "price": Infinity, "warehouse_id": 1}', dump=True))
        self.assertEqual(answer["status"], 201)
        self.assertEqual(answer["tables"]["products"]["rows"][0]["price"], {"numeric": "NaN"})

    def test_a_duplicate_sku_is_a_409(self):
        self.create()
        answer, products = self.create()
        self.assertEqual((answer["status"], body_json(answer)), (409, {"error": "SKU already exists"}))
        self.assertEqual(len(products), 1)

    def test_a_fault_on_the_inventory_insert_rolls_everything_back(self):
        self.adapter.ok("fault", statement={"kind": "INSERT", "table": "inventory"})
        answer, products = self.create()
        self.assertEqual((answer["status"], answer["faults_fired"]), (500, 1))
        self.assertIsNone(answer["exception"])  # the view catches it
        self.assertEqual(products, [])

    def test_a_race_on_one_sku_past_the_check_waits_on_the_unique_index_and_ends_in_a_500(self):
        answer = self.adapter.ok("race", first=post_json(WIDGET), pause_before={"kind": "COMMIT"},
                                 second=post_json(WIDGET))
        self.assertTrue(answer["paused"])
        self.assertTrue(answer["second_waited"])
        self.assertEqual(answer["first"]["status"], 201)
        self.assertEqual(answer["second"]["status"], 500)
        self.assertEqual(body_json(answer["second"]), {"error": "Failed to create product"})
        self.assertEqual(len(self.adapter.ok("dump")["tables"]["products"]["rows"]), 1)

    def test_a_race_where_the_second_commits_first_fails_the_first_insert(self):
        answer = self.adapter.ok("race", first=post_json(WIDGET),
                                 pause_before={"kind": "INSERT", "table": "products"}, second=post_json(WIDGET))
        self.assertEqual((answer["paused"], answer["second_waited"]), (True, False))
        self.assertEqual((answer["first"]["status"], answer["second"]["status"]), (500, 201))

    def test_a_race_that_never_reaches_its_pause(self):
        answer = self.adapter.ok("race", first=post_json("null"),
                                 pause_before={"kind": "INSERT", "table": "products"}, second=post_json(WIDGET))
        self.assertEqual((answer["paused"], answer["second"]), (False, None))
        self.assertEqual(answer["first"]["exception"]["type"], "TypeError")

    def test_seed_refused_by_the_unique_sku(self):
        answer = self.adapter.ok("seed", table="products", rows=[
            {"name": "A", "sku": "DUP", "price": 1}, {"name": "B", "sku": "DUP", "price": 2}])
        self.assertEqual(answer["refused"]["sqlstate"], "23505")
        self.assertEqual(answer["refused"]["constraint"], "products_sku_key")
        self.assertEqual(self.adapter.ok("dump")["tables"]["products"]["rows"], [])

    def test_low_stock_alerts_list_every_company_s_inventory(self):
        ids = self.adapter.ok("seed", table="products", rows=[
            {"name": "Low", "sku": "LOW", "price": 1, "low_stock_threshold": 10},
            {"name": "Plenty", "sku": "OK", "price": 1, "low_stock_threshold": 2}])["ids"]
        self.adapter.ok("seed", table="inventory", rows=[
            {"product_id": ids[0], "warehouse_id": 3, "quantity": 5},
            {"product_id": ids[1], "warehouse_id": 1, "quantity": 50}])
        answer = self.adapter.ok("request", method="GET", path="/api/companies/1/alerts/low-stock", user_id=1)
        self.assertEqual(answer["status"], 200)
        self.assertEqual(body_json(answer), {"alerts": [{
            "product_id": ids[0], "product_name": "Low", "sku": "LOW", "warehouse_id": 3, "current_stock": 5,
            "threshold": 10, "days_until_stockout": 2,
            "supplier": {"id": 1, "name": "Default Supplier", "contact_email": "supplier@example.com"},
        }], "total_alerts": 1})
        self.assertEqual(answer["statements"], [{"kind": "SELECT", "table": "inventory"},
                                                {"kind": "SELECT", "table": "products"},
                                                {"kind": "SELECT", "table": "products"}])

    def test_low_stock_alerts_crash_on_a_missing_threshold(self):
        ids = self.adapter.ok("seed", table="products", rows=[{"name": "N", "sku": "N", "price": 1}])["ids"]
        self.adapter.ok("seed", table="inventory", rows=[{"product_id": ids[0], "warehouse_id": 1, "quantity": 1}])
        answer = self.adapter.ok("request", method="GET", path="/api/companies/1/alerts/low-stock")
        self.assertEqual(answer["status"], 500)
        self.assertEqual(answer["exception"]["type"], "TypeError")
        self.assertEqual(answer["exception"]["message"], "'>=' not supported between instances of 'int' and 'NoneType'")


if __name__ == "__main__":
    unittest.main()
