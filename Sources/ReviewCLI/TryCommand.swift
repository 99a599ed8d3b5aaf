import CommandLineTable
import Findings
import Foundation
import RequestLayer
import Store
import Submissions

/// `review try`: one request against every implementation, each on a fresh fixture store, answers side by side.
enum TryCommand {
  static let command = Command(
    "try", abstract: "send one request to every implementation, side by side",
    discussion: """
      Sends BODY to each implementation (all by default), each on a fresh store loaded with the fixture, and prints
      what each answered and what it changed.
      """,
    options: [
      SharedOptions.to,
      .value("--method", "METHOD", help: "the request's method", default: "POST"),
      .value("--path", "PATH", help: "the request's path", default: "/api/products"),
      .value(
        "--content-type", "TYPE", help: "the Content-Type header; `none` sends no Content-Type",
        default: "application/json"),
      .repeatable("--header", "NAME:VALUE", help: "a further request header, e.g. `Idempotency-Key: k1`"),
      .value(
        "--as", "COMPANY_ID|none", help: "the company whose user sends it; `none` sends no authenticated user",
        default: "1"),
      SharedOptions.fixture,
      .value("--format", "FORMAT", help: "how to print the answers", allowed: ["text", "json"], default: "text"),
    ],
    arguments: [
      .required("BODY", help: "the raw request text; `@file` for a file's text, `-` for standard input")
    ])

  @Sendable static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) throws -> CommandResult {
    let implementations = try selected(parsed.values("--to"))
    let fixture = try FixtureCommand.load(parsed.value("--fixture"), environment)
    let contentType = parsed.value("--content-type")!
    let scripted = ScriptedRequest(
      method: parsed.value("--method")!, path: parsed.value("--path")!,
      contentType: contentType == "none" ? nil : contentType,
      body: try InputFile.body(parsed.argument("BODY")!, environment), headers: try headers(parsed.values("--header")),
      companyID: try company(parsed.value("--as")))
    let exchanges = try Replay.run([scripted], against: implementations, fixture: fixture)
    return CommandResult(
      output: parsed.value("--format") == "json" ? json(scripted, exchanges) : text(scripted, exchanges))
  }

  /// The implementations named by `--to`, or all; an unknown name is a usage error listing the valid ones.
  static func selected(_ names: [String]) throws -> [Implementation] {
    try names.isEmpty
      ? Registry.all
      : names.map { name in
        guard let implementation = Registry.implementation(named: name) else {
          throw UsageError(
            "unknown implementation \(name); registered: " + Registry.all.map(\.name).joined(separator: ", "))
        }
        return implementation
      }
  }

  /// `--header` values as a dictionary; a value without a colon or with an empty name is a usage error.
  static func headers(_ arguments: [String]) throws -> [String: String] {
    var headers: [String: String] = [:]
    for argument in arguments {
      guard let colon = argument.firstIndex(of: ":"), colon != argument.startIndex else {
        throw UsageError("--header takes NAME:VALUE, not \(argument)")
      }
      headers[String(argument[..<colon])] = argument[argument.index(after: colon)...]
        .trimmingCharacters(in: .whitespaces)
    }
    return headers
  }

  static func company(_ argument: String?) throws -> Int? {
    guard let argument else { return 1 }
    if argument == "none" { return nil }
    guard let id = Int(argument) else { throw UsageError("--as takes a company id or none, not \(argument)") }
    return id
  }

  static func text(_ scripted: ScriptedRequest, _ exchanges: [Replay.Exchange]) -> String {
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

  static func json(_ scripted: ScriptedRequest, _ exchanges: [Replay.Exchange]) -> String {
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
}

extension ScriptedRequest {
  /// The request as a script line would write it.
  var json: JSONValue {
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
  var jsonResponse: [(String, JSONValue)] {
    [
      ("implementation", .string(implementation)), ("index", .integer(index)), ("status", .integer(response.status)),
      ("headers", .object(JSONObject(response.headers.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))),
      ("body", .string(response.body)), ("uncaught_error", response.uncaughtError.map(JSONValue.string) ?? .null),
    ]
  }
}
