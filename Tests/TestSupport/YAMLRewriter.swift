import DossierModel

/// Writes located node trees back as YAML, in one of the forms a verdict must not depend on
/// (rule catalogue 1.1: block or flow style, quoting, comments, key order, line ends, anchors,
/// document markers, a byte-order mark, several documents per file, number spellings).
///
/// The rewriter works on the trees `YAMLLoader` builds, never on the text: every form writes
/// the same values, so any difference in the findings is the checker's.
public enum YAMLForm: String, CaseIterable, Sendable, CustomStringConvertible {
    /// Block mappings and lists everywhere.
    case block
    /// Flow style everywhere: `{key: value, …}`, `[a, b]`, one entry a line.
    case flow
    /// Every text scalar double-quoted (keys too).
    case quoted
    /// A comment line between every two lines.
    case commented
    /// Every mapping's keys in reverse order.
    case reversedKeys
    /// CR LF line ends.
    case crlf
    /// A scalar value written more than once is anchored where it first appears, and later ones are aliases.
    case anchors
    /// `---` before each document and `...` after it.
    case documentMarkers
    /// A UTF-8 byte-order mark at the start.
    case byteOrderMark
    /// Each document written twice, one after the other.
    case severalDocuments
    /// Whole numbers written `N.0`.
    case decimalPoint
    /// Numbers written with an exponent: `Ne0`.
    case exponent
    /// Non-negative whole numbers written `0xN`.
    case hexadecimal
    /// Non-negative numbers written `+N`.
    case plusSign

    public var description: String { rawValue }

    /// How many times each source document appears in the rewritten file.
    public var copies: Int { self == .severalDocuments ? 2 : 1 }
}

public enum YAMLRewriter {
    /// `roots` (the documents of one file, in order) written in `form`.
    public static func rewrite(_ roots: [Node], as form: YAMLForm) -> String {
        var writer = Writer(form: form)
        var out = ""
        for root in roots {
            for _ in 0..<form.copies {
                writer.anchors = [:]
                writer.seen = [:]
                if form == .anchors { writer.countRepeats(root) }
                var lines = form == .flow ? writer.flowLines(root, indent: 0) : writer.blockMapping(root, indent: 0)
                if form == .commented { lines = lines.flatMap { [$0, "# a comment between two lines"] } }
                let needsStart = roots.count > 1 || form.copies > 1 || form == .documentMarkers
                if needsStart { out += "---\n" }
                out += lines.joined(separator: "\n") + "\n"
                if form == .documentMarkers { out += "...\n" }
            }
        }
        switch form {
        case .crlf: return out.replacingOccurrences(of: "\n", with: "\r\n")
        case .byteOrderMark: return "\u{FEFF}" + out
        default: return out
        }
    }

    private struct Writer {
        let form: YAMLForm
        /// Scalar values written more than once (`.anchors`): their anchor names once written.
        var anchors: [String: String] = [:]
        var seen: [String: Int] = [:]

        init(form: YAMLForm) { self.form = form }

        // MARK: block style

        func pad(_ indent: Int) -> String { String(repeating: " ", count: indent) }

        mutating func blockMapping(_ node: Node, indent: Int) -> [String] {
            var lines: [String] = []
            for entry in entries(node) {
                let key = self.key(entry.key)
                lines += blockValue(entry.value, indent: indent, lead: pad(indent) + key + ":")
            }
            return lines
        }

        /// `lead` followed by `node`: on the same line for scalars and empty collections, below it otherwise.
        mutating func blockValue(_ node: Node, indent: Int, lead: String) -> [String] {
            switch node.content {
            case .scalar(let scalar):
                return [lead + " " + value(scalar)]
            case .mapping(let entries) where entries.isEmpty:
                return [lead + " {}"]
            case .sequence(let items) where items.isEmpty:
                return [lead + " []"]
            case .mapping:
                return [lead] + blockMapping(node, indent: indent + 2)
            case .sequence(let items):
                var lines = [lead]
                for item in items { lines += blockValue(item, indent: indent + 4, lead: pad(indent + 2) + "-") }
                return lines
            }
        }

        // MARK: flow style

        /// A flow collection over several lines, one entry a line (the first line has no indentation of its own).
        mutating func flowLines(_ node: Node, indent: Int) -> [String] {
            switch node.content {
            case .scalar(let scalar):
                return [value(scalar)]
            case .mapping(let entries) where entries.isEmpty:
                return ["{}"]
            case .sequence(let items) where items.isEmpty:
                return ["[]"]
            case .mapping:
                var parts: [[String]] = []
                for entry in entries(node) {
                    var inner = flowLines(entry.value, indent: indent + 2)
                    inner[0] = key(entry.key) + ": " + inner[0]
                    parts.append(inner)
                }
                return wrap(parts, open: "{", close: "}", indent: indent)
            case .sequence(let items):
                var parts: [[String]] = []
                for item in items { parts.append(flowLines(item, indent: indent + 2)) }
                return wrap(parts, open: "[", close: "]", indent: indent)
            }
        }

