import DossierModel
import Testing

/// Loads `text` as UTF-8.
func load(_ text: String, limits: LoadLimits = .default) -> [LoadedDocument] {
    YAMLLoader.load(Array(text.utf8), limits: limits)
}

/// The root of the only document of `text`, which must load without a problem.
func root(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Node {
    let documents = load(text)
    try #require(documents.count == 1, "expected one document", sourceLocation: sourceLocation)
    #expect(
        documents[0].problem == nil, "unexpected problem: \(String(describing: documents[0].problem))",
        sourceLocation: sourceLocation)
    return try #require(documents[0].root, sourceLocation: sourceLocation)
}

/// The problem of the only document of `bytes`.
func onlyProblem(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> LoadProblem {
    let documents = YAMLLoader.load(bytes)
    try #require(documents.count == 1, "expected one document, got \(documents.count)", sourceLocation: sourceLocation)
    #expect(documents[0].root == nil, sourceLocation: sourceLocation)
    return try #require(documents[0].problem, sourceLocation: sourceLocation)
}

func onlyProblem(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> LoadProblem {
    try onlyProblem(Array(text.utf8), sourceLocation: sourceLocation)
}

func mark(_ line: Int, _ column: Int) -> Mark { Mark(line: line, column: column) }
