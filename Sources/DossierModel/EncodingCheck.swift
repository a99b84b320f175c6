/// Checks the bytes of a file before libyaml sees them, so that encoding problems are
/// reported at their exact place and libyaml only ever reads valid, printable UTF-8.
enum EncodingCheck {
    enum Outcome {
        /// Valid UTF-8 made of characters YAML allows.
        case valid
        /// The whole file is refused (UTF-16, binary); no document of it is read.
        case wholeFile(LoadProblem)
        /// The text is good up to byte `offset`; the problem there ends the file.
        case stopsAt(offset: Int, LoadProblem)
    }

    /// Whether the raw file starts like UTF-16 or UTF-32 (a byte-order mark, or an ASCII
    /// character next to a NUL byte).
    static func looksLikeUTF16(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count >= 2 else { return false }
        if (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) { return true }
        if b[0] != 0, b[0] < 0x80, b[1] == 0 { return true }
        if b[0] == 0, b[1] != 0, b[1] < 0x80 { return true }
        if b.count >= 4, b[0] == 0, b[1] == 0, (b[2] == 0xFE && b[3] == 0xFF) || (b[2] == 0 && b[3] != 0) { return true }
        return false
    }

    /// Checks `b` (the file without its UTF-8 byte-order mark).
    static func check(_ b: UnsafeBufferPointer<UInt8>) -> Outcome {
        if looksLikeUTF16(b) {
            return .wholeFile(
                LoadProblem(
                    kind: .invalidEncoding,
                    message: "the file is UTF-16 (or UTF-32), but a dossier must be UTF-8: save it as UTF-8",
                    mark: Mark(line: 1, column: 1),
                    detail: ["reason": "utf16"]))
        }
        if let nul = b.firstIndex(of: 0) {
            let mark = TextPosition.mark(ofByte: nul, in: b)
            return .wholeFile(
                LoadProblem(
                    kind: .invalidEncoding,
                    message: "the file contains NUL bytes (first at line \(mark.line), column \(mark.column)): "
                        + "it is a binary file, not YAML text",
                    mark: mark,
                    detail: ["reason": "binary", "line": String(mark.line), "column": String(mark.column)]))
        }
        let count = b.count
        var i = 0
        while i < count {
            // Eight printable ASCII bytes at a time (most of a dossier), byte by byte otherwise.
            if i + 8 <= count, Self.printableASCII(UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let c = b[i]
            if c < 0x80 {
                if c >= 0x20 && c != 0x7F || c == 0x0A || c == 0x0D || c == 0x09 {
                    i += 1
                    continue
                }
                return controlCharacter(UInt32(c), at: i, in: b)
            }
            guard let (scalar, width) = decode(b, at: i) else {
                return invalidUTF8(at: i, in: b)
            }
            if (scalar >= 0x80 && scalar <= 0x9F && scalar != 0x85) || scalar == 0xFFFE || scalar == 0xFFFF {
                return controlCharacter(scalar, at: i, in: b)
            }
            i += width
        }
        return .valid
    }

    /// Whether the eight bytes of `word` are all printable ASCII (0x20 to 0x7E): no high bit, none
    /// below 0x20 (adding 0x60 to such a byte leaves its high bit clear) and no 0x7F (adding 1 sets
    /// it). Sums stay within their byte once high bits are known clear.
    @inline(__always)
    static func printableASCII(_ word: UInt64) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        guard word & high == 0 else { return false }
        return (word &+ 0x6060_6060_6060_6060) & high == high && (word &+ 0x0101_0101_0101_0101) & high == 0
    }

    /// Decodes the multi-byte UTF-8 sequence at `i`, rejecting overlong forms, surrogates
    /// and values beyond U+10FFFF.
    @inline(__always)
    static func decode(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int)? {
        let c = b[i]
        let count = b.count
        func cont(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> UInt32? {
            guard i + k < count else { return nil }
            let x = b[i + k]
            return x >= low && x <= high ? UInt32(x & 0x3F) : nil
        }
        switch c {
        case 0xC2...0xDF:
            guard let c1 = cont(1) else { return nil }
            return (UInt32(c & 0x1F) << 6 | c1, 2)
        case 0xE0...0xEF:
            let low: UInt8 = c == 0xE0 ? 0xA0 : 0x80
            let high: UInt8 = c == 0xED ? 0x9F : 0xBF
            guard let c1 = cont(1, low, high), let c2 = cont(2) else { return nil }
            return (UInt32(c & 0x0F) << 12 | c1 << 6 | c2, 3)
        case 0xF0...0xF4:
            let low: UInt8 = c == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = c == 0xF4 ? 0x8F : 0xBF
            guard let c1 = cont(1, low, high), let c2 = cont(2), let c3 = cont(3) else { return nil }
            return (UInt32(c & 0x07) << 18 | c1 << 12 | c2 << 6 | c3, 4)
        default:
            return nil
        }
    }

    private static func invalidUTF8(at offset: Int, in b: UnsafeBufferPointer<UInt8>) -> Outcome {
        let mark = TextPosition.mark(ofByte: offset, in: b)
        let byte = "0x" + hex(UInt32(b[offset]), digits: 2)
        return .stopsAt(
            offset: offset,
            LoadProblem(
                kind: .invalidEncoding,
                message: "the file is not valid UTF-8: byte \(byte) at line \(mark.line), column \(mark.column) "
                    + "does not form a UTF-8 character (was it saved as Latin-1 or Windows-1252?); save it as UTF-8",
                mark: mark,
                detail: ["reason": "utf8", "byte": byte, "line": String(mark.line), "column": String(mark.column)]))
    }

    private static func controlCharacter(_ scalar: UInt32, at offset: Int, in b: UnsafeBufferPointer<UInt8>) -> Outcome {
        let mark = TextPosition.mark(ofByte: offset, in: b)
        let name = "U+" + hex(scalar, digits: 4)
        return .stopsAt(
            offset: offset,
            LoadProblem(
                kind: .syntax,
                message: "the control character \(name) at line \(mark.line), column \(mark.column) is not allowed in YAML",
                mark: mark,
                detail: ["reason": "control-character", "character": name]))
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let s = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }
}
