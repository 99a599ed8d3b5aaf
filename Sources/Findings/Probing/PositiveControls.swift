import RequestLayer
import Store

extension Trial {
  /// Ends a scenario whose answers showed no defect, once a positive control passes: a valid create with a fresh
  /// SKU must succeed, or refusing the scenario's requests showed nothing (a submission that refuses everything
  /// refuses the bad requests too), and the scenario is inconclusive.
  func absentIfValidCreateSucceeds(_ summary: String, sku: String = "CONTROL-1") throws -> Observation {
    try refusedControl(summary, sku: sku) ?? absent(summary)
  }

  /// `absentIfValidCreateSucceeds(_:sku:)` for a scenario that saw its defect partly removed.
  func partlyIfValidCreateSucceeds(_ summary: String, sku: String = "CONTROL-1") throws -> Observation {
    try refusedControl(summary, sku: sku) ?? partly(summary)
  }

  /// Sends the control; an inconclusive observation when it was refused, else `nil`.
  private func refusedControl(_ summary: String, sku: String) throws -> Observation? {
    let control = try createProduct(ProductBody.json(["sku": "\"\(sku)\""]))
    guard !control.isSuccess else { return nil }
    return inconclusive(
      summary.withoutClosingPeriod
        + "; but a valid create (SKU \(sku)) answered \(control.brief) too, so the refusals show nothing.")
  }
}

extension AlertsScenario {
  /// Ends an alerts scenario whose answers showed no defect, once a positive control passes: `product` (or, when
  /// `nil`, a new Acme product low on stock and selling) must be in Acme's alerts; otherwise an endpoint that
  /// answers nothing useful would pass, and the scenario is inconclusive.
  func absentIfAlerting(_ summary: String, product: Int? = nil) throws -> Observation {
    try silentControl(summary, product: product) ?? trial.absent(summary)
  }

  /// Ends an alerts scenario whose answer showed its defect only by an alert missing, once the same positive control
  /// passes: an endpoint that alerts on nothing here (its sales kept where the harness cannot write them, say)
  /// would show every such defect, and the scenario is inconclusive.
  func reproducedIfAlerting(_ summary: String) throws -> Observation {
    try silentControl(summary, product: nil) ?? trial.reproduced(summary)
  }

  /// Asks for the control; an inconclusive observation when Acme's alerts lack it, else `nil`.
  private func silentControl(_ summary: String, product: Int?) throws -> Observation? {
    let product =
      try product ?? lowStock("Control Bolt", sku: "CONTROL-1", threshold: 10, stock: 2, perDay: 1)
    let response = try alerts()
    guard response.isSuccess, response.alertObjects.contains(where: { $0["product_id"] == .integer(product) }) else {
      return trial.inconclusive(
        summary.withoutClosingPeriod
          + "; but Acme's own alerts (\(response.brief), \(response.alertObjects.count) alert(s)) lack product "
          + "\(product), which is low on stock and selling, so the endpoint showed nothing.")
    }
    return nil
  }
}
