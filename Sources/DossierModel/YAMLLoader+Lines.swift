extension YAMLLoader {
    /// How many lines `bytes` has as the loader counts them (LF, CR, CR LF, NEL, LS and PS each end a
    /// line; the text after the last break is a line too, even when empty): no mark of a document of
    /// these bytes is on a later line.
    public static func lineCount(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { b in
            var lines = 1
            var i = 0
            while i < b.count {
                let width = TextPosition.breakWidth(b, at: i)
                if width > 0 {
                    lines += 1
                    i += width
                } else {
                    i += 1
                }
            }
            return lines
        }
    }
}
