import Foundation
import TestSupport
import Testing

/// One command line (README "Command line"): usage errors exit 2 in every subcommand, `-o/--output`
/// means the same wherever a command writes a file, a mistyped subcommand gets a suggestion, and
/// output paths are checked before any work.
@Suite struct CommandLineGrammarTests {
    static let subcommands: [[String]] = [
        ["check"], ["rules", "list"], ["rules", "test"], ["eval"], ["triage"], ["init"], ["explain"],
        ["schema"], ["funding"], ["serve"],
    ]

    @Test(arguments: subcommands)
    func anUnknownOptionIsAUsageErrorExitingTwo(subcommand: [String]) throws {
        let run = try Fixtures.run(subcommand + ["--no-such-option"])
        #expect(run.status == 2, "\(subcommand): \(run.stderr)")
        // A missing required argument may be named first; either is the parser's usage error.
        #expect(run.stderr.hasPrefix("Error: "), "\(run.stderr)")
        #expect(run.stderr.contains("Usage: dossiercheck"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func aMistypedSubcommandGetsASuggestion() throws {
        for (typed, meant) in [("chek", "check"), ("explian", "explain"), ("triag", "triage"), ("scheme", "schema")] {
            let run = try Fixtures.run([typed, "examples/"])
            #expect(run.status == 2, "\(typed)")
            #expect(run.stderr.contains("unknown subcommand `\(typed)`; did you mean `\(meant)`?"), "\(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func aFileNamedLikeASubcommandIsStillADossier() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let valid = try String(
            contentsOf: Fixtures.packageRoot.appending(path: "examples/reseau-dossier/valid-hydrowal-term1.yaml"), encoding: .utf8
        )
        try valid.write(to: folder.appending(path: "chek"), atomically: true, encoding: .utf8)
        let run = try Fixtures.run(["chek"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("did you mean"))
    }

    @Test func aPathAloneIsChecked() throws {
        let run = try Fixtures.run(["examples/reseau-dossier/valid-hydrowal-term1.yaml"])
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func shortAndLongOutputWriteTheSameFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = Fixtures.packageRoot.path
        let writers: [(name: String, arguments: [String])] = [
            ("check", ["check", root + "/examples/reseau-dossier/valid-hydrowal-term1.yaml", "--format", "json"]),
            ("init", ["init", "tki-project"]),
            ("schema", ["schema", "tki-project"]),
            ("triage", ["triage", root + "/examples/tki-project", "--no-progress"]),
        ]
        for writer in writers {
            var written: [String] = []
            for flag in ["-o", "--output"] {
                let file = folder.appending(path: "\(writer.name)\(flag).out")
                let run = try Fixtures.run(writer.arguments + [flag, file.path], in: folder)
                #expect(run.status == 0, "\(writer.name) \(flag): \(run.stderr)")
                written.append((try? String(contentsOf: file, encoding: .utf8)) ?? "")
            }
            #expect(!written[0].isEmpty, "\(writer.name)")
            // The triage's report carries its date; the others are byte for byte the same.
            if writer.name != "triage" { #expect(written[0] == written[1], "\(writer.name)") }
        }
    }

    @Test func outputPathsAreCheckedBeforeAnyWork() throws {
        // The rule folder does not exist either: the run must stop at the output, before reading rules.
        let cases: [[String]] = [
            ["check", "examples/", "-o", "no/such/folder/report.json", "--rules", "no-such-rules"],
            ["check", "examples/", "--write-baseline", "no/such/folder/baseline.json", "--rules", "no-such-rules"],
            ["init", "tki-project", "-o", "no/such/folder/t.yaml", "--rules", "no-such-rules"],
            ["schema", "tki-project", "-o", "no/such/folder/t.json", "--rules", "no-such-rules"],
            ["triage", "examples/", "-o", "no/such/folder/r.html", "--rules", "no-such-rules"],
            ["triage", "examples/", "-o", "r.html", "--csv", "no/such/folder/r.csv", "--rules", "no-such-rules"],
        ]
        for arguments in cases {
            let run = try Fixtures.run(arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.contains("there is no folder no/such/folder"), "\(arguments): \(run.stderr)")
            #expect(!run.stderr.contains("no-such-rules"), "\(arguments): \(run.stderr)")
        }
        let intoFolder = try Fixtures.run(["check", "examples/", "--output", "examples"])
        #expect(intoFolder.status == 2)
        #expect(intoFolder.stderr.contains("--output examples is a folder"), "\(intoFolder.stderr)")
    }

    @Test func initKeepsAnExistingFileWithoutForce() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "mine.yaml")
        try "keep me\n".write(to: file, atomically: true, encoding: .utf8)
        let refused = try Fixtures.run(["init", "tki-project", "-o", file.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("exists; give --force to overwrite it"), "\(refused.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep me\n")
        let forced = try Fixtures.run(["init", "tki-project", "-o", file.path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8).contains("kind: tki-project"))
    }

    @Test func triageKeepsItsEarlierOutName() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "r.html")
        let run = try Fixtures.run(["triage", "examples/tki-project", "--out", file.path, "--no-progress"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: file.path))
    }
}
