"""Submissions as real candidates hand them in, run as written: a flat layout, a package importing itself by name,
a fragment like the case study's own code, a package whose `app.py` builds the app, a `create_app()` without a
parameter, a module-level `app` with its own SQLite URI, a `db` never registered with the app, columns named
otherwise than the case study's, and models whose NOT NULL columns the fixture does not fill (the small apps under
`tests/apps/` are written for these tests)."""

import os
import shutil
import tempfile
import unittest

from support import FIXTURE, PYTHON_DIR, LoadedAppCase, body_json, needs_database, post_json


class _Loaded(LoadedAppCase):
    NOW = "2026-01-15T12:00:00Z"


@needs_database
class FlatLayoutTests(_Loaded):
    """`app.py` importing `models`, `extensions` and `routes.products` by name; `create_app()` on SQLite."""

    APP = "tests/apps/flat/app.py"

    def test_the_folder_is_on_the_import_path_and_the_factory_needs_no_parameter(self):
        self.assertIn("create_app() takes no configuration: built as written, then configured", self.loaded["notes"])
        self.assertEqual(set(self.loaded["tables"]), {"companies", "warehouses", "products", "bundle_components"})
        self.assertIn({"rule": "/api/products", "methods": ["POST"]}, self.loaded["routes"])

    def test_its_sqlite_uri_is_replaced_by_the_harness_database(self):
        self.assertIn("database URI sqlite:///:memory: replaced by the harness's database", self.loaded["notes"])
        self.adapter.ok("reset", fixture=FIXTURE)
        answer = self.adapter.ok("request", **post_json({"name": "W", "sku": "W-1", "price": 2.5}, dump=True))
        self.assertEqual(answer["status"], 201, answer)
        self.assertEqual(answer["tables"]["products"]["rows"][0]["sku"], "W-1")  # read back from PostgreSQL
        self.assertEqual([s["kind"] for s in answer["statements"]], ["INSERT", "COMMIT", "SELECT"])

    def test_faults_still_fire_on_the_rebound_engine(self):
        self.adapter.ok("reset", fixture=FIXTURE)
        self.adapter.ok("fault", statement={"kind": "INSERT", "table": "products"})
        answer = self.adapter.ok("request", **post_json({"name": "W", "sku": "W-2", "price": 2.5}, dump=True))
        self.assertEqual(answer["faults_fired"], 1)
        self.assertEqual(answer["status"], 500)
        self.assertEqual(answer["exception"]["type"], "OperationalError")
        self.assertEqual(answer["tables"]["products"]["rows"], [])

    def test_unfilled_not_null_columns_get_the_model_default_or_a_unique_placeholder(self):
        answer = self.adapter.ok("reset", fixture=FIXTURE)
        self.assertEqual(answer["skipped"]["tables"], ["users"])
        self.assertEqual(answer["filled"], {
            "companies": {"created_at": "default", "email": "placeholder", "plan": "default"},
            "warehouses": {"created_at": "default", "is_active": "default"},
        })
        companies = self.adapter.ok("dump")["tables"]["companies"]["rows"]
        self.assertEqual([row["email"] for row in companies],
                         ["companies-1-email@example.invalid", "companies-2-email@example.invalid"])
        self.assertEqual({row["plan"] for row in companies}, {"free"})
        # The mixin's default is `datetime.now(timezone.utc)`: the app's clock reads the harness's moment.
        self.assertEqual([row["created_at"] for row in companies], [{"timestamp": "2026-01-15T12:00:00Z"}] * 2)

    def test_a_seed_is_filled_the_same_way(self):
        self.adapter.ok("reset", fixture=FIXTURE)
        answer = self.adapter.ok("seed", table="products", rows=[{"name": "P", "sku": "P-1", "price": 1}])
        self.assertEqual(answer["ids"], [1])
        self.assertEqual(answer["filled"], {"created_at": "default"})

    def test_a_table_keyed_by_two_columns_resets_and_seeds_without_an_id(self):
        self.adapter.ok("reset", fixture=FIXTURE)
        self.adapter.ok("seed", table="products", rows=[{"name": "A", "sku": "A", "price": 1},
                                                        {"name": "B", "sku": "B", "price": 1}])
        answer = self.adapter.ok("seed", table="bundle_components", rows=[{"bundle_id": 1, "component_id": 2}])
        self.assertEqual((answer["ids"], answer["filled"]), ([None], {"quantity": "default"}))
        self.adapter.ok("reset", fixture=FIXTURE)
        self.assertEqual(self.adapter.ok("dump")["tables"]["bundle_components"]["rows"], [])


