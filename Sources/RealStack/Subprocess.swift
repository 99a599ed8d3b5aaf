import Foundation

/// Runs the short-lived setup commands (`initdb`, `pg_ctl`, `psql`, `python3 -m venv`, `pip`) to completion.
///
/// Setup commands either succeed or stop the run with their own output as the explanation, so this keeps the
/// output (or passes it through to standard error, for slow commands whose progress the user wants to see) and
/// turns a failure into ``RealStackError/commandFailed(command:status:output:)``.
enum Subprocess {
  /// The full path of `name`: the first match on `PATH`, then in `extraDirectories`; `nil` when nowhere.
  static func locate(_ name: String, extraDirectories: [String] = []) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    let directories = path.split(separator: ":").map(String.init) + extraDirectories
    for directory in directories where !directory.isEmpty {
      let candidate = (directory as NSString).appendingPathComponent(name)
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// Runs `executable` with `arguments` and waits for it.
  ///
  /// With `passThrough`, the command's standard output and error go to this process's standard error as they come
  /// (pip's progress); otherwise both are collected and returned. A non-zero exit throws with the output's tail,
  /// unless `allowFailure`.
  @discardableResult
  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
    currentDirectory: URL? = nil, passThrough: Bool = false, allowFailure: Bool = false
  ) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    process.standardInput = FileHandle.nullDevice
    let pipe = Pipe()
    if passThrough {
      process.standardOutput = FileHandle.standardError
      process.standardError = FileHandle.standardError
    } else {
      process.standardOutput = pipe
      process.standardError = pipe
    }
    let commandLine = ([executable] + arguments).joined(separator: " ")
    do {
      try process.run()
    } catch {
      throw RealStackError.commandFailed(command: commandLine, status: -1, output: "\(error)")
    }
    // Read to the end before waiting, so a command that fills the pipe cannot block forever.
    let data = passThrough ? Data() : pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let output = String(decoding: data, as: UTF8.self)
    let status = process.terminationStatus
    if status != 0 && !allowFailure {
      throw RealStackError.commandFailed(command: commandLine, status: status, output: tail(of: output))
    }
    return (status, output)
  }

  /// The last `limit` characters of `text`, marked when cut, so error messages stay readable.
  static func tail(of text: String, limit: Int = 4000) -> String {
    guard text.count > limit else { return text }
    return "…" + String(text.suffix(limit))
  }

  /// Whether this process runs as root, where PostgreSQL refuses to start and commands must run as `postgres`.
  static var isRoot: Bool { getuid() == 0 }

  /// The command line that runs `executable` as the `postgres` user when this process is root, unchanged otherwise.
  ///
  /// Uses `runuser -u postgres --` (no shell, no password), or `su postgres -s /bin/sh -c` when `runuser` is absent.
  static func asDatabaseOwner(_ executable: String, _ arguments: [String]) throws -> (String, [String]) {
    guard isRoot else { return (executable, arguments) }
    if let runuser = locate("runuser", extraDirectories: ["/usr/sbin", "/sbin"]) {
      return (runuser, ["-u", "postgres", "--", executable] + arguments)
    }
    guard let su = locate("su", extraDirectories: ["/usr/bin", "/bin"]) else {
      throw RealStackError.missingTool(
        "runuser or su", remedy: "PostgreSQL refuses to run as root; install util-linux (apt-get install util-linux)")
    }
    let quoted = ([executable] + arguments).map(shellQuoted).joined(separator: " ")
    return (su, ["postgres", "-s", "/bin/sh", "-c", quoted])
  }

  /// `text` as one single-quoted shell word.
  static func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
