import Findings
import Report
import Submissions

/// One run of every probe against every registered implementation, shared by the tests that read the report and
/// the finding pages, so the process runs the catalog once.
enum SharedReviewRun {
  static let run: ReviewRun = try! ReviewRun.perform(implementations: Registry.all, root: packageRoot)
}
