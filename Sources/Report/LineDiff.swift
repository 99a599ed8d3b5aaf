/// A unified line diff computed from the longest common subsequence, with hunks of three lines of context.
public enum LineDiff {
  /// One hunk: where it starts in each file and its lines, each prefixed with " ", "-" or "+".
  public struct Hunk: Hashable, Sendable {
    public let oldStart: Int
    public let oldCount: Int
    public let newStart: Int
    public let newCount: Int
    public let lines: [String]

    /// The `@@ -a,b +c,d @@` header.
    public var header: String { "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@" }
  }

  enum Edit: Equatable {
    case keep(Int, Int)
    case remove(Int)
    case add(Int)
  }

  /// The hunks that turn `old` into `new`.
  public static func hunks(_ old: [String], _ new: [String], context: Int = 3) -> [Hunk] {
    let edits = script(old, new)
    var hunks: [Hunk] = []
    var index = 0
    while index < edits.count {
      guard let firstChange = edits[index...].firstIndex(where: { if case .keep = $0 { false } else { true } }) else {
        break
      }
      var end = firstChange
      var lastChange = firstChange
      while end < edits.count {
        if case .keep = edits[end] {
          if end - lastChange > context * 2 { break }
        } else {
          lastChange = end
        }
        end += 1
      }
      let start = max(firstChange - context, index)
      let stop = min(lastChange + context + 1, edits.count)
      hunks.append(hunk(Array(edits[start..<stop]), old, new))
      index = stop
    }
    return hunks
  }

  static func hunk(_ edits: [Edit], _ old: [String], _ new: [String]) -> Hunk {
    var lines: [String] = []
    var oldLines: [Int] = []
    var newLines: [Int] = []
    for edit in edits {
      switch edit {
      case .keep(let a, let b):
        lines.append(" " + old[a])
        oldLines.append(a)
        newLines.append(b)
      case .remove(let a):
        lines.append("-" + old[a])
        oldLines.append(a)
      case .add(let b):
        lines.append("+" + new[b])
        newLines.append(b)
      }
    }
    return Hunk(
      oldStart: (oldLines.first ?? -1) + 1, oldCount: oldLines.count, newStart: (newLines.first ?? -1) + 1,
      newCount: newLines.count, lines: lines)
  }

  /// The edit script from an LCS table: keeps, removals and additions in file order, a removal before the
  /// addition that replaces it, as `git diff` prints them.
  static func script(_ old: [String], _ new: [String]) -> [Edit] {
    let rows = old.count + 1
    let columns = new.count + 1
    var length = [Int](repeating: 0, count: rows * columns)
    for a in stride(from: old.count - 1, through: 0, by: -1) {
      for b in stride(from: new.count - 1, through: 0, by: -1) {
        length[a * columns + b] =
          old[a] == new[b]
          ? length[(a + 1) * columns + b + 1] + 1 : max(length[(a + 1) * columns + b], length[a * columns + b + 1])
      }
    }
    var edits: [Edit] = []
    var a = 0
    var b = 0
    while a < old.count || b < new.count {
      if a < old.count, b < new.count, old[a] == new[b] {
        edits.append(.keep(a, b))
        a += 1
        b += 1
      } else if a < old.count, b == new.count || length[(a + 1) * columns + b] >= length[a * columns + b + 1] {
        edits.append(.remove(a))
        a += 1
      } else {
        edits.append(.add(b))
        b += 1
      }
    }
    return edits
  }
}
