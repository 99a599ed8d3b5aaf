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
    /// What the user may do (`admin`, `manager`, `staff`, `viewer`); a fixture file without it means `manager`.
    public let role: String

    public init(id: Int, companyID: Int, name: String, role: String = "manager") {
      self.id = id
      self.companyID = companyID
      self.name = name
      self.role = role
    }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      id = try container.decode(Int.self, forKey: .id)
      companyID = try container.decode(Int.self, forKey: .companyID)
      name = try container.decode(String.self, forKey: .name)
      role = try container.decodeIfPresent(String.self, forKey: .role) ?? "manager"
    }

    enum CodingKeys: String, CodingKey {
      case id, name, role
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

  /// Two tenants: Acme (company 1, its manager user 1, its viewer user 3, warehouses 1 and 2) and Globex (company
  /// 2, its admin user 2, warehouse 3).
  public static let demo = Fixture(
    companies: [Company(id: 1, name: "Acme Tools"), Company(id: 2, name: "Globex Supply")],
    users: [
      User(id: 1, companyID: 1, name: "alice@acme.test", role: "manager"),
      User(id: 2, companyID: 2, name: "bob@globex.test", role: "admin"),
      User(id: 3, companyID: 1, name: "carol@acme.test", role: "viewer"),
    ],
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
  /// The demo's Acme viewer, who may read but not create products.
  public static let acmeViewer = Principal(userID: 3, companyID: 1)

  /// The principal acting for `companyID`: its first user, or a user 0 of that company when it has none.
  public func principal(forCompany companyID: Int) -> Principal {
    Principal(userID: users.first { $0.companyID == companyID }?.id ?? 0, companyID: companyID)
  }

  /// Inserts the fixture's rows (users only where the schema has a users table); their ids are the fixture's ids
  /// when the store is fresh.
  public func load(into store: Store) throws {
    for company in companies {
      let id = try store.seed("companies", ["name": .text(company.name)])
      guard id == company.id else { throw InvalidFixture("company ids must be 1, 2, 3, ... in order") }
    }
    for user in users where store.schema.table("users") != nil {
      let id = try store.seed(
        "users", ["company_id": .int(user.companyID), "name": .text(user.name), "role": .text(user.role)])
      guard id == user.id else { throw InvalidFixture("user ids must be 1, 2, 3, ... in order") }
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
