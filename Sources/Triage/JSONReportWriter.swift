import Foundation
import Reporting
import Validators

/// The whole triage as JSON, for programs: every row with its figures and findings, the
/// summary, organisations in several dossiers, duplicates and the history comparison.
/// Amounts are exact decimal numbers in euro, shares ratios from 0 to 1 (null when undefined).
public struct JSONReportWriter: Sendable {
    public init() {}

    public func write(_ report: CallReport) -> String {
        JSONValue.object([
            (
                "tool",
                .object([
                    ("name", .string(report.tool.name)), ("version", .string(report.tool.version)),
                    (
                        "ruleSets",
                        .array(
                            report.tool.ruleSets.map { .object([("name", .string($0.name)), ("version", .string($0.version))]) })
                    ),
                ])
            ),
            ("call", .string(report.label)),
            (
                "callConflict",
                .array(report.callConflict.map { .object([("call", .string($0.call)), ("dossiers", .int($0.dossiers))]) })
            ),
            ("dossiers", .array(report.dossiers.enumerated().map { dossier($0.element, row: $0.offset, report) })),
            ("summary", summary(report)),
            (
                "sharedOrganisations",
                .array(
                    report.shared.map { shared in
                        .object([
                            ("name", .string(shared.name)), ("registration", shared.registration.map(JSONValue.string) ?? .null),
                            ("dossiers", .array(shared.dossiers.map { .string(report.dossiers[$0].label) })),
                        ])
                    })
            ),
            (
                "duplicates",
                .array(
                    report.duplicates.map { group in
                        .object([
                            ("reason", .string(group.reason.rawValue)), ("id", group.id.map(JSONValue.string) ?? .null),
                            ("dossiers", .array(group.dossiers.map { .object(place(report.dossiers[$0])) })),
                        ])
                    })
            ),
            ("history", history(report.history)),
        ]).serialized() + "\n"
    }

    private func place(_ dossier: TriagedDossier) -> [(String, JSONValue)] {
        [
            ("file", .string(dossier.file)), ("document", .int(dossier.document)),
            ("id", dossier.id.map(JSONValue.string) ?? .null),
        ]
    }

    private func dossier(_ dossier: TriagedDossier, row: Int, _ report: CallReport) -> JSONValue {
        let figures = dossier.figures
        var entries = place(dossier)
        entries += [
            ("title", dossier.title.map(JSONValue.string) ?? .null),
            ("kind", dossier.kind.map(JSONValue.string) ?? .null),
            ("applicant", figures?.applicant.map(JSONValue.string) ?? .null),
            ("admissible", .bool(dossier.admissible)),
            ("errors", .int(dossier.errors)), ("warnings", .int(dossier.warnings)), ("infos", .int(dossier.infos)),
            ("partners", figures.map { .int($0.partners) } ?? .null),
            ("smes", figures.map { .int($0.smes) } ?? .null),
            ("researchUnits", figures.map { .int($0.researchUnits) } ?? .null),
            ("smeShare", Self.ratio(figures?.smeShare)),
            ("researchShare", Self.ratio(figures?.researchShare)),
            ("eligible", Self.amount(figures?.eligible)),
            ("requested", Self.amount(figures?.requested)),
            ("publicShare", Self.ratio(figures?.publicShare)),
        ]
        if let history = report.history { entries.append(("newPartners", history.newPartners[row].map { .int($0) } ?? .null)) }
        entries.append(("parseError", dossier.parseError.map(JSONValue.string) ?? .null))
        entries.append(("call", dossier.call.map(JSONValue.string) ?? .null))
        entries.append(("identityFromBrokenFile", .bool(dossier.identityFromBrokenFile)))
        entries.append(("failedRules", .array(dossier.failedRules.map(JSONValue.string))))
        entries.append(
            (
                "organisations",
                .array(
                    (figures?.organisations ?? []).map { organisation in
                        .object([
                            ("name", organisation.name.map(JSONValue.string) ?? .null),
                            ("registration", organisation.registration.map(JSONValue.string) ?? .null),
                            ("sme", .bool(organisation.isSME)), ("research", .bool(organisation.isResearchUnit)),
                        ])
                    })
            ))
        entries.append(
            (
                "findings",
                .array(
                    dossier.findings.map { located in
                        let finding = located.finding
                        return .object([
                            ("rule", .string(finding.rule)), ("severity", .string(finding.severity.rawValue)),
                            ("message", .string(finding.message)), ("line", .int(finding.location.line)),
                            ("column", .int(finding.location.column)), ("path", .string(finding.path)),
                            ("help", finding.help.map(JSONValue.string) ?? .null),
                            ("source", located.citation.map(JSONValue.string) ?? .null),
                        ])
                    })
            ))
        return .object(entries)
    }

    private func summary(_ report: CallReport) -> JSONValue {
        let summary = report.summary
        return .object([
            ("dossiers", .int(summary.dossiers)), ("admissible", .int(summary.admissible)),
            ("inadmissible", .int(summary.inadmissible)), ("unparsable", .int(summary.unparsable)),
            ("skipped", .int(report.skipped)),
            ("eligible", Self.amount(summary.eligible)), ("requested", Self.amount(summary.requested)),
            (
                "byKind",
                .array(
                    summary.byKind.map { count in
                        .object([
                            ("kind", count.kind.map(JSONValue.string) ?? .null), ("dossiers", .int(count.dossiers)),
                            ("admissible", .int(count.admissible)), ("eligible", Self.amount(count.eligible)),
                            ("requested", Self.amount(count.requested)),
                        ])
                    })
            ),
            (
                "rules",
                .array(
                    summary.rules.map { rule in
                        .object([
                            ("rule", .string(rule.rule)), ("severity", .string(rule.severity.rawValue)),
                            ("title", report.ruleTitles[rule.rule].map(JSONValue.string) ?? .null),
                            ("dossiers", .int(rule.dossiers)), ("findings", .int(rule.findings)),
                        ])
                    })
            ),
            (
                "smeShare",
                .object([
                    (
                        "bins",
                        .array(
                            summary.smeShare.map { bin in
                                .object([
                                    ("from", Self.ratio(bin.from)), ("to", Self.ratio(bin.to)), ("dossiers", .int(bin.dossiers)),
                                ])
                            })
                    ),
                    ("withoutPartners", .int(summary.withoutPartners)),
                ])
            ),
        ])
    }

    private func history(_ history: HistoryComparison?) -> JSONValue {
        guard let history else { return .null }
        return .object([
            ("call", .string(history.label)), ("earlierCalls", .int(history.earlierCalls)),
            ("organisations", .int(history.organisations)), ("newOrganisations", .int(history.newOrganisations)),
            ("rotationRate", Self.ratio(history.rotationRate)), ("rerun", .bool(history.rerun)),
        ])
    }

    static func ratio(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(String(format: "%.6f", value))
    }

    static func amount(_ value: Decimal?) -> JSONValue {
        guard let value else { return .null }
        return .number(value.description)
    }
}
