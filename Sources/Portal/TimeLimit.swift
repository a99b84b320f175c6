/// A length of time on the command line: `10s`, `500ms`, `2m`, or a plain number of seconds.
public struct TimeLimit: Sendable, Equatable, CustomStringConvertible {
    public var milliseconds: Int

    public init(milliseconds: Int) { self.milliseconds = milliseconds }

    public init?(argument: String) {
        let text = argument.lowercased().filter { $0 != " " }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits) else { return nil }
        let factors: [String: Int] = ["": 1000, "s": 1000, "ms": 1, "m": 60_000, "min": 60_000]
        guard let factor = factors[String(text.dropFirst(digits.count))] else { return nil }
        let (product, overflow) = number.multipliedReportingOverflow(by: factor)
        guard !overflow else { return nil }
        milliseconds = product
    }

    public var duration: Duration { .milliseconds(milliseconds) }

    public var description: String {
        if milliseconds % 60_000 == 0, milliseconds > 0 { return "\(milliseconds / 60_000)m" }
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000)s" }
        return "\(milliseconds)ms"
    }
}
