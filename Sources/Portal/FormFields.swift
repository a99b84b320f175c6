import Foundation
import Validators

/// What the page's form sent: the dossier (an uploaded file's bytes, else the pasted text), the
/// uploaded file's name, the language of the messages and the page's own language. The form is
/// `multipart/form-data`; `application/x-www-form-urlencoded` (a text box only, as `curl -d`
/// sends it) is read too.
struct FormFields {
    var dossier: [UInt8]?
    var filename: String?
    /// nil: each dossier's own language.
    var messages: Language?
    var ui: Language = .en

    init() {}

    init(body: [UInt8], contentType: String) throws {
        var values: [String: [UInt8]] = [:]
        if let boundary = MultipartForm.boundary(of: contentType) {
            let form: MultipartForm
            do {
                form = try MultipartForm(body: body, boundary: boundary)
            } catch {
                throw PortalError.badRequest("the form data cannot be read: \(error.reason)")
            }
            for part in form.parts where values[part.name] == nil { values[part.name] = part.body }
            if let file = form.part("file"), !file.body.isEmpty {
                dossier = file.body
                filename = file.filename ?? PortalEngine.defaultName
            }
        } else if contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") {
            for pair in body.split(separator: UInt8(ascii: "&")) {
                let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
                let key = Self.decode(parts[0])
                if values[key] == nil { values[key] = Array(Self.decode(parts.count > 1 ? parts[1] : []).utf8) }
            }
        } else {
            throw PortalError.badRequest("the form must be sent as multipart/form-data or application/x-www-form-urlencoded")
        }
        let text = values["dossier"] ?? []
        if dossier == nil, !text.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            // Browsers send a text box's line ends as CRLF: made LF again, as the text was typed.
            dossier = Self.unixLineEnds(text)
        }
        let lang = values["lang"].map { String(decoding: $0, as: UTF8.self) } ?? ""
        if !lang.isEmpty {
            guard let language = Language(rawValue: lang) else {
                throw PortalError.badRequest("lang must be en, nl, fr or de, not \(lang)")
            }
            messages = language
        }
        ui = values["ui"].flatMap { Language(rawValue: String(decoding: $0, as: UTF8.self)) } ?? messages ?? .en
        if let messages { ui = messages }
    }

    static func unixLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() where !(byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
            out.append(byte)
        }
        return out
    }

    /// `a+b%C3%A9` → `a bé`.
    static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        var out: [UInt8] = []
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(0x20)
            } else if byte == UInt8(ascii: "%"), let high = bytes.index(index, offsetBy: 1, limitedBy: bytes.endIndex),
                high != bytes.endIndex, let low = bytes.index(high, offsetBy: 1, limitedBy: bytes.endIndex),
                low != bytes.endIndex,
                let value = UInt8(String(decoding: [bytes[high], bytes[low]], as: UTF8.self), radix: 16)
            {
                out.append(value)
                index = low
            } else {
                out.append(byte)
            }
            index = bytes.index(after: index)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
