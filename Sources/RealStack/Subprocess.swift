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
  ///
  /// This spawns with `posix_spawn` and waits with `waitpid` rather than using Foundation's `Process`: on Linux,
  /// `Process` learns of a child's exit through a descriptor the child inherits, and `pg_ctl start` leaves a server
  /// running that keeps it open, so `waitUntilExit` would never return. Output goes to a file for the same reason
  /// (a pipe held by the server would never reach its end), and the child gets no descriptor beyond 0, 1 and 2.
  @discardableResult
  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
    passThrough: Bool = false, allowFailure: Bool = false
  ) throws -> (status: Int32, output: String) {
    let commandLine = ([executable] + arguments).joined(separator: " ")
    let capture = FileManager.default.temporaryDirectory.appendingPathComponent("realstack-\(UUID().uuidString).out")
    defer { try? FileManager.default.removeItem(at: capture) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    if passThrough {
      posix_spawn_file_actions_adddup2(&actions, 2, 1)
    } else {
      posix_spawn_file_actions_addopen(&actions, 1, capture.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
      posix_spawn_file_actions_adddup2(&actions, 1, 2)
    }
    closeInheritedDescriptors(&actions)

    let environmentLines = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environmentLines.map { strdup($0) } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }

    var pid = pid_t()
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard spawned == 0 else {
      throw RealStackError.commandFailed(
        command: commandLine, status: -1, output: String(cString: strerror(spawned)))
    }
    var waitStatus: Int32 = 0
    while waitpid(pid, &waitStatus, 0) == -1 && errno == EINTR {}
    // WIFEXITED / WEXITSTATUS, spelled out (the C macros are not imported); a signal gives 128 + its number.
    let status = waitStatus & 0x7F == 0 ? (waitStatus >> 8) & 0xFF : 128 + (waitStatus & 0x7F)
    let output = passThrough ? "" : ((try? String(contentsOf: capture, encoding: .utf8)) ?? "")
    if status != 0 && !allowFailure {
      throw RealStackError.commandFailed(command: commandLine, status: status, output: tail(of: output))
    }
    return (status, output)
  }

  /// Adds to `actions` the closing of every descriptor from 3 up: glibc's `posix_spawn_file_actions_addclosefrom_np`
  /// (looked up at run time, as the Swift module does not import it), or else each descriptor open right now.
  private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
    typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
      _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
      return
    }
    let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    for descriptor in open.compactMap(Int32.init) where descriptor > 2 {
      posix_spawn_file_actions_addclose(&actions, descriptor)
    }
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
