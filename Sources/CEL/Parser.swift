#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - Syntax tree

enum BinaryOp: String {
    case add = "+"
    case sub = "-"
    case mul = "*"
    case div = "/"
    case mod = "%"
    case eq = "=="
    case ne = "!="
    case lt = "<"
    case le = "<="
    case gt = ">"
    case ge = ">="
    case `in` = "in"
}

enum MacroKind: String {
    case all, exists
    case existsOne = "exists_one"
    case map, filter
    /// Two-variable comprehensions (cel-go's `ext.TwoVarComprehensions`).
    case transformList, transformMap, transformMapEntry
    /// `cel.bind(name, value, body)`: the "range" is the value, bound once.
    case bind = "cel.bind"
    /// `opt.optMap(v, expr)`, `opt.optFlatMap(v, expr)`: the body runs on the optional's value.
    case optMap, optFlatMap
}

final class Expr {
    enum Kind {
        case literal(CELValue)
        /// A name; `absolute` when written with a leading dot (`.x`), which bypasses loop variables.
        case ident(String, absolute: Bool)
        case select(Expr, String)
        /// `a.?f`: an optional, empty when `a` has no field `f`.
        case optSelect(Expr, String)
        case has(Expr, String)
        /// A function call; `target` is the receiver of `a.f(b)`.
        case call(target: Expr?, name: String, args: [Expr])
        case index(Expr, Expr)
        /// `a[?k]`: an optional, empty when `a` has no index or key `k`.
        case optIndex(Expr, Expr)
        /// `optionalAt`: the positions of the elements (entries) written `?e` (`?k: v`), whose value is an
        /// optional that adds the element only when it has a value.
        case list([Expr], optionalAt: Set<Int>)
        case map([(Expr, Expr)], optionalAt: Set<Int>)
        case not(Expr, count: Int)
        case negate(Expr, count: Int)
        case binary(BinaryOp, Expr, Expr)
        case and([Expr])
        case or([Expr])
        case cond(Expr, Expr, Expr)
        /// `range.macro(variable, body)`; for the 3-argument `map`, `filter` is the predicate. `second`: the
        /// value variable of a two-variable comprehension (`m.all(k, v, …)`).
        case comprehension(MacroKind, range: Expr, variable: String, second: String?, body: Expr, filter: Expr?)
    }

    let kind: Kind
    let offset: Int
    let height: Int

    @inline(never) init(_ kind: Kind, offset: Int) {
        self.kind = kind
        self.offset = offset
        var h = 0
        switch kind {
        case .literal, .ident: h = 0
        case .select(let e, _), .optSelect(let e, _), .has(let e, _), .not(let e, _), .negate(let e, _): h = e.height
        case .call(let t, _, let args): h = max(t?.height ?? 0, args.map(\.height).max() ?? 0)
        case .index(let a, let b), .optIndex(let a, let b), .binary(_, let a, let b): h = max(a.height, b.height)
        case .list(let es, _), .and(let es), .or(let es): h = es.map(\.height).max() ?? 0
        case .map(let kvs, _): h = kvs.map { max($0.0.height, $0.1.height) }.max() ?? 0
        case .cond(let a, let b, let c): h = max(a.height, b.height, c.height)
        case .comprehension(_, let r, _, _, let b, let f): h = max(r.height, b.height, f?.height ?? 0)
        }
        self.height = h + 1
    }
}

// MARK: - Parser

