import RequestLayer
import Store

extension Finding {
  /// Sends each case; a client mistake must get a 4xx naming its field and write nothing. The summary lists
  /// what each case got.
  static func clientMistakes(
    _ cases: [(label: String, body: String, field: String)], on trial: Trial,
    contentType: String? = "application/json"
  ) throws -> Observation {
    var answers: [String] = []
    var wrong = false
    for (label, body, field) in cases {
      let (response, changes) = try trial.createProductChanging(body, contentType: contentType)
      let wrote = !changes.isEmpty
      wrong = wrong || wrote || !response.rejects(field: field)
      answers.append("\(label): \(response.brief)\(wrote ? ", and rows were written" : "")")
    }
    let summary = answers.joined(separator: "; ") + "."
    return wrong ? trial.reproduced(summary) : try trial.absentIfValidCreateSucceeds(summary)
  }

  static let missingValidation = Finding(
    id: "missing-validation",
    title: "A missing required field crashes the handler",
    severity: .high, category: .validation, candidateItems: [1],
    problem: """
      The handler reads `data['name']`, `data['sku']`, `data['price']` and `data['warehouse_id']` with plain \
      subscripts. An absent key raises `KeyError`, which nothing catches.
      """,
    impact: """
      A client that forgets a field gets `500 Internal Server Error` with no hint of what to change; monitoring \
      counts a client mistake as a server fault, and on-call is paged for bad input.
      """,
    fix: """
      Check each required field before touching the database and answer `400` with \
      `{"error": "<field> is required", "field": "<field>"}`.
      """,
    probe: Probe("POST a product body without `name`, then one without `sku`.") { trial in
      try clientMistakes(
        [
          ("without name", ProductBody.json(["name": nil]), "name"),
          ("without sku", ProductBody.json(["sku": nil]), "sku"),
        ], on: trial)
    })

  static let uncheckedTypes = Finding(
    id: "unchecked-types",
    title: "Field types are not checked",
    severity: .high, category: .validation, candidateItems: [1],
    problem: """
      Values go to the database as they arrive: a string price, a numeric name or `true` as a warehouse id \
      reach the driver, which fails on them (a 500), or stores them where PostgreSQL converts them (a name of \
      42 becomes the text "42").
      """,
    impact: """
      Wrong-typed input is a 500 instead of a 400, and with the two commits it can fail after the product is \
      already saved. Whatever the database happens to coerce is stored unchecked.
      """,
    fix: """
      Check each field's JSON type (a string name and SKU, a JSON number price, integer ids and quantities; \
      `true` is not a number) and answer `400` naming the field.
      """,
    probe: Probe("POST `price: \"abc\"`, then `name: 42`, then `warehouse_id: true`, then `initial_quantity: [10]`.") {
      trial in
      try clientMistakes(
        [
          ("price \"abc\"", ProductBody.json(["price": "\"abc\"", "sku": "\"TEXT-PRICE\""]), "price"),
          ("name 42", ProductBody.json(["name": "42", "sku": "\"NUMBER-NAME\""]), "name"),
          (
            "warehouse_id true", ProductBody.json(["warehouse_id": "true", "sku": "\"BOOL-WAREHOUSE\""]), "warehouse_id"
          ),
          (
            "initial_quantity [10]", ProductBody.json(["initial_quantity": "[10]", "sku": "\"LIST-QUANTITY\""]),
            "initial_quantity"
          ),
        ], on: trial)
    })

  static let noRangeChecks = Finding(
    id: "no-range-checks",
    title: "Negative, blank and over-precise values are stored",
    severity: .medium, category: .validation,
    problem: """
      Nothing checks a value's range or format: a negative price, a negative initial quantity, a blank name, \
      a price with three decimal places and a `NaN` price (Python's `json` accepts the literal) are all written \
      as sent, or silently rounded.
      """,
    impact: """
      Negative stock and prices corrupt reports and reorder logic; a blank name is unusable in the UI; a \
      price of 19.999 is either kept as a fraction of a cent or rounded without the client knowing.
      """,
    fix: """
      Reject a negative price or quantity, a blank name or SKU, and a price with more than two decimal places \
      with `400` naming the field; back the rules with check constraints (`price >= 0`, `quantity >= 0`).
      """,
    probe: Probe(
      "POST `price: -5`, then `initial_quantity: -3`, then `name: \"   \"`, then `price: 19.999`, then `price: NaN`."
    ) { trial in
      try clientMistakes(
        [
          ("price -5", ProductBody.json(["price": "-5", "sku": "\"NEG-PRICE\""]), "price"),
          (
            "initial_quantity -3", ProductBody.json(["initial_quantity": "-3", "sku": "\"NEG-QTY\""]),
            "initial_quantity"
          ),
          ("blank name", ProductBody.json(["name": "\"   \"", "sku": "\"BLANK\""]), "name"),
          ("price 19.999", ProductBody.json(["price": "19.999", "sku": "\"PRECISE\""]), "price"),
          ("price NaN", ProductBody.json(["price": "NaN", "sku": "\"NOT-A-NUMBER\""]), "price"),
        ], on: trial)
    })

