import Foundation
import RequestLayer
import Testing

@testable import RealStack

/// A stand-in adapter in a dozen lines of Python: it answers `echo` with the command, refuses `refuse`, exits on
/// `die` after a last word on stderr, never answers `hang`, and sends a stale answer before the real one for `stale`.
private let fakeAdapter = """
  import sys, json, time
  for line in sys.stdin:
      c = json.loads(line)
      op, i = c.get("op"), c.get("id")
      if op == "die":
          sys.stderr.write("Traceback (most recent call last):\\nRuntimeError: the adapter fell over\\n")
          sys.exit(3)
      if op == "hang":
          time.sleep(60)
      if op == "refuse":
          out = {"id": i, "ok": False, "error": {"kind": "app-load", "message": "No module named 'flask'",
                                                 "traceback": "Traceback ...\\nModuleNotFoundError"}}
      else:
          if op == "stale":
              print(json.dumps({"id": i - 1, "ok": True}))
          out = {"id": i, "ok": True, "echo": c}
      print(json.dumps(out), flush=True)
      if op == "quit":
          break
  """

private let python3 = Subprocess.locate("python3")

private func fake(timeout: Double = 5) throws -> AdapterProcess {
  try AdapterProcess(executable: python3!, arguments: ["-c", fakeAdapter], timeout: timeout)
}

@Suite("AdapterProcess: one JSON line out, one matching line back", .enabled(if: python3 != nil))
struct AdapterProcessTests {
  @Test func answersCarryTheCommandTheyAnswerMatchedByID() throws {
    let adapter = try fake()
    let first = try adapter.call(["op": "echo", "value": .number("19.99")])
    let second = try adapter.call(["op": "stale", "value": "é"])
    #expect(first["echo"] == ["op": "echo", "value": .number("19.99"), "id": .integer(1)])
    #expect(second["echo"] == ["op": "stale", "value": "é", "id": .integer(2)])
    adapter.close()
  }

  @Test func aRefusalBecomesAnAdapterErrorWithItsKind() throws {
    let adapter = try fake()
    let error = try #require(throws: AdapterError.self) { try adapter.call(["op": "refuse"]) }
    #expect(error.kind == .appLoad)
    #expect(error.operation == "refuse")
    #expect(error.message == "No module named 'flask'")
    #expect(error.traceback?.contains("ModuleNotFoundError") == true)
    #expect(try adapter.call(["op": "echo"])["ok"] == true)  // it keeps serving
  }

  @Test func aProcessThatExitsFailsTheCallWithItsStatusAndStderrTail() throws {
    let adapter = try fake()
    let error = try #require(throws: AdapterProcessError.self) { try adapter.call(["op": "die"]) }
    guard case .exited(let operation, let status, let standardError) = error else {
      Issue.record("expected .exited, got \(error)")
      return
    }
    #expect(operation == "die")
    #expect(status == 3)
    #expect(standardError.contains("RuntimeError: the adapter fell over"))
    #expect(throws: AdapterProcessError.self) { try adapter.call(["op": "echo"]) }
  }

  @Test func aHangingProcessIsKilledAtTheTimeout() throws {
    let adapter = try fake()
    let error = try #require(throws: AdapterProcessError.self) { try adapter.call(["op": "hang"], timeout: 0.3) }
    guard case .timedOut(let operation, let seconds, _) = error else {
      Issue.record("expected .timedOut, got \(error)")
      return
    }
    #expect(operation == "hang" && seconds == 0.3)
    #expect(kill(adapter.processIdentifier, 0) != 0)  // gone
    #expect(throws: AdapterProcessError.self) { try adapter.call(["op": "echo"]) }
  }
}
