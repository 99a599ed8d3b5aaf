import Foundation
import RealStack

/// One Python submission to grade: a package folder with `__init__.py`, a single `.py` file, or a flat app (a
/// folder without `__init__.py` whose `app.py`, say, builds the app over its neighbours), and the mapping file
/// beside it when there is one.
struct PythonSubmission: Sendable, Hashable {
  /// The folder's or file's name, without `.py`.
  let name: String
  /// What the adapter loads: the package folder or the `.py` file (a flat app's entry module).
  let path: URL
  /// What was handed in: the folder (a package or a flat app) or the `.py` file.
  let handedIn: URL
  /// `<folder>/stockflow-mapping.json`, or `<stem>.stockflow-mapping.json` beside a file, when it exists.
  let mappingFile: URL?
}

/// What a submission path did not meet in the contract, said so that its author can fix it.
struct SubmissionContractError: Error, CustomStringConvertible, Equatable {
  let description: String
}

/// Finds the submissions a path names and reads their mapping files.
enum PythonSubmissions {
  /// The tables the harness speaks of; a mapping may rename only these.
  static let harnessTables: Set<String> = [
    "companies", "users", "warehouses", "products", "inventory", "inventory_changes", "product_types", "sales",
    "suppliers", "supplier_products", "bundle_components",
  ]

  /// The mapping file's name inside a package folder.
  static let mappingFileName = "stockflow-mapping.json"

  /// The modules a flat app is built by, in the order they are looked for: the first that builds an app (a
  /// `Flask(...)` or a `create_app`) is the app, its neighbours the modules it imports by name.
  static let flatAppEntryModules = ["app", "main", "wsgi", "run", "server", "application"]

  /// `path` itself when it is a submission (a `.py` file, a folder with `__init__.py`, or a flat app); otherwise
  /// every submission directly inside it, by name. Hidden entries and `__pycache__` are skipped.
  static func discover(_ path: URL) throws -> [PythonSubmission] {
    let files = FileManager.default
    var isFolder: ObjCBool = false
    guard files.fileExists(atPath: path.path, isDirectory: &isFolder) else {
      throw SubmissionContractError(description: "\(path.path) does not exist")
    }
    if let submission = submission(at: path) { return [submission] }
    guard isFolder.boolValue else {
      throw SubmissionContractError(
        description: "\(path.path) is not a submission: expected a .py file, a folder with __init__.py, or a "
          + "folder whose app.py builds the app")
    }
    let found = try files.contentsOfDirectory(at: path, includingPropertiesForKeys: nil)
      .filter { !$0.lastPathComponent.hasPrefix(".") && $0.lastPathComponent != "__pycache__" }
      .compactMap(submission(at:))
      .sorted { $0.name < $1.name }
    guard !found.isEmpty else {
      throw SubmissionContractError(
        description: "\(path.path) holds no submission: expected .py files or folders with __init__.py")
    }
    return found
  }

  /// The submission `url` is, or `nil` when it is none.
  static func submission(at url: URL) -> PythonSubmission? {
    let files = FileManager.default
    var isFolder: ObjCBool = false
    guard files.fileExists(atPath: url.path, isDirectory: &isFolder) else { return nil }
    let folderMapping = url.appendingPathComponent(mappingFileName)
    if isFolder.boolValue {
      let entry = files.fileExists(atPath: url.appendingPathComponent("__init__.py").path) ? url : flatAppEntry(in: url)
      guard let entry else { return nil }
      let mapping = files.fileExists(atPath: folderMapping.path) ? folderMapping : fileMapping(of: entry)
      return PythonSubmission(name: url.lastPathComponent, path: entry, handedIn: url, mappingFile: mapping)
    }
    guard url.pathExtension == "py" else { return nil }
    return PythonSubmission(
      name: url.deletingPathExtension().lastPathComponent, path: url, handedIn: url, mappingFile: fileMapping(of: url))
  }

  /// `<stem>.stockflow-mapping.json` beside the `.py` file `url`, when it exists.
  private static func fileMapping(of url: URL) -> URL? {
    guard url.pathExtension == "py" else { return nil }
    let stem = url.deletingPathExtension().lastPathComponent
    let mapping = url.deletingLastPathComponent().appendingPathComponent("\(stem).\(mappingFileName)")
    return FileManager.default.fileExists(atPath: mapping.path) ? mapping : nil
  }

  /// The module that builds and serves the flat app in `folder` (no `__init__.py`): the first of
  /// ``flatAppEntryModules`` whose source makes a `Flask(...)` or defines `create_app`, and routes, registers a
  /// blueprint or imports a neighbour that routes; `nil` when none does (a folder whose `app.py` only holds the `db`
  /// that its neighbours' own apps use is a folder of submissions).
  private static func flatAppEntry(in folder: URL) -> URL? {
    func source(_ module: String) -> String? {
      try? String(contentsOf: folder.appendingPathComponent("\(module).py"), encoding: .utf8)
    }
    func routes(_ text: String) -> Bool {
      text.range(of: #"@\w+\.(route|get|post|put|patch|delete)\(|register_blueprint\("#, options: .regularExpression)
        != nil
    }
    let neighbours = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
      .filter { $0.hasSuffix(".py") }.map { String($0.dropLast(3)) }
    let entry = flatAppEntryModules.first { module in
      guard let text = source(module),
        text.range(of: #"\bFlask\s*\(|\bdef\s+create_app\b"#, options: .regularExpression) != nil
      else { return false }
      return routes(text)
        || neighbours.contains { neighbour in
          neighbour != module && (text.contains("import \(neighbour)") || text.contains("from \(neighbour) import"))
            && source(neighbour).map(routes) == true
        }
    }
    return entry.map { folder.appendingPathComponent("\($0).py") }
  }

  /// The submission's mapping, `nil` without a mapping file; a file that is not the documented shape, or that
  /// renames a table the harness does not know, is an error naming what is wrong.
  static func mapping(of submission: PythonSubmission) throws -> RealApp.Mapping? {
    guard let file = submission.mappingFile else { return nil }
    let data = try Data(contentsOf: file)
    let shape = #"{"tables": {"products": "product"}, "columns": {"products": {"price": "unit_price"}}}"#
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw SubmissionContractError(description: "\(file.lastPathComponent) is not a JSON object like \(shape)")
    }
    if let unknown = object.keys.sorted().first(where: { !["tables", "columns"].contains($0) }) {
      throw SubmissionContractError(
        description:
          "\(file.lastPathComponent): unknown key \"\(unknown)\"; expected tables and columns, as in \(shape)")
    }
    guard let tables = (object["tables"] ?? [String: String]()) as? [String: String],
      let columns = (object["columns"] ?? [String: [String: String]]()) as? [String: [String: String]]
    else {
      throw SubmissionContractError(description: "\(file.lastPathComponent) is not shaped like \(shape)")
    }
    let named = Set(tables.keys).union(columns.keys)
    if let unknown = named.sorted().first(where: { !harnessTables.contains($0) }) {
      throw SubmissionContractError(
        description: "\(file.lastPathComponent) maps the unknown table \"\(unknown)\"; the harness's tables are "
          + harnessTables.sorted().joined(separator: ", "))
    }
    return RealApp.Mapping(tables: tables, columns: columns)
  }
}
