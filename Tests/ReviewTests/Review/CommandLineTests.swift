import CommandLineTable
import Foundation
import ReviewCLI
import Testing

/// The command line is declared once per command: the parser and every help text come from that declaration.
@Suite("The review command line: one table per command, parsed and described from it")
struct CommandLineTests {
  private let commands = ReviewCommand.commandLine.commands

  @Test func helpForTryPrintsEveryOptionTryAccepts() throws {
    let help = review("help", "try")
    #expect(help.exitCode == 0)
    let accepted = ["--to", "--method", "--path", "--content-type", "--header", "--as", "--fixture", "--format"]
    for option in accepted {
      #expect(help.output.contains("[\(option) "), "the usage line of try names \(option)")
      #expect(help.output.contains("\n  \(option) "), "the options of try list \(option)")
    }
    let tryCommand = try #require(ReviewCommand.commandLine.command("try"))
    #expect(Set(tryCommand.options.map(\.name)) == Set(accepted))
  }

  @Test func aBodyAfterDoubleDashIsSentAsIs() throws {
    let result = review("try", "--to", "fixed", "--format=json", "--", "-x")
    #expect(result.exitCode == 0)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    let request = try #require(document["request"] as? [String: Any])
    #expect(request["body"] as? String == "-x")
    #expect(review("try", "-x").errors.hasPrefix("error: unknown option '-x'\n"))
  }

  @Test func optionsTakeTheirValueAfterAnEqualsSign() throws {
    let result = review("report", "--format=json")
    #expect(result.exitCode == 0)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    #expect((document["findings"] as? [Any])?.isEmpty == false)
  }

  @Test func aRejectedValueListsTheValidOnes() {
    let result = review("report", "--format", "xml")
    #expect(result.exitCode == 2)
    #expect(result.output.isEmpty)
    #expect(
      result.errors == """
        error: invalid value 'xml' for --format; valid values: markdown, json
        usage: review report [--format markdown|json] [--output PATH] [--pages FOLDER]
        See 'review help report'.

        """)
  }

  @Test func anUnknownOptionIsAUsageError() {
    let result = review("try", "--bogus", "{}")
    #expect(result.exitCode == 2)
    #expect(result.output.isEmpty)
    #expect(result.errors.hasPrefix("error: unknown option '--bogus'\nusage: review try [--to NAME ...]"))
    #expect(result.errors.hasSuffix("\nSee 'review help try'.\n"))
  }

  @Test(
    "An option without its value is a usage error",
    arguments: [["try", "{}", "--method"], ["try", "--method", "--path", "/", "{}"], ["replay", "--fixture"]])
  func missingValue(_ arguments: [String]) {
    let result = CommandLineTests.run(arguments)
    #expect(result.exitCode == 2)
    #expect(result.errors.hasPrefix("error: missing value for --"))
    #expect(result.errors.hasSuffix("See 'review help \(arguments[0])'.\n"))
  }

  @Test func aSingleOptionGivenTwiceIsAUsageError() {
    let result = review("report", "--format", "json", "--format", "markdown")
    #expect(result.exitCode == 2)
    #expect(result.errors.hasPrefix("error: --format may be given only once\n"))
  }

  @Test func anUnknownNameStillListsTheValidOnes() {
    let implementation = review("replay", "--to=nobody", "-", input: "")
    #expect(implementation.errors.hasPrefix("error: unknown implementation nobody; registered: original, fixed"))
    #expect(implementation.errors.hasSuffix("See 'review help replay'.\n"))
    let finding = review("diff", "no-such-finding")
    #expect(finding.exitCode == 2)
    #expect(finding.errors.hasPrefix("error: unknown finding no-such-finding; valid ids: missing-validation, "))
  }

  @Test func helpListsEveryCommandOnOneLine() {
    let help = review("help")
    #expect(help.exitCode == 0)
    #expect(review("--help").output == help.output)
    let listed = help.output.components(separatedBy: "commands:\n")[1].components(separatedBy: "\n\n")[0]
      .split(separator: "\n")
    #expect(listed.map { $0.split(separator: " ")[0] } == commands.map { Substring($0.name) } + ["help"])
  }

  @Test func helpForAnUnknownCommandIsAUsageError() {
    let result = review("help", "frobnicate")
    #expect(result.exitCode == 2)
    #expect(result.errors.hasPrefix("error: unknown command 'frobnicate'; commands: report, list, "))
    #expect(result.errors.hasSuffix("See 'review help'.\n"))
  }

  /// Every command's usage line and options list name exactly the options its parser accepts, and the parser
  /// refuses the rest.
  @Test func everyCommandsHelpListsExactlyWhatItsParserAccepts() throws {
    for command in commands {
      let help = review("help", command.name)
      #expect(help.exitCode == 0)
      #expect(review(command.name, "--help").output == help.output)
      #expect(help.output.hasPrefix(command.usageLine + "\n"))
      let usageOptions = CommandLineTests.optionNames(in: command.usageLine)
      let listedOptions = CommandLineTests.optionNames(
        in: help.output.components(separatedBy: "\noptions:\n")[1].split(separator: "\n")
          .filter { $0.hasPrefix("  -") }.map {
            $0.split(separator: " ", maxSplits: 2).prefix(2).joined(separator: " ")
          }
          .joined(separator: "\n"))
      #expect(listedOptions == usageOptions.union(["--help"]), "\(command.name): the options list the usage line")
      let placeholders = command.arguments.filter { !$0.isOptional }.map { _ in "x" }
      for name in usageOptions {
        let option = try #require(command.option(name), "\(command.name)'s usage names \(name), which it declares")
        let given = option.takesValue ? ["\(name)=\(option.allowedValues.first ?? "x")"] : [name]
        #expect(throws: Never.self, "\(command.name) accepts \(name)") { try command.parse(given + placeholders) }
      }
      #expect(usageOptions == Set(command.options.map(\.name)))
      #expect(throws: UsageError("unknown option '--not-an-option'")) {
        try command.parse(["--not-an-option"] + placeholders)
      }
    }
  }

  static func optionNames(in text: String) -> Set<String> {
    Set(
      text.split { $0 == " " || $0 == "\n" || $0 == "[" || $0 == "]" || $0 == "," }.filter { $0.hasPrefix("--") }.map(
        String.init))
  }

  static func run(_ arguments: [String]) -> ReviewCLI.CommandResult {
    ReviewCommand.run(arguments, environment: CommandEnvironment(currentDirectory: packageRoot.path))
  }
}