@needs_database
class SelfNamedPackageTests(_Loaded):
    """A package importing itself by name, built by a `create_app()` that reads `DATABASE_URL`."""

    APP = "tests/apps/selfnamed"

    def test_it_imports_itself_by_name_and_reads_the_database_from_the_environment(self):
        self.assertEqual(self.loaded["notes"], [
            "create_app() takes no configuration: built as written, then configured",
            "database read from DATABASE_URL, which the harness set to its database",
        ])
        self.adapter.ok("reset", fixture=FIXTURE)
        answer = self.adapter.ok("request", method="GET", path="/api/companies/2/alerts/low-stock", user_id=1)
        self.assertEqual(answer["status"], 200, answer)
        self.assertEqual(body_json(answer)["company"], "Globex Supply")

    def test_loading_it_again_imports_it_afresh(self):
        again = self.adapter.ok("load", app=self.APP, database_url=self.url)
        self.assertEqual(again["tables"], self.loaded["tables"])

    def test_a_copy_under_another_folder_name_is_imported_under_the_name_given(self):
        with tempfile.TemporaryDirectory() as folder:
            copy = os.path.join(folder, "submission")
            shutil.copytree(os.path.join(PYTHON_DIR, self.APP), copy)
            again = self.adapter.ok("load", app=copy, database_url=self.url, name="selfnamed")
            self.assertEqual(again["tables"], self.loaded["tables"])
            refused = self.adapter.send("load", app=copy, database_url=self.url)
            self.assertEqual(refused["error"]["kind"], "app-load")
            self.assertIn("No module named 'selfnamed", refused["error"]["message"])
        hyphenated = self.adapter.ok("load", app="tests/apps/module_app.py", database_url=self.url, name="module-app")
        self.assertNotIn("imported as", " ".join(hyphenated["notes"]))  # no identifier, so no import by name
        self.adapter.ok("load", app=self.APP, database_url=self.url)


@needs_database
class ModuleLevelAppTests(_Loaded):
    """A `.py` file with a module-level `app` on `sqlite:///:memory:` and SQLite-only engine options."""

    APP = "tests/apps/module_app.py"

    def test_the_module_level_app_runs_on_the_harness_database(self):
        self.assertEqual(self.loaded["notes"], [
            "module-level app used as built (no create_app)",
            "database URI sqlite:///:memory: replaced by the harness's database",
        ])
        self.adapter.ok("reset", fixture=FIXTURE)
        self.adapter.ok("fault", commit=1)
        failed = self.adapter.ok("request", **post_json({"sku": "A"}))
        self.assertEqual((failed["status"], failed["faults_fired"]), (500, 1))
        answer = self.adapter.ok("request", **post_json({"sku": "B"}, dump=True))
        self.assertEqual(answer["status"], 201)
        self.assertEqual([row["sku"] for row in answer["tables"]["products"]["rows"]], ["B"])



FRAGMENT_NOTE = (
    "a fragment, as the case study's own code is: run with what that code is given (Flask's request and jsonify, "
    "app, db, and the models the original implies: Company, Warehouse, Product, Inventory, InventoryChange)")


