import Reporting
import Validators

/// A finding with the code frame shown under it: its source lines, the marked value underlined.
public struct LocatedFinding: Sendable {
    public var finding: Finding
    public var frame: [FindingFrame.Row]

    public init(finding: Finding, frame: [FindingFrame.Row]) {
        self.finding = finding
        self.frame = frame
    }
}
