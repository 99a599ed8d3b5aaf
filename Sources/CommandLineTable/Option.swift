/// One option a command accepts, declared once: the parser reads it and the help text is written from it.
///
/// Like swift-argument-parser's `@Option(help:)` / `@Flag(help:)`, as a value: a command lists its options in its
/// `Command` declaration and reads them back by name from `ParsedArguments`.
public struct Option: Hashable, Sendable {
  /// The option as typed, with its dashes: `--format`.
  public let name: String
  /// What the value stands for in the help (`PATH`, `NAME`); `nil` for a flag, which takes no value.
  public let valueName: String?
  /// One line saying what the option does; the help adds the default and whether it repeats.
  public let help: String
  /// The only values accepted, when the set is fixed; empty when any value is.
  public let allowedValues: [String]
  /// Whether the option may be given more than once, each value kept (`--to a --to b`).
  public let isRepeatable: Bool
  /// The value `ParsedArguments.value(_:)` returns when the option is absent.
  public let defaultValue: String?
  /// What happens when the option is absent, for the help, if that is not a value (`every registered one`).
  public let absentMeaning: String?

  /// An option that takes a value: `--name VALUE` or `--name=VALUE`.
  ///
  /// `default` is the value read when the option is absent; `whenAbsent` says what absence means when that is not
  /// a value (`the demo fixture`). Either shows in the help.
  public static func value(
    _ name: String, _ valueName: String, help: String, allowed: [String] = [], default defaultValue: String? = nil,
    whenAbsent: String? = nil
  ) -> Option {
    Option(
      name: name, valueName: valueName, help: help, allowedValues: allowed, isRepeatable: false,
      defaultValue: defaultValue, absentMeaning: whenAbsent)
  }

  /// An option that takes a value and may be given several times; every value is kept, in order.
  public static func repeatable(
    _ name: String, _ valueName: String, help: String, allowed: [String] = [], whenAbsent: String? = nil
  ) -> Option {
    Option(
      name: name, valueName: valueName, help: help, allowedValues: allowed, isRepeatable: true, defaultValue: nil,
      absentMeaning: whenAbsent)
  }

  /// An option that takes no value: present or not.
  public static func flag(_ name: String, help: String) -> Option {
    Option(
      name: name, valueName: nil, help: help, allowedValues: [], isRepeatable: false, defaultValue: nil,
      absentMeaning: nil)
  }

  init(
    name: String, valueName: String?, help: String, allowedValues: [String], isRepeatable: Bool,
    defaultValue: String?, absentMeaning: String?
  ) {
    precondition(name.hasPrefix("--") && name.count > 2, "an option is declared as --name, not \(name)")
    precondition(
      defaultValue.map { allowedValues.isEmpty || allowedValues.contains($0) } ?? true,
      "\(name)'s default is not one of its allowed values")
    self.name = name
    self.valueName = valueName
    self.help = help
    self.allowedValues = allowedValues
    self.isRepeatable = isRepeatable
    self.defaultValue = defaultValue
    self.absentMeaning = absentMeaning
  }

  /// Whether the option takes a value.
  public var takesValue: Bool { valueName != nil }

  /// The option with its value as the usage line shows it: `--format markdown|json`, `--to NAME ...`, `--dry-run`.
  public var synopsis: String { term + (isRepeatable ? " ..." : "") }

  /// The option and its value as the help lists it: `--format markdown|json`, `--to NAME`.
  var term: String {
    guard let valueName else { return name }
    return "\(name) " + (allowedValues.isEmpty ? valueName : allowedValues.joined(separator: "|"))
  }

  /// The help line's text: `help`, then the default and whether the option repeats.
  var helpDescription: String {
    var notes: [String] = []
    if isRepeatable { notes.append("repeatable") }
    if let defaultValue { notes.append("default: \(defaultValue.isEmpty ? "empty" : defaultValue)") }
    if let absentMeaning { notes.append("default: \(absentMeaning)") }
    return notes.isEmpty ? help : "\(help) (\(notes.joined(separator: "; ")))"
  }
}

/// A positional argument a command takes, in the order declared: `BODY`, `<id>`.
public struct Argument: Hashable, Sendable {
  /// The name the usage line shows: `FILE`, `<id>`; `ParsedArguments.argument(_:)` reads it back by this name.
  public let name: String
  /// One line saying what the argument is.
  public let help: String
  /// Whether the argument may be left out; optional arguments come after every required one.
  public let isOptional: Bool

  /// An argument that must be given.
  public static func required(_ name: String, help: String) -> Argument {
    Argument(name: name, help: help, isOptional: false)
  }

  /// An argument that may be left out.
  public static func optional(_ name: String, help: String) -> Argument {
    Argument(name: name, help: help, isOptional: true)
  }

  var synopsis: String { isOptional ? "[\(name)]" : name }
}
