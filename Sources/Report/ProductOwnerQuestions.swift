/// The assumptions the review makes where the case study is silent, and the questions it would put to the
/// product owner; fixed text, listed in the report after the evidence.
public enum ProductOwnerQuestions {
  /// What the harness assumes, each with the reason.
  public static let assumptions: [String] = [
    "A SKU is unique across the whole platform, as the brief says, and SKUs that differ only in letter case are the "
      + "same SKU (`B1` and `b1` cannot be told apart on a warehouse floor): the fix enforces it with a unique index "
      + "on `lower(sku)` and stores the SKU as sent.",
    "A product may be created without a `warehouse_id` (catalog first, stock later): it then has no inventory row; "
      + "`initial_quantity` without a `warehouse_id` is refused (400).",
    "A create may carry an `Idempotency-Key` (1 to 255 printable ASCII characters), scoped to the caller's company and "
      + "kept indefinitely with the product: the same key and body replay the first answer (201, same `product_id`); "
      + "the same key with another body is a 422.",
    "A database failure is answered by its cause: 503 with `Retry-After` only when a retry can help (connection lost, "
      + "serialization failure, deadlock, lock timeout); a constraint refusing a value the client sent is a 4xx naming "
      + "the field; anything else is a 500. Every 5xx body carries the request id (the proxy's `X-Request-Id`), which "
      + "the one log line of the failure names; client mistakes are not logged as errors.",
    "Prices are non-negative amounts with at most two decimal places, stored as numeric(12, 2); a price of 0 is "
      + "allowed (free items, samples).",
    "`initial_quantity` is optional and defaults to 0; when given it is a non-negative integer.",
    "A product belongs to the company of the user who creates it; its stock lives in inventory rows, one per "
      + "warehouse.",
    "A user may create products only in warehouses of their own company; another company's warehouse is a 403 and "
      + "an unknown one a 404 (so existence is revealed to signed-in users, which the API accepts).",
    "Unknown fields in the body are refused (400) rather than ignored, so a misspelt optional field is not lost.",
    "A name or SKU holding text no reader can see or no database can store is refused with a 400 naming the field: "
      + "a lone UTF-16 surrogate (`\"\\ud800\"`) and U+FFFD (what a decoder leaves of one; the Swift parser cannot tell "
      + "them apart), and every invisible format character (Unicode category Cf: zero-width space and joiners, the "
      + "byte order mark, the soft hyphen, bidirectional marks, embeddings, isolates and overrides such as U+202E), "
      + "which make two look-alike names differ or display one reversed. Emoji sequences joined by U+200D are refused "
      + "too; control characters already were.",
    "Every error of the fix is JSON, routing errors included: an unknown path or a non-integer company id is a 404, a "
      + "wrong method a 405 whose `Allow` header lists the route's methods. The original keeps Flask's HTML pages.",
    "The original runs on PostgreSQL through psycopg2, with the foreign keys its models imply but no unique index "
      + "on SKU and a double-precision price.",
  ]

  /// What to ask the product owner before building further.
  public static let questions: [String] = [
    "Is a SKU unique across the platform, or per company (two tenants may both sell a `W-1`)?",
    "May a supplier serve several companies, with different terms for each?",
    "What does \"recent sales activity\" mean: how many days, and is it the same for every company?",
    "May a bundle contain other bundles, and how is a bundle's stock counted?",
    "Are inventory change-log entries immutable (corrections as new entries), and how long are they kept?",
    "Can stock be transferred between warehouses, and is a transfer one change or two?",
    "Is `initial_quantity` optional, and is a product without stock anywhere valid? (The fix allows a product with no "
      + "warehouse: should it be listed, sold or alerted on before it is stocked?)",
    "Are SKUs case-insensitive for every tenant, and should other look-alikes (`O`/`0`, `-`/`_`, surrounding spaces) "
      + "also count as the same SKU?",
    "How long must an `Idempotency-Key` be honoured (24 hours is common), and should a create without one be "
      + "refused for some clients?",
    "May a price be 0, and which currency is it in?",
    "Which roles may create products: every user of a company, or only some?",
  ]
}
