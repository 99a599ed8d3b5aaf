import Foundation
import RequestLayer
import Store

/// What the real app did with one request: the response, what it sent to the database, and the tables after.
public struct RealResponse: Hashable, Sendable {
  /// Status, headers and body (the body bytes read as UTF-8); `uncaughtError` is the exception Flask saw, written
  /// as the in-memory ports write theirs (`KeyError: 'initial_quantity'`).
  public var response: Response
  /// The exception Flask saw, as the adapter reported it, with its traceback.
  public var exception: RealException?
  /// The statements sent while handling the request, in order.
  public var statements: [Statement]
  /// Every table after the request, when a dump was asked for.
  public var tables: RealDump?
  /// How many planned faults fired during the request.
  public var faultsFired: Int
  /// What the app's logger emitted while serving the request, in order (the answer's `log`).
  public var log: [LogRecord] = []
}

/// An exception that escaped the app's view, as Python's `got_request_exception` saw it.
public struct RealException: Hashable, Sendable, CustomStringConvertible {
  /// The class name, e.g. `KeyError`.
  public var type: String
  /// `str(e)`, `repr`-quoted for `KeyError`.
  public var message: String
  public var traceback: String?

  /// Python's last traceback line, as ``PythonError`` writes it: `KeyError: 'initial_quantity'`, the class alone
  /// when the message is empty, and `decimal.InvalidOperation` with its module, as Python prints it.
  public var description: String {
    let qualified = Self.qualifiedNames[type] ?? type
    return message.isEmpty ? qualified : "\(qualified): \(message)"
  }

  /// Classes whose module Python prints before the name (every class outside `builtins` that the ports name).
  static let qualifiedNames = ["InvalidOperation": "decimal.InvalidOperation"]
}

extension Request {
  /// The `request` command for this request: method, path, query, every header sent (`Content-Type`,
  /// `Idempotency-Key`, `X-Request-Id`, ...; by name, sorted), the exact body as `body_b64`, and the caller's
  /// `user_id` (the adapter sends it as `X-User-Id`).
  public func protocolCommand(dump: Bool) -> JSONValue {
    let headers = self.headers.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }
    return .object(
      JSONObject([
        ("op", "request"), ("method", .string(method)), ("path", .string(path)),
        ("query", .object(JSONObject(query.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }))),
        ("headers", .object(JSONObject(headers))), ("body_b64", .string(Data(body).base64EncodedString())),
        ("user_id", principal.map { .integer($0.userID) } ?? .null), ("dump", .bool(dump)),
      ]))
  }
}

extension RealResponse {
  /// Reads a `request` answer (or a `race`'s `first` / `second`).
  public init(protocolAnswer answer: JSONObject) throws(ProtocolDecodingError) {
    guard case .number(let statusNumber) = answer["status"], let status = statusNumber.int else {
      throw ProtocolDecodingError("a request answer has an integer status")
    }
    var headers: [String: String] = [:]
    if case .object(let object) = answer["headers"] {
      for (name, value) in object.members {
        if case .string(let text) = value { headers[name] = text }
      }
    }
    guard case .string(let encoded) = answer["body_b64"], let body = Data(base64Encoded: encoded) else {
      throw ProtocolDecodingError("a request answer has its body in body_b64")
    }
    exception = nil
    if case .object(let raised) = answer["exception"] {
      func text(_ key: String) -> String? { if case .string(let value) = raised[key] { value } else { nil } }
      exception = RealException(
        type: text("type") ?? "Exception", message: text("message") ?? "",
        traceback: text("traceback"))
    }
    response = Response(
      status: status, headers: headers, body: String(decoding: body, as: UTF8.self),
      uncaughtError: exception?.description)
    statements = []
    if case .array(let sent) = answer["statements"] {
      for statement in sent { statements.append(try Statement(protocolStatement: statement)) }
    }
    tables = try answer["tables"].map { json throws(ProtocolDecodingError) in try RealDump(protocolTables: json) }
    faultsFired = if case .number(let number) = answer["faults_fired"], let count = number.int { count } else { 0 }
    log = []
    if case .array(let records) = answer["log"] {
      for record in records {
        guard case .object(let fields) = record, case .string(let levelName) = fields["level"],
          case .string(let message) = fields["message"]
        else { throw ProtocolDecodingError("a log record has a level and a message: \(record.encoded())") }
        // A custom level (logging.addLevelName) reads as the nearest standard one below it; WARN is WARNING.
        let level = LogRecord.Level(rawValue: levelName == "WARN" ? "WARNING" : levelName) ?? .info
        log.append(LogRecord(level, message))
      }
    }
    response.log = log
  }
}

/// Every table of the app's database: the rows as a ``Snapshot`` and each column's PostgreSQL type.
public struct RealDump: Hashable, Sendable {
  /// Rows per table by `id`, `id` itself not among the values, as the in-memory store's snapshots hold them.
  public var snapshot: Snapshot
  /// Column name to PostgreSQL type, per table.
  public var columnTypes: [String: [String: String]]

  /// Reads the `tables` member of a `dump` (or `request`) answer.
  ///
  /// A row's `id` becomes ``Row/id``; a table without an integer `id` (an association table) gets its rows numbered
  /// from 1 in the order sent, with every column kept among the values.
  public init(protocolTables json: JSONValue) throws(ProtocolDecodingError) {
    guard case .object(let tables) = json else { throw ProtocolDecodingError("tables is an object") }
    var rowsByTable: [String: [Row]] = [:]
    var columnTypes: [String: [String: String]] = [:]
    for (table, content) in tables.members {
      guard case .object(let body) = content, case .array(let rows) = body["rows"] else {
        throw ProtocolDecodingError("table \(table) has no rows")
      }
      if case .object(let columns) = body["columns"] {
        columnTypes[table] = Dictionary(
          columns.members.compactMap { if case .string(let type) = $0.value { ($0.key, type) } else { nil } },
          uniquingKeysWith: { $1 })
      }
      var decoded: [Row] = []
      for (position, row) in rows.enumerated() {
        guard case .object(let cells) = row else { throw ProtocolDecodingError("a row of \(table) is an object") }
        var values: [String: Value] = [:]
        var scales: [String: Int] = [:]
        for (column, cell) in cells.members {
          values[column] = try Value(protocolValue: cell)
          if case .object(let tagged) = cell, case .string(let text)? = tagged["numeric"],
            let dot = text.firstIndex(of: ".")
          {
            scales[column] = text.distance(from: dot, to: text.endIndex) - 1
          }
        }
        if case .int(let id) = values["id"] {
          values["id"] = nil
          decoded.append(Row(id: id, values: values, scales: scales))
        } else {
          decoded.append(Row(id: position + 1, values: values, scales: scales))
        }
      }
      rowsByTable[table] = decoded
    }
    snapshot = Snapshot(tables: rowsByTable)
    self.columnTypes = columnTypes
  }
}
