"""The schema's rules that no column constraint can state, as PostgreSQL triggers under the Swift rule names.

- `<table>_same_company`: the rows a row references belong to one company (`inventory`, `sales`: product and
  warehouse; `bundle_components`: bundle and component; `supplier_products`: product and `company_id`). A second
  line of defence behind the handlers' checks. A reference to a missing row passes here: its foreign key refuses it.
- `bundle_components_no_cycle`: a bundle never contains itself, directly or through other bundles.

Each refusal is SQLSTATE 23514 (`check_violation`) naming the rule as its constraint, as a check constraint's
would. They are constraint triggers, run after the row is written, so a check constraint or a foreign key that the
row also breaks answers first (PostgreSQL fires the foreign keys' own triggers before these, by name), as in the
Swift store, which checks constraints before rules. They run on insert and update of the referencing table only: a
product or warehouse changing company afterwards is not re-checked (the schema treats `company_id` as immutable;
nothing in the app updates it).

The no-cycle check takes a transaction-level advisory lock first, so two transactions adding the two halves of a
cycle at once are serialised: the second waits for the first to end, then sees its committed edge (each statement
of a PL/pgSQL function takes a fresh snapshot under READ COMMITTED, PostgreSQL's default). Under REPEATABLE READ the
second would not see it; a writer of bundles at that level must use SERIALIZABLE, which fails one of the two.
"""

from sqlalchemy import DDL, event

# (rule, table, (first column, its table), (second column, its table) or the company column of the row itself)
_SAME_COMPANY = [
    ("inventory_same_company", "inventory", ("product_id", "products"), ("warehouse_id", "warehouses")),
    ("sales_same_company", "sales", ("product_id", "products"), ("warehouse_id", "warehouses")),
    ("bundle_components_same_company", "bundle_components", ("bundle_id", "products"), ("component_id", "products")),
    ("supplier_products_same_company", "supplier_products", ("product_id", "products"), None),
]


def _refusal(rule: str, table: str, message: str) -> str:
    return (f"RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = '{rule}', TABLE = '{table}', "
            f"MESSAGE = {message}")


def _same_company(rule: str, table: str, first: tuple, second: tuple | None) -> str:
    column, target = first
    if second is None:
        other = "NEW.company_id"
        lookup = ""
        described = f"'{column} ' || NEW.{column} || ' belongs to another company than company_id ' || NEW.company_id"
    else:
        other = "right_company"
        lookup = f"SELECT company_id INTO right_company FROM {second[1]} WHERE id = NEW.{second[0]};"
        described = (f"'{column} ' || NEW.{column} || ' and {second[0]} ' || NEW.{second[0]} "
                     f"|| ' belong to different companies'")
    return f"""
CREATE OR REPLACE FUNCTION {rule}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  left_company integer;
  right_company integer;
BEGIN
  SELECT company_id INTO left_company FROM {target} WHERE id = NEW.{column};
  {lookup}
  IF left_company <> {other} THEN
    {_refusal(rule, table, described)};
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER {rule} AFTER INSERT OR UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION {rule}();
"""


_NO_CYCLE = f"""
CREATE OR REPLACE FUNCTION bundle_components_no_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('bundle_components_no_cycle'));
  IF EXISTS (
    WITH RECURSIVE reached(product_id) AS (
      SELECT NEW.component_id
      UNION
      SELECT edge.component_id FROM bundle_components edge JOIN reached ON edge.bundle_id = reached.product_id
      WHERE edge.id <> NEW.id
    )
    SELECT 1 FROM reached WHERE product_id = NEW.bundle_id
  ) THEN
    {_refusal("bundle_components_no_cycle", "bundle_components",
              "'bundle ' || NEW.bundle_id || ' would contain itself through component ' || NEW.component_id")};
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER bundle_components_no_cycle AFTER INSERT OR UPDATE ON bundle_components
  FOR EACH ROW EXECUTE FUNCTION bundle_components_no_cycle();
"""


def install():
    """Attaches each rule's function and trigger to its table's creation (`metadata.create_all`)."""
    from .models import db

    tables = db.metadata.tables
    for rule, table, first, second in _SAME_COMPANY:
        event.listen(tables[table], "after_create", DDL(_same_company(rule, table, first, second)))
    event.listen(tables["bundle_components"], "after_create", DDL(_NO_CYCLE))


RULES = [rule for rule, *_ in _SAME_COMPANY] + ["bundle_components_no_cycle"]
