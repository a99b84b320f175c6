import DossierModel
import Foundation

/// Where the cursor stands in a dossier being typed, read from the text's indentation (the
/// YAML may not parse while a line is half written): the path of the mapping it is in, and the
/// key whose value it is writing, if any.
struct CursorContext: Equatable {
    /// The mapping (or list item) the cursor's line belongs to, from the document's root.
    var parent: [PathComponent]
    /// Set when the cursor is after `key:` (a value is being written); nil when a key is.
    var key: String?
    /// Set when the cursor is on a `- ` list item of scalars under `parent`.
    var listItem: Bool
    /// What has been typed of the key or value so far.
    var typed: String

    /// The context at `position` (0-based line, column in scalars of that line's text).
    init(lines: (Int) -> String, line: Int, column: Int) {
        let shape = Line(String(String.UnicodeScalarView(lines(line).unicodeScalars.prefix(column))))
        key = shape.key
        listItem = shape.dash != nil && shape.key == nil
        typed = shape.typed
        var parent: [PathComponent] = []
        // The column a parent's key must stand left of; `wantList`: the key of a list whose item
        // starts at `target` may stand at that same column (`members:` above `- id: …`).
        var target = shape.dash ?? shape.indent
        var wantList = shape.dash != nil
        if wantList { parent = [.index(0)] }
        var index = line - 1
        while index >= 0 {
            let above = Line(lines(index))
            index -= 1
            if above.isDocumentMarker { break }
            guard let aboveKey = above.key, !above.isBlankOrComment else {
                if let dash = above.dash, dash < target, above.key == nil {
                    parent.insert(.index(0), at: 0)
                    target = dash
                    wantList = true
                }
                continue
            }
            if let dash = above.dash, dash < target, above.keyColumn >= target {
                // A sibling key that opens this list item: `- id: x` above `  name: y`.
                parent.insert(.index(0), at: 0)
                target = dash
                wantList = true
                continue
            }
            if above.keyColumn < target || (wantList && above.keyColumn == target && above.dash == nil) {
                parent.insert(.key(aboveKey), at: 0)
                if let dash = above.dash {
                    parent.insert(.index(0), at: 0)
                    target = dash
                    wantList = true
                } else {
                    target = above.keyColumn
                    wantList = false
                }
            }
            if target == 0 && !wantList { break }
        }
        self.parent = parent
    }

    /// The keys already written in the mapping the cursor's line is in, read from the text:
    /// the lines above and below at the same key column, up to one further left (or a new item).
    static func siblingKeys(lines: (Int) -> String, line: Int, lineCount: Int) -> Set<String> {
        let here = Line(lines(line))
        let column = here.keyColumn
        var keys: Set<String> = []
        for step in [-1, 1] {
            var index = line + step
            while index >= 0, index < lineCount {
                let other = Line(lines(index))
                if other.isDocumentMarker { break }
                if other.isBlankOrComment || other.keyColumn > column
                    || (other.key == nil && other.dash == nil && other.indent > column)
                {
                    index += step
                    continue
                }
                if other.keyColumn < column { break }
                // The same column: a sibling, unless it starts another list item.
                if other.dash != nil, step == 1 || here.dash != nil { break }
                if let key = other.key { keys.insert(key) }
                if other.dash != nil { break }
                index += step
            }
        }
        return keys
    }

    init(parent: [PathComponent], key: String?, listItem: Bool, typed: String) {
        self.parent = parent
        self.key = key
        self.listItem = listItem
        self.typed = typed
    }

    /// The path of the place whose value is being written.
    var valuePath: [PathComponent]? {
        if let key { return parent + [.key(key)] }
        if listItem { return parent.isEmpty ? nil : parent }
        return nil
    }

    /// One line's shape: indentation, `- ` and `key:`.
    struct Line {
        var indent = 0
        /// The column of the `-` of a list item, if the line starts one.
        var dash: Int?
        var key: String?
        var keyColumn = 0
        var hasKeyText = false
        var isBlankOrComment = false
        var isDocumentMarker = false
        /// After `key: ` (or `- `), or the partial key: what is being typed.
        var typed = ""

        init(_ text: String) {
            let scalars = Array(text.unicodeScalars)
            var i = 0
            while i < scalars.count, scalars[i] == " " { i += 1 }
            indent = i
            if text.hasPrefix("---") || text.hasPrefix("...") { isDocumentMarker = true }
            if i == scalars.count || scalars[i] == "#" {
                isBlankOrComment = true
                return
            }
            while i < scalars.count, scalars[i] == "-", i + 1 == scalars.count || scalars[i + 1] == " " {
                dash = i
                i += 1
                while i < scalars.count, scalars[i] == " " { i += 1 }
            }
            keyColumn = i
            let rest = String(String.UnicodeScalarView(scalars[i...]))
            if let colon = Self.keyColon(rest) {
                key = String(rest[..<colon]).trimmingCharacters(in: .whitespaces)
                hasKeyText = true
                typed = String(rest[rest.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            } else {
                typed = rest.trimmingCharacters(in: .whitespaces)
            }
        }

        /// The `:` ending a plain key (followed by a space or the end), outside quotes and flow collections.
        static func keyColon(_ text: String) -> String.Index? {
            guard let first = text.first, first != "{", first != "[", first != "\"", first != "'" else { return nil }
            var index = text.startIndex
            while index < text.endIndex {
                if text[index] == "#" { return nil }
                if text[index] == ":" {
                    let next = text.index(after: index)
                    if next == text.endIndex || text[next] == " " { return index }
                }
                index = text.index(after: index)
            }
            return nil
        }
    }
}
