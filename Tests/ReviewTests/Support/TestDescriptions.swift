import Findings
import RequestLayer
import Testing

extension Finding: CustomTestStringConvertible {
  public var testDescription: String { id }
}

extension Implementation: CustomTestStringConvertible {
  public var testDescription: String { name }
}
