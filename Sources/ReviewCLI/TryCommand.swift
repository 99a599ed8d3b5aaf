import CommandLineTable
import Findings
import Foundation
import Report
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
      output: parsed.value("--format") == "json"
        ? ExchangeText.json(scripted, exchanges) : ExchangeText.text(scripted, exchanges))
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
}
