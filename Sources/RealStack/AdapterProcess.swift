import Foundation
import RequestLayer
import Synchronization

/// The Python adapter (`python -m adapter`) as a child process answering JSON Lines commands (python/PROTOCOL.md).
///
/// ``call(_:timeout:)`` is the whole conversation: write one command line, read one answer line, check that it
/// answers this command, and turn the adapter's refusal into an ``AdapterError``. The process is the only copy of
/// the app and its database connection, so calls are serialized (a `Mutex` held for the call; the protocol is
/// strictly one answer per command, in order) and the type can be shared between threads.
///
/// Failures of the process itself are ``AdapterProcessError``s carrying the tail of its standard error: a call
/// that outlives its timeout kills the process (a hung app must not hang the review); a process that exits fails
/// the call with its exit status. Once the process is gone every later call fails at once.
public final class AdapterProcess: Sendable {
  private struct State {
    let process: Process
    var reader: LineReader
    let writer: LineWriter
    var nextID = 1
    /// Set once the process is gone; later calls throw it (renamed for their own operation).
    var ended: AdapterProcessError?
  }

  /// Seconds a call may take unless it says otherwise.
  public let defaultTimeout: Double
  /// The process id of the adapter.
  public let processIdentifier: Int32
  private let state: Mutex<State>
  private let standardError: StandardErrorTail

