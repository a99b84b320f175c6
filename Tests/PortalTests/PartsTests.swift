import Foundation
import Portal
import Testing

/// The portal's small parts: the body hash, the form parser, the report name, time limits.
@Suite struct PartsTests {
    @Test func sha256MatchesKnownDigests() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func multipartFormsAreSplitIntoParts() throws {
        let body = Array(
            ("preamble\r\n--b\r\nContent-Disposition: form-data; name=\"dossier\"\r\n\r\nline 1\r\nline 2\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\\\Users\\\\me\\\\d \\\"1\\\".yaml\"\r\nContent-Type: application/yaml\r\n\r\n"
                + "--b-not-a-boundary\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n\r\n--b--\r\nepilogue")
                .utf8)
        let form = try MultipartForm(body: body, boundary: "b")
        #expect(form.parts.map(\.name) == ["dossier", "file", "empty"])
        #expect(form.part("dossier")?.body == Array("line 1\r\nline 2".utf8))
        #expect(form.part("file")?.filename == "d \"1\".yaml")
        #expect(form.part("file")?.contentType == "application/yaml")
        #expect(form.part("file")?.body == Array("--b-not-a-boundary\r\n".utf8))
        #expect(form.part("empty")?.body == [])
        #expect(MultipartForm.boundary(of: "multipart/form-data; boundary=\"a b\"") == "a b")
        #expect(MultipartForm.boundary(of: "text/plain; boundary=x") == nil)
        for broken in [
            "", "--b", "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno end", "--b\r\nX: y\r\n\r\n\r\n--b--",
        ] {
            #expect(throws: MultipartForm.Malformed.self, "\(broken)") {
                try MultipartForm(body: Array(broken.utf8), boundary: "b")
            }
        }
    }

    @Test func reportNamesAreFileNamesOnly() {
        #expect(PortalEngine.reportName(nil) == "dossier.yaml")
        #expect(PortalEngine.reportName("") == "dossier.yaml")
        #expect(PortalEngine.reportName("a/b/c.yaml") == "c.yaml")
        #expect(PortalEngine.reportName("..") == "dossier.yaml")
        #expect(PortalEngine.reportName("a\u{0}\nb.yaml") == "ab.yaml")
    }

    @Test func timeLimitsTakeUnits() {
        #expect(TimeLimit(argument: "10s")?.milliseconds == 10_000)
        #expect(TimeLimit(argument: "500ms")?.milliseconds == 500)
        #expect(TimeLimit(argument: "2m")?.milliseconds == 120_000)
        #expect(TimeLimit(argument: "3")?.milliseconds == 3000)
        #expect(TimeLimit(argument: "soon") == nil)
        #expect(TimeLimit(argument: "1h") == nil)
        #expect(TimeLimit(milliseconds: 10_000).description == "10s")
    }
}