/// Recursive-descent (precedence-climbing) parser for CEL with macro expansion.
///
/// Nesting is limited in three ways so that neither parsing, compiling nor evaluation can overflow the stack:
/// the parser's recursion depth, the height of the resulting tree (long `a + b + …` chains) are both capped at
/// `maxDepth`, and a guard on the thread's actual stack bounds stops recursion before the stack runs out.
struct Parser {
    static let reserved: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop", "package",
        "namespace", "return", "var", "void", "while", "in",
    ]

    let src: SourceText
    let tokens: [Token]
    var pos = 0
    var depth = 0
    let maxDepth: Int
    let stackLimit: UInt

    init(source: String, maxDepth: Int) throws(CELParseError) {
        src = SourceText(source)
        tokens = try Lexer.tokenize(src)
        self.maxDepth = maxDepth
        stackLimit = StackGuard.limit()
    }

    static func parse(_ source: String, maxDepth: Int) throws(CELParseError) -> Expr {
        var p = try Parser(source: source, maxDepth: maxDepth)
        let e = try p.parseExpr()
        if p.cur.kind != .eof { throw p.unexpected() }
        return e
    }

    var cur: Token { tokens[pos] }

    func isPunct(_ p: Punct) -> Bool {
        if case .punct(let x) = cur.kind { return x == p }
        return false
    }

    mutating func accept(_ p: Punct) -> Bool {
        if isPunct(p) {
            pos += 1
            return true
        }
        return false
    }

    mutating func expect(_ p: Punct, _ context: StaticString) throws(CELParseError) {
        if !accept(p) { throw expected(p, context) }
    }

    // Error construction lives in separate, never-inlined functions to keep the recursive frames small.
    @inline(never) func unexpected() -> CELParseError {
        src.error(cur.kind == .eof ? "unexpected end of input" : "unexpected \(cur.kind.display)", at: cur.offset)
    }

    @inline(never) func expected(_ p: Punct, _ context: StaticString) -> CELParseError {
        src.error("expected '\(p.rawValue)' \(context), found \(cur.kind.display)", at: cur.offset)
    }

    @inline(never) func tooDeep(_ offset: Int) -> CELParseError {
        src.error("expression nested too deeply (limit is \(maxDepth) levels)", at: offset)
    }

    @inline(never) func fail(_ message: String, _ offset: Int) -> CELParseError {
        src.error(message, at: offset)
    }

    @inline(never) func make(_ kind: Expr.Kind, _ offset: Int) throws(CELParseError) -> Expr {
        let e = Expr(kind, offset: offset)
        if e.height > maxDepth { throw tooDeep(offset) }
        return e
    }

    // Expr = ConditionalOr ["?" ConditionalOr ":" Expr]
    mutating func parseExpr() throws(CELParseError) -> Expr {
        depth += 1
        defer { depth -= 1 }
        if depth > maxDepth || StackGuard.isLow(stackLimit) { throw tooDeep(cur.offset) }
        let c = try parseBinary(1)
        guard isPunct(.question) else { return c }
        let qOffset = cur.offset
        pos += 1
        let t = try parseBinary(1)
        try expect(.colon, "in conditional expression")
        let f = try parseExpr()
        return try make(.cond(c, t, f), qOffset)
    }

    /// Binary operators by precedence: `||` 1, `&&` 2, relations 3, `+ -` 4, `* / %` 5.
    static func binaryOperator(_ k: TokenKind) -> (Int, BinaryOp?)? {
        switch k {
        case .punct(let p):
            switch p {
            case .or: return (1, nil)
            case .and: return (2, nil)
            case .lt: return (3, .lt)
            case .le: return (3, .le)
            case .gt: return (3, .gt)
            case .ge: return (3, .ge)
            case .eq: return (3, .eq)
            case .ne: return (3, .ne)
            case .plus: return (4, .add)
            case .minus: return (4, .sub)
            case .star: return (5, .mul)
            case .slash: return (5, .div)
            case .percent: return (5, .mod)
            default: return nil
            }
        case .ident("in"): return (3, .in)
        default: return nil
        }
    }

    mutating func parseBinary(_ minPrec: Int) throws(CELParseError) -> Expr {
        var lhs = try parseUnary()
        while let (prec, op) = Parser.binaryOperator(cur.kind), prec >= minPrec {
            let o = cur.offset
            if let op {
                pos += 1
                let rhs = try parseBinary(prec + 1)
                lhs = try make(.binary(op, lhs, rhs), o)
            } else {
                // && and || chains become one flat n-ary node (no nesting, short-circuit in order).
                var terms = [lhs]
                while let (p2, _) = Parser.binaryOperator(cur.kind), p2 == prec {
                    pos += 1
                    terms.append(try parseBinary(prec + 1))
                }
                lhs = try make(prec == 1 ? .or(terms) : .and(terms), o)
            }
        }
        return lhs
    }

    mutating func parseUnary() throws(CELParseError) -> Expr {
        let start = cur.offset
        if isPunct(.bang) {
            var n = 0
            while accept(.bang) { n += 1 }
            return try make(.not(try parseMember(), count: n), start)
        }
        if isPunct(.minus) {
            // A single minus directly before a number literal is part of the literal (parseMember handles it),
            // so -9223372036854775808 works; `--x` negates twice.
            if isNumberLiteral(pos + 1) { return try parseMember() }
            var n = 0
            while accept(.minus) { n += 1 }
            return try make(.negate(try parseMember(), count: n), start)
        }
        return try parseMember()
    }

    func isNumberLiteral(_ index: Int) -> Bool {
        guard index < tokens.count else { return false }
        switch tokens[index].kind {
        case .intLit, .doubleLit: return true
        default: return false
        }
    }

    /// `-` followed by an int or double literal: a signed literal (CEL's INT_LIT and FLOAT_LIT include the sign).
    @inline(never) mutating func negativeLiteral() throws(CELParseError) -> Expr {
        let start = cur.offset
        pos += 1
        defer { pos += 1 }
        switch cur.kind {
        case .intLit(let mag):
            guard mag <= UInt64(Int64.max) + 1 else { throw fail("integer literal out of range", cur.offset) }
            return try make(.literal(.int(mag == UInt64(Int64.max) + 1 ? Int64.min : -Int64(mag))), start)
        case .doubleLit(let d):
            return try make(.literal(.double(-d)), start)
        default:
            fatalError("negativeLiteral called without a number literal")
        }
    }

    mutating func parseMember() throws(CELParseError) -> Expr {
        if isPunct(.minus) && isNumberLiteral(pos + 1) { return try parseSuffixes(try negativeLiteral()) }
        return try parseSuffixes(try parsePrimary())
    }

    mutating func parseSuffixes(_ base: Expr) throws(CELParseError) -> Expr {
        var e = base
        while case .punct(let p) = cur.kind {
            if p == .dot {
                let dotOffset = cur.offset
                pos += 1
                if accept(.question) {
                    let (name, _) = try fieldName()
                    e = try make(.optSelect(e, name), dotOffset)
                    continue
                }
                let (name, quoted) = try fieldName()
                if !quoted && isPunct(.lparen) {
                    let nameOffset = tokens[pos - 1].offset
                    pos += 1
                    let args = try parseExprList(closing: .rparen)
                    e = try makeCall(target: e, name: name, args: args, offset: nameOffset)
                } else {
                    e = try make(.select(e, name), dotOffset)
                }
            } else if p == .lbracket {
                let o = cur.offset
                pos += 1
                let optional = accept(.question)
                let idx = try parseExpr()
                try expect(.rbracket, "to close the index")
                e = try make(optional ? .optIndex(e, idx) : .index(e, idx), o)
            } else if p == .lbrace {
                throw fail("message construction is not supported", cur.offset)
            } else {
                break
            }
        }
        return e
    }

    /// The name after a '.': an identifier (reserved words allowed) or a `quoted` one.
    @inline(never) mutating func fieldName() throws(CELParseError) -> (String, Bool) {
        switch cur.kind {
        case .ident(let name):
            pos += 1
            return (name, false)
        case .quotedIdent(let name):
            pos += 1
            if isPunct(.lparen) { throw fail("a quoted identifier cannot name a function", tokens[pos - 1].offset) }
            return (name, true)
        default:
            throw fail("expected a field name after '.', found \(cur.kind.display)", cur.offset)
        }
    }

    mutating func parseExprList(closing: Punct) throws(CELParseError) -> [Expr] {
        var out: [Expr] = []
        if accept(closing) { return out }
        while true {
            out.append(try parseExpr())
            if accept(closing) { return out }
            try expect(.comma, "or a closing bracket")
            if closing == .rbracket && accept(closing) { return out } // trailing comma in list literals
        }
    }

    mutating func parsePrimary() throws(CELParseError) -> Expr {
        let offset = cur.offset
        if case .punct(let p) = cur.kind {
            if p == .lparen {
                pos += 1
                let e = try parseExpr()
                try expect(.rparen, "to close the parenthesis")
                return e
            }
            if p == .lbracket {
                pos += 1
                let (elements, optionalAt) = try parseListElements()
                return try make(.list(elements, optionalAt: optionalAt), offset)
            }
            if p == .lbrace {
                pos += 1
                let (entries, optionalAt) = try parseMapEntries()
                return try make(.map(entries, optionalAt: optionalAt), offset)
            }
        }
        guard let (name, absolute) = try identifierOrLiteral() else {
            return try literal()
        }
        if isPunct(.lparen) {
            pos += 1
            let args = try parseExprList(closing: .rparen)
            return try makeCall(target: nil, name: name, args: args, offset: offset)
        }
        return try make(.ident(name, absolute: absolute), offset)
    }

    /// The elements of a list literal, and the positions of those written `?e` (optional elements).
    mutating func parseListElements() throws(CELParseError) -> ([Expr], Set<Int>) {
        var out: [Expr] = []
        var optionalAt: Set<Int> = []
        if accept(.rbracket) { return (out, optionalAt) }
        while true {
            if accept(.question) { optionalAt.insert(out.count) }
            out.append(try parseExpr())
            if accept(.rbracket) { return (out, optionalAt) }
            try expect(.comma, "or a closing bracket")
            if accept(.rbracket) { return (out, optionalAt) } // trailing comma
        }
    }

    mutating func parseMapEntries() throws(CELParseError) -> ([(Expr, Expr)], Set<Int>) {
        var entries: [(Expr, Expr)] = []
        var optionalAt: Set<Int> = []
        if accept(.rbrace) { return (entries, optionalAt) }
        while true {
            if accept(.question) { optionalAt.insert(entries.count) }
            let k = try parseExpr()
            try expect(.colon, "between map key and value")
            let v = try parseExpr()
            entries.append((k, v))
            if accept(.rbrace) { return (entries, optionalAt) }
            try expect(.comma, "or '}' in map literal")
            if accept(.rbrace) { return (entries, optionalAt) }
        }
    }

    /// An identifier (optionally with a leading dot) starting a primary; nil when the token is a literal.
    @inline(never) mutating func identifierOrLiteral() throws(CELParseError) -> (String, Bool)? {
        var absolute = false
        if isPunct(.dot) {
            absolute = true
            pos += 1
        }
        guard case .ident(let name) = cur.kind else {
            if absolute { throw fail("expected an identifier after '.', found \(cur.kind.display)", cur.offset) }
            return nil
        }
        switch name {
        case "true", "false", "null":
            if absolute { throw fail("expected an identifier after '.', found '\(name)'", cur.offset) }
            return nil
        default:
            if Parser.reserved.contains(name) {
                throw fail("reserved identifier '\(name)' cannot be used here", cur.offset)
            }
        }
        pos += 1
        return (name, absolute)
    }

    @inline(never) mutating func literal() throws(CELParseError) -> Expr {
        let t = cur
        let value: CELValue
        switch t.kind {
        case .intLit(let mag):
            guard mag <= UInt64(Int64.max) else { throw fail("integer literal out of range", t.offset) }
            value = .int(Int64(mag))
        case .uintLit(let v): value = .uint(v)
        case .doubleLit(let d): value = .double(d)
        case .stringLit(let s): value = .string(s)
        case .bytesLit(let b): value = .bytes(b)
        case .ident("true"): value = .bool(true)
        case .ident("false"): value = .bool(false)
        case .ident("null"): value = .null
        case .quotedIdent: throw fail("a quoted identifier is only allowed after '.'", t.offset)
        default: throw unexpected()
        }
        pos += 1
        return try make(.literal(value), t.offset)
    }

    /// Builds a call, expanding the standard macros.
    @inline(never)
    mutating func makeCall(target: Expr?, name: String, args: [Expr], offset: Int) throws(CELParseError) -> Expr {
        if target == nil && name == "has" && args.count == 1 {
            guard case .select(let operand, let field) = args[0].kind else {
                throw fail("invalid argument to has() macro: expected a field selection like has(a.b)", args[0].offset)
            }
            return try make(.has(operand, field), offset)
        }
        if let target, case .ident("cel", absolute: false) = target.kind, name == "bind", args.count == 3 {
            let v = try variableName(args[0], of: "cel.bind")
            return try make(.comprehension(.bind, range: args[1], variable: v, second: nil, body: args[2], filter: nil), offset)
        }
        if let target {
            let kind: MacroKind?
            var twoVariables = false
            switch (name, args.count) {
            case ("all", 2): kind = .all
            case ("exists", 2): kind = .exists
            case ("exists_one", 2), ("existsOne", 2): kind = .existsOne
            case ("map", 2), ("map", 3): kind = .map
            case ("filter", 2): kind = .filter
            case ("optMap", 2): kind = .optMap
            case ("optFlatMap", 2): kind = .optFlatMap
            case ("all", 3): (kind, twoVariables) = (.all, true)
            case ("exists", 3): (kind, twoVariables) = (.exists, true)
            case ("exists_one", 3), ("existsOne", 3): (kind, twoVariables) = (.existsOne, true)
            case ("transformList", 3), ("transformList", 4): (kind, twoVariables) = (.transformList, true)
            case ("transformMap", 3), ("transformMap", 4): (kind, twoVariables) = (.transformMap, true)
            case ("transformMapEntry", 3), ("transformMapEntry", 4): (kind, twoVariables) = (.transformMapEntry, true)
            default: kind = nil
            }
            if let kind {
                let v = try variableName(args[0], of: name)
                if twoVariables {
                    let w = try variableName(args[1], of: name)
                    if v == w { throw fail("the two variables of \(name)() must differ ('\(v)')", args[1].offset) }
                    let filter = args.count == 4 ? args[2] : nil
                    return try make(
                        .comprehension(kind, range: target, variable: v, second: w, body: args[args.count - 1], filter: filter),
                        offset)
                }
                if args.count == 3 {
                    return try make(
                        .comprehension(kind, range: target, variable: v, second: nil, body: args[2], filter: args[1]), offset)
                }
                return try make(.comprehension(kind, range: target, variable: v, second: nil, body: args[1], filter: nil), offset)
            }
        }
        return try make(.call(target: target, name: name, args: args), offset)
    }

    /// A macro's variable: a plain identifier.
    @inline(never) func variableName(_ e: Expr, of macro: String) throws(CELParseError) -> String {
        guard case .ident(let v, absolute: false) = e.kind else {
            throw fail("the variables of \(macro)() must be simple names", e.offset)
        }
        return v
    }
}

