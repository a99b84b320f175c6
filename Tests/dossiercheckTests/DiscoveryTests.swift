import Foundation
import TestSupport
import Testing

/// Which files a run checks.
@Suite struct DiscoveryTests {
    @Test func foldersHoldDossiersOtherYAMLFilesAreSkippedAndCounted() throws {
        let project = try ScratchProject([
            "d/a.yaml": ScratchProject.nineMembers,
            "d/deep/b.yml": ScratchProject.nineMembers,
            "d/workflow.yaml": "on: push\njobs: {}\n",
            "d/.hidden/c.yaml": ScratchProject.overCap,
            "d/notes.txt": "dossier: 1\n",
        ])
        let report = try ScratchProject.json(try project.run(["check", "d", "--format", "json"]))
        let paths = (report["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(paths == ["d/a.yaml", "d/deep/b.yml"])
        #expect(ScratchProject.summary(report)["skipped"] == 1)
        let text = try project.run(["check", "d", "--lang", "en"])
        // The summary wraps at words to the terminal's width (100 columns through a pipe).
        #expect(text.stdout.replacingOccurrences(of: "\n", with: " ").contains("1 YAML file without a dossier header skipped"))
    }

    @Test func aFileNamedIsAlwaysChecked() throws {
        let project = try ScratchProject(["workflow.yaml": "on: push\n"])
        let run = try project.run(["check", "workflow.yaml"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[HDR-001]"))
        let hook = try project.run(["check", "--dossiers-only", "workflow.yaml"])
        #expect(hook.status == 0, "pre-commit passes every changed YAML file: \(hook.stdout)\(hook.stderr)")
    }

    @Test func aFolderWithoutDossiersIsAnError() throws {
        let project = try ScratchProject(["d/workflow.yaml": "on: push\n"])
        let run = try project.run(["check", "d"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no dossiers found in d"))
    }
}
