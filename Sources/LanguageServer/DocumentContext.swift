import DossierModel
import Foundation
import Validators

/// One dossier of an open file, as the structure features see it: its tree (when it loads),
/// its kind's outline and lookup, and its language.
struct DocumentContext {
    var root: Node?
    var outline: KindOutline
    var lookup: StructureLookup
    var language: Language
    /// The line the dossier starts at (1-based), and the first line of the next one.
    var lines: Swift.Range<Int>

    /// The dossier holding `line` (1-based); nil when its kind is unknown even from the text.
    init?(_ analysis: DossierAnalysis, line: Int) {
        let documents = analysis.documents
        let index = documents.lastIndex { $0.start.line <= line } ?? 0
        let document = documents.indices.contains(index) ? documents[index] : nil
        let start = document?.start.line ?? 1
        let end = index + 1 < documents.count ? documents[index + 1].start.line : Int.max
        let result = document.flatMap { doc in analysis.report.documents.first { $0.index == doc.index } }
        // A dossier that does not load (being typed) still says its kind and language in its text.
        let header = Self.header(analysis.source, from: start, to: end)
        guard let kind = result?.kind ?? header["kind"], let outline = analysis.rules.checker.outline(ofKind: kind) else {
            return nil
        }
        self.root = document?.root
        self.outline = outline
        self.lookup = StructureLookup(outline)
        self.language = analysis.rules.language ?? result?.language ?? header["language"].flatMap(Language.init(rawValue:)) ?? .en
        self.lines = start..<end
    }

    /// `kind:` and `language:` at the top level of the text's lines `start..<end` (1-based).
    static func header(_ source: SourceText, from start: Int, to end: Int) -> [String: String] {
        var found: [String: String] = [:]
        for line in (start - 1)..<min(end - 1, source.lineCount) {
            let text = source.lineText(line)
            for key in ["kind", "language"] where text.hasPrefix(key + ":") {
                let value = text.dropFirst(key.count + 1).split(separator: "#").first?.trimmingCharacters(in: .whitespaces) ?? ""
                if !value.isEmpty { found[key] = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")) }
            }
        }
        return found
    }
}
