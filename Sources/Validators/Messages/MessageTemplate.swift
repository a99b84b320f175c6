import CEL
import Foundation

/// Fills a message's `{name}` and `{name:format}` placeholders with computed values.
/// Formats: `eur` (a sum of money), `percent` (a ratio shown as %), `number`, `list`.
public enum MessageTemplate {
    public static func placeholders(in template: String) -> [String] {
        segments(template).compactMap { segment in
            if case .placeholder(let name, _) = segment { return name }
            return nil
        }
    }

    /// Fills the placeholders with `values`; each one's text is cut to `maxValueLength` characters
    /// (ending in "…"), so that a huge value cannot make a huge message.
    public static func render(
        _ template: String, values: [String: CELValue], language: Language, maxValueLength: Int = .max
    ) -> String {
        segments(template).map { segment in
            switch segment {
            case .text(let text): return text
            case .placeholder(let name, let format):
                guard let value = values[name] ?? parameter(name, in: values) else { return "{\(name)}" }
                return EvaluationLimits.cap(formatted(value, format: format, language: language), to: maxValueLength)
            }
        }.joined()
    }

    /// Fills `{name}` placeholders with ready-made text (for the engine's own messages), each cut
    /// to `maxValueLength` characters.
    public static func render(_ template: String, texts: [String: String], maxValueLength: Int = .max) -> String {
        segments(template).map { segment in
            switch segment {
            case .text(let text): return text
            case .placeholder(let name, _): return texts[name].map { EvaluationLimits.cap($0, to: maxValueLength) } ?? "{\(name)}"
            }
        }.joined()
    }

    /// `{params.min_share}`: a parameter's value, from the `params` map.
    static func parameter(_ name: String, in values: [String: CELValue]) -> CELValue? {
        guard name.hasPrefix("params."), case .map(let params)? = values["params"] else { return nil }
        return params[.string(String(name.dropFirst("params.".count)))]
    }

    /// A format applies to a number, and to every number inside a list or a map's values.
    static func formatted(_ value: CELValue, format: String?, language: Language) -> String {
        switch (value, format) {
        case (.list(let items), "eur"), (.list(let items), "percent"):
            return items.isEmpty ? "—" : items.map { formatted($0, format: format, language: language) }.joined(separator: ", ")
        case (.map(let map), "eur"), (.map(let map), "percent"):
            return map.entries.map { "\(plain($0.key, language)): \(formatted($0.value, format: format, language: language))" }
                .joined(separator: ", ")
        case (_, "eur"): return decimal(value).map { NumberFormat.euro($0, in: language) } ?? plain(value, language)
        case (_, "percent"): return decimal(value).map { NumberFormat.percent($0, in: language) } ?? plain(value, language)
        default: return plain(value, language)
        }
    }

    static func decimal(_ value: CELValue) -> Decimal? {
        switch value {
        case .int(let i): Decimal(i)
        case .uint(let u): Decimal(u)
        case .double(let d) where d.isFinite: Decimal(string: String(d), locale: nil)
        case .decimal(let d): d
        default: nil
        }
    }

    static func plain(_ value: CELValue, _ language: Language) -> String {
        switch value {
        case .null: return "—"
        case .bool(let b): return b ? "true" : "false"
        case .string(let s):
            // Text that reads like a number or a boolean is quoted, so `"1"` (text) never shows as 1.
            return looksLikeAValue(s) ? "\"\(s)\"" : s
        case .int, .uint, .double, .decimal:
            return decimal(value).map { NumberFormat.number($0, in: language) } ?? "\(value)"
        case .list(let items):
            return items.isEmpty ? "—" : items.map { plain($0, language) }.joined(separator: ", ")
        case .map(let map):
            return map.entries.map { "\(plain($0.key, language)): \(plain($0.value, language))" }.joined(separator: ", ")
        default:
            return "\(value)"
        }
    }

    /// Whether text would read as a number, a boolean or null if shown without quotes.
    static func looksLikeAValue(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, s.utf8.count <= 64 else { return false }
        if ["true", "false", "null"].contains(s.lowercased()) { return true }
        guard first == "-" || first == "+" || first == "." || ("0"..."9").contains(first) else { return false }
        return Double(s.trimmingCharacters(in: .whitespaces)) != nil && !s.contains(where: \.isWhitespace)
    }

    enum Segment {
        case text(String)
        case placeholder(String, format: String?)
    }

    /// `{{` and `}}` stand for literal braces.
    static func segments(_ template: String) -> [Segment] {
        // Most titles and descriptions have no brace at all: one text, without walking its characters.
        if !template.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) {
            return template.isEmpty ? [] : [.text(template)]
        }
        var result: [Segment] = []
        var text = ""
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            let next = template.index(after: index)
            if character == "{", next < template.endIndex, template[next] == "{" {
                text.append("{")
                index = template.index(after: next)
                continue
            }
            if character == "}", next < template.endIndex, template[next] == "}" {
                text.append("}")
                index = template.index(after: next)
                continue
            }
            if character == "{", let close = template[next...].firstIndex(of: "}") {
                let inside = template[next..<close]
                let parts = inside.split(separator: ":", maxSplits: 1)
                if let name = parts.first,
                    isIdentifier(String(name))
                        || (name.hasPrefix("params.") && isIdentifier(String(name.dropFirst("params.".count))))
                {
                    if !text.isEmpty { result.append(.text(text)) }
                    text = ""
                    result.append(.placeholder(String(name), format: parts.count > 1 ? String(parts[1]) : nil))
                    index = template.index(after: close)
                    continue
                }
            }
            text.append(character)
            index = next
        }
        if !text.isEmpty { result.append(.text(text)) }
        return result
    }
}
