import ArgumentParser
import Checking
import Foundation
import Policy
import Reporting
import Validators

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check dossiers (YAML files, or folders searched for *.yaml and *.yml with a `dossier:` header).",
        discussion: """
            Settings come from the command line, else from the nearest .dossiercheck.yaml (walking up \
            from the working directory, or --config), else the defaults.
            """)

    @Argument(help: ArgumentHelp("Dossier files or folders (default: the configuration's `paths`).", valueName: "path"))
    var paths: [String] = []

    @OptionGroup var rules: RuleOptions

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: text).")
    var format: OutputFormat?

    @Option(help: "Language of the messages (en, nl, fr, de); by default each dossier's own `language`.")
    var lang: Language?

    @Option(help: "The least severity that fails the run (exit status 1): error, warning, info or never (default: error).")
    var failOn: FailThreshold?

    @Option(
        name: [.customShort("o"), .long],
        help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(
        help: ArgumentHelp(
            "A waivers file: exceptions granted per rule, dossier and node, with an expiry date.", valueName: "file"))
    var waivers: String?

    @Option(help: ArgumentHelp("Report only findings this baseline file does not hold.", valueName: "file"))
    var baseline: String?

    @Option(help: ArgumentHelp("Record the open findings in this baseline file (and report none as new).", valueName: "file"))
    var writeBaseline: String?

    @Flag(help: "Skip named files without a `dossier:` header too, and apply `exclude` to them (for pre-commit).")
    var dossiersOnly = false

    @Flag(help: "No colour, even on a terminal.")
    var noColor = false

    @Option(help: "How many files to check at once (default: one per core).")
    var jobs: Int?

    @OptionGroup(title: "Limits (past one, a file or rule is refused with a located finding)")
    var limits: LimitOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if baseline != nil, writeBaseline != nil { throw ValidationError("give --baseline or --write-baseline, not both") }
        try OutputPath.validate(output, option: "--output")
        try OutputPath.validate(writeBaseline, option: "--write-baseline")
    }

    func run() throws {
        let cwd = PathNames.normalised(FileManager.default.currentDirectoryPath)
        let settings =
            try ConfigFile.load(explicit: rules.config, workingDirectory: cwd)
            ?? Configuration(file: Configuration.fileName, directory: cwd)
        let format = format ?? settings.format ?? .text
        let language = lang ?? settings.language
        let checker = try rules.makeChecker(
            extraFolders: settings.ruleFolders.map(settings.resolve), adjust: settings.adjustment, limits: limits.evaluation)

        let targets = paths.isEmpty ? settings.paths.map(settings.resolve) : paths
        if targets.isEmpty {
            Terminal.error(
                "error: name at least one dossier file or folder (or list them under `paths:` in \(Configuration.fileName))")
            throw ExitStatus.unusable
        }
        let entries = InputFiles.collect(
            targets, workingDirectory: cwd, exclude: settings.exclude.map(Glob.init), excludeBase: settings.directory,
            namedToo: dossiersOnly)
        let disabled = settings.disabledRules
        // Every rule ID of the sets, for waivers and suppression comments: made when one needs it
        // (it reads every rule set whole).
        var knownRulesMade: Set<String>?
        func knownRules() -> Set<String> {
            let known = knownRulesMade ?? CheckRun.knownRules(checker)
            knownRulesMade = known
            return known
        }
        let waiverFile = waivers.map { PathNames.absolute($0, against: cwd) } ?? settings.waivers.map(settings.resolve)
        let granted = try waiverFile.map { try PolicyFiles.waivers($0, workingDirectory: cwd, knownRules: knownRules()) } ?? []
        let today = PolicyFiles.today()
        func policy(for files: [FileReport]) -> FindingPolicy {
            let suppressing = files.contains { $0.source.map(InlineSuppression.containsMarker) ?? false }
            return FindingPolicy(disabled: disabled, knownRules: suppressing ? knownRules() : [], waivers: granted, today: today)
        }
        let failOn = failOn ?? settings.failOn ?? .error
        let baselineFile = baseline.map { PathNames.absolute($0, against: cwd) } ?? settings.baseline.map(settings.resolve)

        // A JSON report is written as its files come, each file dropped once written, so that memory
        // stays flat in the number of dossiers; the other formats and a baseline take the whole run.
        if format == .json, writeBaseline == nil, baselineFile == nil {
            let tool = CheckRun.tool(
                version: Dossiercheck.version, checker: checker, language: language, disabled: disabled, describingRules: false)
            var report = StreamedJSONReport(tool: tool, output: output.map { PathNames.absolute($0, against: cwd) })
            var skipped = 0
            try FileChecking.check(entries, with: checker, language: language, jobs: jobs, limits: limits, quotesFindings: false)
            {
                guard case .checked(var file) = $0 else {
                    skipped += 1
                    return
                }
                policy(for: [file]).apply(to: &file)
                try report.add(file, failOn: failOn)
            }
            if report.summary.files == 0, !dossiersOnly { throw noDossiers(in: targets, skipped: skipped) }
            try report.finish(skipped: skipped)
            if report.summary.unreadable > 0 { throw ExitStatus.unusable }
            if report.fails { throw ExitStatus.findings }
            return
        }

        var files: [FileReport] = []
        var skipped = 0
        FileChecking.check(
            entries, with: checker, language: language, jobs: jobs, limits: limits, quotesFindings: format == .text
        ) {
            switch $0 {
            case .checked(let file): files.append(file)
            case .skipped: skipped += 1
            }
        }
        if files.isEmpty, !dossiersOnly { throw noDossiers(in: targets, skipped: skipped) }

        let tool = CheckRun.tool(version: Dossiercheck.version, checker: checker, language: language, disabled: disabled)
        var report = CheckReport(tool: tool, files: files, skipped: skipped, failOn: failOn)
        policy(for: files).apply(to: &report)

        if let writeBaseline {
            let path = PathNames.absolute(writeBaseline, against: cwd)
            try PolicyFiles.write(Baseline.file(of: report), to: path, what: "the baseline")
            Baseline(recording: report).apply(to: &report)
            let count = report.summary.baselined
            Terminal.error(
                "dossiercheck: recorded \(count) finding\(count == 1 ? "" : "s") in \(PathNames.display(path, relativeTo: cwd))")
        } else if let path = baselineFile {
            try PolicyFiles.baseline(path, workingDirectory: cwd).apply(to: &report)
        }

        let color = output == nil && !noColor && Terminal.wantsColor
        let text = format.formatter(
            FormatOptions(
                color: color, sourceRoot: PolicyFiles.fileURI(directory: cwd), language: language, columns: Terminal.columns)
        )
        .format(report)
        if let output {
            try PolicyFiles.write(text, to: PathNames.absolute(output, against: cwd), what: "the report")
        } else {
            Terminal.write(text)
        }
        if format == .github, let summary = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
            try PolicyFiles.append(GitHubFormatter().stepSummary(report), to: summary)
        }
        if report.summary.unreadable > 0 { throw ExitStatus.unusable }
        if report.fails { throw ExitStatus.findings }
    }

    /// No dossier among the files: an error, and no report.
    private func noDossiers(in targets: [String], skipped: Int) -> ExitCode {
        let why = skipped == 0 ? "no YAML files" : "only YAML files without a `dossier:` header (\(skipped))"
        Terminal.error("error: no dossiers found in \(targets.joined(separator: ", ")): \(why)")
        return ExitStatus.unusable
    }
}
