/// The authenticated caller of a request: a user acting for one company.
///
/// The request layer attaches it the way an authentication middleware would; a request without one is anonymous.
public struct Principal: Hashable, Sendable, Codable {
  public let userID: Int
  public let companyID: Int

  public init(userID: Int, companyID: Int) {
    self.userID = userID
    self.companyID = companyID
  }
}