  static let nonObjectBody = Finding(
    id: "non-object-body",
    title: "A `null`, list or scalar JSON body crashes the handler",
    severity: .medium, category: .validation,
    problem: """
      `request.json` returns whatever JSON arrived. For `null` the first `data['name']` raises `TypeError: \
      'NoneType' object is not subscriptable`; a list or a number fails the same way.
      """,
    impact: "A well-formed but wrong body is a 500 rather than a 400 that says a JSON object is expected.",
    fix: "Require the body to be a JSON object and answer `400` naming `body` otherwise.",
    probe: Probe("POST the JSON bodies `null`, `[]`, `\"Widget\"` and `42`.") { trial in
      try clientMistakes(
        [("null", "null", "body"), ("[]", "[]", "body"), ("\"Widget\"", "\"Widget\"", "body"), ("42", "42", "body")],
        on: trial)
    })

  static let htmlErrorResponses = Finding(
    id: "html-error-responses",
    title: "Malformed JSON and a wrong content type get HTML error pages",
    severity: .low, category: .apiContract,
    problem: """
      Flask answers malformed JSON with `400` and a non-JSON content type with `415`, as it should, but the \
      body is an HTML page; every other error of this endpoint is HTML too.
      """,
    impact: "API clients cannot parse the error or show which part of the request was wrong.",
    fix: "Answer every error with a JSON body `{\"error\": ..., \"field\": ...}`, naming `body` for body errors.",
    probe: Probe("POST a truncated JSON body, then a valid body sent as `text/plain`.") { trial in
      let malformed = try trial.createProduct("{\"name\": \"Widget\", ")
      let plain = try trial.createProduct(ProductBody.json(), contentType: "text/plain")
      let wrong = [("malformed JSON", malformed), ("text/plain", plain)].filter { !$0.1.rejects(field: "body") }
      guard wrong.isEmpty else {
        return trial.reproduced(wrong.map { "\($0.0): \($0.1.brief)" }.joined(separator: "; ") + ".")
      }
      return try trial.absentIfValidCreateSucceeds(
        "malformed JSON got \(malformed.brief); text/plain got \(plain.brief).")
    })

  static let requiredOptionalField = Finding(
    id: "required-optional-field",
    title: "Leaving out the optional `initial_quantity` fails after the product is saved",
    severity: .high, category: .dataIntegrity, candidateItems: [9],
    problem: """
      The brief says some fields are optional, but `data['initial_quantity']` is a plain subscript read after \
      the first commit: a body without it raises `KeyError` once the product already exists.
      """,
    impact: """
      An ordinary request leaves a product with no inventory row and answers 500. The client retries, which \
      creates a second product with the same SKU: one client mistake, two corrupt rows.
      """,
    fix: """
      Treat `initial_quantity` as optional with a default of 0 (validated as a non-negative integer when \
      present), and read every field before writing anything.
      """,
    probe: Probe("POST a valid body without `initial_quantity`, then retry it with `initial_quantity: 0`.") {
      trial in
      let (first, written) = try trial.createProductChanging(ProductBody.json(["initial_quantity": nil]))
      if first.isSuccess {
        guard let quantity = try trial.rows("inventory").first?["quantity"] else {
          return trial.reproduced("answered \(first.brief) but stocked the product nowhere.")
        }
        return trial.absent("answered \(first.brief) and stocked the product with quantity \(quantity).")
      }
      if written.isEmpty, first.rejects(field: "initial_quantity") {
        return try trial.absentIfValidCreateSucceeds(
          "treats initial_quantity as required (a choice the brief leaves open): \(first.brief), writing nothing.")
      }
      let orphans = try trial.orphanedProducts()
      let retry = try trial.createProduct(ProductBody.json(["initial_quantity": "0"]))
      let products = try trial.rows("products").filter { $0["sku"] == .text("W-1") }.map(\.id)
      return trial.reproduced(
        "answered \(first.brief)"
          + (orphans.isEmpty
            ? "" : " and left product \(orphans.map(String.init).joined(separator: ", ")) with no inventory")
          + "; the retry answered \(retry.brief), and products \(products.map(String.init)) now hold SKU W-1.")
    })
}

extension Trial {
  /// Ids of committed products that have no inventory row.
  func orphanedProducts() throws -> [Int] {
    let snapshot = try snapshot()
    let stocked = Set(snapshot.rows("inventory").compactMap { $0["product_id"].int })
    return snapshot.rows("products").map(\.id).filter { !stocked.contains($0) }
  }
}
