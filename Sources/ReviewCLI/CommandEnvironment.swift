import Foundation

/// What a command needs from its process: where it runs and how to read standard input.
public struct CommandEnvironment: Sendable {
  public var currentDirectory: String
  public var readStandardInput: @Sendable () -> String
  /// Where a long command says what it is doing while it runs (the process's standard error).
  public var progress: @Sendable (String) -> Void

  public init(
    currentDirectory: String, readStandardInput: @escaping @Sendable () -> String = { "" },
    progress: @escaping @Sendable (String) -> Void = { _ in }
  ) {
    self.currentDirectory = currentDirectory
    self.readStandardInput = readStandardInput
    self.progress = progress
  }

  /// The running process's directory, standard input, and standard error for progress.
  public static var process: CommandEnvironment {
    CommandEnvironment(
      currentDirectory: FileManager.default.currentDirectoryPath,
      readStandardInput: { String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) },
      progress: { FileHandle.standardError.write(Data("review: \($0)\n".utf8)) })
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
