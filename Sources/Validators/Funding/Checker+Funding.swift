import CEL
import DossierModel
import Foundation

extension Checker {
    /// The funding view of one document: its kind's `funding:` tables, evaluated on the dossier
    /// as the rules see it (wrongly typed values absent). Nil for a document that is not a
    /// mapping. A figure that cannot be computed (a field left out) is absent from its row.
    public func funding(_ document: LoadedDocument, language requested: Language? = nil) -> FundingSheet? {
        guard document.problem == nil, let root = document.root, root.mapping != nil else { return nil }
        let header = DossierHeader(root)
        let language = requested ?? header.language.flatMap(Language.init(rawValue:)) ?? .en
        let compiled = compiledKind(header.kind, call: header.call)
        let (located, _) =
            compiled.kind == nil
            ? compiled.structureChecker.checkLoosely(root, fields: compiled.structure)
            : compiled.structureChecker.check(root, fields: compiled.structure)
        var base = CELBindings()
        base["self"] = located.value
        base["params"] = compiled.parameters
        base["kinds"] = .list(kindNames.map { .string($0) })
        base["kind"] = compiled.kind.map { .string($0) } ?? .null
        base["calls"] = callsValue(compiled.kind)
        let memo = CELMemo(constantVariables: Self.documentConstants)
        let tables = compiled.funding.tables.map { table in
            let lines = table.rows.flatMap { self.lines(of: $0, root: located, base: base, memo: memo, language: language) }
            var rules: [String] = []
            for rule in table.rows.flatMap(\.spec.rules) where !rules.contains(rule) { rules.append(rule) }
            return FundingSheet.Table(
                title: table.spec.title.text(in: language), headings: table.spec.headings.mapValues { $0.text(in: language) },
                rules: rules, lines: lines,
                total: table.spec.total.map { Self.total(of: lines, label: $0.text(in: language)) })
        }
        return FundingSheet(
            index: document.index, id: header.id, kind: header.kind, title: header.title, language: language, tables: tables)
    }

    private func lines(
        of rows: CompiledFunding.Rows, root: Located, base: CELBindings, memo: CELMemo, language: Language
    ) -> [FundingSheet.Line] {
        let targets =
            rows.spec.forEach.isEmpty
            ? [Target(item: root, key: nil, index: nil)] : rows.spec.forEach.flatMap { Self.select($0, from: root) }
        var lines: [FundingSheet.Line] = []
        for target in targets {
            var variables = base
            variables["item"] = target.item.value
            variables["key"] = target.key.map { .string($0) } ?? .null
            variables["index"] = target.index.map { .int(Int64($0)) } ?? .null
            variables["position"] = target.position.map { .int(Int64($0)) } ?? .null
            for (name, program) in rows.lets {
                if case .success(let value) = program.evaluate(variables, memo: memo) {
                    variables[name] = value
                } else {
                    variables[name] = nil
                }
            }
            if let when = rows.when {
                guard case .success(.bool(true)) = when.evaluate(variables, memo: memo) else { continue }
            }
            var amounts: [FundingColumn: Decimal] = [:]
            var rates: [Decimal] = []
            for (column, program) in rows.columns {
                guard case .success(let value) = program.evaluate(variables, memo: memo) else { continue }
                if column.isRatio {
                    rates = (value.listValue ?? [value]).compactMap(MessageTemplate.decimal)
                } else if let amount = MessageTemplate.decimal(value) {
                    amounts[column] = amount
                }
            }
            lines.append(
                FundingSheet.Line(
                    label: MessageTemplate.render(
                        rows.spec.label.text(in: language), values: variables.dictionary, language: language),
                    path: target.item.path, location: target.item.pointMark, rules: rows.spec.rules, amounts: amounts,
                    rates: rates))
        }
        return lines
    }

    /// The sums of the eligible, maximum-aid and requested columns, each only when every line
    /// gives it. A total names no rules: its lines show where they are broken.
    static func total(of lines: [FundingSheet.Line], label: String) -> FundingSheet.Line {
        var amounts: [FundingColumn: Decimal] = [:]
        for column in [FundingColumn.eligible, .maxAid, .requested] where !lines.isEmpty {
            let values = lines.compactMap { $0.amounts[column] }
            if values.count == lines.count { amounts[column] = values.reduce(0, +) }
        }
        return FundingSheet.Line(label: label, path: nil, location: nil, rules: [], amounts: amounts, rates: [])
    }
}
