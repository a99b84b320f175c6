import DossierModel

/// A digest of a dossier's content, so that the same dossier submitted twice is recognised
/// whatever its formatting, comments or key order: the YAML tree is written out canonically
/// (mapping keys sorted, scalars with their core-schema type) and hashed (two FNV-1a 64-bit
/// hashes with different offsets, 32 hex digits).
public enum ContentDigest {
    public static func of(_ node: Node) -> String {
        var text = ""
        write(node, into: &text)
        return of(text: text)
    }

    public static func of(bytes: [UInt8]) -> String { hash(bytes) }

    public static func of(text: String) -> String { hash(Array(text.utf8)) }

    private static func write(_ node: Node, into text: inout String) {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: text += "~"
            case .bool(let b): text += b ? "T" : "F"
            case .int(let i): text += "i\(i);"
            case .double: text += "d\(scalar.text.count):\(scalar.text)"
            case .string(let s): text += "s\(s.utf8.count):\(s)"
            }
        case .sequence(let items):
            text += "[\(items.count)"
            for item in items { write(item, into: &text) }
            text += "]"
        case .mapping(let entries):
            var pairs: [(String, String)] = []
            for entry in entries {
                var key = ""
                var value = ""
                write(entry.key, into: &key)
                write(entry.value, into: &value)
                pairs.append((key, value))
            }
            pairs.sort { $0.0 < $1.0 }
            text += "{\(pairs.count)"
            for (key, value) in pairs { text += key + value }
            text += "}"
        }
    }

    private static func hash(_ bytes: [UInt8]) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x6c62_272e_07bb_0142
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = b ^ (b >> 29)
        }
        return hex(a) + hex(b)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
