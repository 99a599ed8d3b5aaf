extension String {
  /// The string as a JSON string literal, quotes included: one escaping rule for evidence and for JSON output.
  ///
  /// Only ASCII needs escaping (the quote, the backslash, control characters), so the UTF-8 between those bytes is
  /// copied as is: a megabyte request body on its way to the adapter costs one pass over its bytes.
  public var jsonQuoted: String {
    var text = self
    return text.withUTF8 { bytes in
      func escaped(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 }
      var index = 0
      while index < bytes.count, !escaped(bytes[index]) { index += 1 }
      guard index < bytes.count else { return "\"" + self + "\"" }
      var out: [UInt8] = [UInt8(ascii: "\"")]
      out.reserveCapacity(bytes.count + 16)
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<index]))
      while index < bytes.count {
        let byte = bytes[index]
        index += 1
        guard escaped(byte) else {
          out.append(byte)
          continue
        }
        out.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
        case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        default:
          let hex = Array("0123456789abcdef".utf8)
          out += [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
        }
      }
      out.append(UInt8(ascii: "\""))
      return String(decoding: out, as: UTF8.self)
    }
  }
}
