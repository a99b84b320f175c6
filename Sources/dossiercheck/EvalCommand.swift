import ArgumentParser
import CEL
import DossierModel
import Foundation
import Validators

/// For rule authors, like `opa eval` or a CEL playground: one expression, one answer.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a CEL expression, with `self` bound to a dossier, as a rule would.",
        discussion: """
            Prints the value as JSON on standard output, with its CEL type kept: \
            {"int": 3}, {"uint": 3}, {"double": 3.0}, {"decimal": "120000.01"}, {"bytes": "…base64…"}, \
            {"type": "int"}, {"map": [[key, value], …]}; null, booleans, strings and lists as in JSON. \
            The dossier's kind decides which definitions (isSME(org) …) and parameters (params.…) are known. \
            An expression that does not parse or cannot be evaluated is reported on standard error, exit 1.
            """)

    @Argument(help: "The CEL expression.")
    var expression: String

    @Argument(help: "A dossier file; `self` is bound to its first document.")
    var dossier: String?

    @Option(
        name: .customLong("var"),
        help: ArgumentHelp("Bind NAME to a JSON value (the tagged shapes above are read too).", valueName: "name=json"))
    var variables: [String] = []

    @OptionGroup var rules: RuleOptions

    func validate() throws {
        for binding in variables where !binding.contains("=") {
            throw ValidationError("--var takes NAME=JSON, found `\(binding)`")
        }
    }

    func run() throws {
        var bindings: [String: CELValue] = [:]
        for binding in variables {
            let name = String(binding.prefix { $0 != "=" })
            let json = String(binding.dropFirst(name.count + 1))
            do {
                bindings[name] = try TaggedJSON.decode(json)
            } catch {
                Terminal.error("error: --var \(name): \(error)")
                throw ExitStatus.unusable
            }
        }
        var root: Node?
        if let dossier {
            guard let data = FileManager.default.contents(atPath: dossier) else {
                Terminal.error("error: cannot read \(dossier)")
                throw ExitStatus.unusable
            }
            guard let document = YAMLLoader.load([UInt8](data)).first else {
                Terminal.error("error: \(dossier) holds no document")
                throw ExitStatus.unusable
            }
            if let problem = document.problem {
                Terminal.error("\(dossier):\(problem.mark.line):\(problem.mark.column): error: \(problem.message)")
                throw ExitStatus.unusable
            }
            root = document.root
        }
        let checker = try rules.makeConfiguredChecker()
        switch checker.evaluate(expression, dossier: root, variables: bindings) {
        case .success(let value):
            Terminal.write(TaggedJSON.encode(value) + "\n")
        case .failure(.parse(let error)):
            Terminal.error(
                "error: the expression does not parse at column \(error.column): \(error.message)\n  \(expression)\n  \(String(repeating: " ", count: max(error.column - 1, 0)))^"
            )
            throw ExitStatus.findings
        case .failure(.evaluation(let error)):
            Terminal.error("error: \(error.message)")
            throw ExitStatus.findings
        }
    }
}
