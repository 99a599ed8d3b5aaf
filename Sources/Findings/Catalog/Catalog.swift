/// Every finding, in report order: the one list that tests, the report and grading all read.
public enum Catalog {
  /// The findings for `POST /api/products`, most severe first within each theme.
  public static let createProduct: [Finding] = [
    .missingValidation, .uncheckedTypes, .noRangeChecks, .nonObjectBody, .htmlErrorResponses,
    .requiredOptionalField, .nonAtomicCommit, .noErrorHandling, .duplicateSKU, .skuRace, .duplicateInventoryRow,
    .floatPrice, .productTiedToWarehouse, .noChangeLog, .wrongStatusCode, .noAuthentication, .noTenantCheck,
    .unknownWarehouse, .nonIdempotentRetry, .untraceableFailures, .skuCaseVariants, .catalogRequiresStock,
    .failuresNotByCause,
  ]

  /// The findings for `GET /api/companies/{company_id}/alerts/low-stock`.
  public static let lowStockAlerts: [Finding] = [
    .alertsIgnoresCompany, .alertsNoAuthorization, .alertsUnknownCompany, .alertsMissingThresholdCrash,
    .alertsIgnoresProductType, .alertsNoRecentSalesFilter, .alertsFakeSalesRate, .alertsPlaceholderSupplier,
    .alertsMissingWarehouseName, .alertsQueryPerRow, .alertsUnsortedUnpaginated,
  ]

  /// Every finding.
  public static let all: [Finding] = createProduct + lowStockAlerts

  /// The finding with this id.
  public static func finding(_ id: String) -> Finding? {
    all.first { $0.id == id }
  }
}
