import Foundation
import ReviewCLI

// The `review` executable: everything happens in ReviewCommand, which the tests drive the same way.
let result = ReviewCommand.run(Array(CommandLine.arguments.dropFirst()), environment: .process)
FileHandle.standardOutput.write(Data(result.output.utf8))
FileHandle.standardError.write(Data(result.errors.utf8))
exit(result.exitCode)
