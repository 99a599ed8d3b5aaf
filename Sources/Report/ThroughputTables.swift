extension EvidenceFigures.InMemoryCreateProduct {
  /// The in-memory throughput section: one row per scenario with both implementations' requests per second and
  /// their ratio.
  public var markdown: String {
    var lines = [
      "## Throughput in memory",
      "",
      "The Swift ports on the in-memory store, where a commit costs nothing (so the fix's extra statements are all "
        + "that shows): measured on \(machine), release build, \(requestsPerRun) valid creates per run.",
      "",
      "| scenario | original (req/s) | fixed (req/s) | fixed / original |",
      "|---|---|---|---|",
    ]
    lines += scenarios.map {
      "| \($0.label) | \(EvidenceFile.whole($0.original)) | \(EvidenceFile.whole($0.fixed)) "
        + "| \(EvidenceFile.hundredths($0.fixed / $0.original)) |"
    }
    return lines.joined(separator: "\n")
  }
}

extension EvidenceFigures.InMemoryCreateProduct.Scenario {
  /// E.g. `8 tasks, SKU collisions`.
  public var label: String {
    "\(tasks == 1 ? "1 task" : "\(tasks) tasks"), \(collidingSkus ? "SKU collisions" : "distinct SKUs")"
  }
}

extension EvidenceFigures.RealStackCreateProduct {
  /// The real-stack throughput section: one row per scenario with both apps' requests per second, their ratio,
  /// their CPU per request and each app's statements per request and statuses; then, when it was measured, the
  /// candidate's correction against the same original runs.
  public var markdown: String {
    var lines = [
      "## Throughput on the real stack",
      "",
      "`python/apps/original` and `python/apps/fixed` on Flask + SQLAlchemy + PostgreSQL with durable commits "
        + "(`fsync` and `synchronous_commit` on), measured on \(machine) by the adapter's `bench` command "
        + "(Flask's test client on K threads, each with its own connection, timed inside the adapter): "
        + "\(requestsPerRun) valid creates per run after a warm-up"
        + (turnsPerRun.map {
          ", original, fixed and the candidate's correction taking turns of \(requestsPerRun / max($0, 1)) (so a change in the machine's speed weighs on all three alike)"
        } ?? "")
        + ", colliding runs over \(skusWhenColliding) SKUs"
        + (scenarios.contains(where: \.waitsForStandby)
          ? "; in the runs marked so, every commit also waited for a synchronous standby (a streaming replica on the "
            + "same machine, `synchronous_standby_names`), as a high-availability deployment commits"
          : "")
        + (scenarios.contains { $0.commitDelayMicroseconds != nil }
          ? "; in the runs marked \"commits delayed\", PostgreSQL made every commit wait that long before its durable "
            + "write (`commit_delay`, with `commit_siblings` 0 so that it applies with one client too), as a slower "
            + "disk's flush or a standby in another zone would"
          : "")
        + ". "
        + "CPU is the adapter's process (the app, SQLAlchemy, psycopg2, the test client), not the server's: when "
        + "it nears the wall time per request, the run is bound by Python, not by the database."
        + (durableWriteMicroseconds.map {
          " Making one 8 kB write durable (what each commit waits for; `pg_test_fsync`, fdatasync) took "
            + "\(EvidenceFile.whole($0)) µs on this disk."
        } ?? ""),
      "",
      "| scenario | original (req/s) | fixed (req/s) | fixed / original | CPU per request, original / fixed (ms) "
        + "| original: statements per request, statuses | fixed: statements per request, statuses |",
      "|---|---|---|---|---|---|---|",
    ]
    lines += scenarios.map {
      "| \($0.label) | \(EvidenceFile.whole($0.original.requestsPerSecond)) "
        + "| \(EvidenceFile.whole($0.fixed.requestsPerSecond)) "
        + "| \(EvidenceFile.hundredths($0.fixed.requestsPerSecond / $0.original.requestsPerSecond)) "
        + "| \($0.original.cpuPerRequest) / \($0.fixed.cpuPerRequest) "
        + "| \($0.original.summary) | \($0.fixed.summary) |"
    }
    let candidates = scenarios.compactMap { scenario in scenario.candidate.map { (scenario, $0) } }
    if !candidates.isEmpty {
      lines += [
        "",
        "The candidate's correction (`python/apps/candidate`: one commit, no caller lookup, no change log), measured "
          + "in the same runs:",
        "",
        "| scenario | candidate (req/s) | candidate / original | CPU per request (ms) | statements per request, statuses |",
        "|---|---|---|---|---|",
      ]
      lines += candidates.map { scenario, candidate in
        "| \(scenario.label) | \(EvidenceFile.whole(candidate.requestsPerSecond)) "
          + "| \(EvidenceFile.hundredths(candidate.requestsPerSecond / scenario.original.requestsPerSecond)) "
          + "| \(candidate.cpuPerRequest) | \(candidate.summary) |"
      }
    }
    lines += timeSplit
    return lines.joined(separator: "\n")
  }
}