@needs_database
class FragmentTests(_Loaded):
    """A view handed in as the case study's own code is, using `app`, `request`, `db` and the models it never
    defines."""

    APP = "tests/apps/fragment.py"

    def test_it_runs_with_the_case_studys_context(self):
        self.assertEqual(self.loaded["notes"], [FRAGMENT_NOTE])
        self.assertEqual(
            set(self.loaded["tables"]), {"companies", "warehouses", "products", "inventory", "inventory_changes"})
        self.assertEqual(self.loaded["routes"], [{"rule": "/api/products", "methods": ["POST"]}])
        self.adapter.ok("reset", fixture=FIXTURE)
        answer = self.adapter.ok("request", **post_json(
            {"name": "W", "sku": "F-1", "price": 2.5, "warehouse_id": 1, "initial_quantity": 4}, dump=True))
        self.assertEqual(answer["status"], 201, answer)
        self.assertEqual([row["quantity"] for row in answer["tables"]["inventory"]["rows"]], [4])
        # The SELECT is the product read back after the commit, as the original's view reads it.
        self.assertEqual([s["kind"] for s in answer["statements"]], ["INSERT", "INSERT", "COMMIT", "SELECT"])

    def test_imports_of_the_app_and_models_it_never_handed_in_find_them(self):
        loaded = self.adapter.ok("load", app="tests/apps/fragment_importing/fixed_code.py", database_url=self.url)
        self.assertEqual(loaded["notes"], [FRAGMENT_NOTE])
        self.adapter.ok("reset", fixture=FIXTURE)
        answer = self.adapter.ok("request", **post_json(
            {"name": "W", "sku": "F-2", "price": "2.5", "warehouse_id": 1}, dump=True))
        self.assertEqual(answer["status"], 201, answer)
        self.assertEqual([row["sku"] for row in answer["tables"]["products"]["rows"]], ["F-2"])
        self.adapter.ok("load", app=self.APP, database_url=self.url)

    def test_a_placeholder_for_the_app_it_was_cut_from_is_given_what_it_imports(self):
        loaded = self.adapter.ok(
            "load", app="tests/apps/fragment_importing/placeholder_app.py", database_url=self.url)
        self.assertEqual(loaded["notes"], [
            FRAGMENT_NOTE, "your_app, your_app.models found nowhere: taken as the app the fragment comes from"])
        self.adapter.ok("reset", fixture=FIXTURE)
        answer = self.adapter.ok("request", **post_json({"name": "W", "sku": "P-1", "price": 2.5, "warehouse_id": 1}))
        self.assertEqual(answer["status"], 201, answer)
        self.adapter.ok("load", app=self.APP, database_url=self.url)

    def test_a_blueprint_of_its_own_is_registered_on_the_fragments_app(self):
        loaded = self.adapter.ok("load", app="tests/apps/blueprint_fragment.py", database_url=self.url)
        self.assertEqual(loaded["notes"], [FRAGMENT_NOTE, "its blueprint products registered on that app"])
        self.assertEqual(loaded["routes"], [{"rule": "/api/products", "methods": ["POST"]}])
        self.adapter.ok("reset", fixture=FIXTURE)
        answer = self.adapter.ok("request", **post_json(
            {"name": "W", "sku": "B-1", "price": 2.5, "warehouse_id": 1}, dump=True))
        self.assertEqual(answer["status"], 201, answer)
        self.assertEqual([row["sku"] for row in answer["tables"]["products"]["rows"]], ["B-1"])
        self.adapter.ok("load", app=self.APP, database_url=self.url)

    def test_a_view_beside_an_app_py_or_one_building_its_app_is_no_fragment(self):
        from adapter.fragment import is_fragment

        view = "from flask import request\n\n@app.route('/api/products', methods=['POST'])\ndef create(): pass\n"
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "views.py")
            with open(path, "w") as file:
                file.write(view)
            self.assertTrue(is_fragment(path))
            with open(path, "w") as file:
                file.write("from flask import Flask\napp = Flask(__name__)\n" + view)
            self.assertFalse(is_fragment(path))
            with open(path, "w") as file:
                file.write(view)
            with open(os.path.join(folder, "app.py"), "w") as file:
                file.write("from flask import Flask\napp = Flask(__name__)\n")
            self.assertFalse(is_fragment(path))


GIVEN_NOTE = ("models imported but not handed in: given as db and the models the original implies (Company, Warehouse, "
              "Product, Inventory, InventoryChange)")


