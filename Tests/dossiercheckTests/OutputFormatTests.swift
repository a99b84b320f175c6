import Foundation
import TestSupport
import Testing

/// `--format`, `--output`, `--fail-on` as CI uses them.
@Suite struct OutputFormatTests {
    @Test func githubFormatAnnotatesAndWritesTheStepSummary() throws {
        let project = try ScratchProject(["d/warn.yaml": ScratchProject.nineMembers, "d/err.yaml": ScratchProject.overCap])
        try project.write("summary.md", "# earlier step\n")
        let run = try project.run(
            ["check", "d", "--format", "github"],
            environment: ["GITHUB_STEP_SUMMARY": project.root.appending(path: "summary.md").path])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let error = try #require(lines.first { $0.hasPrefix("::error ") })
        #expect(error.hasPrefix("::error file=d/err.yaml,line=114,col=37,endLine=114,endColumn=46,title=RES-003::"), "\(error)")
        let warning = try #require(lines.first { $0.hasPrefix("::warning ") })
        #expect(warning.hasPrefix("::warning file=d/warn.yaml,line=19,col=1,title=RES-008::"), "\(warning)")
        #expect(warning.contains("%0Aat: members"))
        #expect(lines.last == "checked 2 dossiers in 2 files: 1 error, 1 warning, 0 infos")
        let summary = try project.read("summary.md")
        #expect(
            summary.hasPrefix("# earlier step\n### dossiercheck failed: 1 error, 1 warning, 0 infos\n"),
            "appended, not overwritten")
        #expect(summary.contains("| `d/err.yaml` | RES-2026-204 | 1 | 0 | 0 | 0 | 0 |"))
        #expect(summary.contains("| error | RES-003 | `d/err.yaml:114:37`"))
    }

    @Test func withoutTheVariableThereIsNoStepSummary() throws {
        let project = try ScratchProject(["d.yaml": ScratchProject.nineMembers])
        let run = try project.run(["check", "d.yaml", "--format", "github"], environment: ["GITHUB_STEP_SUMMARY": ""])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("::warning file=d.yaml,"))
    }

    @Test func failOnDecidesTheExitStatus() throws {
        let project = try ScratchProject(["warn.yaml": ScratchProject.nineMembers, "err.yaml": ScratchProject.overCap])
        #expect(try project.run(["check", "warn.yaml"]).status == 0)
        #expect(try project.run(["check", "warn.yaml", "--fail-on", "warning"]).status == 1)
        #expect(try project.run(["check", "warn.yaml", "--fail-on", "info"]).status == 1)
        #expect(try project.run(["check", "err.yaml", "--fail-on", "never"]).status == 0)
        #expect(try project.run(["check", "err.yaml", "--fail-on", "error"]).status == 1)
        #expect(try project.run(["check", "err.yaml", "--fail-on", "sometimes"]).status != 0)
    }

    @Test func outputGoesToTheFileNamed() throws {
        let project = try ScratchProject(["err.yaml": ScratchProject.overCap])
        let run = try project.run(["check", "err.yaml", "--format", "sarif", "--output", "out/report.sarif"])
        #expect(run.status == 2, "the folder does not exist: \(run.stderr)")
        try FileManager.default.createDirectory(at: project.root.appending(path: "out"), withIntermediateDirectories: true)
        let written = try project.run(["check", "err.yaml", "--format", "sarif", "--output", "out/report.sarif"])
        #expect(written.status == 1)
        #expect(written.stdout.isEmpty)
        #expect(try project.read("out/report.sarif").contains("\"ruleId\": \"RES-003\""))
    }

    @Test func everyFormatRunsOnTheExamples() throws {
        for format in ["text", "json", "sarif", "junit", "github", "markdown"] {
            let run = try Fixtures.run(
                ["check", "examples/reseau-dossier", "--format", format], environment: ["GITHUB_STEP_SUMMARY": ""])
            #expect(run.status == 1, "\(format): \(run.stderr)")
            #expect(!run.stdout.isEmpty, "\(format)")
        }
    }

    @Test func pathsAreRelativeToTheWorkingDirectory() throws {
        let project = try ScratchProject(["sub/d.yaml": ScratchProject.nineMembers])
        let absolute = project.root.appending(path: "sub/d.yaml").path
        let fromRoot = try ScratchProject.json(try project.run(["check", absolute, "--format", "json"]))
        #expect((fromRoot["files"] as? [[String: Any]])?.first?["path"] as? String == "sub/d.yaml")
        let fromSub = try project.run(["check", "../sub/d.yaml", "--format", "sarif"], in: "sub")
        #expect(fromSub.stdout.contains("\"uri\": \"d.yaml\""), "\(fromSub.stdout.prefix(300))")
    }
}
