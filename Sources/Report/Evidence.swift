import Foundation

/// Where the evidence lives: the figures the bench measured (`case-study/EVIDENCE.json`) and the file rendered from
/// them (`case-study/EVIDENCE.md`), linked from the report.
///
/// The robustness figures are deterministic and a test checks them against a fresh run; the throughput and timing
/// figures are what the last `swift run -c release bench --output case-study/EVIDENCE.json` measured.
public enum Evidence {
  /// The figures file, relative to the package root.
  public static let figuresPath = "case-study/EVIDENCE.json"
  /// The rendered file, relative to the package root.
  public static let markdownPath = "case-study/EVIDENCE.md"

  /// The figures file under `root` as committed; `nil` when there is none yet.
  public static func committedFigures(_ root: URL) throws -> EvidenceFigures? {
    let url = root.appendingPathComponent(figuresPath)
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    return try EvidenceFigures(json: try String(contentsOf: url, encoding: .utf8))
  }
}

extension Evidence {
  /// Records a run: merges `measured` into the figures file at `figuresFile` (a section it did not measure is kept
  /// as the file had it), writes the merged figures there and their rendering beside it, the same name ending in
  /// `.md`; answers the merged figures. `figuresFile` must end in `.json`.
  @discardableResult
  public static func record(_ measured: EvidenceFigures, to figuresFile: URL) throws -> EvidenceFigures {
    let existing =
      FileManager.default.fileExists(atPath: figuresFile.path)
      ? try EvidenceFigures(json: try String(contentsOf: figuresFile, encoding: .utf8)) : EvidenceFigures()
    let merged = existing.merging(measured)
    try merged.json().write(to: figuresFile, atomically: true, encoding: .utf8)
    try EvidenceFile.markdown(merged).write(to: markdownFile(beside: figuresFile), atomically: true, encoding: .utf8)
    return merged
  }

  /// Where the rendering of the figures file `figuresFile` goes: the same name ending in `.md`.
  public static func markdownFile(beside figuresFile: URL) -> URL {
    figuresFile.deletingPathExtension().appendingPathExtension("md")
  }
}
