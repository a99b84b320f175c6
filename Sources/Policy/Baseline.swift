import Foundation
import Reporting

/// The findings a project has accepted for now: `--write-baseline` records them, `--baseline`
/// reports only the others. Findings are matched by fingerprint (rule, dossier, node path), so
/// a finding stays known when lines move.
public struct Baseline: Sendable {
    public var fingerprints: Set<String>

    public init(fingerprints: Set<String>) { self.fingerprints = fingerprints }

    /// The open findings of `report` a baseline records.
    public init(recording report: CheckReport) {
        self.fingerprints = Set(
            report.dossiers.flatMap { entry in
                entry.dossier.findings.filter { $0.isOpen && !ToolRules.ids.contains($0.finding.rule) }.map(\.fingerprint)
            })
    }

    static let version = 1

    /// The open findings of a report, as a baseline file (JSON, one entry per finding, in report
    /// order). The tool's own findings (`ToolRules`) are left out: an expired waiver or a
    /// suppression without a reason must be dealt with, not recorded.
    public static func file(of report: CheckReport) -> String {
        var entries: [JSONValue] = []
        for (file, dossier) in report.dossiers {
            for reported in dossier.findings where reported.isOpen && !ToolRules.ids.contains(reported.finding.rule) {
                entries.append(
                    .object([
                        ("fingerprint", .string(reported.fingerprint)),
                        ("rule", .string(reported.finding.rule)),
                        ("dossier", .string(dossier.fingerprintKey(file: file.path))),
                        ("path", .string(reported.finding.path)),
                        ("file", .string(file.path)),
                    ]))
            }
        }
        return JSONValue.object([
            ("tool", .string(report.tool.name)),
            ("version", .int(version)),
            ("findings", .array(entries)),
        ]).serialized() + "\n"
    }

    /// Reads a baseline file's text.
    public static func parse(_ text: String, file: String) throws -> Baseline {
        func broken(_ why: String) -> PolicyFileError {
            PolicyFileError(
                file: file, mark: nil, message: "not a dossiercheck baseline: \(why) (write one with --write-baseline)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw broken("not a JSON object")
        }
        guard object["version"] as? Int == version else { throw broken("`version` is not \(version)") }
        guard let findings = object["findings"] as? [[String: Any]] else { throw broken("no `findings` list") }
        var fingerprints: Set<String> = []
        for entry in findings {
            guard let fingerprint = entry["fingerprint"] as? String else { throw broken("a finding has no `fingerprint`") }
            fingerprints.insert(fingerprint)
        }
        return Baseline(fingerprints: fingerprints)
    }

    /// Leaves out of `report` the open findings the baseline holds, counting them per dossier.
    public func apply(to report: inout CheckReport) {
        for f in report.files.indices {
            for d in report.files[f].documents.indices {
                let before = report.files[f].documents[d].findings.count
                report.files[f].documents[d].findings.removeAll {
                    $0.isOpen && !ToolRules.ids.contains($0.finding.rule) && fingerprints.contains($0.fingerprint)
                }
                report.files[f].documents[d].baselined += before - report.files[f].documents[d].findings.count
            }
        }
        report.baselineApplied = true
    }
}
