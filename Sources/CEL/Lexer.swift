/// Source text as Unicode scalars plus line bookkeeping, used to locate errors.
struct SourceText {
    let scalars: [Unicode.Scalar]

    init(_ s: String) { scalars = Array(s.unicodeScalars) }

    /// 1-based line and column for a 0-based scalar offset. CR LF, CR and LF all end a line.
    func lineColumn(_ offset: Int) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        var i = 0
        let end = min(offset, scalars.count)
        while i < end {
            let c = scalars[i]
            if c == "\n" {
                line += 1
                lineStart = i + 1
            } else if c == "\r" {
                if i + 1 < scalars.count && scalars[i + 1] == "\n" {
                    if i + 1 >= end { break }
                    i += 1
                }
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return (line, offset - lineStart + 1)
    }

    func error(_ message: String, at offset: Int) -> CELParseError {
        let (l, c) = lineColumn(offset)
        return CELParseError(message: message, offset: offset, line: l, column: c)
    }
}

enum Punct: String {
    case lparen = "("
    case rparen = ")"
    case lbracket = "["
    case rbracket = "]"
    case lbrace = "{"
    case rbrace = "}"
    case dot = "."
    case comma = ","
    case colon = ":"
    case question = "?"
    case bang = "!"
    case minus = "-"
    case plus = "+"
    case star = "*"
    case slash = "/"
    case percent = "%"
    case or = "||"
    case and = "&&"
    case lt = "<"
    case le = "<="
    case gt = ">"
    case ge = ">="
    case eq = "=="
    case ne = "!="
}

enum TokenKind: Equatable {
    case eof
    case ident(String)
    case quotedIdent(String)
    case intLit(UInt64) // magnitude; the parser checks the range (it knows about a leading '-')
    case uintLit(UInt64)
    case doubleLit(Double)
    case stringLit(String)
    case bytesLit([UInt8])
    case punct(Punct)

    var display: String {
        switch self {
        case .eof: return "end of input"
        case .ident(let s): return "'\(s)'"
        case .quotedIdent(let s): return "'`\(s)`'"
        case .intLit(let v): return "'\(v)'"
        case .uintLit(let v): return "'\(v)u'"
        case .doubleLit(let d): return "'\(d)'"
        case .stringLit: return "string literal"
        case .bytesLit: return "bytes literal"
        case .punct(let p): return "'\(p.rawValue)'"
        }
    }
}

struct Token {
    var kind: TokenKind
    var offset: Int
}

struct Lexer {
    let src: SourceText
    var i = 0
    let c: [Unicode.Scalar]

    init(_ src: SourceText) {
        self.src = src
        self.c = src.scalars
    }

    static func tokenize(_ src: SourceText) throws(CELParseError) -> [Token] {
        var lx = Lexer(src)
        var out: [Token] = []
        while true {
            let t = try lx.next()
            out.append(t)
            if t.kind == .eof { return out }
        }
    }

    private func peek(_ k: Int = 0) -> Unicode.Scalar? {
        let j = i + k
        return j < c.count ? c[j] : nil
    }

    private static func isDigit(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return false }
        return s.value >= 48 && s.value <= 57
    }

