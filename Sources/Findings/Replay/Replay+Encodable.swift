import RequestLayer

/// An exchange's one JSON shape, in `review try --format json` and in each line of `review replay`: who answered
/// (`implementation`, `index`), the answer (`status`, `headers`, `body`, `uncaught_error`) and the rows the request
/// changed (`changes`, each `{"change", "table", "row", "before"?}`).
extension Replay.Exchange: Encodable {
  enum CodingKeys: String, CodingKey {
    case implementation, index, status, headers, body, uncaughtError, changes
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(implementation, forKey: .implementation)
    try container.encode(index, forKey: .index)
    try container.encode(response.status, forKey: .status)
    try container.encode(response.headers, forKey: .headers)
    try container.encode(response.body, forKey: .body)
    try container.encodeIfPresent(response.uncaughtError, forKey: .uncaughtError)
    try container.encode(changes.map(\.json), forKey: .changes)
  }
}

/// A replay script's line as written back: the request's fields, `query` and `headers` always present.
extension ScriptedRequest: Encodable {
  enum CodingKeys: String, CodingKey {
    case method, path, query, contentType, body, headers
    case companyID = "as"
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(method, forKey: .method)
    try container.encode(path, forKey: .path)
    try container.encode(query, forKey: .query)
    try container.encodeIfPresent(contentType, forKey: .contentType)
    try container.encode(body, forKey: .body)
    try container.encodeIfPresent(companyID, forKey: .companyID)
    try container.encode(headers, forKey: .headers)
  }
}