        func wrap(_ parts: [[String]], open: String, close: String, indent: Int) -> [String] {
            var lines = [open]
            for (i, part) in parts.enumerated() {
                var part = part
                part[0] = pad(indent + 2) + part[0]
                if i < parts.count - 1 { part[part.count - 1] += "," }
                lines += part
            }
            lines.append(pad(indent) + close)
            return lines
        }

        // MARK: scalars

        func entries(_ node: Node) -> [Node.Entry] {
            let entries = node.mapping ?? []
            return form == .reversedKeys ? entries.reversed() : entries
        }

        func key(_ node: Node) -> String {
            guard let scalar = node.scalar else { preconditionFailure("the rewriter writes scalar keys only") }
            if scalar.tag == nil, case .string(let text) = scalar.value { return string(text) }
            // Keys are looked up by their text: other keys keep their spelling.
            if scalar.tag == nil, scalar.style == .plain, !scalar.text.isEmpty { return scalar.text }
            return (scalar.tag.map { $0 + " " } ?? "") + Self.doubleQuoted(scalar.text)
        }

        mutating func value(_ scalar: Scalar) -> String {
            if form == .anchors {
                let identity = Self.identity(scalar)
                if let name = anchors[identity] { return "*" + name }
                if (seen[identity] ?? 0) > 1 {
                    let name = "v\(anchors.count + 1)"
                    anchors[identity] = name
                    return "&\(name) " + literal(scalar)
                }
            }
            return literal(scalar)
        }

        mutating func countRepeats(_ node: Node) {
            switch node.content {
            case .scalar(let scalar): seen[Self.identity(scalar), default: 0] += 1
            case .sequence(let items): for item in items { countRepeats(item) }
            case .mapping(let entries): for entry in entries { countRepeats(entry.value) }
            }
        }

        /// Scalars that read the same: same tag, same core-schema kind and same text.
        static func identity(_ scalar: Scalar) -> String {
            let kind: String
            switch scalar.value {
            case .null: kind = "null"
            case .bool: kind = "bool"
            case .int: kind = "int"
            case .double: kind = "double"
            case .string: kind = "string"
            }
            return "\(scalar.tag ?? "")|\(kind)|\(scalar.text)"
        }

        /// A scalar written so that it reads back as the same value.
        func literal(_ scalar: Scalar) -> String {
            if let tag = scalar.tag { return tag + " " + Self.doubleQuoted(scalar.text) }
            switch scalar.value {
            case .null: return "null"
            case .bool(let b): return b ? "true" : "false"
            case .string(let text): return string(text)
            case .int(let n): return integer(n, written: scalar.text)
            case .double(let d): return d.isFinite ? float(scalar.text) : scalar.text
            }
        }

        func string(_ text: String) -> String {
            if form != .quoted, Self.isPlainSafe(text) { return text }
            return Self.doubleQuoted(text)
        }

        func integer(_ n: Int64, written: String) -> String {
            switch form {
            case .decimalPoint: return String(n) + ".0"
            case .exponent: return String(n) + "e0"
            case .hexadecimal where n >= 0: return "0x" + String(n, radix: 16)
            case .plusSign where n >= 0: return "+" + String(n)
            default: return written
            }
        }

        /// A float (or a whole number beyond 64 bits, which the core schema reads as one), respelt.
        func float(_ written: String) -> String {
            let digitsOnly = !written.isEmpty && written.allSatisfy(\.isASCII) && written.allSatisfy(\.isNumber)
            switch form {
            case .decimalPoint where digitsOnly: return written + ".0"
            case .exponent where !written.contains(where: { $0 == "e" || $0 == "E" || $0 == "x" || $0 == "o" }):
                return written + "e0"
            case .plusSign where !written.hasPrefix("-") && !written.hasPrefix("+"): return "+" + written
            default: return written
            }
        }

        /// Whether `text` can be written plain, in block and flow context, and still read as this text.
        static func isPlainSafe(_ text: String) -> Bool {
            guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
            if first == " " || last == " " { return false }
            if "-?:,[]{}#&*!|>'\"%@`~+.0123456789".unicodeScalars.contains(first) { return false }
            for c in text.unicodeScalars {
                if ":#,[]{}\"'\\".unicodeScalars.contains(c) { return false }
                if c.value < 0x20 || (0x7F...0x9F).contains(c.value) || c.value == 0xFEFF || c.value == 0x2028
                    || c.value == 0x2029
                {
                    return false
                }
            }
            let words: Set<String> = ["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"]
            return !words.contains(text)
        }

        static func doubleQuoted(_ text: String) -> String {
            var out = "\""
            for c in text.unicodeScalars {
                switch c {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case "\r": out += "\\r"
                default:
                    if c.value < 0x20 || (0x7F...0x9F).contains(c.value) || c.value == 0xFEFF || c.value == 0x2028
                        || c.value == 0x2029
                    {
                        let hex = String(c.value, radix: 16)
                        out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                    } else {
                        out.unicodeScalars.append(c)
                    }
                }
            }
            return out + "\""
        }
    }
}
