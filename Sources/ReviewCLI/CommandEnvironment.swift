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
}
