import Foundation
import LanguageServerProtocol
import Testing

@Suite struct MessageFramingTests {
    static func framed(_ json: String) -> [UInt8] { Array(MessageFraming.frame(Data(json.utf8))) }

    @Test func aFramedMessageIsReadBack() throws {
        var reader = MessageReader()
        reader.append(Self.framed(#"{"jsonrpc":"2.0","method":"exit"}"#))
        let content = try #require(try reader.next())
        #expect(String(decoding: content, as: UTF8.self) == #"{"jsonrpc":"2.0","method":"exit"}"#)
        #expect(try reader.next() == nil)
    }

    @Test func theLengthCountsBytesNotCharacters() throws {
        let json = #"{"jsonrpc":"2.0","method":"x","params":{"text":"Pôle – ✓"}}"#
        let framed = MessageFraming.frame(Data(json.utf8))
        #expect(String(decoding: framed, as: UTF8.self).hasPrefix("Content-Length: \(json.utf8.count)\r\n\r\n"))
        var reader = MessageReader()
        reader.append(framed)
        #expect(try reader.next() == Data(json.utf8))
    }

    @Test func messagesSplitAnywhereAndRunTogetherAreCutRight() throws {
        let messages = [#"{"a":1}"#, #"{"b":"two"}"#, #"{"c":[3]}"#]
        let stream = messages.flatMap(Self.framed)
        for chunkSize in [1, 2, 7, 16, stream.count] {
            var reader = MessageReader()
            var read: [String] = []
            var offset = 0
            while offset < stream.count {
                reader.append(stream[offset..<min(offset + chunkSize, stream.count)])
                offset += chunkSize
                while let content = try reader.next() { read.append(String(decoding: content, as: UTF8.self)) }
            }
            #expect(read == messages, "chunks of \(chunkSize) bytes")
        }
    }

    @Test func aContentTypeHeaderAndAnyCaseAreAccepted() throws {
        var reader = MessageReader()
        reader.append(Array("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}".utf8))
        #expect(try reader.next() == Data("{}".utf8))
    }

    @Test func aHeaderWithoutLengthIsAFramingError() {
        var reader = MessageReader()
        reader.append(Array("Content-Type: x\r\n\r\n{}".utf8))
        #expect(throws: MessageReader.FramingError.self) { try reader.next() }
    }

    @Test func aLengthThatIsNotANumberIsAFramingError() {
        var reader = MessageReader()
        reader.append(Array("Content-Length: twelve\r\n\r\n".utf8))
        #expect(throws: MessageReader.FramingError(description: "Content-Length is not a number: twelve")) { try reader.next() }
    }

    @Test func anOversizedMessageIsRefusedBeforeItIsRead() {
        var reader = MessageReader(maxContentLength: 100)
        reader.append(Array("Content-Length: 101\r\n\r\n".utf8))
        #expect(throws: MessageReader.FramingError.self) { try reader.next() }
    }

    @Test func anEndlessHeaderIsRefused() {
        var reader = MessageReader()
        reader.append([UInt8](repeating: UInt8(ascii: "x"), count: 9000))
        #expect(throws: MessageReader.FramingError.self) { try reader.next() }
    }
}
