import RequestLayer
import Store

extension Finding {
  static let noAuthentication = Finding(
    id: "no-authentication",
    title: "Anyone can create products without signing in",
    severity: .critical, category: .security, candidateItems: [10],
    problem: "The view never looks at who is calling: an anonymous request creates products like any other.",
    impact: "Anyone who can reach the API can write into any company's catalog and stock.",
    fix: "Require an authenticated principal and answer `401` without one, before reading the body.",
    probe: Probe("POST a valid product with no authenticated user.") { trial in
      let (response, changes) = try trial.createProductChanging(ProductBody.json(), as: nil)
      let wrote = !changes.isEmpty
      let summary = "answered \(response.brief)\(wrote ? " and wrote rows" : ", writing nothing")."
      return response.status != 401 || wrote
        ? trial.reproduced(summary) : try trial.absentIfValidCreateSucceeds(summary)
    })

  static let noRoleCheck = Finding(
    id: "no-role-check",
    title: "A viewer can create products",
    severity: .high, category: .security,
    problem: """
      Being signed in is all the view asks: a user whose role only reads (a `viewer`, or `staff` who move stock) \
      creates products like the catalog's owners.
      """,
    impact: "Anyone with a read-only account can change the catalog: roles grant nothing.",
    fix: """
      Read the caller's role from `users` and answer `403` naming the rule (only `admin` and `manager` may \
      create products) before reading the body, writing nothing.
      """,
    probe: Probe("As Acme's viewer (carol, user 3), POST a valid product.") { trial in
      let (response, changes) = try trial.createProductChanging(ProductBody.json(), as: Fixture.acmeViewer)
      let wrote = !changes.isEmpty
      return trial.verdict(
        showing: response.status != 403 || wrote,
        "answered \(response.brief)\(wrote ? " and wrote rows" : ", writing nothing").")
    })

  static let noTenantCheck = Finding(
    id: "no-tenant-check",
    title: "A user can create stock in another company's warehouse",
    severity: .critical, category: .security, candidateItems: [10],
    problem: """
      `warehouse_id` is taken from the body and never compared with the caller's company, so a user of one \
      company can write into another's warehouse.
      """,
    impact: "One tenant can pollute (or probe) another tenant's inventory: a cross-tenant data breach.",
    fix: """
      Load the warehouse, and answer `403` naming `warehouse_id` when it belongs to another company; record the \
      product's owning company from the principal, never from the body.
      """,
    probe: Probe(
      "As Acme's user, POST a product into warehouse 3, which belongs to Globex; then the same naming Globex as its "
        + "company_id, as a body that is trusted for the company would let anyone."
    ) { trial in
      let (response, changes) = try trial.createProductChanging(ProductBody.json(["warehouse_id": "3"]))
      let wrote = !changes.isEmpty
      let summary = "answered \(response.brief)\(wrote ? " and wrote into Globex's warehouse" : ", writing nothing")"
      guard !wrote, response.status == 403 || response.status == 404 else { return trial.reproduced(summary + ".") }
      let (naming, namingChanges) = try trial.createProductChanging(
        ProductBody.json(["warehouse_id": "3", "sku": "\"W-2\"", "company_id": "2"]))
      let trusted = naming.isSuccess || !namingChanges.isEmpty
      let named =
        "; naming Globex as company_id it answered \(naming.brief)"
        + (namingChanges.isEmpty ? ", writing nothing." : " and wrote into Globex's warehouse.")
      return trusted ? trial.reproduced(summary + named) : try trial.absentIfValidCreateSucceeds(summary + named)
    })

  static let unknownWarehouse = Finding(
    id: "unknown-warehouse",
    title: "An unknown warehouse is a 500, not a 404",
    severity: .medium, category: .validation,
    problem: """
      Nothing checks that `warehouse_id` exists; the foreign key rejects it at commit and the `IntegrityError` \
      escapes as a 500.
      """,
    impact: "A typo in a warehouse id looks like a server outage; the client is not told which field is wrong.",
    fix: "Look the warehouse up first and answer `404` naming `warehouse_id` when it does not exist.",
    probe: Probe("POST a valid product into warehouse 999, which does not exist.") { trial in
      let (response, changes) = try trial.createProductChanging(ProductBody.json(["warehouse_id": "999"]))
      let summary = "answered \(response.brief)\(changes.isEmpty ? ", writing nothing" : " and wrote rows")."
      if !changes.isEmpty || response.uncaughtError != nil || response.json == nil { return trial.reproduced(summary) }
      if response.rejects(field: "warehouse_id") && [404, 400, 422].contains(response.status) {
        return try trial.absentIfValidCreateSucceeds(summary)
      }
      return try trial.partlyIfValidCreateSucceeds(
        summary + " Nothing was kept, but the client is not told which field is wrong.")
    })
}
