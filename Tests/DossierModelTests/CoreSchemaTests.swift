import DossierModel
import Testing

/// The YAML 1.2 core schema, seen through the loader: `v: <text>` resolves to the value.
struct CoreSchemaTests {
    static let plain: [(String, Scalar.Value)] = [
        // null
        ("null", .null), ("Null", .null), ("NULL", .null), ("~", .null), ("", .null),
        ("nULL", .string("nULL")), ("nil", .string("nil")),
        // bool: only true/false in three spellings
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        ("tRUE", .string("tRUE")), ("yes", .string("yes")), ("no", .string("no")),
        ("on", .string("on")), ("off", .string("off")), ("y", .string("y")), ("N", .string("N")),
        // int
        ("0", .int(0)), ("160000", .int(160_000)), ("-12", .int(-12)), ("+12", .int(12)),
        ("0777", .int(777)), ("0o17", .int(15)), ("0x1F", .int(31)), ("0xff", .int(255)),
        ("9223372036854775807", .int(Int64.max)), ("-9223372036854775808", .int(Int64.min)),
        ("9223372036854775808", .double(9_223_372_036_854_775_808)),
        ("0xFFFFFFFFFFFFFFFF", .double(0x1p64)),
        ("1_000", .string("1_000")), ("0o8", .string("0o8")), ("0x", .string("0x")), ("0xG", .string("0xG")),
        ("-0x1F", .string("-0x1F")), ("0b101", .string("0b101")), ("+", .string("+")),
        // float
        ("1.5e6", .double(1_500_000)), ("0.7", .double(0.7)), ("5.0", .double(5)), ("1.", .double(1)),
        (".5", .double(0.5)), ("-.5", .double(-0.5)), ("+1.5E-3", .double(0.0015)), ("1e3", .double(1000)),
        (".inf", .double(.infinity)), ("-.Inf", .double(-.infinity)), ("+.INF", .double(.infinity)),
        (".", .string(".")), ("1e", .string("1e")), ("1.5.2", .string("1.5.2")), ("e3", .string("e3")),
        (".infinity", .string(".infinity")), ("-.nan", .string("-.nan")), (".iNF", .string(".iNF")),
        ("1,5", .string("1,5")), ("1 000", .string("1 000")),
        // text
        ("2026-03-01", .string("2026-03-01")), ("BE-WAL", .string("BE-WAL")), ("12:30", .string("12:30")),
        ("é", .string("é")),
    ]

    @Test(arguments: plain)
    func plainScalarResolves(text: String, expected: Scalar.Value) throws {
        let node = try root("v: \(text)\n")
        let scalar = try #require(node["v"]?.scalar)
        #expect(scalar.value == expected, "`\(text)`")
        #expect(scalar.text == text)
        #expect(scalar.style == .plain)
        #expect(scalar.tag == nil)
    }

    @Test(arguments: [".nan", ".NaN", ".NAN"])
    func notANumber(text: String) throws {
        let scalar = try #require(try root("v: \(text)")["v"]?.scalar)
        guard case .double(let value) = scalar.value else {
            Issue.record("`\(text)` resolved to \(scalar.value)")
            return
        }
        #expect(value.isNaN)
    }

    @Test(arguments: [
        ("\"160000\"", "160000", Scalar.Style.doubleQuoted), ("'true'", "true", .singleQuoted),
        ("\"\"", "", .doubleQuoted), ("'~'", "~", .singleQuoted), ("|\n  12\n", "12\n", .literal),
        (">\n  1.5e6\n", "1.5e6\n", .folded),
    ])
    func quotedAndBlockScalarsStayText(source: String, text: String, style: Scalar.Style) throws {
        let scalar = try #require(try root("v: \(source)")["v"]?.scalar)
        #expect(scalar.value == .string(text))
        #expect(scalar.text == text)
        #expect(scalar.style == style)
    }

    @Test(arguments: [
        ("!!str 160000", Scalar.Value.string("160000"), "!!str"), ("!!int \"42\"", .int(42), "!!int"),
        ("!!int 0x10", .int(16), "!!int"), ("!!float 1", .double(1), "!!float"),
        ("!!float '.inf'", .double(.infinity), "!!float"),
        ("!!bool 'false'", .bool(false), "!!bool"), ("!!null ''", .null, "!!null"), ("!!null ~", .null, "!!null"),
        ("!custom 12", .string("12"), "!custom"), ("! 12", .string("12"), "!"),
        ("!!timestamp 2026-03-01", .string("2026-03-01"), "!!timestamp"),
        ("!<tag:yaml.org,2002:int> 7", .int(7), "!!int"),
    ])
    func explicitTags(source: String, expected: Scalar.Value, tag: String) throws {
        let scalar = try #require(try root("v: \(source)")["v"]?.scalar)
        #expect(scalar.value == expected)
        #expect(scalar.tag == tag)
    }

    @Test(arguments: [
        ("!!int abc", "!!int"), ("!!int 1.5", "!!int"), ("!!int 1_000", "!!int"), ("!!float 0x1F", "!!float"),
        ("!!bool yes", "!!bool"), ("!!null 0", "!!null"), ("!!map 1", "!!map"), ("!!int [1]", "!!int"),
        ("!!seq {a: 1}", "!!seq"), ("!!str {a: 1}", "!!str"),
    ])
    func valueThatDoesNotFitItsTag(source: String, tag: String) throws {
        let problem = try onlyProblem("a: 1\nv: \(source)\n")
        #expect(problem.kind == .badTag)
        #expect(problem.mark == mark(2, 4))
        #expect(problem.detail["tag"] == tag)
        #expect(problem.message.contains("`\(tag)`"))
    }

    @Test func collectionTagsThatFitAreAccepted() throws {
        let node = try root("v: !!map {a: 1}\nw: !!seq [1]\nx: !thing {b: 2}\n")
        #expect(node["v"]?["a"]?.scalar?.value == .int(1))
        #expect(node["w"]?.sequence?.count == 1)
        #expect(node["x"]?["b"]?.scalar?.value == .int(2))
    }

    @Test func keysResolveToo() throws {
        let node = try root("1: a\ntrue: b\n\"1\": c\n")
        let keys = try #require(node.mapping).map { $0.key.scalar?.value }
        #expect(keys == [.int(1), .bool(true), .string("1")])
    }
}
