"""How a statement is recorded and which faults and pauses it meets; no database needed."""

import unittest

from adapter.naming import Naming
from adapter.recording import Fault, _matches, classify

NAMING = Naming.from_command(None)

ONE_STATEMENT_CREATE = """
WITH product AS (INSERT INTO products (name, sku) VALUES (%(name)s, %(sku)s) RETURNING id),
     stock AS (INSERT INTO inventory (product_id, quantity) SELECT id, %(quantity)s FROM product RETURNING id)
INSERT INTO inventory_changes (inventory_id, change) SELECT id, %(quantity)s FROM stock
RETURNING (SELECT id FROM product)
"""


class ClassifyTests(unittest.TestCase):
    def test_a_plain_statement_is_its_first_word_and_table(self):
        self.assertEqual(classify("INSERT INTO products (name) VALUES (%(name)s)", NAMING),
                         {"kind": "INSERT", "table": "products"})
        self.assertEqual(classify('UPDATE "inventory" SET quantity = 1', NAMING),
                         {"kind": "UPDATE", "table": "inventory"})
        self.assertEqual(classify("DELETE FROM ONLY public.products WHERE id = 1", NAMING),
                         {"kind": "DELETE", "table": "products"})

    def test_a_statement_writing_several_tables_lists_every_write(self):
        self.assertEqual(classify(ONE_STATEMENT_CREATE, NAMING), {
            "kind": "INSERT", "table": "products",
            "writes": [{"kind": "INSERT", "table": "products"}, {"kind": "INSERT", "table": "inventory"},
                       {"kind": "INSERT", "table": "inventory_changes"}],
        })

    def test_locking_reads_and_upserts_write_only_their_table(self):
        self.assertEqual(classify("SELECT products.id FROM products WHERE id = 1 FOR UPDATE", NAMING),
                         {"kind": "SELECT", "table": "products"})
        self.assertEqual(classify("SELECT id FROM inventory FOR NO KEY UPDATE OF inventory", NAMING),
                         {"kind": "SELECT", "table": "inventory"})
        upsert = "INSERT INTO inventory (product_id) VALUES (1) ON CONFLICT (product_id) DO UPDATE SET quantity = 2"
        self.assertEqual(classify(upsert, NAMING), {"kind": "INSERT", "table": "inventory"})

    def test_a_fault_or_pause_aimed_at_any_write_of_a_statement_finds_it(self):
        statement = classify(ONE_STATEMENT_CREATE, NAMING)
        self.assertTrue(_matches({"kind": "INSERT", "table": "inventory"}, statement))
        self.assertTrue(_matches({"kind": "INSERT", "table": "products"}, statement))
        self.assertFalse(_matches({"kind": "UPDATE", "table": "inventory"}, statement))
        self.assertFalse(_matches({"kind": "INSERT", "table": "warehouses"}, statement))
        fault = Fault(point={"kind": "INSERT", "table": "inventory"}, occurrence=1)
        self.assertTrue(fault.counts(statement))


if __name__ == "__main__":
    unittest.main()
