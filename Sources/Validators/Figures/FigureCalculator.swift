import CEL
import DossierModel
import Foundation

/// Computes a dossier's figures (partners, SMEs, research units, applicant, eligible and
/// requested amounts) from the `figures:` sections of its kind's rule sets, seeing the dossier
/// as the rules do. Pure, like the engine; built once per run, then usable from many threads.
public final class FigureCalculator: Sendable {
    private struct KindFigures: Sendable {
        var spec: FigureSpec
        var sme: CELProgram?
        var research: CELProgram?
    }

    private let checker: Checker
    private let byKind: [String: KindFigures]
    private let fallback: KindFigures
    private let knownKinds: CELValue

    /// Checks that every `sme` and `research` entry names a definition of one parameter.
    public init(checker: Checker) throws {
        self.checker = checker
        var byKind: [String: KindFigures] = [:]
        for kind in checker.kindNames {
            byKind[kind] = try Self.compile(checker.compiledKind(kind))
        }
        self.byKind = byKind
        self.fallback = try Self.compile(checker.compiledKind(nil))
        self.knownKinds = .list(checker.kindNames.map { .string($0) })
    }

    /// The merged `figures:` spec for a kind (the libraries' alone for an unknown kind).
    public func spec(forKind kind: String?) -> FigureSpec {
        (kind.flatMap { byKind[$0] } ?? fallback).spec
    }

    private static func compile(_ compiled: CompiledKind) throws -> KindFigures {
        var spec = FigureSpec()
        for set in compiled.sets { spec = spec.overridden(by: set.figures) }
        func program(_ key: String, _ name: String?) throws -> CELProgram? {
            guard let name else { return nil }
            let declaring = compiled.sets.last { set in key == "sme" ? set.figures.sme != nil : set.figures.research != nil }
            let file = declaring?.file ?? "rules"
            let mark = declaring?.figures.marks[key]
            guard let definition = compiled.sets.flatMap(\.definitions).last(where: { $0.name == name }) else {
                throw RuleFileError(
                    file: file, mark: mark,
                    message: "`figures.\(key)` names `\(name)`, which no definition of the rule set or its imports defines")
            }
            guard definition.parameters.count == 1 else {
                throw RuleFileError(
                    file: file, mark: mark,
                    message:
                        "`figures.\(key)` names `\(name)`, which takes \(definition.parameters.count) parameters, not one (the organisation)"
                )
            }
            do {
                return try compiled.environment.compile("\(name)(item)")
            } catch {
                throw RuleFileError(file: file, mark: mark, message: "`figures.\(key)`: \(error.message)")
            }
        }
        return KindFigures(spec: spec, sme: try program("sme", spec.sme), research: try program("research", spec.research))
    }

    /// The figures of one dossier (a YAML document whose root is a mapping).
    public func figures(of root: Node) -> DossierFigures {
        let kind = DossierHeader(root).kind
        let compiled = checker.compiledKind(kind)
        let figures = kind.flatMap { byKind[$0] } ?? fallback
        let (located, _) =
            compiled.kind == nil
            ? compiled.structureChecker.checkLoosely(root, fields: compiled.structure)
            : compiled.structureChecker.check(root, fields: compiled.structure)
        let dossier = located.value
        let spec = figures.spec

        let memo = CELMemo(constantVariables: Checker.documentConstants)
        var bindings = CELBindings()
        bindings["self"] = dossier
        bindings["params"] = compiled.parameters
        bindings["kinds"] = knownKinds
        bindings["kind"] = compiled.kind.map { .string($0) } ?? .null
        bindings["item"] = .null
        func holds(_ program: CELProgram?, for organisation: CELValue) -> Bool {
            guard let program else { return false }
            bindings["item"] = organisation
            if case .success(.bool(true)) = program.evaluate(bindings, memo: memo) { return true }
            return false
        }

        var organisations: [DossierFigures.Organisation] = []
        for value in (spec.organisations ?? []).flatMap({ Self.select($0, from: dossier) }) where value.mapValue != nil {
            organisations.append(
                DossierFigures.Organisation(
                    name: spec.organisationName.flatMap { Self.text(Self.select($0, from: value).first) },
                    registration: spec.registration.flatMap { Self.text(Self.select($0, from: value).first) },
                    isSME: holds(figures.sme, for: value),
                    isResearchUnit: holds(figures.research, for: value)))
        }
        let applicant = (spec.applicant ?? []).lazy.compactMap { Self.text(Self.select($0, from: dossier).first) }.first
        return DossierFigures(
            applicant: applicant, organisations: organisations,
            eligible: spec.eligible.map { Self.sum($0, in: dossier) },
            requested: spec.requested.map { Self.sum($0, in: dossier) })
    }

    /// Every value the pattern reaches in `value`.
    static func select(_ pattern: PathPattern, from value: CELValue) -> [CELValue] {
        var current = [value]
        for step in pattern.steps {
            var next: [CELValue] = []
            for value in current {
                switch step {
                case .key(let key): if let child = value.mapValue?[key] { next.append(child) }
                case .anyKey: next += value.mapValue?.values ?? []
                case .index(let index):
                    if let items = value.listValue, index < items.count { next.append(items[index]) }
                case .anyIndex: next += value.listValue ?? []
                }
            }
            current = next
        }
        return current.filter { !$0.isNull }
    }

    /// Text, or a whole number written as a number (a registration number), trimmed; nil when blank.
    static func text(_ value: CELValue?) -> String? {
        let text: String?
        switch value {
        case .string(let s)?: text = s
        case .int(let i)?: text = String(i)
        case .uint(let u)?: text = String(u)
        default: text = nil
        }
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// The sum of the numbers the patterns reach; other values (text, lists) are left out.
    static func sum(_ patterns: [PathPattern], in dossier: CELValue) -> Decimal {
        var total = Decimal(0)
        for pattern in patterns {
            for value in select(pattern, from: dossier) {
                switch value {
                case .int(let i): total += Decimal(i)
                case .uint(let u): total += Decimal(u)
                case .decimal(let d): total += d
                case .double(let d) where d.isFinite: total += Decimal(string: String(d), locale: nil) ?? Decimal(d)
                default: break
                }
            }
        }
        return total
    }
}
