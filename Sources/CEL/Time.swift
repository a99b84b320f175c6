import Foundation

/// A point in time (`google.protobuf.Timestamp`): seconds since the Unix epoch plus nanoseconds, years 0001–9999.
public struct CELTimestamp: Sendable, Hashable, Comparable {
    public var seconds: Int64
    public var nanos: Int32 // 0..<1_000_000_000

    static let minSeconds: Int64 = -62_135_596_800 // 0001-01-01T00:00:00Z
    static let maxSeconds: Int64 = 253_402_300_799 // 9999-12-31T23:59:59Z

    public init(seconds: Int64, nanos: Int32 = 0) {
        self.seconds = seconds
        self.nanos = nanos
    }

    /// The instant of a `Date`, clamped to years 0001–9999.
    public init(_ date: Date) {
        var t = date.timeIntervalSince1970
        if t.isNaN { t = 0 }
        t = min(max(t, Double(CELTimestamp.minSeconds)), Double(CELTimestamp.maxSeconds))
        let s = t.rounded(.down)
        self.seconds = Int64(s)
        self.nanos = Int32(max(0, min(999_999_999, ((t - s) * 1e9).rounded())))
    }

    public var date: Date { Date(timeIntervalSince1970: Double(seconds) + Double(nanos) / 1e9) }

    var isValid: Bool { seconds >= CELTimestamp.minSeconds && seconds <= CELTimestamp.maxSeconds }

    public static func < (a: CELTimestamp, b: CELTimestamp) -> Bool {
        a.seconds != b.seconds ? a.seconds < b.seconds : a.nanos < b.nanos
    }

