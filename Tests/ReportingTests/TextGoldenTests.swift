import Foundation
import TestSupport
import Testing
import Validators

@testable import Reporting

/// The text report of invalid examples of every kind, in the dossiers' own language and in
/// English, without and with colour, against its canned output in `Golden/text/`.
/// Set `UPDATE_GOLDEN=1` to rewrite them after a deliberate change (and review the diff).
@Suite struct TextGoldenTests {
    static let folder = GoldenTests.folder.appending(path: "text")

    /// Per kind, examples whose findings differ in kind: a typo, a missing section, a figure over
    /// its limit, a related place, a whole-dossier finding.
    static let examples: [String: [String]] = [
        "reseau-dossier": ["invalid-typo-statutes", "invalid-eligible-one-cent-over-cap", "invalid-duplicate-key"],
        "pole-project": ["invalid-aid-per-job", "invalid-member-of-pole-yes"],
        "pole-cahier-des-charges": ["invalid-operational-cell-over-cap", "invalid-partner-without-role"],
        "spitzencluster-concept": ["invalid-typo-market-position", "invalid-cluster-region-not-a-land"],
        "spitzencluster-strategy": ["invalid-enterprise-above-half", "invalid-stage1-description-left-over"],
        "tki-project": ["invalid-toeslag-lines-not-summed", "invalid-unknown-topsector"],
        "zim-nemo": ["invalid-services-as-text", "invalid-single-land"],
    ]

    struct Case: Sendable, CustomStringConvertible {
        var kind: String
        /// Nil: each dossier's own language.
        var language: Language?
        var color: Bool
        var description: String { "\(kind), \(language?.rawValue ?? "own language")\(color ? ", colour" : "")" }
        var file: String { "\(kind).\(language?.rawValue ?? "own").\(color ? "ansi" : "txt")" }
    }

    static let cases: [Case] = examples.keys.sorted().flatMap { kind in
        [nil, Language.en].flatMap { language in [false, true].map { Case(kind: kind, language: language, color: $0) } }
    }

    static func report(_ test: Case) throws -> String {
        let files = try (examples[test.kind] ?? []).map { name in
            let path = "examples/\(test.kind)/\(name).yaml"
            return (path, try String(contentsOf: Fixtures.repositoryFile(path), encoding: .utf8))
        }
        let report = SampleReports.checked(files, language: test.language)
        return TextFormatter(color: test.color, language: test.language).format(report)
    }

    @Test(arguments: cases)
    func textMatchesItsGoldenFile(_ test: Case) throws {
        let output = try Self.report(test)
        let file = Self.folder.appending(path: test.file)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(output.utf8).write(to: file)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(output == expected, "\(test) differs from Golden/text/\(test.file); UPDATE_GOLDEN=1 rewrites it")
    }

    @Test func colourChangesOnlyThePaint() throws {
        for kind in Self.examples.keys {
            let plain = try Self.report(Case(kind: kind, language: nil, color: false))
            let painted = try Self.report(Case(kind: kind, language: nil, color: true))
            #expect(painted.contains("\u{1B}[1;31m"), "\(kind)")
            let stripped = painted.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
            #expect(stripped == plain, "\(kind)")
        }
    }

    @Test func findingsFollowTheDossiersLanguageAndThePosition() throws {
        let text = try Self.report(Case(kind: "reseau-dossier", language: nil, color: false))
        #expect(text.contains("erreur[RES-003]: année 3 : les coûts éligibles de 160 000,01 €"))
        #expect(text.contains("   = aide: les coûts éligibles sont acceptés à concurrence de 160 000 € par an"))
        #expect(
            text.contains(
                "   = note: Réseau d'entreprises — dossier de reconnaissance (Wallonie) ; rapport « Clusterbeleid in Europa », §7.4.2"
            ))
        #expect(text.contains("    |                                     ^^^^^^^^^ financial_plan.years[2].eligible_costs_eur\n"))
        let tki = try Self.report(Case(kind: "tki-project", language: nil, color: false))
        #expect(tki.contains("fout[TKI-004]: "))
        #expect(tki.contains("= hulp: "))
        let lines = text.split(separator: "\n").filter { $0.contains("--> examples/reseau-dossier/invalid-typo-statutes.yaml:") }
        let places = lines.compactMap { $0.split(separator: ":").dropFirst().first.flatMap { Int($0) } }
        #expect(places == places.sorted() && places.count == 2, "\(lines)")
    }
}
