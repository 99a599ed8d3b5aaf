/// What resolving a finding means, fully and in part, as the grade judges it.
public struct Resolution: Sendable, Hashable {
  /// What a submission must do for the finding to be resolved.
  public let full: String
  /// What earns half the weight (the harm gone, part of the wrong answer left); `nil` when the probe knows no
  /// partial resolution.
  public let partial: String?

  public init(full: String, partial: String? = nil) {
    self.full = full
    self.partial = partial
  }
}

extension Finding {
  /// What full and partial resolution of this finding mean.
  public var resolution: Resolution {
    Resolution.byFindingID[id] ?? Resolution(full: "the probe no longer shows the defect.")
  }
}

extension Resolution {
  /// Each finding's resolution, by finding id; a test checks that every catalogued finding has one.
  public static let byFindingID: [String: Resolution] = [
    "missing-validation": Resolution(
      full: "a body without `name` or `warehouse_id` gets a 4xx JSON error naming the field, and nothing is written."),
    "unchecked-types": Resolution(
      full: "a string price, a numeric name, `true` as a warehouse and a list as a quantity each get a 4xx naming the "
        + "field, writing nothing."),
    "no-range-checks": Resolution(
      full: "a negative price or quantity, a blank name, a third decimal place and `NaN` each get a 4xx naming the "
        + "field, writing nothing."),
    "non-object-body": Resolution(
      full: "`null`, `[]`, a string and a number as the body each get a 4xx JSON error about the body."),
    "html-error-responses": Resolution(
      full: "malformed JSON and a `text/plain` body get a 4xx JSON error about the body, not an HTML page."),
    "required-optional-field": Resolution(
      full: "a create without `initial_quantity` succeeds and stocks the product (at 0), or is refused cleanly "
        + "with a 4xx naming the field and nothing written (either choice is accepted)."),
    "non-atomic-commit": Resolution(
      full: "when the inventory insert fails, the create is refused and the database is exactly as before."),
    "no-error-handling": Resolution(
      full: "a failed commit answers 503 with a JSON error and `Retry-After`, and nothing is saved.",
      partial: "nothing is saved and the error is JSON, but the status is not 503 with `Retry-After`."),
    "duplicate-sku": Resolution(
      full: "a second create with a taken SKU answers 409 and no second product exists."),
    "sku-race": Resolution(
      full: "of two interleaved creates with one SKU, one succeeds and the other answers 409; one product exists.",
      partial: "one product exists, but the loser is not answered 409 (a 500, say)."),
    "duplicate-inventory-row": Resolution(
      full: "the database refuses a second inventory row for the same product and warehouse."),
    "float-price": Resolution(full: "a price of 19.99 is stored as the exact decimal 19.99."),
    "product-tied-to-warehouse": Resolution(full: "the product row carries no warehouse."),
    "no-change-log": Resolution(
      full: "a create with stock writes a change-log entry (change 10, quantity after 10) for its inventory row."),
    "wrong-status-code": Resolution(
      full: "a valid create answers 201 with a `Location` header.",
      partial: "it answers 201, without a `Location`."),
    "no-authentication": Resolution(full: "an anonymous create answers 401 and writes nothing."),
    "no-role-check": Resolution(
      full: "a signed-in user whose role may not create products (a viewer) gets 403 and nothing is written."),
    "no-tenant-check": Resolution(
      full: "a create into another company's warehouse answers 403 or 404 and writes nothing."),
    "unknown-warehouse": Resolution(
      full: "a create into a warehouse that does not exist answers 404, 400 or 422 naming `warehouse_id` (or the "
        + "warehouse), writing nothing.",
      partial: "nothing is written and the error is handled JSON, but it does not name `warehouse_id` or the "
        + "warehouse (a JSON 500, say)."),
    "catalog-requires-stock": Resolution(
      full: "a create without `warehouse_id` enters the catalog with no inventory row, and `initial_quantity` "
        + "without a warehouse gets a 4xx naming `warehouse_id`, writing nothing."),
    "sku-case-variants": Resolution(
      full: "`b1` after `B1` answers 409, and of `C1` and `c1` raced, one answers 409: one product per SKU "
        + "whatever its case."),
    "non-idempotent-retry": Resolution(
      full: "retries with the same `Idempotency-Key` replay the first answer and write nothing; the key with "
        + "another body gets a 4xx naming `Idempotency-Key`; another company's same key is its own.",
      partial: "retries replay the first answer and write nothing, but reusing the key with another body, or "
        + "another company's same key, is not handled."),
    "untraceable-failures": Resolution(
      full: "a server failure's 5xx body carries the request's id, logged once with it; client mistakes are not "
        + "logged as errors."),
    "failures-not-by-cause": Resolution(
      full: "each database failure is answered by its cause: a transient one 503 with `Retry-After`, one caused "
        + "by a value the client sent a 4xx naming that field."),
    "alerts-ignores-company": Resolution(full: "a company's alerts hold only its own warehouses' stock."),
    "alerts-no-authorization": Resolution(
      full: "another company's user gets 403 and an anonymous caller 401, while the company's own user gets its alerts."
    ),
    "alerts-unknown-company": Resolution(full: "an unknown company gets 404 naming `company_id`."),
    "alerts-missing-threshold-crash": Resolution(
      full: "a product without any threshold is skipped and the other alerts still come back."),
    "alerts-ignores-product-type": Resolution(
      full: "a product without its own threshold uses its type's; a product's override wins."),
    "alerts-no-recent-sales-filter": Resolution(
      full: "a product that last sold outside the window does not alert, while one selling now does."),
    "alerts-fake-sales-rate": Resolution(
      full: "days until stockout come from real sales: 10 in stock at 3 a day gives 3 (3.33 unrounded, 4 rounded up)."),
    "alerts-placeholder-supplier": Resolution(full: "each alert names the product's own primary supplier."),
    "alerts-no-reorder-quantity": Resolution(
      full: "each alert suggests how much to reorder from the rate of sale, the supplier's lead time and its minimum "
        + "order."),
    "alerts-missing-warehouse-name": Resolution(full: "each alert carries its warehouse's name."),
    "alerts-query-per-row": Resolution(
      full: "one company's alerts send the same number of statements however many other companies exist."),
    "alerts-unsorted-unpaginated": Resolution(
      full: "alerts come most urgent first, `limit` pages them with `total_alerts` counting all, and a bad `limit` "
        + "gets a 4xx naming it."),
  ]
}
