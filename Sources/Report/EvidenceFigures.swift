/// Every figure the bench measures, as it writes them to `case-study/EVIDENCE.json`: the single source from which
/// `case-study/EVIDENCE.md` is rendered and README's quoted rows are checked, so nothing parses markdown back.
///
/// Each section is optional because a bench run measures only some of them (`--real-only`, `--throughput-only`);
/// ``merging(_:)`` keeps the sections a run did not measure. Only measured values and the parameters of the
/// measurement live here; every sentence around them belongs to the renderer (``EvidenceFile``).
public struct EvidenceFigures: Codable, Equatable, Sendable {
  /// The deterministic robustness figures (adversarial corpus, fault sweep, concurrent creates), checked against
  /// a fresh run by the tests.
  public var robustness: Robustness?
  /// Create-product throughput of the Swift ports on the in-memory store.
  public var inMemoryCreateProduct: InMemoryCreateProduct?
  /// Low-stock alerts timings of the Swift ports on the in-memory store.
  public var inMemoryAlerts: InMemoryAlerts?
  /// Create-product throughput of the Python apps on PostgreSQL.
  public var realStackCreateProduct: RealStackCreateProduct?
  /// Low-stock alerts of the Python apps on PostgreSQL, with the plan of the fix's main query.
  public var realStackAlerts: RealStackAlerts?

  /// Figures with the given sections; a section left `nil` was not measured.
  public init(
    robustness: Robustness? = nil, inMemoryCreateProduct: InMemoryCreateProduct? = nil,
    inMemoryAlerts: InMemoryAlerts? = nil, realStackCreateProduct: RealStackCreateProduct? = nil,
    realStackAlerts: RealStackAlerts? = nil
  ) {
    self.robustness = robustness
    self.inMemoryCreateProduct = inMemoryCreateProduct
    self.inMemoryAlerts = inMemoryAlerts
    self.realStackCreateProduct = realStackCreateProduct
    self.realStackAlerts = realStackAlerts
  }

  /// These figures updated by a newer run: every section `newer` measured replaces this one's, every section it
  /// did not measure is kept as it was.
  public func merging(_ newer: EvidenceFigures) -> EvidenceFigures {
    EvidenceFigures(
      robustness: newer.robustness ?? robustness,
      inMemoryCreateProduct: newer.inMemoryCreateProduct ?? inMemoryCreateProduct,
      inMemoryAlerts: newer.inMemoryAlerts ?? inMemoryAlerts,
      realStackCreateProduct: newer.realStackCreateProduct ?? realStackCreateProduct,
      realStackAlerts: newer.realStackAlerts ?? realStackAlerts)
  }
}
