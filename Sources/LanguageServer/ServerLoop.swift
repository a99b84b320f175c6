import Foundation
import LanguageServerProtocol

/// Runs a server over a byte stream pair (stdio): a thread reads and frames the client's
/// messages into a queue; this thread answers them in order, and checks a changed document
/// once no further change arrives within the debounce delay.
public enum ServerLoop {
    /// Serves until `exit` or the end of the input; returns the process's exit status.
    public static func run(settings: ServerSettings, input: FileHandle, output: FileHandle) -> Int32 {
        let queue = MessageQueue()
        let reader = Thread {
            var framing = MessageReader()
            while true {
                let chunk = input.availableData
                if chunk.isEmpty { break }
                framing.append(chunk)
                do {
                    while let content = try framing.next() { queue.push(.message(content)) }
                } catch {
                    queue.push(.unreadable(String(describing: error)))
                    break
                }
            }
            queue.push(.end)
        }
        reader.start()
        let server = LanguageServer(settings: settings) { content in
            output.write(MessageFraming.frame(content))
        }
        while true {
            guard let event = queue.pop(until: server.nextCheck) else {
                server.runDueChecks()
                continue
            }
            switch event {
            case .message(let content):
                do {
                    server.handle(try IncomingMessage(content))
                } catch {
                    server.reject(error)
                }
                if let status = server.exitStatus { return status }
            case .unreadable(let why):
                FileHandle.standardError.write(Data("dossiercheck lsp: the client's stream cannot be read: \(why)\n".utf8))
                return 1
            case .end:
                // The client went away without `exit`.
                return server.shuttingDown ? 0 : 1
            }
        }
    }
}

/// The messages read so far, waited for with a deadline.
final class MessageQueue: @unchecked Sendable {
    enum Event {
        case message(Data)
        case unreadable(String)
        case end
    }

    private let condition = NSCondition()
    private var events: [Event] = []
    private var head = 0

    func push(_ event: Event) {
        condition.lock()
        events.append(event)
        condition.signal()
        condition.unlock()
    }

    /// The next event; nil when `deadline` passes first (at once if it has passed).
    func pop(until deadline: Date?) -> Event? {
        condition.lock()
        defer { condition.unlock() }
        while head == events.count {
            if let deadline {
                if deadline <= Date() || !condition.wait(until: deadline) {
                    if head == events.count { return nil }
                }
            } else {
                condition.wait()
            }
        }
        let event = events[head]
        head += 1
        if head == events.count {
            events.removeAll(keepingCapacity: true)
            head = 0
        }
        return event
    }
}
