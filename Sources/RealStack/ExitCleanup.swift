import Foundation
import Synchronization

/// Cleanups that must run however the process ends: a normal exit (`atexit`), Ctrl-C (`SIGINT`), `SIGTERM` or a
/// closed terminal (`SIGHUP`).
///
/// A throwaway PostgreSQL cluster is a running server and a folder of data; without this, a run interrupted by
/// Ctrl-C would leave both behind. Each cleanup runs at most once: ``runAll()`` takes them out before running them,
/// and an owner that cleaned up on its own unregisters first. Signals are caught on a dispatch queue (not in a
/// signal handler, where almost nothing is safe to call), the cleanups run, and the signal is raised again with
/// its default action, so the process still ends the way the signal asked.
enum ExitCleanup {
  private struct State {
    var actions: [Int: @Sendable () -> Void] = [:]
    var nextToken = 1
    var installed = false
    var signalSources: [any DispatchSourceSignal] = []
  }

  private static let state = Mutex(State())

  /// Registers `action` to run at exit; returns a token for ``unregister(_:)``. Installs the hooks on first use.
  static func register(_ action: @escaping @Sendable () -> Void) -> Int {
    state.withLock { state in
      if !state.installed {
        state.installed = true
        atexit { ExitCleanup.runAll() }
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
          signal(signalNumber, SIG_IGN)
          let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
          source.setEventHandler {
            ExitCleanup.runAll()
            signal(signalNumber, SIG_DFL)
            raise(signalNumber)
          }
          source.resume()
          state.signalSources.append(source)
        }
      }
      let token = state.nextToken
      state.nextToken += 1
      state.actions[token] = action
      return token
    }
  }

  /// Forgets the cleanup registered under `token` (its owner has cleaned up already).
  static func unregister(_ token: Int) {
    _ = state.withLock { $0.actions.removeValue(forKey: token) }
  }

  /// Runs every registered cleanup once, newest first (a database before the server that holds it).
  static func runAll() {
    let actions = state.withLock { state in
      let actions = state.actions.sorted { $0.key > $1.key }.map(\.value)
      state.actions = [:]
      return actions
    }
    for action in actions { action() }
  }
}
