/// A scalar as written, with the value the YAML 1.2 core schema gives it.
public struct Scalar: Sendable {
    public enum Style: Sendable { case plain, singleQuoted, doubleQuoted, literal, folded }

    /// The value under the YAML 1.2 core schema. Only plain scalars (or explicit
    /// `!!int`-style tags) resolve to anything but text: `"160000"` stays text.
    public enum Value: Sendable, Equatable {
        case null
        case bool(Bool)
        case int(Int64)
        /// Integers beyond Int64 keep their text; `.double` carries its nearest value.
        case double(Double)
        case string(String)
    }

    /// The text as written (after YAML unescaping and folding).
    public var text: String
    public var style: Style
    /// An explicit tag (`!!str`, `!custom`), if any; resolved tags are not stored.
    public var tag: String?
    public var value: Value

    public init(text: String, style: Style, tag: String?, value: Value) {
        self.text = text
        self.style = style
        self.tag = tag
        self.value = value
    }
}
