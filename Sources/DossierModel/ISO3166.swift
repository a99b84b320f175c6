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
        let table = source.sorted
        return table.line(of: "country", code).flatMap { table.field(2, of: $0) }
    }

    /// Whether this is a country's alpha-2 code, as `countries[code] != nil` (without making its name).
    public func isCountry(_ code: String) -> Bool {
        guard let index = CountryCodeSet.index(of: code) else { return false }
        return source.countryCodes.contains(index)
    }

    /// The subdivision with this code, as `subdivisions[code]`.
    public func subdivision(_ code: String) -> Subdivision? {
        let table = source.sorted
        guard let line = table.line(of: "subdivision", code) else { return nil }
        let fields = table.fields(line)
        guard fields.count >= 4 else { return nil }
        return Subdivision(fields)
    }

    /// Every country's code, in order, as `countries.keys.sorted()`.
    public var countryCodes: [String] {
        source.sorted.lines(startingWith: "country\t").compactMap { $0.count >= 3 ? $0[1] : nil }.sorted()
    }

    /// The codes of the country's subdivisions that lie in no other (its first level), in order, as
    /// the `subdivisions` whose `country` is `country` and whose `parent` is nil; [] for an unknown code.
    public func firstLevelSubdivisions(of country: String) -> [String] {
        guard isCountry(country) else { return [] }
        return source.sorted.lines(startingWith: "subdivision\t\(country)-")
            .filter { $0.count >= 4 && $0[3].isEmpty }.map { $0[1] }.sorted()
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

        var countryCodes: CountryCodeSet {
            if let codeSet = lock.withLock({ codeSet }) { return codeSet }
            // Made outside the lock (`sorted` takes it): two threads may both make it, alike.
            let made = CountryCodeSet(sorted.lines(startingWith: "country\t").compactMap { $0.count >= 3 ? $0[1] : nil })
            lock.withLock { codeSet = made }
            return made
        }
        private var codeSet: CountryCodeSet?
    }

    /// The countries' alpha-2 codes as one bit per pair of capital letters: `isCountry` is asked
    /// for every organisation by several rules, a dozen thousand times a call, and a binary search
    /// through the table's lines each time was a twentieth of a corpus run.
    fileprivate struct CountryCodeSet: Sendable {
        private var bits = [UInt64](repeating: 0, count: 11)

        init(_ codes: [String]) {
            for code in codes {
                if let index = Self.index(of: code) { bits[index >> 6] |= 1 << UInt64(index & 63) }
            }
        }

        func contains(_ index: Int) -> Bool { bits[index >> 6] & (1 << UInt64(index & 63)) != 0 }

        /// 0..<676 for two capital letters A–Z, else nil (no alpha-2 code is anything else).
        static func index(of code: String) -> Int? {
            var letters = code.utf8.makeIterator()
            guard let first = letters.next(), let second = letters.next(), letters.next() == nil,
                (65...90).contains(first), (65...90).contains(second)
            else { return nil }
            return Int(first - 65) * 26 + Int(second - 65)
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
    /// The table's lines as written, found by a binary search over its bytes:
    /// `scripts/update-iso-codes.sh` writes its comments first, then the countries and then the
    /// subdivisions, each sorted by code, so a run that looks up a few codes reads a few lines
    /// (not 5 000 entries into two dictionaries, nor every line start). A test holds the lookups
    /// to the dictionaries, code for code.
    fileprivate struct SortedLines: Sendable {
        let bytes: [UInt8]

        init(_ table: String) { bytes = Array(table.utf8) }

        /// The line of this kind and code, if there is one (without its newline).
        func line(of kind: String, _ code: String) -> Range<Int>? {
            var key = Array(kind.utf8)
            key.append(UInt8(ascii: "\t"))
            key.append(contentsOf: code.utf8)
            key.append(UInt8(ascii: "\t"))
            let start = firstLine(notBefore: key)
            guard starts(at: start, with: key) else { return nil }
            return start..<lineEnd(from: start)
        }

        /// The line's field at `index` (0-based, tab-separated), if it has that many.
        func field(_ index: Int, of line: Range<Int>) -> String? {
            var start = line.lowerBound
            for _ in 0..<index {
                guard let tab = bytes[start..<line.upperBound].firstIndex(of: UInt8(ascii: "\t")) else { return nil }
                start = tab + 1
            }
            let end = bytes[start..<line.upperBound].firstIndex(of: UInt8(ascii: "\t")) ?? line.upperBound
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }

        /// The fields of every line that starts with `prefix`, in the table's order: they follow
        /// one another, the lines being sorted.
        func lines(startingWith prefix: String) -> [[String]] {
            let key = Array(prefix.utf8)
            var found: [[String]] = []
            var start = firstLine(notBefore: key)
            while starts(at: start, with: key) {
                let end = lineEnd(from: start)
                found.append(fields(start..<end))
                start = end + 1
            }
            return found
        }

        /// Where the first line starts whose start is not before `key` (a line shorter than the key
        /// sorts by what it has; comments, starting with `#`, before every line of codes); the end
        /// of the table when there is none.
        private func firstLine(notBefore key: [UInt8]) -> Int {
            var low = 0
            var high = bytes.count
            // `low` and `high` are line starts (or the end): the line holding the middle byte
            // starts at or after `low` and before `high`.
            while low < high {
                var middle = (low + high) / 2
                while middle > low, bytes[middle - 1] != UInt8(ascii: "\n") { middle -= 1 }
                let end = lineEnd(from: middle)
                if precedes(middle..<min(end, middle + key.count), key) {
                    low = min(end + 1, high)
                } else {
                    high = middle
                }
            }
            return low
        }

        private func lineEnd(from start: Int) -> Int {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            return end
        }

        private func starts(at start: Int, with key: [UInt8]) -> Bool {
            start + key.count <= bytes.count && compare(start..<start + key.count, key) == 0
        }

        /// Whether the bytes in `range` sort before `key` (a shorter run before a longer one it begins).
        private func precedes(_ range: Range<Int>, _ key: [UInt8]) -> Bool {
            let order = compare(range.lowerBound..<range.lowerBound + min(range.count, key.count), key)
            return order < 0 || (order == 0 && range.count < key.count)
        }

        /// memcmp of the bytes in `range` with as many of `key`'s (a lookup compares lines in place,
        /// without copying or walking them element by element).
        private func compare(_ range: Range<Int>, _ key: [UInt8]) -> Int32 {
            bytes.withUnsafeBufferPointer { table in
                key.withUnsafeBufferPointer { key in
                    memcmp(table.baseAddress! + range.lowerBound, key.baseAddress!, range.count)
                }
            }
        }

        func fields(_ line: Range<Int>) -> [String] {
            bytes[line].split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map {
                String(decoding: $0, as: UTF8.self)
            }
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
