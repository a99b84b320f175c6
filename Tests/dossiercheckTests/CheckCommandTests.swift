import Foundation
import TestSupport
import Testing

/// The CLI as a user runs it: exit codes, located findings, the JSON report.
@Suite struct CheckCommandTests {
    /// Writes `text` to a scratch file and checks it from the scratch folder, so that the report
    /// names it `name` wherever the temporary folder lies (README "Command line", paths).
    func check(_ text: String, name: String = "dossier.yaml", _ extra: [String] = []) throws -> (Fixtures.Run, String) {
        let folder = try Fixtures.temporaryFolder()
        let file = folder.appending(path: name)
        try Data(text.utf8).write(to: file)
        return (try Fixtures.run(["check", name] + extra, in: folder), name)
    }

    @Test func validExampleExitsZero() throws {
        let valid = "examples/reseau-dossier/valid-hydrowal-term1.yaml"
        let run = try Fixtures.run(["check", valid])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(
            run.stdout.hasSuffix("1 dossier vérifié dans 1 fichier : 0 erreur, 0 avertissement, 0 info\n"),
            "in the dossier's language")
    }

    @Test func bundledExamplesExitOneBecauseSomeAreInvalid() throws {
        let run = try Fixtures.run(["check", "examples/"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("error["))
    }

    @Test func emptyFileIsOneLocatedHDR004() throws {
        let (run, path) = try check("")
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[HDR-004]: the document is empty"))
        #expect(run.stdout.contains("--> \(path):1:1"))
    }

    @Test func syntaxErrorIsLocated() throws {
        let (run, path) = try check("dossier: 1\nkind: [reseau-dossier\nid: x\n")
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[HDR-004]"))
        #expect(run.stdout.contains("\(path):3:"), "\(run.stdout)")
    }

    @Test func listAtTopLevelIsHDR004() throws {
        let (run, _) = try check("- dossier: 1\n- kind: reseau-dossier\n")
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[HDR-004]"))
    }

    @Test func unknownKindIsHDR001AtTheKind() throws {
        let (run, path) = try check("dossier: 1\nkind: cluster-x\nid: X-1\ntitle: T\nlanguage: en\n")
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[HDR-001]: unknown kind `cluster-x`"), "\(run.stdout)")
        #expect(run.stdout.contains("--> \(path):2:7"))
    }

    @Test func textWhereANumberIsExpectedIsHDR002() throws {
        let yaml = """
            dossier: 1
            kind: reseau-dossier
            id: R-1
            title: T
            language: en
            animator:
              profile: An engineer
              fte: "1.0"
            """
        let (run, path) = try check(yaml, ["--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        let documents = try #require(files.first?["documents"] as? [[String: Any]])
        let findings = try #require(documents.first?["findings"] as? [[String: Any]])
        let hdr002 = try #require(findings.first { $0["rule"] as? String == "HDR-002" })
        #expect(hdr002["line"] as? Int == 8)
        #expect(hdr002["column"] as? Int == 8)
        #expect(hdr002["path"] as? String == "animator.fte")
        #expect(files.first?["path"] as? String == path)
        #expect(run.status == 1)
    }

    @Test func duplicateKeysNameBothLines() throws {
        let (run, _) = try check("dossier: 1\nkind: reseau-dossier\nid: a\nid: b\ntitle: T\nlanguage: en\n")
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[HDR-004]"))
        #expect(run.stdout.contains(":4:1"), "\(run.stdout)")
        #expect(run.stdout.contains("3 | id: a\n  | -- first written here"), "the first occurrence is shown: \(run.stdout)")
    }

    @Test func missingFileExitsTwoAndOthersAreStillChecked() throws {
        let valid = "examples/reseau-dossier/valid-hydrowal-term1.yaml"
        let run = try Fixtures.run(["check", "no/such/file.yaml", valid, "--format", "json"])
        #expect(run.status == 2)
        #expect(run.stdout.contains("\"error\": \"no such file or folder\""))
        #expect(run.stdout.contains(valid))
    }

    @Test func usageErrorExitsTwo() throws {
        let run = try Fixtures.run(["check", "examples/", "--format", "pdf"])
        #expect(run.status == 2, "usage errors exit 2, as documented")
    }

    @Test func jsonReportHasTheDocumentedShape() throws {
        let run = try Fixtures.run(["check", "examples/", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(Set(report.keys) == ["tool", "files", "summary"])
        let tool = try #require(report["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "dossiercheck")
        let sets = try #require(tool["ruleSets"] as? [[String: Any]])
        #expect(sets.contains { $0["name"] as? String == "reseau-dossier" && $0["version"] != nil })
        // The catalogue version is data of the rule sets, not of the tool (catalogue 1.1).
        #expect(tool["catalogue"] as? String == "1.1")
        #expect(sets.allSatisfy { $0["catalogue"] as? String == "1.1" })
        let summary = try #require(report["summary"] as? [String: Int])
        for key in ["files", "dossiers", "errors", "warnings", "infos"] { #expect(summary[key] != nil, "summary.\(key)") }
        let files = try #require(report["files"] as? [[String: Any]])
        let document = try #require((files.first?["documents"] as? [[String: Any]])?.first)
        for key in ["index", "id", "kind", "findings"] { #expect(document[key] != nil, "document.\(key)") }
        let allFindings = files.flatMap { ($0["documents"] as? [[String: Any]]) ?? [] }.flatMap {
            ($0["findings"] as? [[String: Any]]) ?? []
        }
        let finding = try #require(allFindings.first)
        for key in ["rule", "severity", "message", "line", "column", "path"] { #expect(finding[key] != nil, "finding.\(key)") }
    }

    @Test func rulesTestPassesOnTheBundledRules() throws {
        let run = try Fixtures.run(["rules", "test"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains(" passed, 0 failed"))
    }
}
