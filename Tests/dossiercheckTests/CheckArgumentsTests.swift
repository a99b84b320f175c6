import Foundation
import TestSupport
import Testing

/// `check`'s everyday command lines are read without ArgumentParser (start-up); every other line
/// still goes to the parser. Each line read on the quick path must do what the parser makes of the
/// same line: the parser's own reading is forced by writing the options as `--name=value` and the
/// paths after `--`, forms the quick path leaves to it.
@Suite struct CheckArgumentsTests {
    static let dossier = "examples/reseau-dossier/valid-hydrowal-term1.yaml"
    static let nine = "examples/reseau-dossier/invalid-nine-members.yaml"
    static let overCap = "examples/reseau-dossier/invalid-eligible-one-cent-over-cap.yaml"

    /// Options (name, value), flags, then paths: one command line in both forms.
    struct Line: CustomTestStringConvertible, Sendable {
        var check = true
        var options: [(String, String)] = []
        var flags: [String] = []
        var paths: [String]

        var quick: [String] { (check ? ["check"] : []) + options.flatMap { [$0.0, $0.1] } + flags + paths }
        var parsed: [String] {
            (check ? ["check"] : []) + options.map { ($0.0 == "-o" ? "--output" : $0.0) + "=" + $0.1 } + flags + ["--"] + paths
        }
        var testDescription: String { quick.joined(separator: " ") }
    }

    static let lines: [Line] = [
        Line(paths: [dossier]),
        Line(check: false, paths: [nine]),
        Line(check: false, options: [("--format", "json")], paths: [overCap]),
        Line(options: [("--format", "sarif")], paths: [nine, dossier]),
        Line(options: [("--format", "junit"), ("--jobs", "2")], paths: [nine, overCap, dossier]),
        Line(options: [("--format", "text"), ("--lang", "fr"), ("--fail-on", "warning")], paths: [nine]),
        Line(options: [("--lang", "de"), ("--fail-on", "never")], flags: ["--no-color", "--dossiers-only"], paths: [overCap]),
        Line(options: [("--format", "markdown"), ("--max-file-size", "1KiB")], paths: [dossier]),
        Line(options: [("--format", "json"), ("--max-depth", "3"), ("--max-documents", "1")], paths: [dossier]),
        Line(options: [("--format", "json"), ("--max-nodes", "20"), ("--max-alias-nodes", "5")], paths: [dossier]),
        Line(options: [("--format", "json"), ("--max-evaluation-cost", "3")], paths: [overCap]),
        Line(options: [("--format", "github"), ("--max-message-length", "4")], paths: [overCap]),
        Line(options: [("--rules", "Tests/Fixtures/BrokenRules/unknown-function.yaml")], paths: [dossier]),
        Line(options: [("--config", "no-such-config.yaml")], paths: [dossier]),
        Line(options: [("--waivers", "no-such-waivers.yaml")], paths: [dossier]),
        Line(options: [("--baseline", "no-such-baseline.json")], paths: [dossier]),
        // Settings `validate()` refuses, and values an option does not take: the parser's messages.
        Line(options: [("--jobs", "0")], paths: [dossier]),
        Line(options: [("--format", "xml")], paths: [dossier]),
        Line(options: [("--max-depth", "deep")], paths: [dossier]),
        Line(options: [("--baseline", "b.json"), ("--write-baseline", "c.json")], paths: [dossier]),
        Line(options: [("-o", "no/such/folder/r.json")], paths: [dossier]),
        Line(paths: ["no-such-file.yaml"]),
        Line(paths: []),
    ]

    @Test(arguments: lines)
    func aQuickLineDoesWhatTheParserMakesOfIt(line: Line) throws {
        let quick = try Fixtures.run(line.quick)
        let parsed = try Fixtures.run(line.parsed)
        #expect(quick.status == parsed.status)
        #expect(quick.stdout == parsed.stdout)
        #expect(quick.stderr == parsed.stderr)
    }

    @Test func theReportFileAndTheBaselineAreWrittenAlike() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = Fixtures.packageRoot.path
        var written: [String: String] = [:]
        for (form, words) in [
            (
                "quick",
                ["check", "-o", "report.json", "--format", "json", "--write-baseline", "baseline.json", root + "/" + Self.nine]
            ),
            (
                "parsed",
                [
                    "check", "--output=report.json", "--format=json", "--write-baseline=baseline.json", "--",
                    root + "/" + Self.nine,
                ]
            ),
        ] {
            let run = try Fixtures.run(words, in: folder)
            #expect(run.status == 0, "\(form): \(run.stderr)")
            let report = try String(contentsOf: folder.appending(path: "report.json"), encoding: .utf8)
            let baseline = try String(contentsOf: folder.appending(path: "baseline.json"), encoding: .utf8)
            written[form] = report + baseline
            #expect(baseline.contains("RES-008"), "\(form)")
        }
        #expect(written["quick"] == written["parsed"])
    }

    @Test func helpVersionAndCompletionStayTheParsers() throws {
        let help = try Fixtures.run(["help", "check"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: dossiercheck check"), "\(help.stdout)")
        #expect(help.stdout.contains("--max-evaluation-cost"))
        for words in [["check", "--help"], ["check", Self.dossier, "-h"], ["check", "--format", "json", "--help"]] {
            let run = try Fixtures.run(words)
            #expect(run.status == 0, "\(words)")
            #expect(run.stdout == help.stdout, "\(words)")
        }
        let root = try Fixtures.run(["--help"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("SUBCOMMANDS:"), "\(root.stdout)")
        for words in [["--version"], ["check", "--version"]] {
            let run = try Fixtures.run(words)
            #expect(run.status == 0, "\(words): \(run.stderr)")
            #expect(run.stdout == "0.1.0\n", "\(words)")
        }
        let completion = try Fixtures.run(["--generate-completion-script", "bash"])
        #expect(completion.status == 0)
        #expect(completion.stdout.contains("_dossiercheck"), "\(completion.stdout.prefix(200))")
    }

    @Test func aMissingOrEmptyValueIsTheParsersUsageError() throws {
        for words in [["check", Self.dossier, "--format"], ["check", "--lang", "", Self.dossier], [Self.dossier, "--jobs"]] {
            let run = try Fixtures.run(words)
            #expect(run.status == 2, "\(words)")
            #expect(run.stderr.hasPrefix("Error: "), "\(words): \(run.stderr)")
            #expect(run.stderr.contains("Usage: dossiercheck check"), "\(words): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func aRepeatedOptionIsReadAsTheParserReadsIt() throws {
        let quick = try Fixtures.run(["check", "--format", "json", "--format", "sarif", Self.nine])
        let parsed = try Fixtures.run(["check", "--format=json", "--format=sarif", "--", Self.nine])
        #expect(quick.status == parsed.status)
        #expect(quick.stdout == parsed.stdout)
        #expect(quick.stderr == parsed.stderr)
    }
}