/// The parser on a made-up command, for what no `review` command declares: flags, defaults, optional arguments.
@Suite("CommandLineTable's parser")
struct CommandLineTableTests {
  private let command = Command(
    "demo", abstract: "a demonstration",
    options: [
      .flag("--dry-run", help: "change nothing"),
      .value("--level", "N", help: "how far", default: "1"),
      .repeatable("--tag", "TAG", help: "a label", allowed: ["a", "b"]),
    ],
    arguments: [.required("SOURCE", help: "where from"), .optional("TARGET", help: "where to")])

  @Test func readsFlagsValuesDefaultsAndArguments() throws {
    let parsed = try #require(
      try command.parse(["--tag", "a", "src", "--dry-run", "--tag=b", "--level=", "--", "--x"]))
    #expect(parsed.flag("--dry-run"))
    #expect(parsed.value("--level") == "")
    #expect(parsed.values("--tag") == ["a", "b"])
    #expect(parsed.argument("SOURCE") == "src")
    #expect(parsed.argument("TARGET") == "--x")
    let defaults = try #require(try command.parse(["-"]))
    #expect(!defaults.flag("--dry-run") && defaults.value("--level") == "1" && defaults.values("--tag").isEmpty)
    #expect(defaults.argument("SOURCE") == "-" && defaults.argument("TARGET") == nil)
  }

  @Test func helpIsAskedForBeforeDoubleDashOnly() throws {
    #expect(try command.parse(["src", "-h"]) == nil)
    #expect(try command.parse(["--level", "2", "--help"]) == nil)
    #expect(try command.parse(["--", "--help"])?.argument("SOURCE") == "--help")
  }

  @Test(
    "Mistakes are named",
    arguments: [
      (["--dry-run=yes", "s"], "--dry-run takes no value"),
      (["--dry-run", "--dry-run", "s"], "--dry-run may be given only once"),
      (["--tag", "c", "s"], "invalid value 'c' for --tag; valid values: a, b"),
      ([], "missing SOURCE"),
      (["s", "t", "u"], "unexpected argument 'u'"),
      (["-v", "s"], "unknown option '-v'"),
    ])
  func mistakes(_ arguments: [String], _ message: String) {
    #expect(throws: UsageError(message)) { try command.parse(arguments) }
  }

  @Test func helpIsGeneratedFromTheDeclaration() {
    #expect(
      command.help == """
        usage: demo [--dry-run] [--level N] [--tag a|b ...] SOURCE [TARGET]

        arguments:
          SOURCE      where from
          TARGET      where to

        options:
          --dry-run   change nothing
          --level N   how far (default: 1)
          --tag a|b   a label (repeatable)
          -h, --help  print this help

        """)
    #expect(
      command.failure("oops")
        == "error: oops\nusage: demo [--dry-run] [--level N] [--tag a|b ...] SOURCE [TARGET]\nSee 'demo --help'.\n")
  }
}
