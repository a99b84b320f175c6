/// Reads YAML files into located `Node` trees, straight from libyaml's event API, under
/// the YAML 1.2 core schema (see `CoreSchema` for how plain scalars resolve).
///
/// What a file turns into (rule catalogue, "one breach, one rule", point 5):
/// - one `LoadedDocument` per YAML document, in order, each either a mapping tree or
///   exactly one `LoadProblem` (an HDR-004 finding for the whole document);
/// - a syntax error, a `LoadLimits` bound, invalid UTF-8 or a control character ends the
///   file: the documents before it are returned normally, then one document carrying the
///   problem (the one it occurred in, or a new one if it lies between documents);
/// - an empty file (or only comments and blank lines) is one `.empty` document; a null
///   document (`---` and nothing, `~`) is `.empty`; a list or scalar root is `.notAMapping`;
/// - a key written twice in one mapping, at any depth, is `.duplicateKey` at the second,
///   with the first in `related` (the first duplicate in the document is reported; keys are
///   duplicates when both are scalars with equal text and equal value, so `1` and `"1"`
///   differ while `a` and `"a"` do not; non-scalar keys are never compared; `<<` is an
///   ordinary key, YAML 1.2 has no merge keys);
/// - a scalar that does not fit its explicit standard tag (`!!int abc`), or a collection
///   tagged as a scalar or as the other kind of collection, is `.badTag`; an alias to an
///   unknown anchor, or to the node it is inside, is `.syntax` for its document only;
/// - UTF-16 or UTF-32 (with or without byte-order mark) and binary files (NUL bytes) are
///   refused whole: one `.invalidEncoding` document. A UTF-8 byte-order mark is skipped.
///
/// Aliases are expanded: the anchored node is copied (sharing storage, so a copy costs no
/// memory), the copy's own `start`/`end` are the alias's place, its children keep the
/// places of the anchored original. Every node a copy stands for counts against
/// `LoadLimits.maxAliasNodes`, so an alias bomb is refused after a handful of events.
///
/// Marks are 1-based; columns count Unicode scalars; CR LF counts as one line break.
public enum YAMLLoader {
    /// Loads every document of a YAML stream. Never throws, never crashes: problems become
    /// located LoadProblems.
    public static func load(_ bytes: [UInt8], limits: LoadLimits = .default) -> [LoadedDocument] {
        bytes.withUnsafeBufferPointer { raw in
            var text = raw
            if raw.count >= 3, raw[0] == 0xEF, raw[1] == 0xBB, raw[2] == 0xBF {
                text = UnsafeBufferPointer(rebasing: raw[3...])
            }
            switch EncodingCheck.check(text) {
            case .valid:
                return parse(text, limits: limits, encodingProblem: nil)
            case .wholeFile(let problem):
                return [LoadedDocument(index: 0, root: nil, problem: problem, start: Mark(line: 1, column: 1))]
            case .stopsAt(let offset, let problem):
                return parse(UnsafeBufferPointer(rebasing: text[..<offset]), limits: limits, encodingProblem: problem)
            }
        }
    }

    /// Parses `text`; when `encodingProblem` is given, `text` is the good part of a file
    /// that goes wrong right after it, and the problem is put where the file went wrong.
    private static func parse(
        _ text: UnsafeBufferPointer<UInt8>, limits: LoadLimits, encodingProblem: LoadProblem?
    ) -> [LoadedDocument] {
        var builder = EventTreeBuilder(limits: limits, text: text)
        builder.run()
        var documents = builder.documents
        if let problem = encodingProblem {
            if let stop = builder.stop {
                // An error before the bad character stands; one at the cut is the cut's doing.
                if stop.mark < problem.mark { return documents }
                documents[documents.count - 1].problem = problem
                documents[documents.count - 1].root = nil
            } else if documents.isEmpty || !builder.lastEndImplicit {
                documents.append(LoadedDocument(index: documents.count, root: nil, problem: problem, start: problem.mark))
            } else {
                // The last document was still going on where the text went wrong.
                documents[documents.count - 1].problem = problem
                documents[documents.count - 1].root = nil
            }
            return documents
        }
        if documents.isEmpty {
            let start = Mark(line: 1, column: 1)
            documents.append(
                LoadedDocument(
                    index: 0, root: nil,
                    problem: LoadProblem(
                        kind: .empty, message: "the file is empty: it holds no YAML document",
                        mark: start, detail: ["reason": "empty-file"]),
                    start: start))
        }
        return documents
    }
}
