import Findings
import RequestLayer
import Submissions
import Testing

extension Finding: CustomTestStringConvertible {
  /// `duplicate-sku (The same SKU can be created twice)`, so a test's arguments read as the demonstration.
  public var testDescription: String { "\(id) (\(title))" }
}

extension Implementation: CustomTestStringConvertible {
  public var testDescription: String { name }
}
