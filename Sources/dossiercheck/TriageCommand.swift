import ArgumentParser
import Foundation
import Policy
import Triage
import Validators

/// A whole call at once: every dossier checked in parallel, an HTML report a jury can sort and
/// filter, CSV and JSON, figures across dossiers and, with `--history`, across calls.
struct TriageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract:
            "Triage a call: check every dossier and write an HTML report (with --csv, --json), figures across dossiers and calls.",
        discussion: """
            Folders are searched as `check` searches them. Dossiers that cannot be read are rows too \
            (not admissible). With --history, the call is recorded in an SQLite file and compared with \
            the calls recorded before it; triaging the same call again replaces its record. Exit status: \
            0 when the reports were written, 2 for usage errors, broken rule or configuration files, and \
            a history file that is damaged or not a dossiercheck history (left untouched).
            """)

    @Argument(help: ArgumentHelp("The call's dossier folders or files.", valueName: "dir"))
    var paths: [String]

    // `--out` is the option's first name, kept for the scripts that use it.
    @Option(
        name: [.customShort("o"), .customLong("output"), .customLong("out")],
        help: ArgumentHelp("Write the HTML report to this file.", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("Also write the table as CSV to this file.", valueName: "file"))
    var csv: String?

    @Option(
        help: ArgumentHelp(
            "The CSV's dialect: rfc4180 (comma, decimal point) or excel-eu (UTF-8 with BOM, `;`, decimal comma: what Excel opens with Belgian, Dutch, French or German settings).",
            valueName: "dialect"))
    var csvDialect: CSVReportWriter.Dialect = .rfc4180

    @Option(
        help: ArgumentHelp(
            "Also write the triage as an Excel workbook (.xlsx) to this file: Dossiers, Findings, Organisations, Summary.",
            valueName: "file"))
    var xlsx: String?

    @Option(help: ArgumentHelp("Also write the whole triage as JSON to this file.", valueName: "file"))
    var json: String?

    @Option(
        help: ArgumentHelp(
            "Record the call in this SQLite file and compare it with the calls recorded before.", valueName: "file"))
    var history: String?

    @Option(
        help: ArgumentHelp(
            "The call's name in the history (default: the `call:` its dossiers share, else one made from their ids).",
            valueName: "name"))
    var call: String?

    @OptionGroup var rules: RuleOptions

    @Option(
        help:
            "Language of the report and its messages (en, nl, fr, de); by default the report is in English and each dossier's messages in its own language."
    )
    var lang: Language?

    @Option(help: "How many files to check at once (default: one per core).")
    var jobs: Int?

    @Flag(help: "No progress bar, even on a terminal.")
    var noProgress = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if paths.isEmpty { throw ValidationError("name at least one folder or file of the call") }
        try OutputPath.validate(output, option: "--output")
        try OutputPath.validate(csv, option: "--csv")
        try OutputPath.validate(json, option: "--json")
        try OutputPath.validate(xlsx, option: "--xlsx")
        try OutputPath.validate(history, option: "--history")
    }

    func run() throws {
        let cwd = PathNames.normalised(FileManager.default.currentDirectoryPath)
        let settings =
            try ConfigFile.load(explicit: rules.config, workingDirectory: cwd)
            ?? Configuration(file: Configuration.fileName, directory: cwd)
        let language = lang ?? settings.language
        let checker = try rules.makeChecker(extraFolders: settings.ruleFolders.map(settings.resolve), adjust: settings.adjustment)
        let calculator: FigureCalculator
        do {
            calculator = try FigureCalculator(checker: checker)
        } catch let error as RuleFileError {
            Terminal.error(error.description)
            throw ExitStatus.unusable
        }

        let entries = InputFiles.collect(paths, workingDirectory: cwd)
        if let missing = entries.first(where: { $0.problem != nil }) {
            Terminal.error("error: \(missing.path): \(missing.problem ?? "cannot be read")")
            throw ExitStatus.unusable
        }
        // The history is opened (and checked) before the work, so a bad file stops the run at once.
        var store: HistoryStore?
        if let history {
            do {
                store = try HistoryStore.open(PathNames.absolute(history, against: cwd))
            } catch {
                Terminal.error(error.description)
                throw ExitStatus.unusable
            }
        }

        let inputs = entries.map {
            TriageInput(displayPath: $0.path, path: PathNames.absolute($0.path, against: cwd), needsHeader: $0.needsHeader)
        }
        let showProgress = !noProgress && isatty(STDERR_FILENO) == 1
        let bar = showProgress ? ProgressBar(total: inputs.count) { FileHandle.standardError.write(Data($0.utf8)) } : nil
        var progress: (@Sendable (Int, Int) -> Void)?
        if let bar { progress = { done, _ in bar.update(done) } }
        let triager = DossierTriager(checker: checker, calculator: calculator, language: language)
        var outcome = CallTriage.run(
            inputs, triager: triager, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
            hasHeader: { InputFiles.hasDossierHeader($0) }, progress: progress)
        bar?.finish()
        let disabled = settings.disabledRules
        if !disabled.isEmpty {
            for index in outcome.dossiers.indices {
                outcome.dossiers[index].findings.removeAll { disabled.contains($0.finding.rule) }
            }
        }
        if outcome.dossiers.isEmpty {
            let why = outcome.skipped == 0 ? "no YAML files" : "only YAML files without a `dossier:` header (\(outcome.skipped))"
            Terminal.error("error: no dossiers found in \(paths.joined(separator: ", ")): \(why)")
            throw ExitStatus.unusable
        }

        let label = CallLabel.of(outcome.dossiers, given: call)
        let conflict = CallLabel.conflict(outcome.dossiers)
        if !conflict.isEmpty {
            let names = conflict.map { "\($0.call) (\($0.dossiers) dossiers)" }.joined(separator: ", ")
            let chosen =
                call.map { "recorded as \"\($0)\" (--call)" } ?? "recorded as \"\(label)\"; choose the name with --call NAME"
            Terminal.error("warning: the dossiers name different calls: \(names); \(chosen)")
        }
        var comparison: HistoryComparison?
        if let store {
            do {
                let (earlier, rerun) = try store.earlierOrganisations(than: label)
                comparison = HistoryComparison(label: label, dossiers: outcome.dossiers, earlier: earlier, rerun: rerun)
                try store.record(label: label, dossiers: outcome.dossiers, comparison: comparison)
                try store.close()
            } catch {
                Terminal.error(error.description)
                throw ExitStatus.unusable
            }
        }
        let reportLanguage = language ?? .en
        let report = CallReport(
            tool: CallReport.Tool(
                name: "dossiercheck", version: Dossiercheck.version,
                ruleSets: checker.ruleSets.map { DocumentReport.RuleSetVersion($0) }),
            label: label, dossiers: outcome.dossiers, skipped: outcome.skipped, history: comparison,
            ruleTitles: CallReport.ruleTitles(checker.ruleSets, language: reportLanguage), language: reportLanguage)

        try PolicyFiles.write(
            HTMLReportWriter().write(report), to: PathNames.absolute(output, against: cwd), what: "the HTML report")
        if let csv {
            try PolicyFiles.write(
                CSVReportWriter(dialect: csvDialect).write(report), to: PathNames.absolute(csv, against: cwd),
                what: "the CSV table")
        }
        if let xlsx {
            let workbook: Data
            do {
                workbook = try WorkbookReportWriter().write(report)
            } catch {
                Terminal.error("error: cannot make the workbook: \(error)")
                throw ExitStatus.unusable
            }
            try PolicyFiles.write(workbook, to: PathNames.absolute(xlsx, against: cwd), what: "the workbook")
        }
        if let json {
            try PolicyFiles.write(
                JSONReportWriter().write(report), to: PathNames.absolute(json, against: cwd), what: "the JSON report")
        }
        if showProgress {
            let s = report.summary
            var line = "dossiercheck: \(s.dossiers) dossiers, \(s.admissible) admissible, \(s.inadmissible) not admissible"
            if !report.duplicates.isEmpty { line += ", \(report.duplicates.count) submitted twice" }
            if let rate = comparison?.rotationRate { line += String(format: ", rotation %.1f %%", rate * 100) }
            Terminal.error(line + " → \(output)")
        }
    }
}

extension CSVReportWriter.Dialect: ExpressibleByArgument {}
