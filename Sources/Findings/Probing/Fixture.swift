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

    public init(id: Int, name: String) {
      self.id = id
      self.name = name
    }
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

    public init(id: Int, companyID: Int, name: String) {
      self.id = id
      self.companyID = companyID
      self.name = name
    }

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

  /// Four ids that never coincide: Initech (company 10, its manager user 7, warehouses 31 and 32) and Umbrella
  /// (company 20, its admin user 8, warehouse 33). A handler that uses a company id where a user id belongs, or the
  /// reverse, answers wrongly here, where the demo's user 1 of company 1 would hide it.
  public static let distinctIDs = Fixture(
    companies: [Company(id: 10, name: "Initech"), Company(id: 20, name: "Umbrella Corp")],
    users: [
      User(id: 7, companyID: 10, name: "peter@initech.test", role: "manager"),
      User(id: 8, companyID: 20, name: "alice@umbrella.test", role: "admin"),
    ],
    warehouses: [
      Warehouse(id: 31, companyID: 10, name: "Initech Main"),
      Warehouse(id: 32, companyID: 10, name: "Initech Annex"),
      Warehouse(id: 33, companyID: 20, name: "Umbrella Hive"),
    ]
  )

  /// ``distinctIDs``'s Initech manager: user 7 of company 10.
  public static let initechUser = Principal(userID: 7, companyID: 10)
  /// ``distinctIDs``'s Umbrella admin: user 8 of company 20.
  public static let umbrellaUser = Principal(userID: 8, companyID: 20)

  /// The fixture's rows table by table, in the order foreign keys need them: what every system under test loads.
  public var tables: [(table: String, rows: [Row])] {
    [
      ("companies", companies.map { Row(id: $0.id, values: ["name": .text($0.name)]) }),
      (
        "users",
        users.map {
          Row(
            id: $0.id, values: ["company_id": .int($0.companyID), "name": .text($0.name), "role": .text($0.role)])
        }
      ),
      (
        "warehouses",
        warehouses.map { Row(id: $0.id, values: ["company_id": .int($0.companyID), "name": .text($0.name)]) }
      ),
    ]
  }

  /// Inserts the fixture's rows (users only where the schema has a users table) under the fixture's ids, as
  /// `INSERT`s naming their ids: the ids of each table must increase, and the store must hold none of them yet.
  /// Rows created later get ids after the fixture's.
  public func load(into store: Store) throws {
    for (table, rows) in tables where table != "users" || store.schema.table("users") != nil {
      for row in rows { try Self.insert(row.id, table, row.values, into: store, Self.nouns[table]!) }
    }
  }

  /// What one row of each table is called in an error.
  private static let nouns = ["companies": "company", "users": "user", "warehouses": "warehouse"]

  private static func insert(
    _ id: Int, _ table: String, _ row: [String: Value], into store: Store, _ noun: String
  ) throws {
    guard id >= 1 else { throw InvalidFixture("\(noun) id \(id) must be 1 or more") }
    guard try store.seed(table, id: id, row) == id else {
      throw InvalidFixture("\(noun) ids must increase (\(noun) \(id) comes after a higher or equal id)")
    }
  }
}

/// A fixture that cannot be loaded as written.
public struct InvalidFixture: Error, CustomStringConvertible {
  public let description: String

  init(_ description: String) { self.description = "invalid fixture: " + description }
}
