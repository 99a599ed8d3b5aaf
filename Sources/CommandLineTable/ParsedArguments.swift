/// A command line read against its `Command`: option values, flags and positional arguments, all checked.
///
/// Read an option back by the name it is declared with; reading an undeclared one is a programming error.
public struct ParsedArguments: Sendable {
  private let command: Command
  private let given: [String: [String]]
  private let flags: Set<String>
  /// The positional arguments, in order; their count is within what the command declares.
  public let positionals: [String]

  /// The value given for `name` (`--format`), or its declared default.
  public func value(_ name: String) -> String? {
    let option = declared(name)
    precondition(option.takesValue && !option.isRepeatable, "\(name) is not a single-valued option; see values(_:)")
    return given[name]?.last ?? option.defaultValue
  }

  /// Every value given for the repeatable option `name`, in order.
  public func values(_ name: String) -> [String] {
    precondition(declared(name).isRepeatable, "\(name) is not a repeatable option")
    return given[name] ?? []
  }

  /// Whether the flag `name` was given.
  public func flag(_ name: String) -> Bool {
    precondition(!declared(name).takesValue, "\(name) takes a value; see value(_:)")
    return flags.contains(name)
  }

  /// The positional argument declared as `name` (`BODY`), or `nil` for an optional one left out.
  public func argument(_ name: String) -> String? {
    guard let index = command.arguments.firstIndex(where: { $0.name == name }) else {
      preconditionFailure("\(command.invocation) declares no argument \(name)")
    }
    return index < positionals.count ? positionals[index] : nil
  }

  private func declared(_ name: String) -> Option {
    guard let option = command.option(name) else {
      preconditionFailure("\(command.invocation) declares no option \(name)")
    }
    return option
  }

  init(command: Command, values: [String: [String]], flags: Set<String>, positionals: [String]) {
    self.command = command
    self.given = values
    self.flags = flags
    self.positionals = positionals
  }
}

extension Command {
  /// Parses `arguments` (without the command's own name): `nil` when they ask for the help (`--help` or `-h`
  /// before any `--`).
  ///
  /// Options are `--name value` or `--name=value`; a value that starts with `--` must use the second form. `--`
  /// ends the options: everything after it is positional. A lone `-` is positional (standard input, by convention).
  public func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments? {
    let optionPart = arguments.prefix { $0 != "--" }
    if optionPart.contains(Command.helpName) || optionPart.contains("-h") { return nil }
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []
    var index = 0
    var optionsEnded = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
        positionals.append(argument)
        continue
      }
      if argument == "--" {
        optionsEnded = true
        continue
      }
      let equals = argument.hasPrefix("--") ? argument.firstIndex(of: "=") : nil
      let name = equals.map { String(argument[..<$0]) } ?? argument
      guard let option = option(name) else { throw UsageError("unknown option '\(name)'") }
      if values[name] != nil || flags.contains(name), !option.isRepeatable {
        throw UsageError("\(name) may be given only once")
      }
      guard option.takesValue else {
        guard equals == nil else { throw UsageError("\(name) takes no value") }
        flags.insert(name)
        continue
      }
      let value: String
      if let equals {
        value = String(argument[argument.index(after: equals)...])
      } else {
        guard index < arguments.count, !arguments[index].hasPrefix("--") else {
          throw UsageError("missing value for \(name)")
        }
        value = arguments[index]
        index += 1
      }
      guard option.allowedValues.isEmpty || option.allowedValues.contains(value) else {
        throw UsageError(
          "invalid value '\(value)' for \(name); valid values: " + option.allowedValues.joined(separator: ", "))
      }
      values[name, default: []].append(value)
    }
    let required = self.arguments.filter { !$0.isOptional }.count
    if positionals.count < required { throw UsageError("missing \(self.arguments[positionals.count].name)") }
    if positionals.count > self.arguments.count {
      throw UsageError("unexpected argument '\(positionals[self.arguments.count])'")
    }
    return ParsedArguments(command: self, values: values, flags: flags, positionals: positionals)
  }
}