    /// Parses RFC 3339: `2026-03-31T00:00:00Z`, `2026-03-31T10:00:00.5+02:00`.
    public init?(rfc3339 s: String) {
        let c = Array(s.utf8)
        func num(_ from: Int, _ len: Int) -> Int? {
            guard from + len <= c.count else { return nil }
            var v = 0
            for i in from..<(from + len) {
                guard c[i] >= 48 && c[i] <= 57 else { return nil }
                v = v * 10 + Int(c[i] - 48)
            }
            return v
        }
        guard c.count >= 20,
            let year = num(0, 4), c[4] == UInt8(ascii: "-"),
            let month = num(5, 2), c[7] == UInt8(ascii: "-"),
            let day = num(8, 2), c[10] == UInt8(ascii: "T") || c[10] == UInt8(ascii: "t"),
            let hour = num(11, 2), c[13] == UInt8(ascii: ":"),
            let minute = num(14, 2), c[16] == UInt8(ascii: ":"),
            let second = num(17, 2)
        else { return nil }
        var i = 19
        var nanos = 0
        if i < c.count && c[i] == UInt8(ascii: ".") {
            i += 1
            var digits = 0
            while i < c.count && c[i] >= 48 && c[i] <= 57 {
                if digits < 9 { nanos = nanos * 10 + Int(c[i] - 48) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            if digits < 9 { for _ in digits..<9 { nanos *= 10 } }
        }
        guard i < c.count else { return nil }
        var offset = 0
        if c[i] == UInt8(ascii: "Z") || c[i] == UInt8(ascii: "z") {
            i += 1
        } else if c[i] == UInt8(ascii: "+") || c[i] == UInt8(ascii: "-") {
            let neg = c[i] == UInt8(ascii: "-")
            guard let oh = num(i + 1, 2), i + 3 < c.count, c[i + 3] == UInt8(ascii: ":"), let om = num(i + 4, 2),
                oh < 24, om < 60
            else { return nil }
            offset = (oh * 3600 + om * 60) * (neg ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == c.count, month >= 1, month <= 12, day >= 1, day <= daysInMonth(year, month), hour < 24,
            minute < 60, second < 61
        else { return nil }
        let days = daysFromCivil(year, month, day)
        let secs = Int64(days) * 86400 + Int64(hour * 3600 + minute * 60 + min(second, 59)) - Int64(offset)
        self.init(seconds: secs, nanos: Int32(nanos))
        guard isValid else { return nil }
    }

    /// RFC 3339 in UTC with the shortest fractional seconds (`2009-02-13T23:31:30Z`, `…30.5Z`).
    public var rfc3339: String {
        let (days, rem) = floorDivMod(seconds, 86400)
        let (y, m, d) = civilFromDays(Int(days))
        let h = Int(rem / 3600)
        let mi = Int(rem % 3600 / 60)
        let s = Int(rem % 60)
        var out = "\(String(y).leftPadded(to: 4))-\(String(m).leftPadded(to: 2))-\(String(d).leftPadded(to: 2))"
        out += "T\(String(h).leftPadded(to: 2)):\(String(mi).leftPadded(to: 2)):\(String(s).leftPadded(to: 2))"
        if nanos != 0 {
            var frac = String(nanos).leftPadded(to: 9)
            while frac.hasSuffix("0") { frac.removeLast() }
            out += "." + frac
        }
        return out + "Z"
    }
}

/// A signed span of time (`google.protobuf.Duration`), stored in nanoseconds (about ±292 years, as in cel-go).
public struct CELDuration: Sendable, Hashable, Comparable {
    public var nanoseconds: Int64

    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }
    public init(seconds: Int64) { self.nanoseconds = seconds * 1_000_000_000 }

    public static func < (a: CELDuration, b: CELDuration) -> Bool { a.nanoseconds < b.nanoseconds }

    /// Parses Go/CEL duration syntax: `1h`, `1h30m`, `-1.5s`, `100ms`, `2us`, `3ns`, `0`.
    public init?(parsing input: String) {
        var c = Array(input.unicodeScalars)[...]
        var neg = false
        if c.first == "-" || c.first == "+" {
            neg = c.first == "-"
            c = c.dropFirst()
        }
        if c.count == 1 && c.first == "0" {
            self.nanoseconds = 0
            return
        }
        if c.isEmpty { return nil }
        var total: Double = 0
        var totalInt: Int64 = 0
        var exact = true
        while !c.isEmpty {
            var intPart: Int64 = 0
            var fracPart: Double = 0
            var sawDigit = false
            var overflow = false
            while let ch = c.first, ch.isASCII, ch.value >= 48, ch.value <= 57 {
                let (m, o1) = intPart.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(ch.value - 48))
                if o1 || o2 { overflow = true }
                intPart = a
                sawDigit = true
                c = c.dropFirst()
            }
            if c.first == "." {
                c = c.dropFirst()
                var scale = 0.1
                while let ch = c.first, ch.isASCII, ch.value >= 48, ch.value <= 57 {
                    fracPart += Double(ch.value - 48) * scale
                    scale /= 10
                    sawDigit = true
                    c = c.dropFirst()
                }
            }
            guard sawDigit, !overflow else { return nil }
            var unit = ""
            while let ch = c.first, !(ch.isASCII && ((ch.value >= 48 && ch.value <= 57) || ch == ".")) {
                unit.unicodeScalars.append(ch)
                c = c.dropFirst()
            }
            let mult: Int64
            switch unit {
            case "ns": mult = 1
            case "us", "µs", "μs": mult = 1_000
            case "ms": mult = 1_000_000
            case "s": mult = 1_000_000_000
            case "m": mult = 60_000_000_000
            case "h": mult = 3_600_000_000_000
            default: return nil
            }
            let (p, o) = intPart.multipliedReportingOverflow(by: mult)
            if o { return nil }
            let (sum, o2) = totalInt.addingReportingOverflow(p)
            if o2 { return nil }
            totalInt = sum
            if fracPart != 0 {
                exact = false
                total += fracPart * Double(mult)
            }
        }
        var result = totalInt
        if !exact {
            guard abs(total) < 9.2e18 else { return nil }
            let (s, o) = result.addingReportingOverflow(Int64(total.rounded()))
            if o { return nil }
            result = s
        }
        self.nanoseconds = neg ? -result : result
    }

    /// CEL's string form: seconds with an optional fraction, e.g. `3600s`, `1.5s`, `-0.000000001s`.
    public var celString: String {
        let neg = nanoseconds < 0
        let mag = nanoseconds.magnitude
        let secs = mag / 1_000_000_000
        let frac = mag % 1_000_000_000
        var out = (neg ? "-" : "") + String(secs)
        if frac != 0 {
            var f = String(frac).leftPadded(to: 9)
            while f.hasSuffix("0") { f.removeLast() }
            out += "." + f
        }
        return out + "s"
    }
}

// MARK: - Calendar arithmetic (proleptic Gregorian, no Foundation needed)

func floorDivMod(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
    var q = a / b
    var r = a % b
    if r < 0 {
        q -= 1
        r += b
    }
    return (q, r)
}

func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

func daysInMonth(_ y: Int, _ m: Int) -> Int {
    switch m {
    case 2: return isLeap(y) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
}

/// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (m + 9) % 12
    let doy = (153 * mp + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
}

func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
    let z = z0 + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (m <= 2 ? y + 1 : y, m, d)
}

/// UTC offset in seconds of a timezone argument at a given instant: `UTC`, `+02:00`, `-05:30`, `Europe/Paris`.
func timezoneOffset(_ tz: String, at ts: CELTimestamp) throws(CELError) -> Int {
    if tz == "UTC" || tz == "Z" || tz.isEmpty { return 0 }
    let u = Array(tz.utf8)
    if (u.first == UInt8(ascii: "+") || u.first == UInt8(ascii: "-")) && u.count == 6 && u[3] == UInt8(ascii: ":") {
        let digits = [u[1], u[2], u[4], u[5]]
        if digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            let h = Int(u[1] - 48) * 10 + Int(u[2] - 48)
            let m = Int(u[4] - 48) * 10 + Int(u[5] - 48)
            return (h * 3600 + m * 60) * (u[0] == UInt8(ascii: "-") ? -1 : 1)
        }
    }
    guard let zone = TimeZone(identifier: tz) else { throw CELError("invalid timezone '\(tz)'") }
    return zone.secondsFromGMT(for: ts.date)
}

enum TimePart {
    case fullYear, month, date, dayOfMonth, dayOfWeek, dayOfYear, hours, minutes, seconds, milliseconds
}

func timestampPart(_ ts: CELTimestamp, _ part: TimePart, tz: String?) throws(CELError) -> CELValue {
    let offset = try tz.map { (z: String) throws(CELError) -> Int in try timezoneOffset(z, at: ts) } ?? 0
    let local = ts.seconds + Int64(offset)
    let (days, rem) = floorDivMod(local, 86400)
    let (y, m, d) = civilFromDays(Int(days))
    switch part {
    case .fullYear: return .int(Int64(y))
    case .month: return .int(Int64(m - 1))
    case .date: return .int(Int64(d))
    case .dayOfMonth: return .int(Int64(d - 1))
    case .dayOfWeek:
        // 1970-01-01 was a Thursday (4).
        let (_, w) = floorDivMod(days + 4, 7)
        return .int(w)
    case .dayOfYear: return .int(Int64(daysFromCivil(y, m, d) - daysFromCivil(y, 1, 1)))
    case .hours: return .int(rem / 3600)
    case .minutes: return .int(rem % 3600 / 60)
    case .seconds: return .int(rem % 60)
    case .milliseconds: return .int(Int64(ts.nanos / 1_000_000))
    }
}

func durationPart(_ d: CELDuration, _ part: TimePart) throws(CELError) -> CELValue {
    switch part {
    case .hours: return .int(d.nanoseconds / 3_600_000_000_000)
    case .minutes: return .int(d.nanoseconds / 60_000_000_000)
    case .seconds: return .int(d.nanoseconds / 1_000_000_000)
    case .milliseconds: return .int((d.nanoseconds / 1_000_000) % 1000)
    default: throw CELError("no such overload")
    }
}

func addDuration(_ ts: CELTimestamp, _ d: CELDuration, negate: Bool = false) throws(CELError) -> CELValue {
    var secs = d.nanoseconds / 1_000_000_000
    var ns = d.nanoseconds % 1_000_000_000
    if negate {
        secs = -secs
        ns = -ns
    }
    var total = ts.seconds &+ secs
    var n = Int64(ts.nanos) + ns
    if n < 0 {
        n += 1_000_000_000
        total -= 1
    } else if n >= 1_000_000_000 {
        n -= 1_000_000_000
        total += 1
    }
    let r = CELTimestamp(seconds: total, nanos: Int32(n))
    guard r.isValid else { throw CELError("timestamp out of range") }
    return .timestamp(r)
}

func subtractTimestamps(_ a: CELTimestamp, _ b: CELTimestamp) throws(CELError) -> CELValue {
    let (s, o1) = (a.seconds - b.seconds).multipliedReportingOverflow(by: 1_000_000_000)
    let (t, o2) = s.addingReportingOverflow(Int64(a.nanos) - Int64(b.nanos))
    if o1 || o2 { throw CELError("duration out of range") }
    return .duration(CELDuration(nanoseconds: t))
}
