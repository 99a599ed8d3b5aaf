import RequestLayer
import Store

/// Runs a create's transaction and answers its failure: an earlier create with the same `Idempotency-Key` is
/// answered as it was, without running the transaction; a failed transaction is rolled back, then answered as
/// the create that won a race to the same key was, or else by its cause (`DatabaseFailure`).
func inOneTransaction(
  _ request: Request, _ db: Session, replaying key: IdempotencyKey?, of input: ProductInput, company: Int,
  _ transaction: () throws(StoreError) -> Response
) -> Response {
  do {
    if let earlier = try key?.earlierAnswer(for: input, company: company, db) { return earlier }
    return try transaction()
  } catch {
    db.rollback()  // finding: non-atomic-commit
    // A concurrent create with the same key won (on the SKU or on the key itself): answer what it answered.
    let earlier = try? key?.earlierAnswer(for: input, company: company, db)  // finding: non-idempotent-retry
    if let earlier { return earlier }
    return DatabaseFailure.response(to: error, serving: request)  // finding: no-error-handling
  }
}
