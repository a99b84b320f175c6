import CEL

/// A kind's funding tables with their expressions compiled, and its fields' `template`
/// expressions checked: both when the rule sets load, so a broken one stops the run there.
struct CompiledFunding: @unchecked Sendable {
    struct Rows {
        var spec: FundingRows
        var lets: [(name: String, program: CELProgram)]
        var when: CELProgram?
        var columns: [(column: FundingColumn, program: CELProgram)]
    }

    struct Table {
        var spec: FundingTable
        var rows: [Rows]
    }

    /// The tables of every set in force, libraries first.
    var tables: [Table] = []

    /// The names a field's `template` expression sees.
    static let templateNames: Set<String> = ["kind", "language", "params"]

    /// `checkedAtBuild`: as for `CompiledKind`; the fields' templates, compiled here only to check
    /// them, are not compiled again.
    init(sets: [RuleSet], environment: CELEnvironment, parameterNames: Set<String>, checkedAtBuild: Bool = false) throws {
        let ruleIDs = Set(sets.flatMap { $0.rules.map(\.id) })
        for set in sets {
            let compiler = ExpressionCompiler(
                environment: environment, file: set.file, parameterNames: parameterNames, checkedAtBuild: checkedAtBuild)
            for field in checkedAtBuild ? [] : CompiledKind.allFields(set.structure, set.types) {
                guard let template = field.template else { continue }
                _ = try compiler.compile(template, names: Self.templateNames, what: "`template` of field `\(field.name)`")
            }
            for table in set.funding {
                var rows: [Rows] = []
                for spec in table.rows {
                    for rule in spec.rules where !ruleIDs.contains(rule) {
                        throw RuleFileError(
                            file: set.file, mark: spec.mark,
                            message: "funding row: no rule `\(rule)` in this rule set or its imports")
                    }
                    var names = CompiledKind.itemNames
                    var lets: [(String, CELProgram)] = []
                    for (name, expression) in spec.lets {
                        lets.append((name, try compiler.compile(expression, names: names, what: "funding `let` `\(name)`")))
                        names.insert(name)
                    }
                    rows.append(
                        Rows(
                            spec: spec, lets: lets,
                            when: try spec.when.map { try compiler.compile($0, names: names, what: "funding `when`") },
                            columns: try spec.columns.map {
                                (
                                    $0.column,
                                    try compiler.compile(
                                        $0.expression, names: names, what: "funding column `\($0.column.rawValue)`")
                                )
                            }))
                }
                tables.append(Table(spec: table, rows: rows))
            }
        }
    }
}
