import CommandLineTable
import Findings
import Report
import RequestLayer

/// `review replay`: a JSON Lines script of requests, run in order per implementation, answered as JSON Lines.
enum ReplayCommand {
  static let command = Command(
    "replay", abstract: "run a JSON Lines script of requests, print JSON Lines",
    discussion: """
      FILE (or `-` for standard input) holds one request per line:
        {"method": "POST", "path": "/api/products", "content_type": "application/json", "body": "...", "as": 1}
      (`as` is a company id, or null for no authenticated user; every field but body has a default).
      The requests run in order against one fresh store per implementation, so a line can depend on earlier ones.
      Prints one JSON line per request per implementation: status, headers, body, and the store's tables afterwards.
      """,
    options: [SharedOptions.to, SharedOptions.fixture],
    arguments: [.required("FILE", help: "the script, one JSON request per line; `-` reads standard input")])

  @Sendable static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) throws -> CommandResult {
    let file = parsed.argument("FILE")!
    let text = try InputFile.read(file, environment)
    var script: [ScriptedRequest] = []
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where !line.trimmingCharacters(in: .whitespaces).isEmpty {
      do {
        script.append(try ScriptedRequest(line: String(line), number: offset + 1))
      } catch {
        throw UsageError("\(file): \(error)")
      }
    }
    let exchanges = try Replay.run(
      script, against: try TryCommand.selected(parsed.values("--to")),
      fixture: try FixtureCommand.load(parsed.value("--fixture"), environment))
    return CommandResult(output: exchanges.map { ExchangeText.replayLine($0) + "\n" }.joined())
  }
}
