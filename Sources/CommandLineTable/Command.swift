/// A command's whole command line, declared once: its options and positional arguments, each with its help.
///
/// The parser (`parse(_:)`) and the help (`help`, `usageLine`) are both derived from this value, so they cannot
/// disagree. A `CommandGroup` puts commands under one program (`review try`); `bench` is a command on its own.
public struct Command: Sendable {
  /// The word that selects the command (`try`), or the program's name for a program without subcommands.
  public let name: String
  /// One line for the program's list of commands.
  public let abstract: String
  /// The paragraphs after the usage line in the command's help; may be empty.
  public let discussion: String
  /// Every option the command accepts, in the order the usage line and help list them.
  public let options: [Option]
  /// The positional arguments, required ones first.
  public let arguments: [Argument]
  /// The program the command belongs to (`review`), set by `CommandGroup`; `nil` for a program of its own.
  var group: String?

  public init(
    _ name: String, abstract: String, discussion: String = "", options: [Option] = [], arguments: [Argument] = []
  ) {
    let names = options.map(\.name)
    precondition(Set(names).count == names.count, "\(name) declares an option twice")
    precondition(!names.contains(Command.helpName), "--help is every command's; \(name) need not declare it")
    precondition(
      !arguments.drop { !$0.isOptional }.contains { !$0.isOptional }, "\(name): optional arguments come last")
    self.name = name
    self.abstract = abstract
    self.discussion = discussion
    self.options = options
    self.arguments = arguments
  }

  static let helpName = "--help"

  /// How the command is typed: `review try`, or `bench`.
  public var invocation: String { group.map { "\($0) \(name)" } ?? name }

  /// The command that prints this command's help: `review help try`, or `bench --help`.
  public var helpInvocation: String { group.map { "\($0) help \(name)" } ?? "\(name) --help" }

  /// The declared option called `name` (`--format`), if any.
  public func option(_ name: String) -> Option? { options.first { $0.name == name } }

  /// The usage line, wrapped under its own start: `usage: review report [--format markdown|json] [--output PATH]`.
  public var usageLine: String {
    let words = options.map { "[\($0.synopsis)]" } + arguments.map(\.synopsis)
    return wrap(words, after: "usage: \(invocation)").joined(separator: "\n")
  }

  /// The full help: usage line, discussion, then one line per argument and per option.
  public var help: String {
    var sections = [usageLine]
    if !discussion.isEmpty { sections.append(discussion.trimmingTrailingNewlines) }
    let helpOption = ("-h, \(Command.helpName)", "print this help")
    let optionRows = options.map { ($0.term, $0.helpDescription) }
    let width = (arguments.map(\.name) + (optionRows + [helpOption]).map(\.0)).map(\.count).max()! + 2
    if !arguments.isEmpty {
      sections.append(
        (["arguments:"] + arguments.flatMap { row($0.name, $0.help, width: width) }).joined(separator: "\n"))
    }
    let rows = (optionRows + [helpOption]).flatMap { row($0.0, $0.1, width: width) }
    sections.append((["options:"] + rows).joined(separator: "\n"))
    return sections.joined(separator: "\n\n") + "\n"
  }

  /// What to print for a usage mistake: the message, the usage line and where the help is.
  public func failure(_ message: String) -> String {
    "error: \(message)\n\(usageLine)\nSee '\(helpInvocation)'.\n"
  }

  /// `arguments` parsed, or the help if they ask for it, or the mistake in them.
  public func resolve(_ arguments: [String]) -> Resolution {
    do throws(UsageError) {
      guard let parsed = try parse(arguments) else { return .help(help) }
      return .run(self, parsed)
    } catch {
      return .failure(failure(error.message))
    }
  }

  private func row(_ term: String, _ description: String, width: Int) -> [String] {
    let words = description.split(separator: " ").map(String.init)
    return wrap(words, after: "  " + term.padded(to: width))
  }
}

/// What a command line comes to: a command to run with its arguments, help to print, or a usage mistake to report.
public enum Resolution: Sendable {
  /// Run `command` with the parsed arguments.
  case run(Command, ParsedArguments)
  /// Print this text to standard output and exit 0.
  case help(String)
  /// Print this text to standard error and exit 2.
  case failure(String)
}

/// The text of a line: `words` after `start`, wrapped at `width` columns under the first word.
func wrap(_ words: [String], after start: String, width: Int = 116) -> [String] {
  let indent = String(repeating: " ", count: start.count + (start.hasSuffix(" ") ? 0 : 1))
  var lines: [String] = []
  var line = start
  var lineHasWords = false
  for word in words {
    if lineHasWords && line.count + 1 + word.count > width {
      lines.append(line)
      line = indent + word
    } else {
      line += (line.hasSuffix(" ") || line.isEmpty ? "" : " ") + word
    }
    lineHasWords = true
  }
  lines.append(line)
  return lines
}

extension String {
  func padded(to width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }

  var trimmingTrailingNewlines: String {
    var text = self
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }
}
