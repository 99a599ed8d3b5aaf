/// Makes every commit on a throwaway cluster wait a set time before its durable write, as a disk whose flush is
/// slower than this machine's (a network-attached volume) or a standby in another zone would: the bench measures
/// the apps at several such waits, to see where committing once instead of twice pays off.
///
/// PostgreSQL's own `commit_delay`, with `commit_siblings` 0 so that it applies with one client too: the server
/// sleeps while it holds the WAL write lock, as a slower flush holds it, so concurrent commits queue behind it and
/// are flushed together, as they would be on such a disk. Nothing but the wait changes; no second server shares
/// the machine's cores (unlike ``SynchronousStandby``).
public enum CommitDelay {
  /// Makes every commit on `cluster` wait `microseconds` (1 to 100,000, PostgreSQL's bounds) before it is flushed,
  /// from the next statement on; `nil` lets commits flush at the disk's own pace again.
  ///
  /// Throws ``RealStackError/invalidDatabase(_:)`` for an external server (its settings are not this process's to
  /// change) or a wait out of bounds, and ``RealStackError/commandFailed(command:status:output:)`` when a setting
  /// is refused.
  public static func set(_ microseconds: Int?, on cluster: PostgresCluster) throws {
    guard cluster.directory != nil else {
      throw RealStackError.invalidDatabase("commits can only be delayed on a throwaway cluster")
    }
    if let microseconds, !(1...100_000).contains(microseconds) {
      throw RealStackError.invalidDatabase("a commit delay must be 1 to 100000 µs, not \(microseconds)")
    }
    try cluster.setServerSetting("commit_siblings", to: microseconds.map { _ in "0" })
    try cluster.setServerSetting("commit_delay", to: microseconds.map(String.init))
  }
}
