import Foundation
import Synchronization

/// The last bytes a process wrote to standard error, read on a background thread as they come.
///
/// The adapter prints its warnings and the app's logging there; when something goes wrong (the process exits, a
/// call times out), its last lines are the explanation, so errors carry them. The buffer is bounded so a chatty
/// app cannot grow memory without limit. The reader must keep draining the pipe even when nobody looks, or a
/// process that logs a lot would block on a full pipe.
final class StandardErrorTail: Sendable {
  private struct State {
    var bytes: [UInt8] = []
    var droppedBytes = 0
  }

  /// The most bytes kept; older output is dropped.
  let limit: Int
  private let state = Mutex(State())
  private let finished = DispatchSemaphore(value: 0)

  /// Starts draining `handle` on a thread of its own; with `echo`, the bytes also go to this process's stderr.
  init(reading handle: FileHandle, limit: Int = 64 * 1024, echo: Bool = false) {
    self.limit = limit
    let descriptor = handle.fileDescriptor
    let thread = Thread { [self] in
      var chunk = [UInt8](repeating: 0, count: 16 * 1024)
      while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { break }
        if echo { FileHandle.standardError.write(Data(chunk[0..<count])) }
        append(chunk[0..<count])
      }
      withExtendedLifetime(handle) {}
      finished.signal()
    }
    thread.name = "adapter stderr"
    thread.start()
  }

  private func append(_ bytes: ArraySlice<UInt8>) {
    state.withLock { state in
      state.bytes += bytes
      if state.bytes.count > limit {
        let excess = state.bytes.count - limit
        state.bytes.removeFirst(excess)
        state.droppedBytes += excess
      }
    }
  }

  /// Waits up to `timeout` seconds for the writer to close its end, so the tail includes its last words.
  func waitForEnd(timeout: Double) {
    if finished.wait(timeout: .now() + timeout) == .success { finished.signal() }
  }

  /// The kept output as text, the last `lines` lines at most, marked when older output was dropped.
  func tail(lines: Int = 40) -> String {
    let (bytes, dropped) = state.withLock { ($0.bytes, $0.droppedBytes) }
    let text = String(decoding: bytes, as: UTF8.self)
    var kept = text.split(separator: "\n", omittingEmptySubsequences: false)
    if kept.last == "" { kept.removeLast() }
    let cut = dropped > 0 || kept.count > lines
    return (cut ? "…\n" : "") + kept.suffix(lines).joined(separator: "\n")
  }
}
