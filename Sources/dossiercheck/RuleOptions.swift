import ArgumentParser
import BundledData
import DossierModel
import Foundation
import Policy
import Validators

/// Where rule sets come from: those built into the binary, and local ones that add to or replace them.
struct RuleOptions: ParsableArguments {
    @Option(
        name: .customLong("rules"),
        help: ArgumentHelp(
            "A folder (or file) of rule sets that add to or replace the bundled ones, by rule-set name.", valueName: "dir"))
    var ruleFolders: [String] = []

    @Option(
        help: ArgumentHelp("The configuration file (default: .dossiercheck.yaml here or in a folder above).", valueName: "file"))
    var config: String?

    /// The configuration `--config` names, else the nearest `.dossiercheck.yaml`, else the defaults.
    func settings() throws -> Configuration {
        let cwd = PathNames.normalised(FileManager.default.currentDirectoryPath)
        return try ConfigFile.load(explicit: config, workingDirectory: cwd)
            ?? Configuration(file: Configuration.fileName, directory: cwd)
    }

    /// The engine every command uses: the bundled sets, the configuration's `rules:` folders and
    /// `--rules`, with the configuration's severities and parameters — the same effective sets
    /// for `check`, `explain`, `init`, `schema`, `rules list`, `funding`, `triage`, `serve` and `eval`.
    func makeChecker(settings: Configuration, limits: EvaluationLimits = .default) throws -> Checker {
        try makeChecker(extraFolders: settings.ruleFolders.map(settings.resolve), adjust: settings.adjustment, limits: limits)
    }

    /// The engine over the effective sets, the configuration read as `settings()` does.
    func makeConfiguredChecker(limits: EvaluationLimits = .default) throws -> Checker {
        try makeChecker(settings: try settings(), limits: limits)
    }

    /// The engine, built from the bundled and local rule sets (`--rules`, then `extraFolders`),
    /// the sets passed through `adjust` first; rule-file and `adjust` errors are printed and end the run.
    func makeChecker(
        extraFolders: [String] = [], adjust: (([RuleSet]) throws -> [RuleSet])? = nil, limits: EvaluationLimits = .default
    ) throws -> Checker {
        do {
            return try buildChecker(extraFolders: extraFolders, adjust: adjust, limits: limits)
        } catch let error as RuleSetCollection.Errors {
            Terminal.error(error.description)
        } catch let error as RuleFileError {
            Terminal.error(error.description)
        } catch let error as UsageProblem {
            Terminal.error("error: \(error.message)")
        } catch let error as PolicyFileError {
            Terminal.error(error.description)
        }
        throw ExitStatus.unusable
    }

    /// The engine as `makeChecker` builds it, its errors thrown as they are (`lsp` shows them in the editor).
    func buildChecker(
        extraFolders: [String] = [], adjust: (([RuleSet]) throws -> [RuleSet])? = nil, limits: EvaluationLimits = .default
    ) throws -> Checker {
        let bundledFiles = BundledData.ruleFiles.map { ("rules/" + $0.name, $0.contents) }
        let (files, skipped) = try ruleFiles(ruleFolders + extraFolders)
        for path in skipped { Terminal.error("warning: \(path) is not a rule file (no `ruleset:`), skipped") }
        let iso = ISO3166(loading: { BundledData.dataFile("iso3166.tsv") ?? "" })
        // The bundled sets as they are, which the test suite loads and compiles: read as far as the
        // run needs them (one dossier's kind and its imports).
        if files.isEmpty, adjust == nil {
            return try Checker(
                knownFiles: bundledFiles, compiled: CompiledRuleSets(bytes: BundledData.compiledRules), iso: iso, limits: limits)
        }
        let bundled = try RuleSetCollection.parse(bundledFiles)
        do {
            let local = try RuleSetCollection.parse(files)
            // Bundled sets are compiled by the test suite: a kind made of them alone is compiled when
            // a dossier of that kind first needs it (start-up); local sets are compiled here, so that
            // their errors end the run at once.
            let onDemand = Set(bundled.map(\.name)).subtracting(local.map(\.name))
            // Derived calls are merged before the configuration changes them, so that its
            // `parameters:` and severities may name a derived set.
            let effective = try EffectiveRuleSets.resolve(RuleSetCollection.overriding(bundled, with: local))
            return try Checker(
                ruleSets: try (adjust ?? { $0 })(effective), iso: iso, limits: limits, compilingOnDemand: onDemand)
        } catch let error as RuleFileError {
            throw Self.everyError(of: files, bundled: bundled, iso: iso, else: error)
        } catch let error as RuleSetCollection.Errors {
            throw Self.everyError(of: files, bundled: bundled, iso: iso, else: error)
        }
    }

    /// Every error of the local rule files, as `rules test` finds them (each check goes on past the
    /// first error), so that every command shows a rule author all of them at once; `error` itself
    /// when they have none (it came from the configuration).
    static func everyError(of files: [(name: String, contents: String)], bundled: [RuleSet], iso: ISO3166, else error: any Error)
        -> any Error
    {
        let diagnosis = RuleSetDiagnosis(files: files, base: bundled, iso: iso)
        return diagnosis.errors.isEmpty ? error : RuleSetCollection.Errors(errors: diagnosis.errors)
    }

    /// The rule files `folders` name, and the YAML files in the folders that declare no rule set
    /// (skipped, with a warning): a dossier or CI file kept beside the rules is not a rule file.
    func ruleFiles(_ folders: [String]) throws -> (files: [(name: String, contents: String)], skipped: [String]) {
        var files: [(name: String, contents: String)] = []
        var skipped: [String] = []
        for folder in folders {
            var isDirectory: ObjCBool = false
            let inFolder = FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue
            for file in try localFiles([folder]) {
                if inFolder, !RuleSetParser.declaresRuleSet(file.contents) {
                    skipped.append(file.name)
                } else {
                    files.append(file)
                }
            }
        }
        return (files, skipped)
    }

    /// The rule files `folders` name (a folder stands for its `*.yaml` and `*.yml` files), read as text.
    func localFiles(_ folders: [String]) throws -> [(name: String, contents: String)] {
        var files: [(String, String)] = []
        for folder in folders {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
                throw UsageProblem(message: "rules \(folder): no such file or folder")
            }
            let paths =
                isDirectory.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                    .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                    .map { (folder as NSString).appendingPathComponent($0) }
                : [folder]
            for path in paths {
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    throw UsageProblem(message: "rules: cannot read \(path) as UTF-8 text")
                }
                files.append((path, text))
            }
        }
        return files
    }
}

struct UsageProblem: Error {
    var message: String
}