@needs_database
class OwnAppOverGivenModelsTests(_Loaded):
    """A `.py` file that builds its own app over a `models` module it never handed in."""

    APP = "tests/apps/own_app_over_given_models.py"

    def test_it_runs_over_the_given_models(self):
        self.assertEqual(self.loaded["notes"], [
            GIVEN_NOTE,
            "module-level app used as built (no create_app)",
            "database URI sqlite:///:memory: replaced by the harness's database",
        ])
        self.assertEqual(
            set(self.loaded["tables"]), {"companies", "warehouses", "products", "inventory", "inventory_changes"})
        self.adapter.ok("reset", fixture=FIXTURE)
        answer = self.adapter.ok("request", **post_json(
            {"name": "W", "sku": "G-1", "price": 2.5, "warehouse_id": 1, "initial_quantity": 3}, dump=True))
        self.assertEqual(answer["status"], 201, answer)
        self.assertEqual([row["quantity"] for row in answer["tables"]["inventory"]["rows"]], [3])

    def test_a_model_the_given_module_lacks_is_named_with_what_it_holds(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "alerts.py")
            with open(path, "w") as file:
                file.write("from flask import Flask\nfrom models import db, Supplier\napp = Flask(__name__)\n")
            refused = self.adapter.send("load", app=path, database_url=self.url)
        self.assertEqual(refused["error"]["kind"], "app-load")
        self.assertIn("cannot import name 'Supplier' from 'models': models was not handed in, and the one given in "
                      "its place holds only db, Company, Warehouse, Product, Inventory, InventoryChange",
                      refused["error"]["message"])
        self.adapter.ok("load", app=self.APP, database_url=self.url)

    def test_only_modules_imported_and_missing_are_given(self):
        from adapter.fragment import missing_given_modules

        own_app = "from flask import Flask\nfrom models import db\nimport database\napp = Flask(__name__)\n"
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "app.py")
            with open(path, "w") as file:
                file.write(own_app)
            self.assertEqual(missing_given_modules(path), ["models", "database"])
            with open(os.path.join(folder, "models.py"), "w") as file:
                file.write("")
            self.assertEqual(missing_given_modules(path), ["database"])
            with open(path, "w") as file:
                file.write(own_app.replace("app = Flask(__name__)\n", ""))  # builds no app: not this case
            self.assertEqual(missing_given_modules(path), [])


@needs_database
class EntryModuleTests(_Loaded):
    """A package whose `__init__.py` is empty and whose `app.py` builds the app with relative imports."""

    APP = "tests/apps/entry_module"

    def test_its_app_module_builds_the_app(self):
        self.assertEqual(self.loaded["notes"], [
            "the package's __init__.py builds no app: its app.py does, and was used",
            "create_app() takes no configuration: built as written, then configured",
            "database URI sqlite:///<its folder>/local.db replaced by the harness's database",
        ])
        self.adapter.ok("reset", fixture=FIXTURE)
        answer = self.adapter.ok("request", **post_json({"sku": "E-1"}))
        self.assertEqual(answer["status"], 201, answer)


@needs_database
class UnregisteredDatabaseTests(_Loaded):
    """`models.py` makes `db = SQLAlchemy()` and `app.py` uses it, but nothing calls `db.init_app(app)`."""

    APP = "tests/apps/unregistered/app.py"

    def test_the_harness_registers_it_and_says_so(self):
        self.assertEqual(self.loaded["notes"], [
            "module-level app used as built (no create_app)",
            "Flask-SQLAlchemy was never registered with the app (no init_app): the harness registered it",
        ])
        self.adapter.ok("reset", fixture=FIXTURE)
        answer = self.adapter.ok("request", **post_json({"sku": "U-1"}, dump=True))
        self.assertEqual(answer["status"], 201, answer)
        self.assertEqual([row["sku"] for row in answer["tables"]["products"]["rows"]], ["U-1"])

    def test_an_app_without_flask_sqlalchemy_is_still_refused(self):
        refused = self.adapter.send("load", app="tests/apps/no_database.py", database_url=self.url)
        self.assertEqual(refused["error"]["kind"], "app-load")
        self.assertEqual(refused["error"]["message"], "tests/apps/no_database.py does not use Flask-SQLAlchemy")
        self.adapter.ok("load", app=self.APP, database_url=self.url)


