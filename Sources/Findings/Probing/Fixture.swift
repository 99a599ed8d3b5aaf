import RequestLayer
import Store

/// The rows that exist before any request: companies, their users and warehouses.
///
/// Every probe starts from it on a fresh store; `review fixture` prints it and `--fixture` loads another in the
/// same JSON shape.
public struct Fixture: Hashable, Sendable, Codable {
  public struct Company: Hashable, Sendable, Codable {
    public let id: Int
    public let name: String
  }

  public struct User: Hashable, Sendable, Codable {
    public let id: Int
    public let companyID: Int
    public let name: String

    enum CodingKeys: String, CodingKey {
      case id, name
      case companyID = "company_id"
    }
  }

  public struct Warehouse: Hashable, Sendable, Codable {
    public let id: Int
    public let companyID: Int
    public let name: String

    enum CodingKeys: String, CodingKey {
      case id, name
      case companyID = "company_id"
    }
  }

  public let companies: [Company]
  public let users: [User]
  public let warehouses: [Warehouse]

  public init(companies: [Company], users: [User], warehouses: [Warehouse]) {
    self.companies = companies
    self.users = users
    self.warehouses = warehouses
  }

  /// Two tenants: Acme (company 1, user 1, warehouses 1 and 2) and Globex (company 2, user 2, warehouse 3).
  public static let demo = Fixture(
    companies: [Company(id: 1, name: "Acme Tools"), Company(id: 2, name: "Globex Supply")],
    users: [User(id: 1, companyID: 1, name: "alice@acme.test"), User(id: 2, companyID: 2, name: "bob@globex.test")],
    warehouses: [
      Warehouse(id: 1, companyID: 1, name: "Acme Main"),
      Warehouse(id: 2, companyID: 1, name: "Acme Overflow"),
      Warehouse(id: 3, companyID: 2, name: "Globex Central"),
    ]
  )

  /// The demo's Acme user.
  public static let acmeUser = Principal(userID: 1, companyID: 1)
  /// The demo's Globex user.
  public static let globexUser = Principal(userID: 2, companyID: 2)

  /// The principal acting for `companyID`: its first user, or a user 0 of that company when it has none.
  public func principal(forCompany companyID: Int) -> Principal {
    Principal(userID: users.first { $0.companyID == companyID }?.id ?? 0, companyID: companyID)
  }

  /// Inserts the fixture's rows; their ids are the fixture's ids when the store is fresh.
  public func load(into store: Store) throws {
    for company in companies {
      let id = try store.seed("companies", ["name": .text(company.name)])
      guard id == company.id else { throw InvalidFixture("company ids must be 1, 2, 3, ... in order") }
    }
    for warehouse in warehouses {
      let id = try store.seed("warehouses", ["company_id": .int(warehouse.companyID), "name": .text(warehouse.name)])
      guard id == warehouse.id else { throw InvalidFixture("warehouse ids must be 1, 2, 3, ... in order") }
    }
  }
}

/// A fixture that cannot be loaded as written.
public struct InvalidFixture: Error, CustomStringConvertible {
  public let description: String

  init(_ description: String) { self.description = "invalid fixture: " + description }
}
