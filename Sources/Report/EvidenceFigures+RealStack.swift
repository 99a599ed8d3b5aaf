extension EvidenceFigures {
  /// What the adapter's `bench` command measured for one app in one run.
  public struct AppRun: Codable, Equatable, Sendable {
    /// Requests answered per second of the run.
    public var requestsPerSecond: Double
    /// Statements the requests sent to the database (commits included), in all.
    public var statements: Int
    /// How many requests got each status code.
    public var statuses: [Int: Int]
    /// Rows the requests' SELECTs returned to the app, in all; `nil` in figures transcribed from a run whose
    /// evidence did not show them.
    public var rowsRead: Int?
    /// Bytes of response bodies, in all; `nil` like ``rowsRead``.
    public var responseBytes: Int?
    /// CPU seconds the adapter's process (app, driver, test client) spent in the run; `nil` like ``rowsRead``.
    public var cpuSeconds: Double?
    /// Wall-clock seconds the requests spent inside the driver's calls to PostgreSQL (statements, commits,
    /// rollbacks), summed over the clients; `nil` like ``rowsRead``.
    public var databaseSeconds: Double?
    /// Commits among ``statements``; `nil` like ``rowsRead``.
    public var commits: Int?

    /// Requests sent in the run.
    public var requests: Int { statuses.values.reduce(0, +) }

    /// A measured run.
    public init(
      requestsPerSecond: Double, statements: Int, statuses: [Int: Int], rowsRead: Int?, responseBytes: Int?,
      cpuSeconds: Double?, databaseSeconds: Double? = nil, commits: Int? = nil
    ) {
      self.requestsPerSecond = requestsPerSecond
      self.statements = statements
      self.statuses = statuses
      self.rowsRead = rowsRead
      self.responseBytes = responseBytes
      self.cpuSeconds = cpuSeconds
      self.databaseSeconds = databaseSeconds
      self.commits = commits
    }
  }

  /// Create-product throughput of `python/apps/original` and `python/apps/fixed` on Flask + SQLAlchemy +
  /// PostgreSQL with durable commits, timed inside the adapter.
  public struct RealStackCreateProduct: Codable, Equatable, Sendable {
    /// One run of both apps: how many clients sent the creates and whether the SKUs collided.
    public struct Scenario: Codable, Equatable, Sendable {
      /// Concurrent clients (threads of the adapter, each with its own connection).
      public var clients: Int
      /// Whether the creates cycled through a few SKUs (``skusWhenColliding``) instead of one each.
      public var collidingSkus: Bool
      /// `python/apps/original`'s run.
      public var original: AppRun
      /// `python/apps/fixed`'s run.
      public var fixed: AppRun
      /// `python/apps/candidate`'s run (the candidate's single-commit correction); `nil` in figures from before it
      /// was measured.
      public var candidate: AppRun?
      /// Whether every commit also waited for a synchronous standby (`SynchronousStandby`); `nil` in figures from
      /// before such runs, which had none.
      public var synchronousStandby: Bool?
      /// How long every commit was made to wait before its durable write (`CommitDelay`), in microseconds; `nil`
      /// when commits flushed at the disk's own pace.
      public var commitDelayMicroseconds: Int?

      /// A measured scenario.
      public init(
        clients: Int, collidingSkus: Bool, original: AppRun, fixed: AppRun, candidate: AppRun? = nil,
        synchronousStandby: Bool? = nil, commitDelayMicroseconds: Int? = nil
      ) {
        self.clients = clients
        self.collidingSkus = collidingSkus
        self.original = original
        self.fixed = fixed
        self.candidate = candidate
        self.synchronousStandby = synchronousStandby
        self.commitDelayMicroseconds = commitDelayMicroseconds
      }

      /// Whether commits waited for a standby in this scenario.
      public var waitsForStandby: Bool { synchronousStandby ?? false }

      /// Whether commits waited longer than the disk alone makes them (a standby or a commit delay).
      public var commitsMadeDearer: Bool { waitsForStandby || commitDelayMicroseconds != nil }
    }

    /// The machine the figures were taken on.
    public var machine: String
    /// Valid creates sent per run, after a warm-up.
    public var requestsPerRun: Int
    /// How many turns the apps took in a run, one after another (each app `requestsPerRun / turns` creates a turn);
    /// `nil` in figures from runs that measured each app in one go.
    public var turnsPerRun: Int?
    /// How many SKUs a colliding run cycles through.
    public var skusWhenColliding: Int
    /// One per scenario, in the order the evidence shows them.
    public var scenarios: [Scenario]
    /// What making one 8 kB write durable cost on the cluster's disk, in microseconds (`pg_test_fsync`); `nil` when
    /// not measured.
    public var durableWriteMicroseconds: Double?

    /// Figures measured on `machine`.
    public init(
      machine: String, requestsPerRun: Int, turnsPerRun: Int? = nil, skusWhenColliding: Int, scenarios: [Scenario],
      durableWriteMicroseconds: Double?
    ) {
      self.machine = machine
      self.requestsPerRun = requestsPerRun
      self.turnsPerRun = turnsPerRun
      self.skusWhenColliding = skusWhenColliding
      self.scenarios = scenarios
      self.durableWriteMicroseconds = durableWriteMicroseconds
    }
  }

  /// One company's low-stock alerts of `python/apps/candidate` and `python/apps/fixed` on PostgreSQL with the large
  /// store loaded by COPY, timed inside the adapter.
  public struct RealStackAlerts: Codable, Equatable, Sendable {
    /// One app's median request.
    public struct Timing: Codable, Equatable, Sendable {
      /// The app's name, e.g. `candidate` for `python/apps/candidate`.
      public var implementation: String
      /// Seconds it took to load the large store by COPY; `nil` in transcribed figures.
      public var seedingSeconds: Double?
      /// The median request's time, in seconds.
      public var medianSeconds: Double
      /// Statements the median request sent to the database.
      public var statements: Int
      /// Rows its SELECTs returned to the app.
      public var rowsRead: Int
      /// Bytes of its response body.
      public var responseBytes: Int

      /// A measured timing.
      public init(
        implementation: String, seedingSeconds: Double?, medianSeconds: Double, statements: Int, rowsRead: Int,
        responseBytes: Int
      ) {
        self.implementation = implementation
        self.seedingSeconds = seedingSeconds
        self.medianSeconds = medianSeconds
        self.statements = statements
        self.rowsRead = rowsRead
        self.responseBytes = responseBytes
      }
    }

    /// The store the requests ran on.
    public var store: AlertsStore
    /// Requests timed per app (the median of them is kept).
    public var requests: Int
    /// The candidate's sketch first, the fix second.
    public var implementations: [Timing]
    /// PostgreSQL's `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)` of the fix's main query, one line a row, as printed.
    public var fixPlan: [String]

    /// Figures measured on `store`.
    public init(store: AlertsStore, requests: Int, implementations: [Timing], fixPlan: [String]) {
      self.store = store
      self.requests = requests
      self.implementations = implementations
      self.fixPlan = fixPlan
    }
  }
}