@needs_database
class OneStatementCreateTests(_Loaded):
    """A create writing the product and its inventory row in one CTE: faults and pauses aimed at the inventory
    INSERT find the statement that makes it, so the grader can test its atomicity instead of finding no such
    statement."""

    APP = "tests/apps/one_statement.py"

    def test_the_statement_lists_both_writes(self):
        self.adapter.ok("reset", fixture=FIXTURE)
        answer = self.adapter.ok("request", **post_json({"sku": "A", "quantity": 5}, dump=True))
        self.assertEqual(answer["status"], 201, answer)
        self.assertEqual(answer["statements"][0], {
            "kind": "INSERT", "table": "products",
            "writes": [{"kind": "INSERT", "table": "products"}, {"kind": "INSERT", "table": "inventory"}]})
        self.assertEqual([row["quantity"] for row in answer["tables"]["inventory"]["rows"]], [5])

    def test_a_fault_aimed_at_the_inventory_insert_fails_the_whole_statement(self):
        self.adapter.ok("reset", fixture=FIXTURE)
        self.adapter.ok("fault", statement={"kind": "INSERT", "table": "inventory"})
        answer = self.adapter.ok("request", **post_json({"sku": "B", "quantity": 5}, dump=True))
        self.assertEqual((answer["status"], answer["faults_fired"]), (503, 1))
        self.assertEqual(answer["tables"]["products"]["rows"], [])
        self.assertEqual(answer["tables"]["inventory"]["rows"], [])

    def test_a_race_pauses_before_the_statement_that_inserts_the_inventory(self):
        self.adapter.ok("reset", fixture=FIXTURE)
        race = self.adapter.ok("race", first=post_json({"sku": "C", "quantity": 1}),
                               pause_before={"kind": "INSERT", "table": "inventory"},
                               second=post_json({"sku": "C", "quantity": 2}))
        self.assertTrue(race["paused"])
        self.assertEqual((race["second"]["status"], race["first"]["status"]), (201, 503))



@needs_database
class SingularTableNamesTests(_Loaded):
    """Models without `__tablename__` (Flask-SQLAlchemy names the tables `company`, `warehouse`, `product`): each is
    taken as the case study's table, with no mapping file."""

    APP = "tests/apps/singular.py"

    def test_each_singular_table_is_taken_as_the_case_studys_and_noted(self):
        self.assertEqual(self.loaded["notes"], [
            "table company taken as companies (its singular)",
            "table warehouse taken as warehouses (its singular)",
            "table product taken as products (its singular)",
        ])
        self.assertEqual(set(self.loaded["tables"]), {"companies", "warehouses", "products", "inventory"})

    def test_the_fixture_fills_them_and_a_create_is_dumped_and_faulted_under_the_case_studys_names(self):
        self.adapter.ok("reset", fixture=FIXTURE)
        answer = self.adapter.ok("request", **post_json({"sku": "A", "warehouse_id": 1, "quantity": 3}, dump=True))
        self.assertEqual(answer["status"], 201, answer)
        self.assertEqual([row["name"] for row in answer["tables"]["warehouses"]["rows"]],
                         [row["name"] for row in FIXTURE[2]["rows"]])
        self.assertEqual([row["sku"] for row in answer["tables"]["products"]["rows"]], ["A"])
        self.assertIn({"kind": "INSERT", "table": "products"}, answer["statements"])
        self.adapter.ok("fault", statement={"kind": "INSERT", "table": "inventory"})
        failed = self.adapter.ok("request", **post_json({"sku": "B", "warehouse_id": 1, "quantity": 3}))
        self.assertEqual(failed["faults_fired"], 1)

    def test_a_seed_naming_a_column_the_table_lacks_lists_the_columns_it_has(self):
        self.adapter.ok("reset", fixture=FIXTURE)
        refused = self.adapter.send("seed", table="products", rows=[{"sku": "T", "low_stock_threshold": 5}])
        self.assertEqual(refused["error"]["kind"], "protocol")
        self.assertEqual(
            refused["error"]["message"],
            "table `products` (the app's `product`) has no column `low_stock_threshold`; its columns: id, sku "
            "(a mapping can name the one meant)")

    def test_a_mapping_file_still_decides_first(self):
        loaded = self.adapter.ok(
            "load", app=self.APP, database_url=self.url, mapping={"tables": {"products": "product"}})
        self.assertNotIn("table product taken as products (its singular)", loaded["notes"])
        self.assertIn("table company taken as companies (its singular)", loaded["notes"])



