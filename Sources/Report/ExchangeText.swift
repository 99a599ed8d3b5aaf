import Findings
import Foundation
import RequestLayer
import Store

/// How `review try` and `review replay` print what each implementation answered.
public enum ExchangeText {
  /// `review try`'s text: the request in one line and its body, then per implementation the status, headers,
  /// body, the error behind a 500 and the rows the request changed.
  public static func text(_ scripted: ScriptedRequest, _ exchanges: [Replay.Exchange]) -> String {
    var out = [
      "\(scripted.method) \(scripted.path)"
        + (scripted.companyID.map { " as company \($0)'s user" } ?? " with no authenticated user")
        + (scripted.contentType.map { ", Content-Type: \($0)" } ?? ", no Content-Type")
        + scripted.headers.sorted { $0.key < $1.key }.map { ", \($0.key): \($0.value)" }.joined(),
      "body: \(scripted.body)", "",
    ]
    for exchange in exchanges {
      let response = exchange.response
      out.append("== \(exchange.implementation): \(response.status)")
      for name in response.headers.keys.sorted() { out.append("   \(name): \(response.headers[name]!)") }
      out.append(
        "   body:    "
          + response.body.trimmingCharacters(in: .newlines).replacingOccurrences(of: "\n", with: "\n            "))
      if let error = response.uncaughtError { out.append("   raised:  \(error)") }
      if exchange.changes.isEmpty { out.append("   store:   unchanged") }
      for (index, change) in exchange.changes.enumerated() {
        out.append((index == 0 ? "   store:   " : "            ") + change.description)
      }
      out.append("")
    }
    return out.joined(separator: "\n")
  }

  /// `review try --format json`: the request and, per implementation, the exchange (answer and rows changed).
  public static func json(_ scripted: ScriptedRequest, _ exchanges: [Replay.Exchange]) -> String {
    ReportJSON.text(TryDocument(request: scripted, results: exchanges))
  }

  /// `review replay`'s line for one exchange: the exchange and every table after it, as one JSON object.
  public static func replayLine(_ exchange: Replay.Exchange) -> String {
    ReportJSON.text(ReplayLine(exchange: exchange, tables: exchange.snapshot.json), pretty: false)
  }

  /// What `review try --format json` prints.
  struct TryDocument: Encodable {
    let request: ScriptedRequest
    let results: [Replay.Exchange]
  }

  /// A replay line: the exchange's members, plus `tables`, the store after the request.
  struct ReplayLine: Encodable {
    let exchange: Replay.Exchange
    let tables: JSONValue

    enum CodingKeys: String, CodingKey {
      case tables
    }

    func encode(to encoder: any Encoder) throws {
      try exchange.encode(to: encoder)
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(tables, forKey: .tables)
    }
  }
}
