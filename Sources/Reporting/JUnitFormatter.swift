import Validators

/// JUnit XML as GitLab and Jenkins read it: a `<testsuite>` per file, a `<testcase>` per dossier
/// and rule checked (`classname` the dossier, `name` the rule), a `<failure>` listing the
/// findings at or above the fail threshold; findings below it go to `<system-out>`; a test case
/// whose findings are all suppressed or waived is `<skipped>` with the reasons.
public struct JUnitFormatter: ReportFormatter {
    public init() {}

    struct Case {
        var name: String
        var classname: String
        var failures: [String] = []
        var failureMessage: String?
        var failureType: String?
        var output: [String] = []
        var skipped: [String] = []
        var error: String?
    }

    public func format(_ report: CheckReport) -> String {
        let suites = report.files.map { (file: $0, cases: cases($0, report: report)) }
        let total = suites.reduce(0) { $0 + $1.cases.count }
        let failures = suites.reduce(0) { $0 + $1.cases.filter { !$0.failures.isEmpty }.count }
        let errors = suites.reduce(0) { $0 + $1.cases.filter { $0.error != nil }.count }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<testsuites name=\"\(XMLText.attribute(report.tool.name))\" tests=\"\(total)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        for (file, cases) in suites {
            let failed = cases.filter { !$0.failures.isEmpty }.count
            let errored = cases.filter { $0.error != nil }.count
            let skipped = cases.filter { $0.failures.isEmpty && $0.error == nil && !$0.skipped.isEmpty }.count
            out += "  <testsuite name=\"\(XMLText.attribute(file.path))\" tests=\"\(cases.count)\" failures=\"\(failed)\""
            out += " errors=\"\(errored)\" skipped=\"\(skipped)\" file=\"\(XMLText.attribute(file.path))\">\n"
            for testCase in cases { out += render(testCase) }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    func render(_ testCase: Case) -> String {
        var out =
            "    <testcase name=\"\(XMLText.attribute(testCase.name))\" classname=\"\(XMLText.attribute(testCase.classname))\""
        var body = ""
        if let error = testCase.error {
            body += "      <error type=\"unreadable\" message=\"\(XMLText.attribute(error))\">\(XMLText.text(error))</error>\n"
        }
        if !testCase.failures.isEmpty {
            body +=
                "      <failure type=\"\(testCase.failureType ?? "error")\" message=\"\(XMLText.attribute(testCase.failureMessage ?? ""))\">"
            body += XMLText.text(testCase.failures.joined(separator: "\n")) + "</failure>\n"
        } else if testCase.error == nil, !testCase.skipped.isEmpty {
            body += "      <skipped message=\"\(XMLText.attribute(testCase.skipped.joined(separator: "; ")))\"/>\n"
        }
        let output = testCase.output + (testCase.failures.isEmpty ? [] : testCase.skipped)
        if !output.isEmpty {
            body += "      <system-out>\(XMLText.text(output.joined(separator: "\n")))</system-out>\n"
        }
        if body.isEmpty { return out + "/>\n" }
        out += ">\n" + body + "    </testcase>\n"
        return out
    }

    func cases(_ file: FileReport, report: CheckReport) -> [Case] {
        if let error = file.readError {
            return [Case(name: "readable", classname: file.path, error: "cannot read \(file.path): \(error)")]
        }
        var cases: [Case] = []
        for dossier in file.documents {
            let classname = dossier.fingerprintKey(file: file.path)
            let sets = Set(dossier.ruleSets.map(\.name))
            var order = report.tool.rules.filter { $0.enabled && sets.contains($0.ruleSet) }.map(\.id)
            for reported in dossier.findings where !order.contains(reported.finding.rule) { order.append(reported.finding.rule) }
            var byRule: [String: Case] = [:]
            for id in order {
                let title = report.tool.rule(id, in: dossier.ruleSets)?.title
                byRule[id] = Case(name: title.map { "\(id): \($0)" } ?? id, classname: classname)
            }
            for reported in dossier.findings {
                let finding = reported.finding
                let line = Self.describe(
                    finding, file: file.path,
                    source: report.tool.rule(finding.rule, in: dossier.ruleSets)?.citation(in: dossier.language))
                if let suppression = reported.suppression {
                    let label = suppression.kind == .inSource ? "suppressed" : "waived"
                    byRule[finding.rule]?.skipped.append("\(label): \(suppression.reason) — \(line)")
                } else if report.failOn.fails(finding.severity) {
                    byRule[finding.rule]?.failures.append(line)
                    if byRule[finding.rule]?.failureMessage == nil {
                        byRule[finding.rule]?.failureMessage = finding.message
                        byRule[finding.rule]?.failureType = finding.severity.rawValue
                    }
                } else {
                    byRule[finding.rule]?.output.append(line)
                }
            }
            cases += order.compactMap { byRule[$0] }
        }
        return cases
    }

    /// `file:line:column: severity[RULE]: message`, then the node path, the help and where the rule
    /// comes from (the document its call's set cites).
    static func describe(_ finding: Finding, file: String, source: String? = nil) -> String {
        var text =
            "\(file):\(finding.location.line):\(finding.location.column): \(finding.severity.rawValue)[\(finding.rule)]: \(finding.message)"
        if !finding.path.isEmpty { text += "\n  at: \(finding.path)" }
        if let help = finding.help { text += "\n  help: \(help)" }
        if let source { text += "\n  source: \(source)" }
        return text
    }
}
