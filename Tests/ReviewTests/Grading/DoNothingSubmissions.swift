import Fixed
import RequestLayer
import Store
import Submissions

/// Submissions that do no work, for holding the grader to "doing nothing scores nothing".
enum DoNothingSubmissions {
  /// Answers every request with `status` and a JSON error that names every field a probe could look for.
  static func refusing(_ name: String, status: Int, headers: [String: String] = [:]) -> Implementation {
    let handler: Handler = { _, _ in
      .json(
        [
          "error": "refused",
          "errors": [
            "name", "sku", "price", "warehouse_id", "initial_quantity", "body", "company_id", "limit",
          ],
        ], status: status, headers: headers)
    }
    return Implementation(
      name: name, summary: "Refuses everything with \(status).", role: .submission, sourceFolder: "fixed",
      schema: Fixed.schema, createProduct: handler, lowStockAlerts: handler)
  }

  /// A 400 naming every field, a 401, a 404, a 503 with `Retry-After`.
  static let all = [
    refusing("refuses-400", status: 400), refusing("refuses-401", status: 401),
    refusing("refuses-404", status: 404), refusing("always-503", status: 503, headers: ["Retry-After": "1"]),
  ]
}