extension EvidenceFigures.RealStackCreateProduct {
  /// Where one request's time went in the one-client runs, app by app: inside the driver's calls to PostgreSQL or
  /// in Python; empty for figures that did not measure it.
  var timeSplit: [String] {
    let rows = scenarios.filter { $0.clients == 1 }.flatMap { scenario in
      [("original", scenario.original), ("fixed", scenario.fixed), ("candidate", scenario.candidate)]
        .compactMap { name, run in run.flatMap { $0.timeSplitColumns }.map { "| \(scenario.label) | `\(name)` | \($0)" }
        }
    }
    guard !rows.isEmpty else { return [] }
    return [
      "",
      "Where one request's time goes with one client, which spends it either inside the driver's calls to PostgreSQL "
        + "(each statement's and each commit's round trip, the server's work, the durable write) or in Python "
        + "(Flask, SQLAlchemy, the app):",
      "",
      "| scenario | app | per request (ms) | in the driver (ms) | in Python (ms) | statements | commits |",
      "|---|---|---|---|---|---|---|",
    ] + rows + commitBreakEven
  }

  /// What one commit instead of two would need to pay off: from the one-client run with distinct SKUs, how much
  /// longer each commit would have to wait than on this machine (a slower durable write, a synchronous standby) for
  /// the fix, and the candidate's correction, to match the original's throughput and to reach 1.2 times it. With one
  /// client a slower commit adds only its wait to each request, so the figures follow from the measured times and
  /// commit counts alone.
  var commitBreakEven: [String] {
    guard let plain = oneClientPlainRun else { return [] }
    let rows = [("fixed", plain.fixed), ("candidate", plain.candidate)].compactMap { name, run in
      run?.commitWait(toReach: [1, 1.2], against: plain.original).map {
        "| `\(name)` | \($0.joined(separator: " | ")) |"
      }
    }
    guard !rows.isEmpty else { return [] }
    return [
      "",
      "How much longer than here each commit would have to wait (a slower durable write, a synchronous standby) for "
        + "one commit instead of two to pay off, derived from the one-client run with distinct SKUs (with one "
        + "client, a slower commit adds only its wait to each request):",
      "",
      "| app | to match the original's throughput | to reach 1.2 times it |",
      "|---|---|---|",
    ] + rows + derivationCheck(against: plain)
  }

  /// The derivation put to the test by the one-client runs with distinct SKUs whose commits were made dearer (a
  /// standby, a commit delay): how much longer the original's commits waited there, the ratios the plain run
  /// predicts at that wait, and the ratios measured; empty without such runs.
  func derivationCheck(against plain: Scenario) -> [String] {
    let rows = scenarios.filter { $0.clients == 1 && !$0.collidingSkus && $0.commitsMadeDearer }.compactMap {
      dearer -> String? in
      guard let wait = dearer.original.commitWait(beyond: plain.original) else { return nil }
      let columns = [(plain.fixed, dearer.fixed), (plain.candidate, dearer.candidate)].map { plainRun, dearerRun in
        guard let plainRun, let dearerRun, let predicted = plainRun.ratio(to: plain.original, ifEachCommitWaited: wait)
        else { return "– | –" }
        return EvidenceFile.hundredths(predicted) + " | "
          + EvidenceFile.hundredths(dearerRun.requestsPerSecond / dearer.original.requestsPerSecond)
      }
      return "| \(dearer.label) | \(EvidenceFile.hundredths(wait)) | \(columns.joined(separator: " | ")) |"
    }
    guard !rows.isEmpty else { return [] }
    return [
      "",
      "The runs whose commits were made dearer put this to the test: how much longer each of the original's commits "
        + "waited there (its time in the driver per commit, against the run above), the ratio the run above "
        + "predicts at that wait, and the ratio measured:",
      "",
      "| one-client run, distinct SKUs | each commit waited longer (ms) | fixed / original predicted | measured "
        + "| candidate / original predicted | measured |",
      "|---|---|---|---|---|---|",
    ] + rows
  }

