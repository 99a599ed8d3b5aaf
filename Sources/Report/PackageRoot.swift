import Foundation

/// Finds the package's root folder, so code excerpts can be read wherever `swift run` was started inside it.
public enum PackageRoot {
  /// The name `Package.swift` declares; a folder whose manifest declares it is the root.
  public static let packageName = "StockFlowReview"

  /// The nearest folder at or above `start` whose `Package.swift` declares this package.
  public static func locate(from start: String = FileManager.default.currentDirectoryPath) throws -> URL {
    var folder = URL(fileURLWithPath: start, isDirectory: true).standardizedFileURL
    var searched: [String] = []
    while true {
      searched.append(folder.path)
      let manifest = folder.appendingPathComponent("Package.swift")
      if let text = try? String(contentsOf: manifest, encoding: .utf8), text.contains("name: \"\(packageName)\"") {
        return folder
      }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { break }
      folder = parent
    }
    throw PackageRootNotFound(searched: searched)
  }
}

/// No folder at or above the starting one holds this package's `Package.swift`.
public struct PackageRootNotFound: Error, CustomStringConvertible {
  public let searched: [String]

  public var description: String {
    "cannot find the package root: no Package.swift declaring name: \"\(PackageRoot.packageName)\" in "
      + searched.joined(separator: ", ") + ". Run the command from inside the package."
  }
}
