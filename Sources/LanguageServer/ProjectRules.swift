import Checking
import DossierModel
import Foundation
import Policy
import Validators

/// What applies to the dossiers of one project: the `.dossiercheck.yaml` found from a document's
/// folder (its rules, severities, parameters, disabled rules, waivers and language), or the
/// defaults when there is none. A configuration, rule or waivers file that cannot be used is a
/// `problem` shown on the document; the dossier is then checked with the bundled rules.
final class ProjectRules: @unchecked Sendable {
    let checker: Checker
    let sources: SourceChecker
    let knownRules: Set<String>
    let disabled: Set<String>
    let waivers: [Waiver]
    let language: Language?
    /// Why the project's own settings could not be used, and where.
    let problem: Problem?
    /// The configuration file, when one was found.
    let configuration: String?

    struct Problem {
        var file: String
        var mark: Mark?
        var message: String
    }

    init(configurationAt path: String?, settings: ServerSettings) {
        configuration = path
        var problem: Problem?
        var configuration: Configuration?
        if let path {
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                configuration = try Configuration.parse(text, file: path, directory: (path as NSString).deletingLastPathComponent)
            } catch let error as PolicyFileError {
                problem = Problem(file: error.file, mark: error.mark, message: error.message)
            } catch {
                problem = Problem(file: path, mark: nil, message: "cannot read the configuration: \(error.localizedDescription)")
            }
        }
        var checker = settings.baseChecker
        if let found = configuration {
            do {
                checker = try settings.makeChecker(found.ruleFolders.map(found.resolve), found.adjust)
            } catch {
                problem = Problem(file: path ?? Configuration.fileName, mark: nil, message: String(describing: error))
                configuration = nil
            }
        }
        let knownRules = CheckRun.knownRules(checker)
        var waivers: [Waiver] = []
        if let configuration, let file = configuration.waivers.map(configuration.resolve) {
            do {
                waivers = try Waiver.parse(try String(contentsOfFile: file, encoding: .utf8), file: file, knownRules: knownRules)
            } catch let error as PolicyFileError {
                problem = Problem(file: error.file, mark: error.mark, message: error.message)
            } catch {
                problem = Problem(file: file, mark: nil, message: "cannot read the waivers file: \(error.localizedDescription)")
            }
        }
        self.checker = checker
        self.sources = SourceChecker(checker: checker, limits: settings.limits, quotesFindings: false)
        self.knownRules = knownRules
        self.disabled = configuration?.disabledRules ?? []
        self.waivers = waivers
        self.language = settings.language ?? configuration?.language
        self.problem = problem
    }

    /// The nearest `.dossiercheck.yaml` in `directory` or a folder above it.
    static func configurationFile(from directory: String) -> String? {
        var folder = (directory as NSString).standardizingPath
        while true {
            let candidate = (folder as NSString).appendingPathComponent(Configuration.fileName)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || parent.isEmpty { return nil }
            folder = parent
        }
    }
}
