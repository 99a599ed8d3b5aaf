import RequestLayer

/// The one JSON configuration every output uses (report, grade, leaderboard, `try`, `replay`, `fixture`,
/// `conform`): `Codable` types encoded with snake_case keys, absent values as `null`, keys sorted, numbers exact.
///
/// A step, an observation or an exchange is encoded by its own `Encodable` conformance and nowhere else, so it has
/// one JSON shape wherever it appears.
public enum ReportJSON {
  /// The shared encoder: snake_case keys.
  public static let encoder = JSONValueEncoder(keys: .snakeCase)

  /// `value` as a JSON tree.
  ///
  /// The project's types encode without failing (no encoder limit applies to a JSON tree); a failure is a
  /// programming error and stops the program with the error.
  public static func value(_ value: some Encodable) -> JSONValue {
    do {
      return try encoder.encode(value)
    } catch {
      preconditionFailure("could not encode \(type(of: value)) as JSON: \(error)")
    }
  }

  /// `value` as JSON text with sorted keys: one line, or `pretty` (two-space indents) with a final newline.
  public static func text(_ value: some Encodable, pretty: Bool = true) -> String {
    let json = Self.value(value).encoded(sortedKeys: true, pretty: pretty)
    return pretty ? json + "\n" : json
  }
}
