/// Converts between byte offsets in UTF-8 text and `Mark`s, counting line breaks the way
/// libyaml does (LF, CR, CR LF, NEL, LS, PS) so that our own positions agree with its.
enum TextPosition {
    /// The mark of the byte at `offset`. The bytes before `offset` must be valid UTF-8;
    /// columns count Unicode scalars.
    static func mark(ofByte offset: Int, in b: UnsafeBufferPointer<UInt8>) -> Mark {
        var line = 1
        var column = 1
        var i = 0
        let end = min(offset, b.count)
        while i < end {
            let width = breakWidth(b, at: i)
            if width > 0 {
                line += 1
                column = 1
                i += width
            } else {
                if b[i] & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
        }
        return Mark(line: line, column: column)
    }

    /// The byte offset of a 1-based mark, or nil when the text has no such place.
    static func offset(of mark: Mark, in b: UnsafeBufferPointer<UInt8>) -> Int? {
        var line = 1
        var i = 0
        while line < mark.line {
            guard i < b.count else { return nil }
            let width = breakWidth(b, at: i)
            if width > 0 {
                line += 1
                i += width
            } else {
                i += 1
            }
        }
        var column = 1
        while column < mark.column {
            guard i < b.count, breakWidth(b, at: i) == 0 else { return nil }
            i += 1
            while i < b.count, b[i] & 0xC0 == 0x80 { i += 1 }
            column += 1
        }
        return i
    }

    /// The bytes of the line break at `i`, or 0 when there is none.
    @inline(__always)
    static func breakWidth(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        switch b[i] {
        case 0x0A:
            return 1
        case 0x0D:
            return i + 1 < b.count && b[i + 1] == 0x0A ? 2 : 1
        case 0xC2:
            return i + 1 < b.count && b[i + 1] == 0x85 ? 2 : 0
        case 0xE2:
            return i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9) ? 3 : 0
        default:
            return 0
        }
    }
}