@needs_database
class OtherColumnNamesTests(_Loaded):
    """`products.threshold`, `sales.quantity_sold` and `sales.sale_date` (beside `created_at`), with no mapping."""

    APP = "tests/apps/other_column_names.py"

    def test_each_is_taken_as_the_case_studys_column_and_noted(self):
        self.assertEqual(self.loaded["notes"], [
            "column products.threshold taken as low_stock_threshold (another name for it)",
            "column sales.quantity_sold taken as quantity (another name for it)",
            "column sales.sale_date taken as sold_at (another name for it)",
        ])
        self.assertEqual(
            set(self.loaded["tables"]["sales"]), {"id", "product_id", "quantity", "sold_at", "created_at"})

    def test_rows_are_written_and_read_under_the_case_studys_names(self):
        self.adapter.ok("reset", fixture=[])
        self.adapter.ok("seed", table="products", rows=[{"sku": "T-1", "low_stock_threshold": 5}])
        self.adapter.ok("seed", table="sales", rows=[
            {"product_id": 1, "quantity": 3, "sold_at": {"timestamp": "2026-01-10T12:00:00Z"}}])
        tables = self.adapter.ok("dump")["tables"]
        self.assertEqual(tables["products"]["rows"][0]["low_stock_threshold"], 5)
        sale = tables["sales"]["rows"][0]
        self.assertEqual((sale["quantity"], sale["sold_at"]), (3, {"timestamp": "2026-01-10T12:00:00Z"}))

    def test_a_mapping_file_still_decides_first(self):
        loaded = self.adapter.ok(
            "load", app=self.APP, database_url=self.url, mapping={"columns": {"sales": {"sold_at": "created_at"}}})
        self.assertNotIn("column sales.sale_date taken as sold_at (another name for it)", loaded["notes"])
        self.assertIn("column sales.quantity_sold taken as quantity (another name for it)", loaded["notes"])
        self.adapter.ok("load", app=self.APP, database_url=self.url)


@needs_database
class SalesAsOrdersTests(_Loaded):
    """No `sales` table: sales kept as `sales_orders` with `sales_order_lines` (and purchase orders beside them)."""

    APP = "tests/apps/sales_as_orders.py"
    SALE = {"product_id": 1, "warehouse_id": 3, "quantity": 4, "sold_at": {"timestamp": "2026-01-10T12:00:00Z"}}

    def test_the_harness_sees_a_sales_table_and_the_notes_say_where_it_goes(self):
        self.assertEqual(set(self.loaded["tables"]["sales"]), {"product_id", "warehouse_id", "quantity", "sold_at"})
        self.assertEqual(self.loaded["stand_ins"], {"sales": ["sales_orders", "sales_order_lines"]})
        self.assertIn(
            "no sales table: a sale is written as a sales_orders row (ordered_at, warehouse_id, status 'completed') "
            "with one sales_order_lines row (product_id, quantity)", self.loaded["notes"])

    def test_a_sale_is_a_completed_order_of_its_warehouse_with_one_line(self):
        self.adapter.ok("reset", fixture=FIXTURE + [{"table": "products", "rows": [{"id": 1, "sku": "P-1"}]}])
        answer = self.adapter.ok("seed", table="sales", rows=[self.SALE, {**self.SALE, "quantity": 2}])
        self.assertEqual(answer["ids"], [1, 2])
        tables = self.adapter.ok("dump")["tables"]
        orders = tables["sales_orders"]["rows"]
        self.assertEqual([(o["company_id"], o["warehouse_id"], o["status"]) for o in orders],
                         [(2, 3, "completed"), (2, 3, "completed")])  # the company is the warehouse's
        self.assertEqual(orders[0]["ordered_at"], {"timestamp": "2026-01-10T12:00:00Z"})
        lines = tables["sales_order_lines"]["rows"]
        self.assertEqual([(l["sales_order_id"], l["product_id"], l["quantity"]) for l in lines], [(1, 1, 4), (2, 1, 2)])
        self.assertEqual(tables["purchase_orders"]["rows"], [])

    def test_a_sale_the_lines_refuse_writes_no_order(self):
        self.adapter.ok("reset", fixture=FIXTURE + [{"table": "products", "rows": [{"id": 1, "sku": "P-1"}]}])
        answer = self.adapter.ok("seed", table="sales", rows=[self.SALE, {**self.SALE, "quantity": 0}])
        self.assertEqual(answer["refused"]["constraint"], "sales_order_lines_quantity_positive")
        self.assertEqual(self.adapter.ok("dump")["tables"]["sales_orders"]["rows"], [])


