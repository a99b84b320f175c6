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
        for line in table.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch fields.first {
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
