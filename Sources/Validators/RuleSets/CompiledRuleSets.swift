import CEL
import DossierModel

/// Rule files as the build compiled them (`compile-rules`): each file's header and whole set,
/// already read, with every CEL expression's syntax tree, so that a run gets a kind's rules
/// without parsing YAML or CEL and without the load-time checks, which the build ran.
///
/// The form: `DCR1`, a flag (the files can be read header first, see `LazyRuleSets`), the number
/// of files, then per file its name, its header set, the length of its whole set and that set.
public struct CompiledRuleSets: Sendable {
    /// A file's name (`rules/common.yaml`), its header, and where its whole set starts.
    struct Entry: Sendable {
        var name: String
        var header: RuleSet
        var start: Int
    }

    private let bytes: [UInt8]
    let entries: [Entry]

    static let magic = Array("DCR1".utf8)

    /// Reads the form's index and headers; nil for a form of files that cannot be read header
    /// first (they are then read from their YAML).
    public init?(bytes: [UInt8]) {
        guard bytes.starts(with: Self.magic) else { return nil }
        var reader = BinaryReader(bytes, at: Self.magic.count)
        guard reader.bool() else { return nil }
        entries = reader.array { reader in
            let name = reader.string()
            let header = RuleSet(reading: &reader)
            let length = reader.int()
            let start = reader.position
            reader.skip(length)
            return Entry(name: name, header: header, start: start)
        }
        self.bytes = bytes
    }

    /// Each file's set as its header gives it (name, version, catalogue, kind, imports, call).
    public var headers: [RuleSet] { entries.map(\.header) }

    /// The file names, in the order of the form.
    public var fileNames: [String] { entries.map(\.name) }

    /// The whole set of the `index`th file.
    public func set(at index: Int) -> RuleSet {
        var reader = BinaryReader(bytes, at: entries[index].start)
        return RuleSet(reading: &reader)
    }

    /// The form of `files`, which must load: every error of every file (`RuleSetDiagnosis`: what
    /// `rules test` reports) is thrown, located, and no form is made.
    public static func form(of files: [(name: String, contents: String)], iso: ISO3166) throws -> [UInt8] {
        let diagnosis = RuleSetDiagnosis(files: files, base: [], iso: iso)
        try RuleSetCollection.Errors.throwing(diagnosis.errors)
        var writer = BinaryWriter()
        writer.append(magic)
        let lazy = LazyRuleSets(files: files) != nil
        writer.bool(lazy)
        guard lazy else {
            writer.int(0)
            return writer.bytes
        }
        writer.array(files) { writer, file in
            writer.string(file.name)
            // `LazyRuleSets(files:)` read each header already: they parse.
            let header = try! RuleSetParser.parse(RuleFileHeader.text(of: file.contents)!, file: file.name)
            header.write(to: &writer)
            var whole = BinaryWriter()
            // The diagnosis read every file already: they parse.
            try! RuleSetParser.parse(file.contents, file: file.name).write(to: &whole)
            writer.int(whole.bytes.count)
            writer.append(whole.bytes)
        }
        return writer.bytes
    }
}