@needs_database
class OtherTableNamesTests(_Loaded):
    """`inventory_movements` (with `quantity_delta`, `change_type`) and `product_suppliers`, with no mapping."""

    APP = "tests/apps/other_table_names.py"

    def test_each_is_taken_as_the_case_studys_table_and_noted(self):
        self.assertEqual(self.loaded["notes"], [
            "table inventory_movements taken as inventory_changes (another name for it)",
            "table product_suppliers taken as supplier_products (another name for it)",
            "column inventory_movements.quantity_delta taken as change (another name for it)",
            "column inventory_movements.change_type taken as reason (another name for it)",
        ])
        self.assertEqual(set(self.loaded["tables"]["inventory_changes"]), {"id", "product_id", "change", "reason"})

    def test_rows_are_written_and_read_under_the_case_studys_names(self):
        self.adapter.ok("reset", fixture=[])
        self.adapter.ok("seed", table="products", rows=[{"sku": "T-1"}])
        self.adapter.ok("seed", table="suppliers", rows=[{"name": "Bolt & Nut Co"}])
        self.adapter.ok("seed", table="supplier_products", rows=[{"product_id": 1, "supplier_id": 1}])
        self.adapter.ok("seed", table="inventory_changes", rows=[{"product_id": 1, "change": 10, "reason": "initial"}])
        tables = self.adapter.ok("dump")["tables"]
        self.assertEqual(len(tables["supplier_products"]["rows"]), 1)
        change = tables["inventory_changes"]["rows"][0]
        self.assertEqual((change["change"], change["reason"]), (10, "initial"))


@needs_database
class TenantOnEveryRowTests(_Loaded):
    """`inventory.company_id` and `sales.company_id`: NOT NULL foreign keys the harness does not send."""

    APP = "tests/apps/tenant_everywhere.py"

    def test_each_is_filled_from_the_warehouse_the_row_references(self):
        answer = self.adapter.ok("reset", fixture=FIXTURE + [
            {"table": "products", "rows": [{"id": 1, "sku": "P-1"}]},
            {"table": "inventory", "rows": [{"product_id": 1, "warehouse_id": 2, "quantity": 4}]},
        ])
        self.assertEqual(answer["filled"]["inventory"], {"company_id": "reference"})
        seeded = self.adapter.ok("seed", table="sales", rows=[{"warehouse_id": 3, "quantity": 1}])
        self.assertEqual(seeded["filled"], {"company_id": "reference"})
        tables = self.adapter.ok("dump")["tables"]
        warehouses = {row["id"]: row["company_id"] for row in tables["warehouses"]["rows"]}
        self.assertEqual(tables["inventory"]["rows"][0]["company_id"], warehouses[2])
        self.assertEqual(tables["sales"]["rows"][0]["company_id"], warehouses[3])


@needs_database
class ExtensionTypeTests(_Loaded):
    """A `CITEXT` SKU (a textbook answer to SKUs differing only in case): the extension is created before the
    tables, and noted."""

    APP = "tests/apps/citext_sku.py"

    def test_the_extension_is_created_and_the_column_compares_without_case(self):
        self.assertIn("extension citext created: the schema uses it", self.loaded["notes"])
        self.assertEqual(self.loaded["tables"]["products"]["sku"], "citext")
        self.adapter.ok("reset", fixture=FIXTURE)
        self.assertEqual(self.adapter.ok("request", **post_json({"sku": "ab-1"}))["status"], 201)
        self.assertEqual(self.adapter.ok("request", **post_json({"sku": "AB-1"}))["status"], 409)



@needs_database
class NonIntegerKeyTests(_Loaded):
    """A table keyed by a string (a SKU): neither an integer nor a UUID, so not understood, and the load says so, so
    the grade says its verdicts may be wrong. (Tables keyed by UUID are translated: `test_uuid_keys.py`.)"""

    APP = "tests/apps/sku_keyed.py"

    def test_the_load_warns_that_the_key_is_not_understood(self):
        self.assertEqual(self.loaded["notes"], [
            "table products is keyed by sku (VARCHAR(50)), not an integer: the harness numbers its rows by position, "
            "so rows referencing them are not linked to them; verdicts that need the link may be wrong",
        ])


if __name__ == "__main__":
    unittest.main()
