/// ISO 3166-1 countries and ISO 3166-2 subdivisions, read from the table that
/// `scripts/update-iso-codes.sh` derives from Debian's iso-codes package.
public struct ISO3166: Sendable {
    public struct Subdivision: Sendable, Equatable {
        public var code: String
        public var country: String
        /// The category iso-codes gives it (`Region`, `Province`, `Land`, `Country` …).
        public var type: String
        /// The subdivision it lies in, if it is not first-level (`BE-WAL` for `BE-WLG`).
        public var parent: String?
    }

    public private(set) var countries: [String: String] = [:]
    public private(set) var subdivisions: [String: Subdivision] = [:]

    /// Parses the tab-separated table; lines starting with `#` are comments.
    public init(table: String) {
        var table = table
        table.withUTF8 { parse($0) }
    }

    /// The table's lines, read byte by byte (it is parsed at every start of the tool).
    private mutating func parse(_ b: UnsafeBufferPointer<UInt8>) {
        let tab = UInt8(ascii: "\t")
        let newline = UInt8(ascii: "\n")
        countries.reserveCapacity(300)
        subdivisions.reserveCapacity(6000)
        var fields: [String] = []
        fields.reserveCapacity(4)
        var lineStart = 0
        let count = b.count
        while lineStart < count {
            var lineEnd = lineStart
            while lineEnd < count, b[lineEnd] != newline { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            // Empty lines and comments.
            guard lineEnd > lineStart, b[lineStart] != UInt8(ascii: "#") else { continue }
            fields.removeAll(keepingCapacity: true)
            var fieldStart = lineStart
            for i in lineStart...lineEnd where i == lineEnd || b[i] == tab {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: b[fieldStart..<i]), as: UTF8.self))
                fieldStart = i + 1
            }
            switch fields[0] {
            case "country" where fields.count >= 3:
                countries[fields[1]] = fields[2]
            case "subdivision" where fields.count >= 4:
                let code = fields[1]
                let country = String(code.prefix { $0 != "-" })
                subdivisions[code] = Subdivision(
                    code: code, country: country, type: fields[2], parent: fields[3].isEmpty ? nil : fields[3])
            default:
                continue
            }
        }
    }
}
