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

  /// `review try --format json`: the request and, per implementation, the answer and the rows it changed.
  public static func json(_ scripted: ScriptedRequest, _ exchanges: [Replay.Exchange]) -> String {
    let document: JSONValue = [
      "request": scripted.json,
      "results": .array(
        exchanges.map { exchange in
          var result = exchange.jsonResponse
          result.append(("changes", .array(exchange.changes.map(\.json))))
          return .object(JSONObject(result))
        }),
    ]
    return document.encoded(pretty: true) + "\n"
  }

  /// `review replay`'s line for one exchange: the answer and every table after it, as one JSON object.
  public static func replayLine(_ exchange: Replay.Exchange) -> String {
    JSONValue.object(JSONObject(exchange.jsonResponse + [("tables", exchange.snapshot.json)])).encoded()
  }
}

extension ScriptedRequest {
  /// The request as a script line would write it.
  public var json: JSONValue {
    var fields: [(String, JSONValue)] = [
      ("method", .string(method)), ("path", .string(path)),
      ("content_type", contentType.map(JSONValue.string) ?? .null),
      ("body", .string(body)), ("as", companyID.map(JSONValue.integer) ?? .null),
    ]
    if !headers.isEmpty {
      fields.append(
        ("headers", .object(JSONObject(headers.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))))
    }
    return .object(JSONObject(fields))
  }
}

extension Replay.Exchange {
  /// Who answered and how: implementation, status, headers, body and the error behind a 500.
  public var jsonResponse: [(String, JSONValue)] {
    [
      ("implementation", .string(implementation)), ("index", .integer(index)), ("status", .integer(response.status)),
      ("headers", .object(JSONObject(response.headers.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))),
      ("body", .string(response.body)), ("uncaught_error", response.uncaughtError.map(JSONValue.string) ?? .null),
    ]
  }
}
