import DossierModel
import Foundation
import Policy
import Reporting
import TestSupport
import Validators

/// Reports for formatter tests: a synthetic one that no rule-file edit changes (for golden
/// files), and real ones checked from YAML with the bundled rule sets.
enum SampleReports {
    static let source = """
        dossier: 1
        kind: reseau-dossier
        id: RES-2026-001
        title: "Réseau | test"
        members:   # dossiercheck-disable RES-008: accepted by the jury, minutes §4
          - id: a
        financial_plan:
          years:
            - {year: 1, eligible_costs_eur: 160000.01}
        statuts: {}
        """

    /// Two files: one dossier with an open error, a suppressed warning and a waived warning;
    /// one file that cannot be read.
    /// The documents the bundled sets cite (`rules/common.yaml`).
    static let report = SourceDocument(
        id: "report", title: "Clusterbeleid in Europa", language: .nl,
        cite: LocalizedText([.en: "report \"Clusterbeleid in Europa\"", .nl: "rapport \"Clusterbeleid in Europa\""]))
    static let format = SourceDocument(
        id: "format", title: "Dossier format, version 1", language: .en, cite: LocalizedText([.en: "dossier format"]))

    static func synthetic(failOn: FailThreshold = .error) -> CheckReport {
        let rules = [
            RuleDescriptor(
                id: "RES-003", ruleSet: "reseau-dossier", ruleSetVersion: "1.0.0",
                title: "Eligible costs at most 160 000 € a year",
                description: "Eligible costs are accepted up to 160 000 € per year.", source: "§7.4.2", severity: .error,
                cited: Citation(document: report, section: "§7.4.2")),
            RuleDescriptor(
                id: "RES-008", ruleSet: "reseau-dossier", ruleSetVersion: "1.0.0",
                title: "Critical mass — at least 10 members, most of them enterprises", source: "§3.4.2", severity: .warning,
                cited: Citation(document: report, section: "§3.4.2")),
            RuleDescriptor(
                id: "HDR-003", ruleSet: "common", ruleSetVersion: "1.0.0", title: "Keys the format knows", source: "format",
                severity: .warning, cited: Citation(document: format, section: "")),
            RuleDescriptor(
                id: "RES-010", ruleSet: "reseau-dossier", ruleSetVersion: "1.0.0", title: "Self-financing after recognition",
                source: "§9.3.2", severity: .info, enabled: false,
                cited: Citation(document: report, section: "§9.3.2")),
        ]
        let cap = Finding(
            rule: "RES-003", severity: .error,
            message: "year 1: eligible costs of 160 000,01 € exceed 160 000 € by 0,01 € — \"100%\", <b>, a|b, x:y",
            location: Mark(line: 9, column: 39), end: Mark(line: 9, column: 48),
            path: "financial_plan.years[0].eligible_costs_eur", help: "at most 160 000 € of eligible costs a year")
        let mass = Finding(
            rule: "RES-008", severity: .warning, message: "the network has 1 member; critical mass needs at least 10",
            location: Mark(line: 5, column: 1), path: "members")
        let typo = Finding(
            rule: "HDR-003", severity: .warning, message: "unknown key `statuts`; did you mean `statutes`?",
            location: Mark(line: 10, column: 1), end: Mark(line: 10, column: 8), path: "statuts",
            help: "rename `statuts` to `statutes`")
        var dossier = DossierResult(
            index: 0, id: "RES-2026-001", kind: "reseau-dossier", title: "Réseau | test", language: .en,
            ruleSets: [
                .init(name: "common", version: "1.1.0", catalogue: "1.1"),
                .init(name: "reseau-dossier", version: "1.1.0", catalogue: "1.1"),
            ],
            findings: [mass, cap, typo].map { ReportedFinding($0) })
        dossier.findings[0].status = .suppressed(
            Suppression(
                kind: .inSource, reason: "accepted by the jury, minutes §4", file: "dossiers/réseau test.yaml", line: 5))
        dossier.findings[2].status = .suppressed(
            Suppression(
                kind: .external, reason: "Jury decision of 14 March 2026", file: "waivers.yaml", line: 2, expires: "2026-12-31"))
        let tool = ToolInfo(
            name: "dossiercheck", version: "0.1.0",
            ruleSets: [
                .init(name: "common", version: "1.1.0", catalogue: "1.1"),
                .init(name: "reseau-dossier", version: "1.1.0", catalogue: "1.1"),
            ], rules: rules)
        return CheckReport(
            tool: tool,
            files: [
                FileReport(path: "dossiers/réseau test.yaml", source: source, documents: [dossier]),
                FileReport(path: "dossiers/missing.yaml", source: nil, documents: [], readError: "no such file or folder"),
            ],
            skipped: 1, failOn: failOn)
    }

    /// A report of YAML texts checked with the bundled rule sets and run through `policy`, the
    /// messages in `language` (nil: each dossier's own).
    static func checked(
        _ files: [(path: String, text: String)], failOn: FailThreshold = .error, waivers: [Waiver] = [],
        disabled: Set<String> = [],
        checker: Checker = Fixtures.checker, language: Language? = .en
    ) -> CheckReport {
        let reports = files.map { file in
            FileReport(
                path: file.path, source: file.text,
                documents: YAMLLoader.load(Array(file.text.utf8)).map {
                    DossierResult(checker.check($0, language: language), startLine: $0.start.line)
                })
        }
        let tool = ToolInfo(
            name: "dossiercheck", version: "0.1.0", ruleSets: checker.ruleSets.map { .init(name: $0.name, version: $0.version) },
            rules: RuleDescriptor.all(checker.ruleSets, language: .en, disabled: disabled)
                + ToolRules.descriptors(version: "0.1.0"))
        var report = CheckReport(tool: tool, files: reports, failOn: failOn)
        let known = Set(checker.ruleSets.flatMap { $0.rules.map(\.id) })
        FindingPolicy(disabled: disabled, knownRules: known, waivers: waivers, today: "2026-06-01").apply(to: &report)
        return report
    }

    /// The bundled examples, as the repository holds them.
    static func examples() throws -> CheckReport {
        try checked(Fixtures.exampleFiles.map { ($0, try String(contentsOf: Fixtures.repositoryFile($0), encoding: .utf8)) })
    }

    /// A valid Réseau dossier from the examples, to derive test dossiers from.
    static var validReseau: String {
        (try? String(contentsOf: Fixtures.repositoryFile("examples/reseau-dossier/valid-hydrowal-term1.yaml"), encoding: .utf8))
            ?? ""
    }
}
