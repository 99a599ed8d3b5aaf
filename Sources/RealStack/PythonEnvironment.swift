import Foundation

/// The project's Python virtual environment, `<package root>/.build/python-venv`, made on first use.
///
/// The adapter needs Flask, Flask-SQLAlchemy and a PostgreSQL driver at the versions `python/requirements.txt`
/// pins, without touching the system's Python. ``prepare()`` creates the environment with `python3 -m venv` and
/// installs the requirements with pip (its output passed through to standard error, as the progress of a slow
/// first run), and installs again whenever `requirements.txt` changes: a stamp file in the environment holds the
/// hash of the requirements it was installed from. It lives under `.build/`, which git ignores.
public struct PythonEnvironment: Sendable {
  /// The package's root folder (the one holding `Package.swift` and `python/`).
  public let packageRoot: URL

  public init(packageRoot: URL) {
    self.packageRoot = packageRoot
  }

  /// The environment's folder.
  public var directory: URL { packageRoot.appendingPathComponent(".build/python-venv", isDirectory: true) }
  /// The environment's interpreter, valid after ``prepare()``.
  public var python: URL { directory.appendingPathComponent("bin/python") }
  /// The folder the adapter runs in (`python -m adapter`).
  public var adapterDirectory: URL { packageRoot.appendingPathComponent("python", isDirectory: true) }
  /// The pinned requirements.
  public var requirements: URL { adapterDirectory.appendingPathComponent("requirements.txt") }
  private var stamp: URL { directory.appendingPathComponent("requirements.hash") }

  /// Makes sure the environment exists with the current requirements installed; returns its interpreter.
  ///
  /// Throws ``RealStackError/missingTool(_:remedy:)`` when `python3` is not installed (or lacks `venv`),
  /// ``RealStackError/missingFile(_:remedy:)`` without `requirements.txt`, and
  /// ``RealStackError/commandFailed(command:status:output:)`` when pip fails.
  @discardableResult
  public func prepare() throws -> URL {
    guard let contents = FileManager.default.contents(atPath: requirements.path) else {
      throw RealStackError.missingFile(
        requirements.path, remedy: "the real stack's Python side (python/) is not in this checkout")
    }
    let hash = Self.fnv1a(contents)
    if FileManager.default.isExecutableFile(atPath: python.path),
      (try? String(contentsOf: stamp, encoding: .utf8)) == hash
    {
      return python
    }
    if !FileManager.default.isExecutableFile(atPath: python.path) {
      guard let python3 = Subprocess.locate("python3") else {
        throw RealStackError.missingTool(
          "python3", remedy: "the real stack runs the Flask app with Python 3: apt-get install python3 python3-venv")
      }
      Self.progress("creating the Python environment in \(directory.path)")
      let (status, output) = try Subprocess.run(python3, ["-m", "venv", directory.path], allowFailure: true)
      guard status == 0 else {
        try? FileManager.default.removeItem(at: directory)
        if output.contains("ensurepip") || output.contains("No module named venv") {
          throw RealStackError.missingTool(
            "python3's venv module", remedy: "apt-get install python3-venv (output: \(Subprocess.tail(of: output)))")
        }
        throw RealStackError.commandFailed(
          command: "\(python3) -m venv \(directory.path)", status: status, output: Subprocess.tail(of: output))
      }
    }
    Self.progress("installing \(requirements.path) (pip's output follows)")
    try? FileManager.default.removeItem(at: stamp)
    try Subprocess.run(
      python.path, ["-m", "pip", "install", "--disable-pip-version-check", "-r", requirements.path],
      passThrough: true)
    try hash.write(to: stamp, atomically: true, encoding: .utf8)
    Self.progress("the Python environment is ready")
    return python
  }

  /// Starts the adapter (`python -m adapter` in `python/`) in this environment, preparing it first.
  public func launchAdapter(timeout: Double = 30, echoStandardError: Bool = false) throws -> AdapterProcess {
    try AdapterProcess(
      executable: prepare().path, arguments: ["-m", "adapter"], workingDirectory: adapterDirectory, timeout: timeout,
      echoStandardError: echoStandardError)
  }

  /// The nearest folder at or above `start` whose `Package.swift` declares `StockFlowReview`.
  public static func locatePackageRoot(from start: String = FileManager.default.currentDirectoryPath) -> URL? {
    var folder = URL(fileURLWithPath: start, isDirectory: true).standardizedFileURL
    while true {
      let manifest = folder.appendingPathComponent("Package.swift")
      if let text = try? String(contentsOf: manifest, encoding: .utf8), text.contains("name: \"StockFlowReview\"") {
        return folder
      }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { return nil }
      folder = parent
    }
  }

  /// A 64-bit FNV-1a hash in hex: enough to notice that a small text file changed (Foundation has no SHA here).
  static func fnv1a(_ data: Data) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01b3
    }
    return String(hash, radix: 16)
  }

  private static func progress(_ message: String) {
    FileHandle.standardError.write(Data("realstack: \(message)\n".utf8))
  }
}
