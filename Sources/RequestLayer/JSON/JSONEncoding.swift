import Store

extension JSONValue {
  /// Deterministic JSON text: numbers as their literal text, keys sorted (and duplicates collapsed) by default.
  ///
  /// Compact output uses `,` and `:` like Flask's `jsonify`; `pretty` indents by two spaces.
  public func encoded(sortedKeys: Bool = true, pretty: Bool = false) -> String {
    var out = ""
    write(to: &out, sortedKeys: sortedKeys, pretty: pretty, indent: 0)
    return out
  }

  private func write(to out: inout String, sortedKeys: Bool, pretty: Bool, indent: Int) {
    let newline = pretty ? "\n" + String(repeating: "  ", count: indent + 1) : ""
    let closing = pretty ? "\n" + String(repeating: "  ", count: indent) : ""
    switch self {
    case .null: out += "null"
    case .bool(let flag): out += flag ? "true" : "false"
    case .number(let number): out += number.text
    case .string(let text): out += text.jsonQuoted
    case .array(let items):
      guard !items.isEmpty else {
        out += "[]"
        return
      }
      out += "["
      for (position, item) in items.enumerated() {
        out += (position == 0 ? "" : ",") + newline
        item.write(to: &out, sortedKeys: sortedKeys, pretty: pretty, indent: indent + 1)
      }
      out += closing + "]"
    case .object(let object):
      let keys = sortedKeys ? object.keys.sorted() : object.keys
      guard !keys.isEmpty else {
        out += "{}"
        return
      }
      out += "{"
      for (position, key) in keys.enumerated() {
        out += (position == 0 ? "" : ",") + newline
        out += key.jsonQuoted
        out += pretty ? ": " : ":"
        object[key]!.write(to: &out, sortedKeys: sortedKeys, pretty: pretty, indent: indent + 1)
      }
      out += closing + "}"
    }
  }
}
