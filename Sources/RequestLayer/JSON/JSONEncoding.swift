import Store

extension JSONValue {
  /// Deterministic JSON text, so responses and reports can be compared and committed byte for byte.
  ///
  /// Numbers are written as their literal text (`NaN`, `Infinity`, `-Infinity` as Python's `json.dumps` writes
  /// them); strings escape `"`, `\` and control characters and keep other text as UTF-8. An object's duplicated
  /// keys collapse to the last value; with `sortedKeys` keys are in code-point order (Python's `sort_keys`),
  /// otherwise in order of first appearance (a Python `dict`'s order). Compact output uses `,` and `:` like
  /// Flask's `jsonify`; `pretty` puts each item on its own line, indented by two spaces, with `": "` after keys.
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
      let keys = sortedKeys ? object.keys.sorted(by: JSONValue.codePointOrder) : object.keys
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
