import Foundation

/// One direction of a JSON Lines conversation over a pipe, with a deadline on every wait.
///
/// The adapter may hang (a deadlock in the app, a lock never released), so neither reading an answer nor writing a
/// command may block past the call's deadline. Both wait with `poll(2)` for the descriptor to be ready (no busy
/// loop), then read or write what is available; the reader keeps what follows a newline for the next line.
struct LineReader {
  /// Why no line came.
  enum Failure: Error {
    /// The deadline passed first.
    case timedOut
    /// The other end closed the pipe (the process exited); `partial` is what came after the last newline.
    case endOfFile(partial: [UInt8])
    /// `read` or `poll` failed with this `errno`.
    case failed(Int32)
  }

  /// Kept so the descriptor stays open as long as the reader.
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  /// Where the unread part of `buffer` starts.
  private var start = 0

  init(_ handle: FileHandle) {
    self.handle = handle
  }

  /// The next line without its `\n`, waiting at most until `deadline`.
  mutating func readLine(before deadline: ContinuousClock.Instant) throws(Failure) -> [UInt8] {
    var searchFrom = start
    while true {
      if let newline = buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
        let line = Array(buffer[start..<newline])
        start = newline + 1
        if start > 65_536 && start * 2 > buffer.count {
          buffer.removeFirst(start)
          start = 0
        }
        return line
      }
      searchFrom = buffer.count
      try waitUntilReady(handle.fileDescriptor, events: Int16(POLLIN), before: deadline)
      var chunk = [UInt8](repeating: 0, count: 65_536)
      let count = chunk.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        throw .failed(errno)
      }
      if count == 0 { throw .endOfFile(partial: Array(buffer[start...])) }
      buffer += chunk[0..<count]
    }
  }
}

/// Writes whole lines to a pipe without blocking past a deadline.
///
/// The descriptor is made non-blocking, so a full pipe (an adapter that stopped reading) turns into a wait with
/// `poll` rather than a `write` that never returns. Writing to a process that exited gives `EPIPE`: `SIGPIPE` is
/// ignored process-wide so that it arrives as an error instead of killing this process.
struct LineWriter {
  /// Why the line was not written.
  enum Failure: Error {
    case timedOut
    /// The reading end is closed (`EPIPE`): the process exited.
    case closed
    case failed(Int32)
  }

  private let handle: FileHandle

  init(_ handle: FileHandle) {
    self.handle = handle
    signal(SIGPIPE, SIG_IGN)
    let flags = fcntl(handle.fileDescriptor, F_GETFL)
    _ = fcntl(handle.fileDescriptor, F_SETFL, flags | O_NONBLOCK)
  }

  /// Writes `bytes` completely, waiting at most until `deadline`.
  func write(_ bytes: [UInt8], before deadline: ContinuousClock.Instant) throws(Failure) {
    var offset = 0
    while offset < bytes.count {
      let count = bytes.withUnsafeBytes {
        Glibc.write(handle.fileDescriptor, $0.baseAddress! + offset, $0.count - offset)
      }
      if count >= 0 {
        offset += count
        continue
      }
      switch errno {
      case EINTR: continue
      case EPIPE: throw .closed
      case EAGAIN:
        do {
          try waitUntilReady(handle.fileDescriptor, events: Int16(POLLOUT), before: deadline)
        } catch .timedOut {
          throw .timedOut
        } catch {
          throw .closed
        }
      default: throw .failed(errno)
      }
    }
  }
}

/// Waits with `poll` until `descriptor` is ready for `events` (or hung up), or throws `.timedOut` at `deadline`.
private func waitUntilReady(
  _ descriptor: Int32, events: Int16, before deadline: ContinuousClock.Instant
) throws(LineReader.Failure) {
  while true {
    let remaining = ContinuousClock.now.duration(to: deadline)
    guard remaining > .zero else { throw .timedOut }
    let (seconds, attoseconds) = remaining.components
    let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
    var request = pollfd(fd: descriptor, events: events, revents: 0)
    let ready = poll(&request, 1, milliseconds)
    if ready > 0 { return }
    if ready < 0 && errno != EINTR { throw .failed(errno) }
  }
}
