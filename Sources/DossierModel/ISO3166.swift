import Foundation

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

    /// Every country's name by code, and every subdivision by code: read whole on first use (an
    /// editor's completion lists them); `countryName(_:)` and `subdivision(_:)` look one code up
    /// without.
    public var countries: [String: String] { source.parsed.countries }
    public var subdivisions: [String: Subdivision] { source.parsed.subdivisions }
    private let source: Source

    /// Parses the tab-separated table; lines starting with `#` are comments.
    public init(table: String) {
        source = Source(loading: { table })
    }

    /// The table `text` gives, read when a code is first looked up: a run whose rules look up no
    /// code does not read it.
    public init(loading text: @escaping @Sendable () -> String) {
        source = Source(loading: text)
    }

    /// The name of the country with this alpha-2 code, as `countries[code]`.
    public func countryName(_ code: String) -> String? {
        source.sorted.fields(of: "country", code).map { $0.count >= 3 ? $0[2] : nil } ?? nil
    }

    /// The subdivision with this code, as `subdivisions[code]`.
    public func subdivision(_ code: String) -> Subdivision? {
        guard let fields = source.sorted.fields(of: "subdivision", code), fields.count >= 4 else { return nil }
        return Subdivision(fields)
    }

    /// The table's text, and what is made of it when first needed.
    private final class Source: @unchecked Sendable {
        private let lock = NSLock()
        private var load: (@Sendable () -> String)?
        private var text: String?
        private var parsedTables: Parsed?
        private var sortedLines: SortedLines?

        init(loading load: @escaping @Sendable () -> String) { self.load = load }

        private func table() -> String {
            if let text { return text }
            let loaded = load!()
            text = loaded
            load = nil
            return loaded
        }

        var parsed: Parsed {
            lock.withLock {
                if let parsedTables { return parsedTables }
                let made = Parsed(table: table())
                parsedTables = made
                return made
            }
        }

        var sorted: SortedLines {
            lock.withLock {
                if let sortedLines { return sortedLines }
                let made = SortedLines(table())
                sortedLines = made
                return made
            }
        }
    }
}

extension ISO3166.Subdivision {
    /// A `subdivision` line's fields: kind, code, type, parent.
    fileprivate init(_ fields: [String]) {
        let code = fields[1]
        self.init(
            code: code, country: String(code.prefix { $0 != "-" }), type: fields[2], parent: fields[3].isEmpty ? nil : fields[3])
    }
}

extension ISO3166 {
    /// The table's lines as written, found by a binary search: `scripts/update-iso-codes.sh`
    /// writes the countries and then the subdivisions, each sorted by code, so a run that looks up
    /// a few codes reads no more than the line starts (not 5 000 entries into two dictionaries).
    /// A test holds the lookups to the dictionaries, code for code.
    fileprivate struct SortedLines: Sendable {
        let bytes: [UInt8]
        /// Where each line that is not a comment starts and ends.
        let lines: [Range<Int>]

        init(_ table: String) {
            bytes = Array(table.utf8)
            var lines: [Range<Int>] = []
            lines.reserveCapacity(6000)
            var start = 0
            let newline = UInt8(ascii: "\n")
            bytes.withUnsafeBufferPointer { b in
                for i in 0...b.count where i == b.count || b[i] == newline {
                    if i > start, b[start] != UInt8(ascii: "#") { lines.append(start..<i) }
                    start = i + 1
                }
            }
            self.lines = lines
        }

        /// The tab-separated fields of the line of this kind and code, if there is one.
        func fields(of kind: String, _ code: String) -> [String]? {
            let key = Array("\(kind)\t\(code)\t".utf8)
            var low = 0
            var high = lines.count
            while low < high {
                let middle = (low + high) / 2
                let line = lines[middle]
                let prefix = bytes[line.lowerBound..<min(line.upperBound, line.lowerBound + key.count)]
                if prefix.elementsEqual(key) {
                    return bytes[line].split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map {
                        String(decoding: $0, as: UTF8.self)
                    }
                }
                // A line whose fields stop before the code's end sorts by what it has.
                if prefix.lexicographicallyPrecedes(key) {
                    low = middle + 1
                } else {
                    high = middle
                }
            }
            return nil
        }
    }

    /// The two tables, by code.
    fileprivate struct Parsed {
        var countries: [String: String] = [:]
        var subdivisions: [String: Subdivision] = [:]

        init(table: String) {
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
                    subdivisions[fields[1]] = Subdivision(fields)
                default:
                    continue
                }
            }
        }
    }
}