// MARK: - Stack guard

/// Knows where the current thread's stack ends, so that recursion can stop with an error well before it.
enum StackGuard {
    /// Per-thread cache of `limit()`: finding the stack bounds of the main thread means reading /proc on Linux.
    static let cacheKey: pthread_key_t? = {
        var key = pthread_key_t()
        return pthread_key_create(&key, nil) == 0 ? key : nil
    }()

    /// The lowest address recursion may reach on this thread (stack bottom plus a safety margin), 0 if unknown.
    static func limit() -> UInt {
        guard let key = cacheKey else { return computeLimit() }
        if let cached = pthread_getspecific(key) { return UInt(bitPattern: cached) }
        let l = computeLimit()
        // 1 stands for "unknown" (no guard): no stack address is below it.
        pthread_setspecific(key, UnsafeRawPointer(bitPattern: max(l, 1)))
        return max(l, 1)
    }

    static func computeLimit(maxMargin: UInt = StackGuard.maxMargin) -> UInt {
        #if canImport(Glibc)
            // pthread_getattr_np is a GNU extension the Glibc module does not export; look it up dynamically.
            guard let getattr = pthreadGetattrNP else { return 0 }
            var attr = pthread_attr_t()
            guard getattr(pthread_self(), &attr) == 0 else { return 0 }
            defer { pthread_attr_destroy(&attr) }
            var addr: UnsafeMutableRawPointer? = nil
            var size = 0
            guard pthread_attr_getstack(&attr, &addr, &size) == 0, let addr, size > 0 else { return 0 }
            return UInt(bitPattern: addr) + min(maxMargin, UInt(size) / 4)
        #elseif canImport(Darwin)
            let top = UInt(bitPattern: pthread_get_stackaddr_np(pthread_self()))
            let size = UInt(pthread_get_stacksize_np(pthread_self()))
            guard size > 0 else { return 0 }
            return top - size + min(maxMargin, size / 4)
        #else
            return 0
        #endif
    }

