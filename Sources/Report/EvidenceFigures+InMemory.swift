extension EvidenceFigures {
  /// Create-product throughput of the Swift ports (original and fix) on the in-memory store, release build.
  public struct InMemoryCreateProduct: Codable, Equatable, Sendable {
    /// One run of both implementations: how many tasks sent the creates and whether the SKUs collided.
    public struct Scenario: Codable, Equatable, Sendable {
      /// Concurrent tasks sending the creates.
      public var tasks: Int
      /// Whether the creates cycled through 100 SKUs (most of them refused as duplicates) instead of one each.
      public var collidingSkus: Bool
      /// The original's requests per second.
      public var original: Double
      /// The fix's requests per second.
      public var fixed: Double

      /// A measured scenario.
      public init(tasks: Int, collidingSkus: Bool, original: Double, fixed: Double) {
        self.tasks = tasks
        self.collidingSkus = collidingSkus
        self.original = original
        self.fixed = fixed
      }
    }

    /// The machine the figures were taken on (architecture, cores, memory, Swift version).
    public var machine: String
    /// Valid creates sent per run.
    public var requestsPerRun: Int
    /// One per scenario, in the order the bench ran them.
    public var scenarios: [Scenario]

    /// Figures measured on `machine`.
    public init(machine: String, requestsPerRun: Int, scenarios: [Scenario]) {
      self.machine = machine
      self.requestsPerRun = requestsPerRun
      self.scenarios = scenarios
    }
  }

  /// The shape of the large store the alerts benchmarks run on: every product of a company is stocked in every
  /// one of its warehouses.
  public struct AlertsStore: Codable, Equatable, Sendable {
    /// Companies in the store; the request asks for company 1's alerts.
    public var companies: Int
    /// Warehouses of each company.
    public var warehousesPerCompany: Int
    /// Products of each company, each stocked in every one of its warehouses.
    public var productsPerCompany: Int

    /// Inventory rows in all.
    public var inventoryRows: Int { companies * warehousesPerCompany * productsPerCompany }

    /// The store's shape.
    public init(companies: Int, warehousesPerCompany: Int, productsPerCompany: Int) {
      self.companies = companies
      self.warehousesPerCompany = warehousesPerCompany
      self.productsPerCompany = productsPerCompany
    }
  }

  /// One company's low-stock alerts on the large store, candidate's sketch and fix, on the in-memory store.
  public struct InMemoryAlerts: Codable, Equatable, Sendable {
    /// One implementation's timing.
    public struct Timing: Codable, Equatable, Sendable {
      /// The implementation's name in the registry, e.g. `candidate`.
      public var implementation: String
      /// Seconds it took to load the large store into the implementation's schema.
      public var seedingSeconds: Double
      /// The median of the requests' times, in seconds.
      public var medianSeconds: Double
      /// How many alerts the request returned.
      public var alerts: Int

      /// A measured timing.
      public init(implementation: String, seedingSeconds: Double, medianSeconds: Double, alerts: Int) {
        self.implementation = implementation
        self.seedingSeconds = seedingSeconds
        self.medianSeconds = medianSeconds
        self.alerts = alerts
      }
    }

    /// The store the requests ran on.
    public var store: AlertsStore
    /// Requests timed per implementation (the median of them is kept).
    public var requests: Int
    /// The candidate's sketch first, the fix second.
    public var implementations: [Timing]

    /// Timings measured on `store`.
    public init(store: AlertsStore, requests: Int, implementations: [Timing]) {
      self.store = store
      self.requests = requests
      self.implementations = implementations
    }
  }
}