    private static func isHex(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return false }
        return isDigit(s) || (s.value >= 65 && s.value <= 70) || (s.value >= 97 && s.value <= 102)
    }

    private static func isIdentStart(_ s: Unicode.Scalar?) -> Bool {
        guard let s else { return false }
        return s == "_" || (s.value >= 65 && s.value <= 90) || (s.value >= 97 && s.value <= 122)
    }

    private static func isIdentPart(_ s: Unicode.Scalar?) -> Bool { isIdentStart(s) || isDigit(s) }

    mutating func next() throws(CELParseError) -> Token {
        // Whitespace and comments.
        while let ch = peek() {
            if ch == " " || ch == "\t" || ch == "\n" || ch == "\r" || ch == "\u{0C}" {
                i += 1
            } else if ch == "/" && peek(1) == "/" {
                while let x = peek(), x != "\n" && x != "\r" { i += 1 }
            } else {
                break
            }
        }
        let start = i
        guard let ch = peek() else { return Token(kind: .eof, offset: i) }

        if Lexer.isIdentStart(ch) {
            while Lexer.isIdentPart(peek()) { i += 1 }
            let word = String(String.UnicodeScalarView(c[start..<i]))
            // String and bytes prefixes.
            if let q = peek(), q == "\"" || q == "'" {
                switch word {
                case "r", "R":
                    return Token(kind: .stringLit(try lexString(raw: true, bytes: false, start: start).0), offset: start)
                case "b", "B":
                    return Token(kind: .bytesLit(try lexString(raw: false, bytes: true, start: start).1), offset: start)
                case "br", "bR", "Br", "BR":
                    return Token(kind: .bytesLit(try lexString(raw: true, bytes: true, start: start).1), offset: start)
                default: break
                }
            }
            return Token(kind: .ident(word), offset: start)
        }
        if Lexer.isDigit(ch) || (ch == "." && Lexer.isDigit(peek(1))) {
            return try lexNumber(start)
        }
        if ch == "\"" || ch == "'" {
            return Token(kind: .stringLit(try lexString(raw: false, bytes: false, start: start).0), offset: start)
        }
        if ch == "`" {
            i += 1
            var name = String.UnicodeScalarView()
            while let x = peek(), x != "`" {
                let ok = Lexer.isIdentPart(x) || x == "." || x == "-" || x == "/" || x == " "
                if !ok { throw src.error("invalid character '\(x)' in quoted identifier", at: i) }
                name.append(x)
                i += 1
            }
            guard peek() == "`" else { throw src.error("unterminated quoted identifier", at: start) }
            i += 1
            if name.isEmpty { throw src.error("empty quoted identifier", at: start) }
            return Token(kind: .quotedIdent(String(name)), offset: start)
        }
        // Punctuation.
        if let second = peek(1) {
            let two: Punct?
            switch (ch, second) {
            case ("=", "="): two = .eq
            case ("!", "="): two = .ne
            case ("<", "="): two = .le
            case (">", "="): two = .ge
            case ("&", "&"): two = .and
            case ("|", "|"): two = .or
            default: two = nil
            }
            if let two {
                i += 2
                return Token(kind: .punct(two), offset: start)
            }
        }
        let one: Punct
        switch ch {
        case "<": one = .lt
        case ">": one = .gt
        case "!": one = .bang
        case "+": one = .plus
        case "-": one = .minus
        case "*": one = .star
        case "/": one = .slash
        case "%": one = .percent
        case "?": one = .question
        case ":": one = .colon
        case ".": one = .dot
        case ",": one = .comma
        case "[": one = .lbracket
        case "]": one = .rbracket
        case "(": one = .lparen
        case ")": one = .rparen
        case "{": one = .lbrace
        case "}": one = .rbrace
        default:
            throw src.error("unexpected character '\(ch.escaped(asASCII: false))'", at: start)
        }
        i += 1
        return Token(kind: .punct(one), offset: start)
    }

    private mutating func lexNumber(_ start: Int) throws(CELParseError) -> Token {
        // Hexadecimal integers.
        if peek() == "0" && (peek(1) == "x" || peek(1) == "X") && Lexer.isHex(peek(2)) {
            i += 2
            let ds = i
            while Lexer.isHex(peek()) { i += 1 }
            let text = String(String.UnicodeScalarView(c[ds..<i]))
            guard let v = UInt64(text, radix: 16) else { throw src.error("integer literal out of range", at: start) }
            if peek() == "u" || peek() == "U" {
                i += 1
                return Token(kind: .uintLit(v), offset: start)
            }
            return Token(kind: .intLit(v), offset: start)
        }
        var isFloat = false
        while Lexer.isDigit(peek()) { i += 1 }
        if peek() == "." && Lexer.isDigit(peek(1)) {
            isFloat = true
            i += 1
            while Lexer.isDigit(peek()) { i += 1 }
        }
        if (peek() == "e" || peek() == "E")
            && (Lexer.isDigit(peek(1)) || ((peek(1) == "+" || peek(1) == "-") && Lexer.isDigit(peek(2))))
        {
            isFloat = true
            i += 2
            while Lexer.isDigit(peek()) { i += 1 }
        }
        let text = String(String.UnicodeScalarView(c[start..<i]))
        if isFloat {
            guard let d = Double(text) else { throw src.error("invalid floating-point literal", at: start) }
            return Token(kind: .doubleLit(d), offset: start)
        }
        guard let v = UInt64(text) else { throw src.error("integer literal out of range", at: start) }
        if peek() == "u" || peek() == "U" {
            i += 1
            return Token(kind: .uintLit(v), offset: start)
        }
        return Token(kind: .intLit(v), offset: start)
    }

    /// Lexes a quoted literal starting at the current quote. Returns the string value (for strings) or bytes.
    private mutating func lexString(raw: Bool, bytes: Bool, start: Int) throws(CELParseError) -> (String, [UInt8]) {
        let q = c[i]
        let triple = peek(1) == q && peek(2) == q
        i += triple ? 3 : 1
        var scalars = String.UnicodeScalarView()
        var out: [UInt8] = []

        func appendScalar(_ s: Unicode.Scalar) {
            if bytes { out.append(contentsOf: Array(String(s).utf8)) } else { scalars.append(s) }
        }

        while true {
            guard let ch = peek() else { throw src.error("unterminated string literal", at: start) }
            if ch == q {
                if !triple {
                    i += 1
                    break
                }
                if peek(1) == q && peek(2) == q {
                    i += 3
                    break
                }
                appendScalar(ch)
                i += 1
                continue
            }
            if !triple && (ch == "\n" || ch == "\r") {
                throw src.error("newline in string literal (use a triple-quoted string)", at: i)
            }
            if ch == "\\" && !raw {
                let escStart = i
                i += 1
                guard let e = peek() else { throw src.error("unterminated string literal", at: start) }
                i += 1
                switch e {
                case "a": appendScalar("\u{07}")
                case "b": appendScalar("\u{08}")
                case "f": appendScalar("\u{0C}")
                case "n": appendScalar("\n")
                case "r": appendScalar("\r")
                case "t": appendScalar("\t")
                case "v": appendScalar("\u{0B}")
                case "\\", "?", "\"", "'", "`": appendScalar(e)
                case "x", "X":
                    guard Lexer.isHex(peek()), Lexer.isHex(peek(1)) else {
                        throw src.error("invalid \\x escape sequence", at: escStart)
                    }
                    let v = UInt32(String(String.UnicodeScalarView(c[i..<(i + 2)])), radix: 16)!
                    i += 2
                    if bytes { out.append(UInt8(v)) } else { scalars.append(Unicode.Scalar(v)!) }
                case "0", "1", "2", "3":
                    guard let d1 = peek(), let d2 = peek(1), d1.value >= 48, d1.value <= 55, d2.value >= 48,
                        d2.value <= 55
                    else { throw src.error("invalid octal escape sequence", at: escStart) }
                    let v = (e.value - 48) * 64 + (d1.value - 48) * 8 + (d2.value - 48)
                    i += 2
                    if bytes { out.append(UInt8(v)) } else { scalars.append(Unicode.Scalar(v)!) }
                case "u", "U":
                    let n = e == "u" ? 4 : 8
                    for k in 0..<n where !Lexer.isHex(peek(k)) {
                        throw src.error("invalid \\\(e) escape sequence", at: escStart)
                    }
                    var v = UInt32(String(String.UnicodeScalarView(c[i..<(i + n)])), radix: 16)!
                    i += n
                    // A UTF-16 surrogate pair written as two \u escapes.
                    if e == "u" && v >= 0xD800 && v < 0xDC00 && peek() == "\\" && peek(1) == "u" {
                        var ok = true
                        for k in 2..<6 where !Lexer.isHex(peek(k)) { ok = false }
                        if ok {
                            let lo = UInt32(String(String.UnicodeScalarView(c[(i + 2)..<(i + 6)])), radix: 16)!
                            if lo >= 0xDC00 && lo < 0xE000 {
                                v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                                i += 6
                            }
                        }
                    }
                    guard let s = Unicode.Scalar(v) else {
                        throw src.error("invalid Unicode code point in escape sequence", at: escStart)
                    }
                    appendScalar(s)
                default:
                    throw src.error("invalid escape sequence '\\\(e)'", at: escStart)
                }
                continue
            }
            appendScalar(ch)
            i += 1
        }
        return (String(scalars), out)
    }
}
