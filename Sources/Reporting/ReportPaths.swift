import Foundation

/// File paths as the machine formats write them.
enum ReportPaths {
    /// A relative path as a relative URI reference (`examples/a%20b.yaml`), an absolute one as a `file:` URI.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/!$&'()*+,;=@")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        if path.hasPrefix("/") { return "file://" + encoded }
        return encoded
    }

    static func isRelative(_ path: String) -> Bool { !path.hasPrefix("/") }
}
