/// A program made of commands (`review report`, `review try`, ...), with `help` and `--help` derived from them.
public struct CommandGroup: Sendable {
  /// The program's name: `review`.
  public let name: String
  /// What the program does, under the usage line of its help.
  public let abstract: String
  /// The commands, in the order the help lists them; each knows it belongs to this group.
  public let commands: [Command]
  /// The command that runs when none is named (`review`, `review --format json`).
  public let defaultCommand: String?

  public init(_ name: String, abstract: String, commands: [Command], defaultCommand: String? = nil) {
    let names = commands.map(\.name)
    precondition(Set(names).count == names.count && !names.contains("help"), "\(name): command names must differ")
    precondition(defaultCommand.map(names.contains) ?? true, "\(name): the default command is not declared")
    self.name = name
    self.abstract = abstract
    self.commands = commands.map { command in
      var command = command
      command.group = name
      return command
    }
    self.defaultCommand = defaultCommand
  }

  /// The command called `name`, if there is one.
  public func command(_ name: String) -> Command? { commands.first { $0.name == name } }

  /// The usage line of the program as a whole.
  public var usageLine: String {
    "usage: \(name) " + (defaultCommand == nil ? "<command>" : "[<command>]") + " [options] [arguments]"
  }

  /// The program's help: its usage, what it does, and one line per command.
  public var help: String {
    let rows =
      commands.map { ($0.name, $0.abstract + ($0.name == defaultCommand ? " (the default)" : "")) } + [
        ("help", "this list, or one command's help: \(name) help <command>")
      ]
    let width = rows.map(\.0.count).max()! + 2
    let lines = rows.flatMap { wrap($0.1.split(separator: " ").map(String.init), after: "  " + $0.0.padded(to: width)) }
    return """
      \(usageLine)

      \(abstract.trimmingTrailingNewlines)

      commands:
      \(lines.joined(separator: "\n"))

      Options are written `--name value` or `--name=value`; `--` ends the options, so what follows it is an argument
      even if it starts with `-`. Every command takes --help.

      """
  }

  /// What to print for a mistake outside any one command, such as an unknown command name.
  public func failure(_ message: String) -> String {
    "error: \(message)\n\(usageLine)\nSee '\(name) help'.\n"
  }

  /// What `arguments` (without the program's name) come to: a command to run, help, or a usage mistake.
  public func resolve(_ arguments: [String]) -> Resolution {
    guard let first = arguments.first else {
      return defaultCommand.flatMap(command).map { $0.resolve([]) } ?? .help(help)
    }
    let rest = Array(arguments.dropFirst())
    if first == "help" {
      guard let topic = rest.first, topic != "help" else { return .help(help) }
      guard rest.count == 1 else { return .failure(failure("help takes at most one command")) }
      guard let command = command(topic) else { return .failure(failure(unknown(topic))) }
      return .help(command.help)
    }
    if first == Command.helpName || first == "-h" { return .help(help) }
    if let command = command(first) { return command.resolve(rest) }
    if first.hasPrefix("-"), let command = defaultCommand.flatMap(command) { return command.resolve(arguments) }
    return .failure(failure(unknown(first)))
  }

  private func unknown(_ name: String) -> String {
    "unknown command '\(name)'; commands: " + (commands.map(\.name) + ["help"]).joined(separator: ", ")
  }
}
