import Findings
import RequestLayer

/// `review replay`: a JSON Lines script of requests, run in order per implementation, answered as JSON Lines.
enum ReplayCommand {
  static let usage = """
    usage: review replay [--to NAME ...] [--fixture FILE] FILE

    FILE (or `-` for standard input) holds one request per line:
      {"method": "POST", "path": "/api/products", "content_type": "application/json", "body": "...", "as": 1}
    (`as` is a company id, or null for no authenticated user; every field but body has a default).
    The requests run in order against one fresh store per implementation, so a line can depend on earlier ones.
    Prints one JSON line per request per implementation: status, headers, body, and the store's tables afterwards.

    """

  static func run(_ arguments: [String], _ environment: CommandEnvironment) -> CommandResult {
    ReviewCommand.guarded(usage) {
      let parsed = try ParsedArguments(arguments, valued: ["--to", "--fixture"])
      if parsed.wantsHelp { return CommandResult(output: usage) }
      guard parsed.positionals.count == 1 else { throw UsageError("replay takes exactly one FILE") }
      let text = try InputFile.read(parsed.positionals[0], environment)
      var script: [ScriptedRequest] = []
      for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      where !line.trimmingCharacters(in: .whitespaces).isEmpty {
        do {
          script.append(try ScriptedRequest(line: String(line), number: offset + 1))
        } catch {
          throw UsageError("\(parsed.positionals[0]): \(error)")
        }
      }
      let exchanges = try Replay.run(
        script, against: try TryCommand.selected(parsed.options["--to"] ?? []),
        fixture: try FixtureCommand.load(parsed.value("--fixture"), environment))
      let lines = exchanges.map { exchange in
        JSONValue.object(JSONObject(exchange.jsonResponse + [("tables", exchange.snapshot.json)])).encoded()
      }
      return CommandResult(output: lines.map { $0 + "\n" }.joined())
    }
  }
}
