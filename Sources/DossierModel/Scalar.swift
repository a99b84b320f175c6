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

    /// `Value` as stored: a text value that is the scalar's own text (nearly every one) is not
    /// kept a second time, so that a scalar is one string to copy and to release, not two.
    private enum Stored: Sendable {
        case null
        case bool(Bool)
        case int(Int64)
        case double(Double)
        case ownText
        case string(String)
    }

    /// The text as written (after YAML unescaping and folding).
    public var text: String {
        didSet {
            // A value that was the text stays what it was.
            if case .ownText = stored { stored = .string(oldValue) }
        }
    }
    public var style: Style
    /// An explicit tag (`!!str`, `!custom`), if any; resolved tags are not stored.
    public var tag: String?
    private var stored: Stored

    public var value: Value {
        get {
            switch stored {
            case .null: .null
            case .bool(let b): .bool(b)
            case .int(let i): .int(i)
            case .double(let d): .double(d)
            case .ownText: .string(text)
            case .string(let s): .string(s)
            }
        }
        set { stored = Self.stored(newValue, text: text) }
    }

    /// Whether the value is null (without making the value).
    public var isNull: Bool {
        if case .null = stored { return true }
        return false
    }

    /// The value's text when the value is text (without making the value).
    public var textValue: String? {
        switch stored {
        case .ownText: text
        case .string(let s): s
        default: nil
        }
    }

    public init(text: String, style: Style, tag: String?, value: Value) {
        self.text = text
        self.style = style
        self.tag = tag
        self.stored = Self.stored(value, text: text)
    }

    /// A scalar whose value is its own text (as the loader reads quoted and most plain ones).
    init(text: String, style: Style, tag: String?) {
        self.text = text
        self.style = style
        self.tag = tag
        self.stored = .ownText
    }

    private static func stored(_ value: Value, text: String) -> Stored {
        switch value {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .double(let d): .double(d)
        // Equal by code units, not only canonically: the value's text is given back as it was.
        case .string(let s): s.utf8.elementsEqual(text.utf8) ? .ownText : .string(s)
        }
    }
}
