import Foundation

/// A `multipart/form-data` body (RFC 7578) split into its parts: what the portal's form sends,
/// a pasted dossier and an uploaded file in one request. Parts are bytes: a file is checked as
/// the bytes it holds, as `check` reads a file.
public struct MultipartForm: Sendable {
    public struct Part: Sendable {
        public var name: String
        /// The file name the browser gave (only the last path component is kept), nil for a plain field.
        public var filename: String?
        public var contentType: String?
        public var body: [UInt8]
    }

    public struct Malformed: Error, Sendable, Equatable {
        public var reason: String
    }

    public var parts: [Part]

    /// The first part named `name`.
    public func part(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// The boundary a `Content-Type: multipart/form-data; boundary=…` header names.
    public static func boundary(of contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let type = pieces.first, type.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            // RFC 2046: 1 to 70 characters.
            return (1...70).contains(value.utf8.count) ? value : nil
        }
        return nil
    }

    public init(body: [UInt8], boundary: String) throws(Malformed) {
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [Part] = []
        guard var position = Self.find(delimiter, in: body, from: 0) else { throw Malformed(reason: "no boundary in the body") }
        position += delimiter.count
        while true {
            // After a delimiter: `--` ends the body; else a line end, then the part's headers.
            if body[position...].starts(with: Array("--".utf8)) { break }
            guard let headersStart = Self.lineEnd(body, position) else {
                throw Malformed(reason: "a boundary is not followed by a line end")
            }
            guard let headersEnd = Self.find(Array("\r\n\r\n".utf8), in: body, from: headersStart - 2) else {
                throw Malformed(reason: "a part has no end to its headers")
            }
            let headerText = headersEnd > headersStart ? String(decoding: body[headersStart..<headersEnd], as: UTF8.self) : ""
            let contentStart = headersEnd + 4
            let closing = Array("\r\n".utf8) + delimiter
            guard let contentEnd = Self.find(closing, in: body, from: contentStart) else {
                throw Malformed(reason: "a part is not closed by the boundary")
            }
            var part = Part(name: "", filename: nil, contentType: nil, body: Array(body[contentStart..<contentEnd]))
            for line in headerText.split(separator: "\r\n", omittingEmptySubsequences: true) {
                let pair = line.split(separator: ":", maxSplits: 1)
                guard pair.count == 2 else { throw Malformed(reason: "a part header has no colon") }
                let value = pair[1].trimmingCharacters(in: .whitespaces)
                switch pair[0].trimmingCharacters(in: .whitespaces).lowercased() {
                case "content-disposition":
                    let parameters = Self.parameters(value)
                    guard parameters.type == "form-data", let name = parameters.values["name"] else {
                        throw Malformed(reason: "a part is not form data with a name")
                    }
                    part.name = name
                    part.filename = parameters.values["filename"].map(Self.lastComponent)
                case "content-type": part.contentType = value
                default: break
                }
            }
            guard !part.name.isEmpty else { throw Malformed(reason: "a part has no Content-Disposition name") }
            parts.append(part)
            position = contentEnd + closing.count
            guard position < body.count else { throw Malformed(reason: "the body ends without its closing boundary") }
        }
        self.parts = parts
    }

    /// The index after the line end (`\r\n`, or a bare `\n`) that follows `position`, allowing
    /// transport padding (spaces and tabs) before it.
    private static func lineEnd(_ body: [UInt8], _ position: Int) -> Int? {
        var index = position
        while index < body.count, body[index] == 0x20 || body[index] == 0x09 { index += 1 }
        if index + 1 < body.count, body[index] == 0x0D, body[index + 1] == 0x0A { return index + 2 }
        return nil
    }

    /// `form-data; name="dossier"; filename="a.yaml"` → the type and its parameters (quotes and
    /// backslash escapes undone).
    static func parameters(_ header: String) -> (type: String, values: [String: String]) {
        var values: [String: String] = [:]
        var scalars = Substring(header)
        func skipSpaces() { while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() } }
        let type = scalars.prefix { $0 != ";" }
        scalars = scalars.dropFirst(type.count)
        while scalars.first == ";" {
            scalars.removeFirst()
            skipSpaces()
            let key = scalars.prefix { $0 != "=" && $0 != ";" }
            scalars = scalars.dropFirst(key.count)
            guard scalars.first == "=" else { continue }
            scalars.removeFirst()
            var value = ""
            if scalars.first == "\"" {
                scalars.removeFirst()
                while let character = scalars.first, character != "\"" {
                    scalars.removeFirst()
                    if character == "\\", let escaped = scalars.first {
                        scalars.removeFirst()
                        value.append(escaped)
                    } else {
                        value.append(character)
                    }
                }
                if scalars.first == "\"" { scalars.removeFirst() }
                scalars = scalars.drop { $0 != ";" }
            } else {
                let raw = scalars.prefix { $0 != ";" }
                scalars = scalars.dropFirst(raw.count)
                value = raw.trimmingCharacters(in: .whitespaces)
            }
            values[key.trimmingCharacters(in: .whitespaces).lowercased()] = value
        }
        return (type.trimmingCharacters(in: .whitespaces).lowercased(), values)
    }

    /// `C:\Users\me\dossier.yaml` → `dossier.yaml`: a browser may send a whole path.
    static func lastComponent(_ name: String) -> String {
        String(name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "")
    }

    /// The first place `needle` occurs in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var index = max(start, 0)
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
