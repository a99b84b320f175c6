import CYaml

/// Builds located `Node` trees from libyaml's parser events, one `LoadedDocument` per YAML
/// document, applying the core schema, `LoadLimits`, alias expansion and duplicate-key
/// detection.
///
/// `text` must be valid UTF-8 without a byte-order mark and without characters YAML
/// forbids (`EncodingCheck` makes sure), so libyaml never sees input it cannot read.
struct EventTreeBuilder {
    /// What an anchor stands for: the node, and its size for the alias budget and depth.
    private struct Anchored {
        var node: Node
        var count: Int
        var height: Int
    }

    /// A list or mapping whose end event has not come yet. Its children so far are on
    /// `children` from `childStart` up.
    private struct Frame {
        var isMapping: Bool
        var isFlow: Bool
        var start: Mark
        var anchor: String?
        var childStart: Int
        /// Nodes in this subtree, itself included, aliases counted expanded.
        var count = 1
        /// Greatest height of a child (a scalar has height 0, a collection 1 + its children's).
        var childHeight = 0
        /// Key text → index of the first entry with that text, once the mapping is large.
        var keyIndex: [String: Int]?

        init(isMapping: Bool, isFlow: Bool, start: Mark, anchor: String?, childStart: Int) {
            self.isMapping = isMapping
            self.isFlow = isFlow
            self.start = start
            self.anchor = anchor
            self.childStart = childStart
        }
    }

    /// The key of an earlier entry of the open mapping `frame` that `key` duplicates, if any;
    /// otherwise remembers `key` as the key of the entry it starts. Earlier keys are looked at
    /// where they lie on `children`, their text alone unless it is the same.
    private static func register(key: Node, in frame: inout Frame, children: ChildStack) -> Node? {
        guard case .scalar(let scalar) = key.content else { return nil }
        let start = frame.childStart
        let entries = (children.count - start) / 2
        @inline(__always) func keyAt(_ i: Int) -> UnsafePointer<Node> { children.node(at: start + 2 * i) }
        if var index = frame.keyIndex {
            if let first = index[scalar.text] {
                if sameKey(keyAt(first), scalar) { return keyAt(first).pointee }
                // Same text, other value (`1` and `"1"`): rare, look at every entry.
                for i in 0..<entries where sameKey(keyAt(i), scalar) { return keyAt(i).pointee }
                return nil
            }
            frame.keyIndex = nil // drop the reference so the insertion below does not copy
            index[scalar.text] = entries
            frame.keyIndex = index
            return nil
        }
        for i in 0..<entries where sameKey(keyAt(i), scalar) { return keyAt(i).pointee }
        if entries >= 16 {
            var index: [String: Int] = [:]
            index.reserveCapacity(entries * 2)
            for i in 0..<entries {
                if let text = keyAt(i).pointee.scalarText, index[text] == nil { index[text] = i }
            }
            if index[scalar.text] == nil { index[scalar.text] = entries }
            frame.keyIndex = index
        }
        return nil
    }

    /// Two keys are the same when both are scalars with equal text and equal value
    /// (so `1` and `"1"` differ, `a` and `"a"` do not; `.nan` equals `.nan`).
    private static func sameKey(_ earlier: UnsafePointer<Node>, _ scalar: Scalar) -> Bool {
        guard let text = earlier.pointee.scalarText, text == scalar.text,
            case .scalar(let other) = earlier.pointee.content
        else { return false }
        switch (other.value, scalar.value) {
        case (.double(let x), .double(let y)):
            return x == y || (x.isNaN && y.isNaN)
        default:
            return other.value == scalar.value
        }
    }

    let limits: LoadLimits
    let text: UnsafeBufferPointer<UInt8>

    /// The documents read so far, the one that ended the file (if any) last.
    private(set) var documents: [LoadedDocument] = []
    /// The syntax error or limit that ended the file early, if any.
    private(set) var stop: LoadProblem?
    /// Whether the last document ended without an explicit `...`.
    private(set) var lastEndImplicit = true

    private var inDocument = false
    private var documentStart = Mark(line: 1, column: 1)
    private var documentProblem: LoadProblem?
    /// Whether the open document has its problem, so that its remaining events are skipped.
    private var skippingDocument: Bool {
        if case .some = documentProblem { return true }
        return false
    }
    private var root: Node?
    private var frames: [Frame] = []
    /// The finished children of the open collections.
    private let children = ChildStack()
    private var anchors: [String: Anchored] = [:]
    private var totalNodes = 0
    private var aliasNodes = 0
    private var events = 0

