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
  private let held = Mutex<(fixture: Fixture, rows: Snapshot)?>(nil)

  /// The rows of `fixture` when the database holds it untouched; `nil` otherwise.
  func rows(of fixture: Fixture) -> Snapshot? {
    held.withLock { $0?.fixture == fixture ? $0?.rows : nil }
  }

  /// The rows of whichever fixture the database holds untouched; `nil` once anything may have written to it.
  var rows: Snapshot? { held.withLock { $0?.rows } }

  /// The database has just been loaded with `fixture`, whose rows are `rows`.
  func loaded(_ fixture: Fixture, rows: Snapshot) {
    held.withLock { $0 = (fixture, rows) }
  }

  /// Something may have written to the database (a request's write, a seed, a planned fault, a race).
  func forget() {
    held.withLock { $0 = nil }
  }
}

extension Statement {
  /// Whether the statement leaves every row as it was: a SELECT, a commit, a rollback.
  var writesNothing: Bool {
    switch self {
    case .select, .commit, .rollback: true
    case .insert, .update, .delete, .flush: false
    }
  }
}