  /// Starts `executable` with `arguments` in `workingDirectory`, talking over its standard input and output.
  ///
  /// `environment` defaults to this process's, and `PYTHONUNBUFFERED=1` is added so answers are not held in
  /// Python's output buffer. With `echoStandardError`, the process's standard error is also copied to this one's.
  public init(
    executable: String, arguments: [String], workingDirectory: URL? = nil, environment: [String: String]? = nil,
    timeout: Double = 30, echoStandardError: Bool = false
  ) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let workingDirectory { process.currentDirectoryURL = workingDirectory }
    var environment = environment ?? ProcessInfo.processInfo.environment
    environment["PYTHONUNBUFFERED"] = "1"
    process.environment = environment
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    do {
      try process.run()
    } catch {
      throw AdapterProcessError.launchFailed(executable: executable, reason: "\(error)")
    }
    defaultTimeout = timeout
    processIdentifier = process.processIdentifier
    standardError = StandardErrorTail(reading: errors.fileHandleForReading, echo: echoStandardError)
    state = Mutex(
      State(
        process: process, reader: LineReader(output.fileHandleForReading),
        writer: LineWriter(input.fileHandleForWriting)))
  }

  deinit {
    close()
  }

  /// What the process has written to standard error lately (bounded), for messages.
  public var standardErrorTail: String { standardError.tail() }

  /// Sends `command` (a JSON object with an `op`; its `id` is assigned here) and returns the answer's members.
  ///
  /// Throws ``AdapterError`` when the adapter answers `ok: false`, and ``AdapterProcessError`` when no valid
  /// answer comes within `timeout` seconds (``defaultTimeout`` when `nil`), the process exits, or the answer is not
  /// the protocol. Answers to earlier commands (lower ids) are skipped.
  public func call(_ command: JSONValue, timeout: Double? = nil) throws -> JSONObject {
    guard case .object(let object) = command else {
      preconditionFailure("an adapter command is a JSON object, not \(command.jsonTypeName)")
    }
    let operation = object["op"].flatMap { if case .string(let op) = $0 { op } else { nil } } ?? "?"
    let seconds = timeout ?? defaultTimeout
    return try state.withLock { state throws -> JSONObject in
      if let ended = state.ended { throw Self.renamed(ended, operation: operation) }
      let id = state.nextID
      state.nextID += 1
      let members = object.members.filter { $0.key != "id" }.map { ($0.key, $0.value) } + [("id", .integer(id))]
      let line = JSONValue.object(JSONObject(members)).encoded(sortedKeys: false) + "\n"
      let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
      do {
        try state.writer.write(Array(line.utf8), before: deadline)
      } catch LineWriter.Failure.timedOut {
        throw end(&state, with: timedOut(operation, seconds, state.process))
      } catch {
        throw end(&state, with: exited(operation, state.process))
      }
      while true {
        let answerLine: [UInt8]
        do {
          answerLine = try state.reader.readLine(before: deadline)
        } catch LineReader.Failure.timedOut {
          throw end(&state, with: timedOut(operation, seconds, state.process))
        } catch {
          throw end(&state, with: exited(operation, state.process))
        }
        let text = String(decoding: answerLine, as: UTF8.self)
        func malformed(_ reason: String) -> AdapterProcessError {
          .malformedAnswer(operation: operation, reason: reason, line: text, standardError: standardError.tail())
        }
        guard case .object(let answer) = try? JSONParser.parse(answerLine) else {
          throw malformed("not a JSON object")
        }
        guard case .number(let number) = answer["id"], let answerID = number.int else {
          throw malformed("no integer id")
        }
        if answerID < id { continue }
        guard answerID == id else { throw malformed("id \(answerID) answers no command sent (expected \(id))") }
        switch answer["ok"] {
        case .bool(true):
          return answer
        case .bool(false):
          guard case .object(let error) = answer["error"] else { throw malformed("ok is false without an error") }
          func text(_ key: String) -> String? { if case .string(let value) = error[key] { value } else { nil } }
          throw AdapterError(
            operation: operation, kind: AdapterError.Kind(text("kind") ?? "?"), message: text("message") ?? "",
            traceback: text("traceback"))
        default:
          throw malformed("no boolean ok")
        }
      }
    }
  }

  /// Asks the adapter to quit, then makes sure it is gone (closing its input, killing it after 2 s).
  /// Idempotent; `deinit` calls it.
  public func close() {
    let running = state.withLock { $0.ended == nil }
    if running { _ = try? call(["op": "quit"], timeout: 5) }
    state.withLock { state in
      guard state.ended == nil || state.process.isRunning else { return }
      try? state.process.standardInput.flatMap { $0 as? Pipe }?.fileHandleForWriting.close()
      if !Self.waitForExit(state.process, seconds: 2) {
        kill(state.process.processIdentifier, SIGKILL)
        state.process.waitUntilExit()
      }
      if state.ended == nil {
        state.ended = .exited(operation: "quit", status: Self.status(of: state.process), standardError: "")
      }
    }
  }

  /// Records that the process is gone and returns `error` for the caller to throw.
  private func end(_ state: inout State, with error: AdapterProcessError) -> AdapterProcessError {
    state.ended = error
    return error
  }

  /// Kills the process for not answering in time.
  private func timedOut(_ operation: String, _ seconds: Double, _ process: Process) -> AdapterProcessError {
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    standardError.waitForEnd(timeout: 0.5)
    return .timedOut(operation: operation, seconds: seconds, standardError: standardError.tail())
  }

  /// The process closed its output: waits for its exit (killing it after 2 s) to report its status.
  private func exited(_ operation: String, _ process: Process) -> AdapterProcessError {
    if !Self.waitForExit(process, seconds: 2) {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    standardError.waitForEnd(timeout: 1)
    return .exited(operation: operation, status: Self.status(of: process), standardError: standardError.tail())
  }

  /// Whether `process` ended within `seconds` (checked every 10 ms; only used once the process is ending).
  private static func waitForExit(_ process: Process, seconds: Double) -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
    while process.isRunning {
      guard ContinuousClock.now < deadline else { return false }
      usleep(10_000)
    }
    return true
  }

  /// The exit status, 128 + the signal number for a killed process, `nil` while it runs.
  private static func status(of process: Process) -> Int32? {
    guard !process.isRunning else { return nil }
    return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
  }

  /// `error` as the failure of a later call `operation`: the process stays gone.
  private static func renamed(_ error: AdapterProcessError, operation: String) -> AdapterProcessError {
    switch error {
    case .timedOut(_, _, let standardError), .malformedAnswer(_, _, _, let standardError):
      .exited(operation: operation, status: 137, standardError: standardError)
    case .exited(_, let status, let standardError):
      .exited(operation: operation, status: status, standardError: standardError)
    case .launchFailed:
      error
    }
  }
}
