import Foundation
import ReviewCLI

/// Runs the `review` command in-process, from the package root, exactly as the executable does.
func review(_ arguments: String..., input: String = "") -> CommandResult {
  ReviewCommand.run(arguments, environment: CommandEnvironment(currentDirectory: packageRoot.path) { input })
}

/// The package root, found from this file's location.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
