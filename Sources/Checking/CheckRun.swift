import Foundation
import Policy
import Reporting
import Validators

/// What a run's report says beyond its files: the tool and its rules, and the policy applied to
/// the findings. `check` and `serve` build their reports here, so a dossier posted to the portal's
/// API gets the report `check --format json` writes for the same file.
public enum CheckRun {
    public static let toolName = "dossiercheck"

    /// The tool that made the report: its version, the loaded rule sets and every rule it can report
    /// (`describingRules: false`: the tool's own only, for a report that shows no rule table — the
    /// JSON report — so that a run does not read every rule set whole for it).
    public static func tool(
        version: String, checker: Checker, language: Language?, disabled: Set<String> = [], describingRules: Bool = true
    ) -> ToolInfo {
        ToolInfo(
            name: toolName, version: version, ruleSets: checker.ruleSetVersions,
            rules: (describingRules ? RuleDescriptor.all(checker.ruleSets, language: language ?? .en, disabled: disabled) : [])
                + ToolRules.descriptors(version: version))
    }

    /// Every rule ID of the loaded rule sets (what a suppression comment may name).
    public static func knownRules(_ checker: Checker) -> Set<String> {
        Set(checker.ruleSets.flatMap { $0.rules.map(\.id) })
    }

    /// One file's report as `check` makes it without a configuration, waivers or baseline: inline
    /// suppressions applied, failing at errors.
    public static func report(of file: FileReport, tool: ToolInfo, knownRules: Set<String>, today: String = today())
        -> CheckReport
    {
        var report = CheckReport(tool: tool, files: [file], skipped: 0, failOn: .error)
        FindingPolicy(knownRules: knownRules, today: today).apply(to: &report)
        return report
    }

    /// `YYYY-MM-DD` in the machine's time zone: waivers that expired before it no longer hold.
    /// The C library's calendar, as a `DateFormatter` (en_US_POSIX, `yyyy-MM-dd`) gives it: the
    /// formatter loads locale data that costs a one-dossier run more than its report.
    public static func today() -> String {
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil else { return "" }
        func digits(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(digits(parts.tm_year + 1900, 4))-\(digits(parts.tm_mon + 1, 2))-\(digits(parts.tm_mday, 2))"
    }
}
