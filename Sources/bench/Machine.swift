import Foundation

/// The machine the figures were taken on: architecture, cores, memory and Swift version.
enum Machine {
  static var description: String {
    #if arch(x86_64)
      let architecture = "x86_64"
    #elseif arch(arm64)
      let architecture = "arm64"
    #else
      let architecture = "unknown architecture"
    #endif
    let info = ProcessInfo.processInfo
    let gigabytes = Int((Double(info.physicalMemory) / 1_073_741_824).rounded())
    #if swift(>=6.3)
      let swift = "Swift 6.3"
    #else
      let swift = "Swift 6"
    #endif
    return "\(architecture) Linux, \(info.activeProcessorCount) cores, \(gigabytes) GiB, \(swift)"
  }
}
