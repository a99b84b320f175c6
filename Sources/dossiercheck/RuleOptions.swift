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
        help: ArgumentHelp("A folder (or file) of rule sets that add to or replace the bundled ones, by rule-set name.", valueName: "dir"))
    var ruleFolders: [String] = []

    /// The engine, built from the bundled and local rule sets (`--rules`, then `extraFolders`),
    /// the sets passed through `adjust` first; rule-file and `adjust` errors are printed and end the run.
    func makeChecker(
        extraFolders: [String] = [], adjust: ([RuleSet]) throws -> [RuleSet] = { $0 }, limits: EvaluationLimits = .default
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
        extraFolders: [String] = [], adjust: ([RuleSet]) throws -> [RuleSet] = { $0 }, limits: EvaluationLimits = .default
    ) throws -> Checker {
        let bundled = try RuleSetCollection.parse(BundledData.ruleFiles.map { ("rules/" + $0.name, $0.contents) })
        let local = try RuleSetCollection.parse(try localFiles(ruleFolders + extraFolders))
        let iso = ISO3166(table: BundledData.dataFile("iso3166.tsv") ?? "")
        // Bundled sets are compiled by the test suite: a kind made of them alone is compiled when
        // a dossier of that kind first needs it (start-up); local sets are compiled here, so that
        // their errors end the run at once.
        let onDemand = Set(bundled.map(\.name)).subtracting(local.map(\.name))
        return try Checker(
            ruleSets: try adjust(RuleSetCollection.overriding(bundled, with: local)), iso: iso, limits: limits,
            compilingOnDemand: onDemand)
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
