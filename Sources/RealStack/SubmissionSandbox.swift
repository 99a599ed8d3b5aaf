import Foundation

/// One untrusted submission's adapter, started through `python/sandbox/contain.py`, and what its sandbox saw.
///
/// The submission is copied into a private work folder and its adapter runs there with limits on CPU time,
/// memory, processes and file size; as root, also without network, with the harness's folders hidden, as the
/// unprivileged `stockflow-sub`, on its own database reached by its own role (see ``DatabaseIsolation``).
/// ``incidents()`` lists what it tried and was refused, and what stopped it.
public final class SubmissionSandbox: Sendable {
  /// The limits a submission runs under.
  public struct Limits: Hashable, Sendable {
    public var cpuSeconds: Int
    public var memoryMegabytes: Int
    public var processes: Int
    public var fileMegabytes: Int

    public init(cpuSeconds: Int = 300, memoryMegabytes: Int = 1024, processes: Int = 64, fileMegabytes: Int = 64) {
      self.cpuSeconds = cpuSeconds
      self.memoryMegabytes = memoryMegabytes
      self.processes = processes
      self.fileMegabytes = fileMegabytes
    }
  }

  /// The private folder the submission runs in.
  public let workFolder: URL
  /// The harness's own folder for this submission (only root may enter it, when the harness runs as root): the
  /// incidents log, which the sandbox opens before dropping to the submission's user, so that the submission can
  /// add to it but neither read, rename, delete nor (append-only) truncate it.
  public let harnessFolder: URL
  /// What the adapter's `load` is given: the copy of the submission, relative to the work folder (a single file
  /// comes with its own folder, whose other files a flat layout imports by name).
  public let appPath: String
  /// The module name the submission is imported under: its own folder's or file's name, which a package importing
  /// itself by name (`from app.models import Product`) needs, though its copy is called `submission`.
  public let moduleName: String
  /// The adapter, talking through the sandbox.
  public let adapter: AdapterProcess
  public let limits: Limits
  /// The seconds one command may take before the submission is stopped.
  public let timeout: Double

  /// Copies `submission` (a package folder or a `.py` file) into a fresh work folder and starts its contained
  /// adapter; `socketDirectory` (the database's unix socket folder) is the one other folder it may reach.
  public init(
    submission: URL, environment: PythonEnvironment, socketDirectory: String?, limits: Limits = Limits(),
    timeout: Double
  ) throws {
    let id = UUID().uuidString.prefix(8).lowercased()
    workFolder = FileManager.default.temporaryDirectory.appendingPathComponent("stockflow-sub.\(id)", isDirectory: true)
    harnessFolder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "stockflow-harness.\(id)", isDirectory: true)
    try FileManager.default.createDirectory(
      at: harnessFolder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    appPath = submission.pathExtension == "py" ? "submission/\(submission.lastPathComponent)" : "submission"
    moduleName = submission.deletingPathExtension().lastPathComponent
    self.limits = limits
    self.timeout = timeout
    var arguments = [
      "-m", "sandbox.contain", "--submission", submission.path, "--workdir", workFolder.path,
      "--cpu-seconds", String(limits.cpuSeconds), "--memory-mb", String(limits.memoryMegabytes),
      "--processes", String(limits.processes), "--file-mb", String(limits.fileMegabytes),
      "--incidents", harnessFolder.appendingPathComponent("incidents.log").path,
    ]
    if let socketDirectory { arguments += ["--allow", socketDirectory] }
    adapter = try AdapterProcess(
      executable: try environment.prepare().path, arguments: arguments,
      workingDirectory: environment.adapterDirectory, timeout: timeout)
  }

  deinit {
    adapter.close()
    try? FileManager.default.removeItem(at: workFolder)
    if let chattr = Subprocess.locate("chattr") {
      _ = try? Subprocess.run(chattr, ["-a", incidentsLog.path], allowFailure: true)
    }
    try? FileManager.default.removeItem(at: harnessFolder)
  }

  /// The incidents log, in the harness's folder.
  public var incidentsLog: URL { harnessFolder.appendingPathComponent("incidents.log") }

  /// Whether the adapter process is still alive (a hang past the timeout, a limit or a crash ends it).
  public var isRunning: Bool { kill(adapter.processIdentifier, 0) == 0 }

  /// What the submission tried and was refused, and what stopped it, one sentence each, in order.
  public func incidents() -> [String] {
    var found: [String] = []
    let text = (try? String(contentsOf: incidentsLog, encoding: .utf8)) ?? ""
    for line in text.split(separator: "\n") where line.hasPrefix("stockflow-incident: ") {
      guard
        let object = try? JSONSerialization.jsonObject(with: Data(line.dropFirst(20).utf8)) as? [String: String],
        let event = object["event"], let detail = object["detail"]
      else { continue }
      found.append(Self.sentence(event, detail))
    }
    for line in adapter.standardErrorTail.split(separator: "\n") where line.hasPrefix("stockflow-sandbox: ") {
      found.append("sandbox: " + line.dropFirst(19))
    }
    return found
  }

  static func sentence(_ event: String, _ detail: String) -> String {
    switch event {
    case "open": "tried to open \(detail), outside its folder"
    case "network": "tried to connect to \(detail) (no network)"
    case "process": "tried to start processes (\(detail)); at most the process limit may run"
    case "memory", "recursion": detail
    default: "\(event): \(detail)"
    }
  }
}