    init(limits: LoadLimits, text: UnsafeBufferPointer<UInt8>) {
        self.limits = limits
        self.text = text
    }

    // MARK: - Driving libyaml

    /// Parses all of `text`. The parser and every event are always freed.
    mutating func run() {
        guard let base = text.baseAddress, !text.isEmpty else { return }
        // libyaml keeps a pointer to the parser inside it: it needs a fixed address.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            end(
                with: limitProblem(
                    "the YAML parser could not be started (out of memory)", reason: "memory",
                    limit: "", at: Mark(line: 1, column: 1)))
            return
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, base, text.count)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)

        // Every event consumes input; this bound only guards against a parser that stops
        // advancing, so that no input can make the loop spin.
        let maxEvents = 8 * text.count + 64
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else {
                end(with: syntaxProblem(parser.pointee))
                return
            }
            let goOn = handle(event)
            yaml_event_delete(&event)
            guard goOn else { return }
            events += 1
            if events % 1024 == 0, WorkCancellation.isRequested {
                end(
                    with: limitProblem(
                        "the check was stopped before the file was read", reason: "cancelled",
                        limit: "", at: documentStart))
                return
            }
            if events > maxEvents {
                end(
                    with: limitProblem(
                        "the YAML parser stopped advancing", reason: "parser",
                        limit: String(maxEvents), at: documentStart))
                return
            }
        }
    }

    /// Handles one event; false when the file ends here.
    private mutating func handle(_ event: yaml_event_t) -> Bool {
        switch event.type {
        case YAML_SCALAR_EVENT:
            guard !skippingDocument else { return true }
            return scalar(event)
        case YAML_ALIAS_EVENT:
            guard !skippingDocument else { return true }
            return alias(event)
        case YAML_SEQUENCE_START_EVENT:
            guard !skippingDocument else { return true }
            let data = event.data.sequence_start
            return open(
                event, isMapping: false, isFlow: data.style == YAML_FLOW_SEQUENCE_STYLE,
                anchor: data.anchor, tag: data.tag)
        case YAML_MAPPING_START_EVENT:
            guard !skippingDocument else { return true }
            let data = event.data.mapping_start
            return open(
                event, isMapping: true, isFlow: data.style == YAML_FLOW_MAPPING_STYLE,
                anchor: data.anchor, tag: data.tag)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard !skippingDocument else { return true }
            close(event)
            return true
        case YAML_DOCUMENT_START_EVENT:
            return startDocument(Self.mark(event.start_mark))
        case YAML_DOCUMENT_END_EVENT:
            endDocument(implicit: event.data.document_end.implicit != 0)
            return true
        case YAML_STREAM_START_EVENT:
            return true
        default: // stream end, or no event at all: nothing more will come
            return false
        }
    }

    // MARK: - Documents

    private mutating func startDocument(_ start: Mark) -> Bool {
        if documents.count >= limits.maxDocuments {
            documentStart = start
            end(
                with: limitProblem(
                    "the file holds more than \(limits.maxDocuments) documents",
                    reason: "documents", limit: String(limits.maxDocuments), at: start))
            return false
        }
        inDocument = true
        documentStart = start
        documentProblem = nil
        root = nil
        frames.removeAll(keepingCapacity: true)
        children.removeAll()
        anchors.removeAll(keepingCapacity: true)
        return true
    }

    private mutating func endDocument(implicit: Bool) {
        let index = documents.count
        var document = LoadedDocument(index: index, root: nil, problem: documentProblem, start: documentStart)
        if documentProblem == nil, root == nil {
            document.problem = LoadProblem(
                kind: .empty, message: "the document is empty: a dossier must be a mapping of `key: value` lines",
                mark: documentStart, detail: ["reason": "null-document"])
        }
        if documentProblem == nil, let root {
            switch root.content {
            case .mapping:
                document.root = root
            case .scalar(let scalar) where scalar.value == .null:
                let mark = scalar.text.isEmpty ? documentStart : root.start
                document.problem = LoadProblem(
                    kind: .empty, message: "the document is empty: a dossier must be a mapping of `key: value` lines",
                    mark: mark, detail: ["reason": "null-document"])
            case .scalar(let scalar):
                let found: String
                switch scalar.value {
                case .bool: found = "boolean"
                case .int, .double: found = "number"
                default: found = "text"
                }
                document.problem = notAMapping(found: found, at: root.start)
            case .sequence:
                document.problem = notAMapping(found: "list", at: root.start)
            }
        }
        documents.append(document)
        inDocument = false
        lastEndImplicit = implicit
        root = nil
        frames.removeAll(keepingCapacity: true)
        children.removeAll()
        anchors.removeAll(keepingCapacity: true)
    }

    private func notAMapping(found: String, at mark: Mark) -> LoadProblem {
        let article = found == "list" ? "a list" : found == "text" ? "text" : "a \(found)"
        return LoadProblem(
            kind: .notAMapping,
            message: "a document must be a mapping of `key: value` lines, found \(article)",
            mark: mark, detail: ["reason": "root", "found": found])
    }

    /// Ends the file with `problem`: the open document (or a new one) carries it.
    private mutating func end(with problem: LoadProblem) {
        let start = inDocument ? documentStart : problem.mark
        documents.append(LoadedDocument(index: documents.count, root: nil, problem: problem, start: start))
        stop = problem
        inDocument = false
        frames.removeAll()
        children.removeAll()
        anchors.removeAll()
        root = nil
    }

    /// Gives the open document `problem` and skips the rest of it.
    private mutating func fail(_ problem: LoadProblem) {
        documentProblem = problem
        frames.removeAll(keepingCapacity: true)
        children.removeAll()
        anchors.removeAll(keepingCapacity: true)
        root = nil
    }

    // MARK: - Nodes

    private mutating func scalar(_ event: yaml_event_t) -> Bool {
        let data = event.data.scalar
        let bytes = UnsafeBufferPointer(start: data.value, count: data.length)
        let text = String(decoding: bytes, as: UTF8.self)
        let start = Self.mark(event.start_mark)
        let style: Scalar.Style
        switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        var tag: String?
        let value: Scalar.Value
        if let rawTag = data.tag {
            let fullTag = String(cString: rawTag)
            tag = Self.shortTag(fullTag)
            if let standard = CoreSchema.StandardTag(fullTag: fullTag) {
                guard let resolved = CoreSchema.resolve(bytes, text: text, as: standard) else {
                    fail(badTag(tag!, text: text, expected: standard.noun, at: start))
                    return true
                }
                value = resolved
            } else if fullTag == "tag:yaml.org,2002:map" || fullTag == "tag:yaml.org,2002:seq" {
                fail(badTag(tag!, text: text, expected: fullTag.hasSuffix("map") ? "a mapping" : "a list", at: start))
                return true
            } else {
                value = .string(text)
            }
        } else if style == .plain {
            value = CoreSchema.resolvePlain(bytes, text: text)
        } else {
            value = .string(text)
        }
        guard count(nodes: 1, viaAlias: false, at: start) else { return false }
        let end = Self.mark(event.end_mark)
        let anchor = data.anchor.map { String(cString: $0) }
        // Every text value here is the scalar's own text.
        if case .string = value {
            attach(
                Node(.scalar(Scalar(text: text, style: style, tag: tag)), start: start, end: end), count: 1, height: 0,
                anchor: anchor)
        } else {
            attach(
                Node(.scalar(Scalar(text: text, style: style, tag: tag, value: value)), start: start, end: end), count: 1,
                height: 0, anchor: anchor)
        }
        return true
    }

    private mutating func alias(_ event: yaml_event_t) -> Bool {
        let name = String(cString: event.data.alias.anchor)
        let start = Self.mark(event.start_mark)
        let aliasEnd = Self.mark(event.end_mark)
        guard let anchored = anchors[name] else {
            if frames.contains(where: { $0.anchor == name }) {
                fail(
                    LoadProblem(
                        kind: .syntax,
                        message: "the alias `*\(name)` refers to the node it is inside: recursive structures are not allowed",
                        mark: start, end: aliasEnd, detail: ["reason": "recursive-alias", "anchor": name]))
            } else {
                fail(
                    LoadProblem(
                        kind: .syntax,
                        message: "the alias `*\(name)` refers to no anchor: `&\(name)` must come before it in the same document",
                        mark: start, end: aliasEnd, detail: ["reason": "undefined-alias", "anchor": name]))
            }
            return true
        }
        if frames.count + anchored.height > limits.maxDepth {
            end(with: depthProblem(at: start, end: aliasEnd))
            return false
        }
        guard count(nodes: anchored.count, viaAlias: true, at: start, end: aliasEnd) else { return false }
        var expanded = anchored.node
        expanded.start = start
        expanded.end = aliasEnd
        attach(expanded, count: anchored.count, height: anchored.height, anchor: nil)
        return true
    }

    private mutating func open(
        _ event: yaml_event_t, isMapping: Bool, isFlow: Bool,
        anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?
    ) -> Bool {
        let start = Self.mark(event.start_mark)
        if let tag {
            let fullTag = String(cString: tag)
            let fits = isMapping ? "tag:yaml.org,2002:map" : "tag:yaml.org,2002:seq"
            let other = isMapping ? "tag:yaml.org,2002:seq" : "tag:yaml.org,2002:map"
            if fullTag != fits, fullTag == other || CoreSchema.StandardTag(fullTag: fullTag) != nil {
                let short = Self.shortTag(fullTag)
                let expected =
                    fullTag == other
                    ? (isMapping ? "a list" : "a mapping")
                    : CoreSchema.StandardTag(fullTag: fullTag)!.noun
                fail(
                    LoadProblem(
                        kind: .badTag,
                        message:
                            "the tag `\(short)` asks for \(expected), but the value is \(isMapping ? "a mapping" : "a list")",
                        mark: start, detail: ["reason": "tag-mismatch", "tag": short, "found": isMapping ? "mapping" : "list"]))
                return true
            }
        }
        guard count(nodes: 1, viaAlias: false, at: start) else { return false }
        if frames.count + 1 > limits.maxDepth {
            end(with: depthProblem(at: start))
            return false
        }
        frames.append(
            Frame(
                isMapping: isMapping, isFlow: isFlow, start: start,
                anchor: anchor.map { String(cString: $0) }, childStart: children.count))
        return true
    }

    private mutating func close(_ event: yaml_event_t) {
        guard let frame = frames.popLast() else { return }
        var start = frame.start
        var end = Self.mark(event.end_mark)
        let hasChildren = children.count > frame.childStart
        if !frame.isFlow, hasChildren {
            // A block mapping starts at its first key, even after an anchor or a tag.
            if frame.isMapping { start = children.node(at: frame.childStart).pointee.start }
            // A block collection's end event sits at the next token; its last child (a mapping's
            // last value) ends it.
            end = children.node(at: children.count - 1).pointee.end
        }
        let content: Node.Content =
            frame.isMapping
            ? .mapping(children.popEntries(from: frame.childStart)) : .sequence(children.popItems(from: frame.childStart))
        attach(
            Node(content, start: start, end: end),
            count: frame.count, height: frame.childHeight + 1, anchor: frame.anchor)
    }

    /// Puts a finished node into its parent (or makes it the root) and records its anchor.
    private mutating func attach(_ node: consuming Node, count: Int, height: Int, anchor: String?) {
        if let anchor { anchors[anchor] = Anchored(node: copy node, count: count, height: height) }
        guard !frames.isEmpty else {
            root = node
            return
        }
        // In-place accesses to the open collection (this runs for every node of every file).
        let last = frames.count - 1
        frames[last].count = Self.add(frames[last].count, count)
        if height > frames[last].childHeight { frames[last].childHeight = height }
        if frames[last].isMapping, (children.count - frames[last].childStart) % 2 == 0,
            let first = Self.register(key: node, in: &frames[last], children: children)
        {
            let text: String
            if case .scalar(let scalar) = node.content { text = scalar.text } else { text = "" }
            fail(
                LoadProblem(
                    kind: .duplicateKey,
                    message: "duplicate key `\(text)` (first at line \(first.start.line))",
                    mark: node.start, related: [first.start],
                    detail: [
                        "reason": "duplicate-key", "key": text,
                        "firstLine": String(first.start.line), "firstColumn": String(first.start.column),
                    ]))
            return
        }
        children.push(node)
    }

    /// Counts produced nodes against the limits; false (and the file ended) past one.
    private mutating func count(nodes: Int, viaAlias: Bool, at mark: Mark, end tokenEnd: Mark? = nil) -> Bool {
        totalNodes = Self.add(totalNodes, nodes)
        if viaAlias {
            aliasNodes = Self.add(aliasNodes, nodes)
            if aliasNodes > limits.maxAliasNodes {
                end(
                    with: limitProblem(
                        "aliases expand to more than \(limits.maxAliasNodes) nodes in this file (an alias bomb such as "
                            + "\"billion laughs\"?): the file is refused",
                        reason: "alias-nodes", limit: String(limits.maxAliasNodes), at: mark, end: tokenEnd))
                return false
            }
        }
        if totalNodes > limits.maxNodes {
            end(
                with: limitProblem(
                    "the file holds more than \(limits.maxNodes) nodes",
                    reason: "nodes", limit: String(limits.maxNodes), at: mark))
            return false
        }
        return true
    }

    // MARK: - Problems

    private func depthProblem(at mark: Mark, end: Mark? = nil) -> LoadProblem {
        limitProblem(
            "lists and mappings nest deeper than \(limits.maxDepth) levels here",
            reason: "depth", limit: String(limits.maxDepth), at: mark, end: end)
    }

    private func limitProblem(_ message: String, reason: String, limit: String, at mark: Mark, end: Mark? = nil) -> LoadProblem {
        LoadProblem(kind: .limit, message: message, mark: mark, end: end, detail: ["reason": reason, "limit": limit])
    }

    private func badTag(_ tag: String, text: String, expected: String, at mark: Mark) -> LoadProblem {
        LoadProblem(
            kind: .badTag,
            message: "the tag `\(tag)` asks for \(expected), but the value is `\(text)`",
            mark: mark, detail: ["reason": "tag-mismatch", "tag": tag, "value": text])
    }

    /// A located problem from libyaml's error state, with tabs in indentation named as such.
    private func syntaxProblem(_ parser: yaml_parser_t) -> LoadProblem {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown YAML error"
        let context = parser.context.map { String(cString: $0) }
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return limitProblem("the YAML parser ran out of memory", reason: "memory", limit: "", at: documentStart)
        case YAML_READER_ERROR:
            // Not expected: EncodingCheck lets only text libyaml can read through.
            let mark = TextPosition.mark(ofByte: parser.problem_offset, in: text)
            return LoadProblem(
                kind: .syntax, message: "the file cannot be read as YAML: \(problem)",
                mark: mark, detail: ["reason": "reader", "problem": problem])
        default:
            break
        }
        let mark = withinText(Self.mark(parser.problem_mark))
        let contextMark = withinText(Self.mark(parser.context_mark))
        var detail = ["reason": "libyaml", "problem": problem]
        var related: [Mark] = []
        var message = "YAML syntax error: \(problem)"
        if let context {
            detail["context"] = context
            detail["contextLine"] = String(contextMark.line)
            detail["contextColumn"] = String(contextMark.column)
            if contextMark != mark {
                related.append(contextMark)
                message += " (\(context), which started at line \(contextMark.line), column \(contextMark.column))"
            } else {
                message += " (\(context))"
            }
        }
        if let tab = tabInIndentation(near: mark, problem: problem) {
            detail["reason"] = "tab-indentation"
            return LoadProblem(
                kind: .syntax,
                message: "a tab character is used for indentation at line \(tab.line), column \(tab.column): "
                    + "YAML indents with spaces only, replace the tab with spaces (libyaml: \(problem))",
                mark: tab, related: related, detail: detail)
        }
        return LoadProblem(kind: .syntax, message: message, mark: mark, related: related, detail: detail)
    }

    /// The tab that likely caused a libyaml error at `mark`: the character there, or one in
    /// the indentation of its line when the error is at the line's first token.
    private func tabInIndentation(near mark: Mark, problem: String) -> Mark? {
        let tab = UInt8(ascii: "\t")
        if let offset = TextPosition.offset(of: mark, in: text), offset < text.count, text[offset] == tab {
            return mark
        }
        if var i = TextPosition.offset(of: Mark(line: mark.line, column: 1), in: text) {
            var column = 1
            var firstTab: Int?
            while i < text.count, text[i] == UInt8(ascii: " ") || text[i] == tab {
                if text[i] == tab, firstTab == nil { firstTab = column }
                i += 1
                column += 1
            }
            if let firstTab, mark.column <= column {
                return Mark(line: mark.line, column: firstTab)
            }
        }
        return problem.contains("tab") ? mark : nil
    }

    // MARK: - Helpers

    /// libyaml ends a text that lacks a final line break with one of its own, so an error at the
    /// very end is placed on a line the file does not have: such a place becomes the text's end.
    private func withinText(_ mark: Mark) -> Mark {
        guard mark.column == 1, mark.line > 1 else { return mark }
        let end = TextPosition.mark(ofByte: text.count, in: text)
        return mark > end ? end : mark
    }

    /// Saturating addition: node counts never trap, whatever limits a caller sets.
    @inline(__always)
    private static func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }

    @inline(__always)
    static func mark(_ m: yaml_mark_t) -> Mark {
        Mark(line: Int(m.line) + 1, column: Int(m.column) + 1)
    }

    /// `tag:yaml.org,2002:str` → `!!str`; other tags as libyaml resolved them.
    static func shortTag(_ fullTag: String) -> String {
        let prefix = "tag:yaml.org,2002:"
        return fullTag.hasPrefix(prefix) ? "!!" + fullTag.dropFirst(prefix.count) : fullTag
    }
}