    #if canImport(Glibc)
        typealias GetattrFn = @convention(c) (pthread_t, UnsafeMutablePointer<pthread_attr_t>) -> Int32
        static let pthreadGetattrNP: GetattrFn? = {
            guard let sym = dlsym(nil, "pthread_getattr_np") else { return nil }
            return unsafeBitCast(sym, to: GetattrFn.self)
        }()
    #endif

    /// True when the stack pointer is below `limit` (stacks grow downwards on all supported platforms),
    /// that is inside the safety margin above the stack's bottom.
    ///
    /// The stack pointer is read as the address of a local. Under AddressSanitizer that local may live
    /// on a "fake stack" in the heap (detect_stack_use_after_return): its address is then mapped back
    /// to the real frame, and an address still off this thread's stack is not taken for one.
    @inline(__always) static func isLow(_ limit: UInt) -> Bool {
        if limit <= 1 { return false }
        var marker: UInt8 = 0
        var address = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        #if canImport(Glibc)
            if let sanitizer = AddressSanitizerStack.shared, let real = sanitizer.realFrame(of: address) { address = real }
        #endif
        return address < limit && limit - address <= maxMargin
    }

    /// The largest safety margin `computeLimit` keeps above a stack's bottom.
    static let maxMargin: UInt = 160 * 1024
}

