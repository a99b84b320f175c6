import DossierModel

// Equality of rule sets, so that a test can hold the compiled form (`CompiledRuleSets`) to what
// parsing the files gives. Types holding tuples compare them field by field; an expression's
// syntax tree is left out (the form's own test compares trees with the parser's).

extension RuleSet: Equatable {
    public static func == (lhs: RuleSet, rhs: RuleSet) -> Bool {
        lhs.name == rhs.name && lhs.version == rhs.version && lhs.catalogue == rhs.catalogue && lhs.kind == rhs.kind
            && lhs.imports == rhs.imports && lhs.title == rhs.title && lhs.parameters == rhs.parameters
            && lhs.definitions == rhs.definitions && lhs.types == rhs.types && lhs.structure == rhs.structure
            && lhs.rules == rhs.rules && lhs.figures == rhs.figures && lhs.funding == rhs.funding && lhs.file == rhs.file
            && lhs.sources == rhs.sources && lhs.languages == rhs.languages && lhs.defaultLanguage == rhs.defaultLanguage
            && lhs.extends == rhs.extends && lhs.derivedFrom == rhs.derivedFrom && lhs.call == rhs.call
            && lhs.severityChanges == rhs.severityChanges && lhs.disabledRules == rhs.disabledRules
            && lhs.callExamples == rhs.callExamples && lhs.ruleIDPattern?.pattern == rhs.ruleIDPattern?.pattern
            && lhs.ruleIDPattern?.mark == rhs.ruleIDPattern?.mark && lhs.typeExtensions == rhs.typeExtensions
            && lhs.keyMarks == rhs.keyMarks && lhs.texts == rhs.texts && lhs.unreadableRules == rhs.unreadableRules
    }
}

extension Check: Equatable {
    public static func == (lhs: Check, rhs: Check) -> Bool {
        lhs.forEach == rhs.forEach && lhs.lets.map(\.name) == rhs.lets.map(\.name)
            && lhs.lets.map(\.expression) == rhs.lets.map(\.expression) && lhs.when == rhs.when
            && lhs.assertion == rhs.assertion && lhs.at == rhs.at && lhs.message == rhs.message && lhs.help == rhs.help
            && lhs.mark == rhs.mark && lhs.forEachMarks == rhs.forEachMarks && lhs.atMark == rhs.atMark
            && lhs.messageTexts.map(\.text) == rhs.messageTexts.map(\.text)
            && lhs.messageTexts.map(\.mark) == rhs.messageTexts.map(\.mark)
            && lhs.messageTexts.map(\.isBlock) == rhs.messageTexts.map(\.isBlock)
    }
}

extension Expression: Equatable {
    public static func == (lhs: Expression, rhs: Expression) -> Bool {
        lhs.source == rhs.source && lhs.mark == rhs.mark && lhs.isBlock == rhs.isBlock
    }
}

extension Definition: Equatable {
    public static func == (lhs: Definition, rhs: Definition) -> Bool {
        lhs.name == rhs.name && lhs.parameters == rhs.parameters && lhs.body == rhs.body && lhs.mark == rhs.mark
    }
}

extension FundingRows: Equatable {
    public static func == (lhs: FundingRows, rhs: FundingRows) -> Bool {
        lhs.rules == rhs.rules && lhs.forEach == rhs.forEach && lhs.when == rhs.when
            && lhs.lets.map(\.name) == rhs.lets.map(\.name) && lhs.lets.map(\.expression) == rhs.lets.map(\.expression)
            && lhs.label == rhs.label && lhs.columns.map(\.column) == rhs.columns.map(\.column)
            && lhs.columns.map(\.expression) == rhs.columns.map(\.expression) && lhs.mark == rhs.mark
    }
}
