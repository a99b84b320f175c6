import Foundation

/// Text made safe for a URL's path component or query value.
enum URLText {
    /// Also a query value: `&`, `=`, `#` and `+` are encoded too.
    static func pathComponent(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
