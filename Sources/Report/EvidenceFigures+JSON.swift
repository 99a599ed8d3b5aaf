import Foundation

extension EvidenceFigures {
  /// The one encoder configuration of the figures file: snake_case keys, sorted keys, pretty printed, so equal
  /// figures always give the same bytes and a re-run changes only the lines of the figures that moved.
  public static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  /// The decoder that reads what ``encoder()`` writes.
  public static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return decoder
  }

  /// The figures as the text of `case-study/EVIDENCE.json`, ending with a newline.
  public func json() throws -> String {
    String(decoding: try Self.encoder().encode(self), as: UTF8.self) + "\n"
  }

  /// Figures read from the text of a figures file.
  public init(json: String) throws {
    self = try Self.decoder().decode(EvidenceFigures.self, from: Data(json.utf8))
  }
}
