import ArgumentParser
import BundledData
import DossierModel
import Validators

/// For rule authors: load the rule sets, report broken files, run every rule's examples.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Work with rule sets.",
        subcommands: [RulesTestCommand.self, RulesListCommand.self])
}

struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Load rule sets, report every broken rule file, and run every rule's passing and failing examples.",
        discussion: """
            With FILE or DIR, those rule files are loaded over the bundled sets (a file replaces the bundled \
            set of the same name) and only their rules' examples run; without, every rule set's do. Each \
            broken file is reported with its place (file:line:column). Ends with "N passed, M failed". \
            Exit status: 0 when every example behaves, 1 when one does not (or a rule has no passing or no \
            failing example), 2 when a rule file is broken.
            """)

    @Argument(help: ArgumentHelp("Rule files or folders of rule files to test (default: every rule set).", valueName: "dir"))
    var paths: [String] = []

    @OptionGroup var rules: RuleOptions

    @Flag(help: "Print every example, not only the failing ones.")
    var verbose = false

    func run() throws {
        let bundled: [RuleSet]
        let files: [(name: String, contents: String)]
        let named: [(name: String, contents: String)]
        do {
            bundled = try RuleSetCollection.parse(BundledData.ruleFiles.map { ("rules/" + $0.name, $0.contents) })
            let (namedFiles, namedSkipped) = try rules.ruleFiles(paths)
            let (folderFiles, folderSkipped) = try rules.ruleFiles(rules.ruleFolders)
            for path in folderSkipped + namedSkipped {
                Terminal.write("warning: \(path) is not a rule file (no `ruleset:`), skipped\n")
            }
            named = namedFiles
            files = folderFiles + named
        } catch let error as UsageProblem {
            Terminal.error("error: \(error.message)")
            throw ExitStatus.unusable
        }
        let iso = ISO3166(table: BundledData.dataFile("iso3166.tsv") ?? "")
        let diagnosis = RuleSetDiagnosis(files: files, base: bundled, iso: iso)
        for error in diagnosis.errors { Terminal.write(error.description + "\n") }
        for skipped in diagnosis.skipped {
            Terminal.write(
                "\(skipped.file): not tested: rule set `\(skipped.ruleSet)` imports `\(skipped.because)`, which has errors\n")
        }

        var outcomes: [ExampleOutcome] = []
        var missing: [String] = []
        if let checker = diagnosis.checker {
            let tested = named.isEmpty ? nil : Set(named.map(\.name))
            let sets = checker.ruleSets.filter { tested?.contains($0.file) ?? true }
            outcomes = checker.runExamples(only: Set(sets.flatMap { $0.rules.map(\.id) }))
            missing = sets.flatMap { set in
                set.rules.filter { $0.examples.passing.isEmpty || $0.examples.failing.isEmpty }
                    .map {
                        "\(set.file):\($0.mark.line):\($0.mark.column): \($0.id): a rule needs at least one passing and one failing example"
                    }
            }
        }
        let failed = outcomes.filter { $0.failure != nil }
        for outcome in verbose ? outcomes : failed { Terminal.write(outcome.description + "\n") }
        for line in missing { Terminal.write(line + "\n") }
        if !diagnosis.errors.isEmpty {
            let count = diagnosis.errors.count
            let fileCount = Set(diagnosis.errors.map(\.file)).count
            Terminal.write("\(count) error\(count == 1 ? "" : "s") in \(fileCount) rule file\(fileCount == 1 ? "" : "s")\n")
        }
        Terminal.write("\(outcomes.count - failed.count) passed, \(failed.count + missing.count) failed\n")
        if !diagnosis.errors.isEmpty { throw ExitStatus.unusable }
        if !failed.isEmpty || !missing.isEmpty { throw ExitStatus.findings }
    }
}