  /// The one-client scenario with distinct SKUs whose commits waited for the disk alone.
  var oneClientPlainRun: Scenario? {
    scenarios.first { $0.clients == 1 && !$0.collidingSkus && !$0.commitsMadeDearer }
  }
}

extension EvidenceFigures.RealStackCreateProduct.Scenario {
  /// E.g. `8 clients, colliding SKUs`.
  public var label: String {
    "\(clients == 1 ? "1 client" : "\(clients) clients"), \(collidingSkus ? "colliding SKUs" : "distinct SKUs")"
      + (waitsForStandby ? ", synchronous standby" : "")
      + (commitDelayMicroseconds.map {
        ", commits delayed \($0 % 1_000 == 0 ? String($0 / 1_000) : EvidenceFile.hundredths(Double($0) / 1_000)) ms"
      } ?? "")
  }
}

extension EvidenceFigures.AppRun {
  /// The adapter's CPU milliseconds per request, e.g. `3.41`; `–` when the run did not measure it.
  var cpuPerRequest: String {
    cpuSeconds.map { EvidenceFile.hundredths(perRequest($0 * 1_000)) } ?? "–"
  }

  /// The per-request columns of the time split (`4.9 | 1.7 | 3.2 | 6.0 | 2.0 |`), for a run that measured its time
  /// in the driver; `nil` otherwise.
  var timeSplitColumns: String? {
    guard let databaseSeconds, let commits = commitsPerRequest, requests > 0 else { return nil }
    let inDriver = perRequest(databaseSeconds * 1_000)
    return [
      millisecondsPerRequest, inDriver, millisecondsPerRequest - inDriver, perRequest(Double(statements)), commits,
    ]
    .map { EvidenceFile.hundredths($0) }.joined(separator: " | ") + " |"
  }

  /// Statements per request and the statuses, e.g. `3.4; 201: 100, 409: 900`.
  var summary: String {
    "\(EvidenceFile.hundredths(perRequest(Double(statements)))); \(EvidenceFile.statuses(statuses))"
  }

  /// For each of `ratios` of this app's throughput to `original`'s, how much longer every commit would have to
  /// wait than in this one-client run for the ratio to be reached (`1.08 ms`; `reached here`; `never` when this
  /// app commits as often as the original); `nil` for a run that did not count its commits.
  func commitWait(toReach ratios: [Double], against original: Self) -> [String]? {
    guard let commits = commitsPerRequest, let originalCommits = original.commitsPerRequest else { return nil }
    return ratios.map { ratio in
      // Solves original + originalCommits * wait = ratio * (this + commits * wait) for the wait.
      let behind = ratio * millisecondsPerRequest - original.millisecondsPerRequest
      let savedPerWait = originalCommits - ratio * commits
      if behind <= 0 { return "reached here" }
      guard savedPerWait > 0 else { return "never" }
      return "\(EvidenceFile.hundredths(behind / savedPerWait)) ms"
    }
  }

  /// This run's throughput over `original`'s had each commit of both waited `wait` milliseconds longer.
  func ratio(to original: Self, ifEachCommitWaited wait: Double) -> Double? {
    guard let commits = commitsPerRequest, let originalCommits = original.commitsPerRequest else { return nil }
    return (original.millisecondsPerRequest + originalCommits * wait) / (millisecondsPerRequest + commits * wait)
  }

  /// How much longer each commit of this run waited than each commit of `other` (the same app's run under other
  /// conditions), in milliseconds: the difference of their time in the driver per request, per commit.
  func commitWait(beyond other: Self) -> Double? {
    guard let databaseSeconds, let otherSeconds = other.databaseSeconds, let commits = commitsPerRequest, commits > 0
    else { return nil }
    return (perRequest(databaseSeconds * 1_000) - other.perRequest(otherSeconds * 1_000)) / commits
  }

  /// Wall milliseconds per request (with one client, each request's time).
  var millisecondsPerRequest: Double { 1_000 / requestsPerSecond }

  /// Commits per request; `nil` for a run that did not count them.
  var commitsPerRequest: Double? { commits.map { perRequest(Double($0)) } }

  /// `total` shared out over the run's requests.
  private func perRequest(_ total: Double) -> Double {
    total / Double(max(requests, 1))
  }
}
