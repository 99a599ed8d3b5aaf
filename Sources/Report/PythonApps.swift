/// The Python apps under `python/apps/` that the Swift ports port, marked with the same findings (`# finding:`):
/// the code interviewers and candidates read, paired by finding as the Swift folders are.
public enum PythonApps {
  /// One Python app: the name of the implementation it matches and its folder under the package root.
  public struct App: Hashable, Sendable {
    public let name: String
    public let folder: String
  }

  public static let original = App(name: "original", folder: "python/apps/original")
  public static let fixed = App(name: "fixed", folder: "python/apps/fixed")
  public static let candidate = App(name: "candidate", folder: "python/apps/candidate")
  /// In the order the Swift implementations are listed.
  public static let all = [original, fixed, candidate]

  /// The original's view file is the fixed `products.py`'s counterpart (the fix splits the view by endpoint).
  public static let originalRenames = ["views.py": "products.py"]
  /// The candidate's alerts sketch lives in its `views.py`; the fix's alerts in `alerts.py`.
  public static let candidateRenames = ["views.py": "alerts.py"]
}
