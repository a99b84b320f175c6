import Foundation
import TestSupport
import Testing

/// `.dossiercheck.yaml`: found walking up, strict, and what each setting does.
@Suite struct ConfigFileTests {
    @Test func foundWalkingUpPathsRelativeToIt() throws {
        let project = try ScratchProject([
            ".dossiercheck.yaml": "paths: [dossiers]\nexclude: [drafts]\nformat: json\nfail_on: warning\n",
            "dossiers/a.yaml": ScratchProject.nineMembers,
            "dossiers/drafts/b.yaml": ScratchProject.overCap,
            "work/readme.txt": "",
        ])
        let run = try project.run(["check"], in: "work")
        #expect(run.status == 1, "fail_on: warning \(run.stderr)")
        let report = try ScratchProject.json(run)
        #expect((report["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String } == ["../dossiers/a.yaml"])
        let cli = try project.run(["check", "--format", "text", "--fail-on", "error"], in: "work")
        #expect(cli.status == 0, "the command line wins")
        #expect(cli.stdout.contains("avertissement[RES-008]"), "labels follow the dossier's language")
    }

    @Test func unknownKeyIsALocatedUsageError() throws {
        let project = try ScratchProject([
            ".dossiercheck.yaml": "paths: [d.yaml]\ncolour: red\n", "d.yaml": ScratchProject.nineMembers,
        ])
        let run = try project.run(["check"])
        #expect(run.status == 2)
        #expect(run.stderr.contains(".dossiercheck.yaml:2:1: error: unknown key `colour` in the configuration"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func unknownRuleInAnOverrideIsALocatedUsageError() throws {
        let project = try ScratchProject(["ci.yaml": "severity:\n  RES-999: error\n", "d.yaml": ScratchProject.nineMembers])
        let run = try project.run(["check", "d.yaml", "--config", "ci.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("ci.yaml:2:3: error: unknown rule `RES-999` in `severity`"), "\(run.stderr)")
        let disabled = try project.run(["check", "d.yaml", "--config", "missing.yaml"])
        #expect(disabled.status == 2)
        #expect(disabled.stderr.contains("--config missing.yaml: no such file"))
    }

    @Test func unknownParameterIsALocatedUsageError() throws {
        let project = try ScratchProject([
            ".dossiercheck.yaml": "parameters:\n  reseau-dossier:\n    members_min: 3\n", "d.yaml": "",
        ])
        let run = try project.run(["check", "d.yaml"])
        #expect(run.status == 2)
        #expect(
            run.stderr.contains(".dossiercheck.yaml:3:5: error: rule set `reseau-dossier` has no parameter `members_min`"),
            "\(run.stderr)")
    }

    @Test func severityDisableAndParametersApply() throws {
        let project = try ScratchProject(["d.yaml": ScratchProject.nineMembers])
        try project.write(".dossiercheck.yaml", "severity: {RES-008: error}\n")
        let stricter = try project.run(["check", "d.yaml"])
        #expect(stricter.status == 1 && stricter.stdout.contains("erreur[RES-008]"))
        try project.write(".dossiercheck.yaml", "disable: [RES-008]\n")
        let disabled = try project.run(["check", "d.yaml", "--format", "sarif"])
        #expect(disabled.status == 0 && !disabled.stdout.contains("\"ruleId\": \"RES-008\""))
        #expect(disabled.stdout.contains("\"enabled\": false"))
        try project.write(".dossiercheck.yaml", "parameters:\n  reseau-dossier: {min_members: 9}\n")
        let lenient = try project.run(["check", "d.yaml"])
        #expect(lenient.status == 0 && !lenient.stdout.contains("RES-008"), "\(lenient.stdout)")
    }

    @Test func extraRuleFoldersAndLanguage() throws {
        let project = try ScratchProject([
            "d.yaml": ScratchProject.nineMembers, "lang.yaml": "language: de\nrules: [no-such-folder]\n",
        ])
        let run = try project.run(["check", "d.yaml", "--config", "lang.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no-such-folder"))
        try project.write("lang.yaml", "language: en\n")
        let english = try project.run(["check", "d.yaml", "--config", "lang.yaml"])
        #expect(english.stdout.contains("warning[RES-008]: the network has 9 members"), "\(english.stdout)")
    }
}
