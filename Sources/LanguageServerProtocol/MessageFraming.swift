import Foundation

/// The LSP base protocol: each message is a header part (`Content-Length: N`, optionally
/// `Content-Type`, each line ending in `\r\n`), an empty line, then N bytes of UTF-8 JSON.
public enum MessageFraming {
    /// The bytes that carry `content` as one message.
    public static func frame(_ content: Data) -> Data {
        var framed = Data("Content-Length: \(content.count)\r\n\r\n".utf8)
        framed.append(content)
        return framed
    }
}

/// Cuts a byte stream into message contents, whatever the chunks it arrives in.
public struct MessageReader: Sendable {
    /// A header part the reader cannot use: the stream cannot be resynchronised after it.
    public struct FramingError: Error, Equatable, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// Refuses a message announced larger than this (a client gone wrong, or not a client).
    public let maxContentLength: Int
    private var buffer: [UInt8] = []
    /// Where the unread part of `buffer` starts (consumed bytes are dropped in batches).
    private var start = 0

    public init(maxContentLength: Int = 64 << 20) {
        self.maxContentLength = maxContentLength
    }

    /// Adds bytes read from the stream.
    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete message's content, nil when more bytes are needed.
    public mutating func next() throws(FramingError) -> Data? {
        guard let headerEnd = find([13, 10, 13, 10], from: start) else {
            if buffer.count - start > 8192 {
                throw FramingError(description: "a header part longer than 8 KiB, without an empty line")
            }
            return nil
        }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        var length: Int?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else {
                throw FramingError(description: "header line without `:`: \(line)")
            }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "content-length" {
                guard let number = Int(value), number >= 0 else {
                    throw FramingError(description: "Content-Length is not a number: \(value)")
                }
                length = number
            }
        }
        guard let length else { throw FramingError(description: "a message without Content-Length") }
        guard length <= maxContentLength else {
            throw FramingError(description: "a message of \(length) bytes, more than the \(maxContentLength) accepted")
        }
        let bodyStart = headerEnd + 4
        guard buffer.count - bodyStart >= length else { return nil }
        let content = Data(buffer[bodyStart..<(bodyStart + length)])
        start = bodyStart + length
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 1 << 16 {
            buffer.removeFirst(start)
            start = 0
        }
        return content
    }

    private func find(_ needle: [UInt8], from offset: Int) -> Int? {
        guard buffer.count - offset >= needle.count else { return nil }
        var i = offset
        while i <= buffer.count - needle.count {
            if buffer[i] == needle[0], buffer[i + 1] == needle[1], buffer[i + 2] == needle[2], buffer[i + 3] == needle[3] {
                return i
            }
            i += 1
        }
        return nil
    }
}
