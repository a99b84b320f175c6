import Foundation
import LanguageServerProtocol
import Testing

@Suite struct JSONRPCTests {
    func message(_ json: String) throws(ResponseError) -> IncomingMessage { try IncomingMessage(Data(json.utf8)) }

    func object(_ data: Data) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
    }

    @Test func requestsNotificationsAndResponsesAreTold() throws {
        #expect(
            try message(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#).kind
                == .request(.number(1), method: "initialize"))
        #expect(
            try message(#"{"jsonrpc":"2.0","id":"a","method":"shutdown"}"#).kind == .request(.string("a"), method: "shutdown"))
        #expect(try message(#"{"jsonrpc":"2.0","method":"exit"}"#).kind == .notification(method: "exit"))
        #expect(try message(#"{"jsonrpc":"2.0","id":7,"result":null}"#).kind == .response(.number(7)))
    }

    @Test func whatIsNotJSONRPCIsAnErrorWithItsCode() {
        #expect(throws: ResponseError.self) { try message("{") }
        do {
            _ = try message("not json")
        } catch {
            #expect(error.code == ResponseError.parseError)
        }
        do {
            _ = try message(#"{"id":1,"method":"x"}"#)
        } catch {
            #expect(error.code == ResponseError.invalidRequest)
        }
        do {
            _ = try message(#"{"jsonrpc":"2.0"}"#)
        } catch {
            #expect(error.code == ResponseError.invalidRequest)
        }
    }

    @Test func paramsAreDecodedAsTheirTypeOrRefused() throws {
        let change = try message(
            #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///d.yaml","version":3},"#
                + #""contentChanges":[{"range":{"start":{"line":1,"character":2},"end":{"line":1,"character":4}},"text":"ab"},{"text":"all"}]}}"#
        )
        let params = try change.params(DidChangeTextDocumentParams.self)
        #expect(params.textDocument.version == 3)
        #expect(
            params.contentChanges[0].range == Range(start: Position(line: 1, character: 2), end: Position(line: 1, character: 4)))
        #expect(params.contentChanges[1].range == nil)
        #expect(params.contentChanges[1].text == "all")
        let wrong = try message(#"{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"position":3}}"#)
        do {
            _ = try wrong.params(TextDocumentPositionParams.self)
            Issue.record("wrong params were accepted")
        } catch {
            #expect(error.code == ResponseError.invalidParams)
        }
    }

    @Test func aResponseEchoesTheIdAndWritesNothingAsNull() throws {
        let none: Hover? = nil
        let response = try object(try OutgoingMessage.response(.string("q"), result: none))
        #expect(response["jsonrpc"] as? String == "2.0")
        #expect(response["id"] as? String == "q")
        #expect(response["result"] is NSNull)
        let failure = try object(
            try OutgoingMessage.failure(nil, ResponseError(code: ResponseError.methodNotFound, message: "no")))
        #expect(failure["id"] is NSNull)
        #expect((failure["error"] as? NSDictionary)?["code"] as? Int == -32601)
    }

    @Test func aDiagnosticIsWrittenAsLSPSaysLeavingOutWhatItLacks() throws {
        let diagnostic = Diagnostic(
            range: Range(start: Position(line: 2, character: 4), end: Position(line: 2, character: 9)), severity: .warning,
            code: "RES-004",
            codeDescription: CodeDescription(href: "http://localhost:8080/rules/RES-004"), source: "dossiercheck", message: "m",
            tags: [.unnecessary])
        let notification = try object(
            try OutgoingMessage.notification(
                "textDocument/publishDiagnostics",
                PublishDiagnosticsParams(uri: "file:///d.yaml", version: 4, diagnostics: [diagnostic])))
        #expect(notification["method"] as? String == "textDocument/publishDiagnostics")
        #expect(notification["id"] == nil)
        let params = try #require(notification["params"] as? NSDictionary)
        let written = try #require((params["diagnostics"] as? [NSDictionary])?.first)
        #expect(written["severity"] as? Int == 2)
        #expect(written["code"] as? String == "RES-004")
        #expect((written["codeDescription"] as? NSDictionary)?["href"] as? String == "http://localhost:8080/rules/RES-004")
        #expect(written["tags"] as? [Int] == [1])
        #expect(written["relatedInformation"] == nil)
        #expect(((written["range"] as? NSDictionary)?["start"] as? NSDictionary)?["character"] as? Int == 4)
    }

    @Test func anyJSONRoundTrips() throws {
        let value = LSPAny.object(["a": .array([.int(1), .double(2.5), .string("x"), .bool(true), .null])])
        let data = try JSONEncoder().encode(value)
        #expect(try JSONDecoder().decode(LSPAny.self, from: data) == value)
        #expect(value["a"] == .array([.int(1), .double(2.5), .string("x"), .bool(true), .null]))
    }

    @Test func theServersCapabilitiesEncodeAsLSPNamesThem() throws {
        let capabilities = ServerCapabilities(
            positionEncoding: "utf-16", textDocumentSync: TextDocumentSyncOptions(openClose: true, change: .incremental),
            hoverProvider: true)
        let object = try object(try JSONEncoder().encode(capabilities))
        #expect((object["textDocumentSync"] as? NSDictionary)?["change"] as? Int == 2)
        #expect(object["hoverProvider"] as? Bool == true)
        #expect(object["completionProvider"] == nil)
    }
}
