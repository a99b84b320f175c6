import Validators

/// A template dossier (`dossiercheck init`): its text, and where its placeholders are.
public struct Template: Sendable {
    public var text: String
    public var slots: [Slot]

    /// One placeholder: where it stands, the node it stands for, and what may replace it.
    public struct Slot: Sendable {
        /// 1-based line and column of the placeholder in `text`.
        public var line: Int
        public var column: Int
        /// The dotted path of the node (`members[0].category`).
        public var path: String
        /// The placeholder text written there.
        public var placeholder: String
        /// The field's type, named types resolved.
        public var type: TypeSpec
        /// The codes the field allows, if it is a code list.
        public var oneOf: [String]?
    }

    /// The text with each placeholder replaced by what `value` gives for its slot.
    public func filled(with value: (Slot) -> String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for slot in slots.sorted(by: { ($0.line, $0.column) > ($1.line, $1.column) }) {
            var scalars = Array(lines[slot.line - 1].unicodeScalars)
            let start = slot.column - 1
            scalars.replaceSubrange(start..<(start + slot.placeholder.unicodeScalars.count), with: value(slot).unicodeScalars)
            lines[slot.line - 1] = String(String.UnicodeScalarView(scalars))
        }
        return lines.joined(separator: "\n")
    }
}
