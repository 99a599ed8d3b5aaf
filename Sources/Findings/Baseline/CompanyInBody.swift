import RequestLayer
import Store

/// A submission whose create requires `company_id` in the body, which the case study's request does not send (its
/// caller's company comes from the caller): graded with the company supplied, rather than broken by every probe.
///
/// Answers written without authentication often take the product's company from the body. Such a submission
/// refuses the case study's valid create for lacking the field; ``adapted(_:)`` sees that and grades a deployment
/// that adds the caller's company to every create body lacking it (an anonymous caller's names Acme, the fixture's
/// first company, as an attacker would name a company to write into). Trusting that field is no tenant check:
/// `no-tenant-check` also sends a body naming the other company, which such a submission accepts.
public enum CompanyInBody {
  static let field = "company_id"

  /// `deployment`, or, when its create refuses the case study's valid body naming `company_id`, one that says so and,
  /// when the caller's company makes the create succeed, supplies it.
  public static func adapted(_ deployment: any Deployment) -> any Deployment {
    guard deployment.endpoints.contains(.createProduct), let trial = try? Trial(deployment) else { return deployment }
    let body = BaselineCreate.all[0].body
    guard let (refused, _) = try? trial.createProductChanging(body), refused.rejects(field: field) else {
      return deployment
    }
    let supplied = Request.post("/api/products", body: body, as: Fixture.acmeUser).supplyingCompany()
    guard let (retry, _) = try? trial.exchange(supplied) else { return deployment }
    return Supplying(
      base: deployment, refusal: refused.brief, failedRetry: retry.response.isSuccess ? nil : retry.response.brief)
  }

  /// A deployment whose every create body lacking `company_id` gets the caller's company, or, when that did not make
  /// the create succeed either (`failedRetry`), the deployment as it is, with a note saying what was tried.
  struct Supplying: Deployment {
    let base: any Deployment
    let refusal: String
    let failedRetry: String?

    var name: String { base.name }
    var endpoints: Set<Endpoint> { base.endpoints }
    var routes: [String]? { base.routes }
    var adaptations: [String] {
      let refused = "its create refused the case study's valid body (\(refusal)): "
      guard let failedRetry else {
        return base.adaptations + [
          refused + "the harness added the caller's company as \(CompanyInBody.field) to every create body lacking "
            + "it (an anonymous caller's: company 1)"
        ]
      }
      return base.adaptations + [
        refused + "with the caller's company as \(CompanyInBody.field) it answered \(failedRetry), so it is graded "
          + "on the case study's body"
      ]
    }

    func start(with fixture: Fixture) throws -> any SystemUnderTest {
      let system = try base.start(with: fixture)
      return failedRetry == nil ? SupplyingSystem(base: system) : system
    }
  }

  final class SupplyingSystem: SystemUnderTest {
    let base: any SystemUnderTest

    init(base: any SystemUnderTest) {
      self.base = base
    }

    var tables: [String: Set<String>] { base.tables }
    var standIns: [String: [String]] { base.standIns }
    func send(_ request: Request) throws -> Exchange { try base.send(request.supplyingCompany()) }
    func respond(to request: Request) throws -> (response: Response, statements: [Statement]) {
      try base.respond(to: request.supplyingCompany())
    }
    func snapshot() throws -> Snapshot { try base.snapshot() }
    func seed(_ table: String, _ rows: [[String: Value]]) throws -> Seeding { try base.seed(table, rows) }
    func inject(_ fault: Fault) throws { try base.inject(fault) }
    func race(_ first: Request, pausedBefore statement: Statement, _ second: Request) throws -> Race {
      try base.race(first.supplyingCompany(), pausedBefore: statement, second.supplyingCompany())
    }
    func sendConcurrently(_ request: Request, count: Int, clients: Int, numbering token: String, modulo: Int) throws
      -> [Int: Int]
    {
      try base.sendConcurrently(
        request.supplyingCompany(), count: count, clients: clients, numbering: token, modulo: modulo)
    }
  }
}

extension Request {
  /// This request with `"company_id": <the caller's company>` first in its body, when it is a create whose body is
  /// a JSON object (by its first character: a malformed one stays malformed) that does not name the field; the rest
  /// of the body is kept byte for byte.
  func supplyingCompany() -> Request {
    let isText = { (byte: UInt8) in ![0x20, 0x09, 0x0A, 0x0D].contains(byte) }  // not JSON whitespace
    guard method == "POST", path == "/api/products", let start = body.firstIndex(where: isText),
      body[start] == UInt8(ascii: "{"), !String(decoding: body, as: UTF8.self).contains("\"\(CompanyInBody.field)\"")
    else { return self }
    let rest = body[(start + 1)...]
    let empty = rest.first(where: isText) == UInt8(ascii: "}")
    let company = principal?.companyID ?? Fixture.acmeUser.companyID
    var request = self
    request.body =
      Array(body[...start]) + Array("\"\(CompanyInBody.field)\": \(company)\(empty ? "" : ", ")".utf8) + Array(rest)
    return request
  }
}
