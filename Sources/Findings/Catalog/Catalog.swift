/// Every finding, in report order: the one list that tests, the report and grading all read.
public enum Catalog {
  /// The findings for `POST /api/products`, most severe first within each theme.
  public static let createProduct: [Finding] = [
    .missingValidation, .uncheckedTypes, .noRangeChecks, .nonObjectBody, .htmlErrorResponses,
    .requiredOptionalField, .nonAtomicCommit, .noErrorHandling, .duplicateSKU, .skuRace, .duplicateInventoryRow,
    .floatPrice, .productTiedToWarehouse, .noChangeLog, .wrongStatusCode, .noAuthentication, .noTenantCheck,
    .unknownWarehouse,
  ]

  /// Every finding.
  public static let all: [Finding] = createProduct

  /// The finding with this id.
  public static func finding(_ id: String) -> Finding? {
    all.first { $0.id == id }
  }
}
