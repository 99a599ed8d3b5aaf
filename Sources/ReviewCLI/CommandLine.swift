import Foundation

/// What a command needs from its process: where it runs and how to read standard input.
public struct CommandEnvironment: Sendable {
  public var currentDirectory: String
  public var readStandardInput: @Sendable () -> String

  public init(currentDirectory: String, readStandardInput: @escaping @Sendable () -> String = { "" }) {
    self.currentDirectory = currentDirectory
    self.readStandardInput = readStandardInput
  }

  /// The running process's directory and standard input.
  public static var process: CommandEnvironment {
    CommandEnvironment(currentDirectory: FileManager.default.currentDirectoryPath) {
      String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
  }
}

/// What a command printed and how it ended: the executable writes these out; tests read them.
public struct CommandResult: Hashable, Sendable {
  public var exitCode: Int32
  public var output: String
  public var errors: String

  public init(exitCode: Int32 = 0, output: String = "", errors: String = "") {
    self.exitCode = exitCode
    self.output = output
    self.errors = errors
  }

  /// A usage mistake: the message and the usage on standard error, exit status 2.
  static func usage(_ message: String, _ usage: String) -> CommandResult {
    CommandResult(exitCode: 2, errors: "review: \(message)\n\n\(usage)")
  }
}

/// Command-line arguments split into positionals, options with values, and flags.
struct ParsedArguments {
  var positionals: [String] = []
  var options: [String: [String]] = [:]
  var flags: Set<String> = []

  /// Parses `arguments`; `valued` options take the next argument, `flags` take none; anything else starting with
  /// `--` is a usage error. A lone `-` is a positional (standard input).
  init(_ arguments: [String], valued: Set<String> = [], flags allowed: Set<String> = []) throws(UsageError) {
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "--help" || argument == "-h" {
        flags.insert("--help")
      } else if valued.contains(argument) {
        guard index + 1 < arguments.count else { throw UsageError("\(argument) needs a value") }
        options[argument, default: []].append(arguments[index + 1])
        index += 1
      } else if allowed.contains(argument) {
        flags.insert(argument)
      } else if argument.hasPrefix("-") && argument != "-" {
        throw UsageError("unknown option \(argument)")
      } else {
        positionals.append(argument)
      }
      index += 1
    }
  }

  /// The last value given for `option`.
  func value(_ option: String) -> String? { options[option]?.last }

  var wantsHelp: Bool { flags.contains("--help") }
}

/// A mistake in how a command was called.
struct UsageError: Error {
  let message: String

  init(_ message: String) { self.message = message }
}
