/// ANSI colour for text meant for a terminal, or none: the same text either way.
struct TerminalStyle: Sendable {
    var color: Bool

    enum Tint: Int {
        case red = 31, green = 32, yellow = 33, blue = 34, cyan = 36
    }

    func paint(_ text: String, _ tint: Tint?, bold: Bool = false) -> String {
        guard color, !text.isEmpty, tint != nil || bold else { return text }
        var codes: [String] = []
        if bold { codes.append("1") }
        if let tint { codes.append(String(tint.rawValue)) }
        return "\u{1B}[\(codes.joined(separator: ";"))m\(text)\u{1B}[0m"
    }
}
