import Foundation

extension Command {
  /// Parses the running process's arguments for a program without subcommands (`bench`): prints the help and
  /// exits 0 when asked for it, prints the mistake and exits 2 when there is one.
  public func parseProcessArguments(_ arguments: [String] = Array(CommandLine.arguments.dropFirst()))
    -> ParsedArguments
  {
    switch resolve(arguments) {
    case .run(_, let parsed):
      return parsed
    case .help(let text):
      FileHandle.standardOutput.write(Data(text.utf8))
      exit(0)
    case .failure(let text):
      FileHandle.standardError.write(Data(text.utf8))
      exit(2)
    }
  }
}
