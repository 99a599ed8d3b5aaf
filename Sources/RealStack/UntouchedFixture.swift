import Findings
import Store
import Synchronization

/// The fixture a Python deployment's database still holds as loaded, with its rows, while nothing has written to it
/// since: a start with the same fixture need not empty and reload the tables, and a request that wrote nothing
/// left those rows as they were.
///
/// "Wrote nothing" is read from the statements the adapter recorded: a request that sent only SELECTs and
/// commits. That holds for apps whose SELECTs only read (this repository's own); a SELECT calling a function that
/// writes, or drawing from a sequence, would go unnoticed, so the deployments of submissions do not use it.
final class UntouchedFixture: Sendable {
  private struct State {
    /// The rows each fixture loads, read once.
    var rowsByFixture: [Fixture: Snapshot] = [:]
    /// The fixture the database holds untouched, if any.
    var held: Fixture?
  }

  private let state = Mutex(State())

  /// The rows of `fixture` when the database holds it untouched; `nil` otherwise.
  func rows(of fixture: Fixture) -> Snapshot? {
    state.withLock { $0.held == fixture ? $0.rowsByFixture[fixture] : nil }
  }

  /// The rows of whichever fixture the database holds untouched; `nil` once anything may have written to it.
  var rows: Snapshot? {
    state.withLock { state in state.held.flatMap { state.rowsByFixture[$0] } }
  }

  /// The database has just been loaded with `fixture`; `read` reads its rows, the first time only.
  func loaded(_ fixture: Fixture, read: () throws -> Snapshot) rethrows {
    let known = state.withLock { $0.rowsByFixture[fixture] }
    let rows = try known ?? read()
    state.withLock {
      $0.rowsByFixture[fixture] = rows
      $0.held = fixture
    }
  }

  /// Something may have written to the database (a request's write, a seed, a planned fault, a race).
  func forget() {
    state.withLock { $0.held = nil }
  }
}

extension Statement {
  /// Whether the statement leaves every row as it was: a SELECT, a commit, a rollback (a statement of another kind
  /// might write).
  var writesNothing: Bool {
    switch self {
    case .select, .commit, .rollback: true
    case .insert, .update, .delete, .flush, .other: false
    }
  }
}
