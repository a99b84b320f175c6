/// The finished children of the collections `EventTreeBuilder` has open, in one contiguous
/// stack: a list's items, or a mapping's keys and values alternately. A collection's children
/// are moved out into an array of their exact size when it closes, so that building a tree
/// neither grows an array per collection step by step nor copies (and retains) its nodes.
final class ChildStack {
    private var base: UnsafeMutablePointer<Node>
    private var capacity: Int
    /// How many nodes the stack holds.
    private(set) var count = 0

    init() {
        capacity = 256
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func push(_ node: consuming Node) {
        if count == capacity { grow() }
        (base + count).initialize(to: node)
        count += 1
    }

    /// The node at `index` (0-based from the bottom of the stack).
    @inline(__always)
    func node(at index: Int) -> UnsafePointer<Node> {
        UnsafePointer(base + index)
    }

    /// The nodes from `start` up, as a list's items; the stack is left `start` high.
    func popItems(from start: Int) -> [Node] {
        let n = count - start
        guard n > 0 else { return [] }
        let items = [Node](unsafeUninitializedCapacity: n) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: base + start, count: n)
            initialized = n
        }
        count = start
        return items
    }

    /// The nodes from `start` up, as a mapping's keys and values; a key left without a value
    /// (none, when the events are well formed) is dropped. The stack is left `start` high.
    func popEntries(from start: Int) -> [Node.Entry] {
        let pairs = (count - start) / 2
        if (count - start) % 2 == 1 {
            count -= 1
            (base + count).deinitialize(count: 1)
        }
        guard pairs > 0 else { return [] }
        let entries = [Node.Entry](unsafeUninitializedCapacity: pairs) { buffer, initialized in
            let destination = buffer.baseAddress!
            for i in 0..<pairs {
                let key = base + start + 2 * i
                (destination + i).initialize(to: Node.Entry(key: key.move(), value: (key + 1).move()))
            }
            initialized = pairs
        }
        count = start
        return entries
    }

    /// Empties the stack, keeping its storage.
    func removeAll() {
        base.deinitialize(count: count)
        count = 0
    }

    private func grow() {
        let larger = UnsafeMutablePointer<Node>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