#if canImport(Glibc)
    /// AddressSanitizer's fake stacks, when the process runs under it (nil otherwise): its public
    /// interface maps an address in a fake frame to the real frame it stands for.
    struct AddressSanitizerStack: @unchecked Sendable {
        typealias CurrentFakeStack = @convention(c) () -> UnsafeMutableRawPointer?
        typealias AddressIsInFakeStack =
            @convention(c) (
                UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                UnsafeMutablePointer<UnsafeMutableRawPointer?>?
            ) -> UnsafeMutableRawPointer?

        let currentFakeStack: CurrentFakeStack
        let addressIsInFakeStack: AddressIsInFakeStack

        static let shared: AddressSanitizerStack? = {
            guard let current = dlsym(nil, "__asan_get_current_fake_stack"),
                let lookUp = dlsym(nil, "__asan_addr_is_in_fake_stack")
            else { return nil }
            return AddressSanitizerStack(
                currentFakeStack: unsafeBitCast(current, to: CurrentFakeStack.self),
                addressIsInFakeStack: unsafeBitCast(lookUp, to: AddressIsInFakeStack.self))
        }()

        /// The real stack address of the frame `address` belongs to, when it is in a fake frame.
        func realFrame(of address: UInt) -> UInt? {
            guard let fake = currentFakeStack(),
                let real = addressIsInFakeStack(fake, UnsafeMutableRawPointer(bitPattern: address), nil, nil)
            else { return nil }
            return UInt(bitPattern: real)
        }
    }
#endif
