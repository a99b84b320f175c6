import Foundation

/// A document the client has open: its text as of `version`, and its analysis once made.
struct OpenDocument {
    var uri: String
    var version: Int
    var source: SourceText
    /// The file's path (what findings and waivers name), from a `file:` URI; the URI otherwise.
    var path: String
    /// The analysis of the current text; nil after a change until it is checked again.
    var analysis: DossierAnalysis?

    init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.version = version
        self.source = SourceText(text)
        self.path = Self.path(of: uri)
        self.analysis = nil
    }

    static func path(of uri: String) -> String {
        guard let url = URL(string: uri), url.isFileURL else { return uri }
        return url.path
    }

    /// The folder where the document's `.dossiercheck.yaml` is looked for.
    var folder: String {
        path.hasPrefix("/") ? (path as NSString).deletingLastPathComponent : FileManager.default.currentDirectoryPath
    }
}
