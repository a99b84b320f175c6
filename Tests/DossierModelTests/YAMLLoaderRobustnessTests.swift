import DossierModel
import Testing

/// Mutated YAML must never crash or hang the loader, and every document it returns has
/// either a tree or a problem.
struct YAMLLoaderRobustnessTests {
    /// SplitMix64, so that every run tries the same inputs.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static let seeds = [
        "id: a\npartners:\n  - {id: x, n: [1, 2.5, ~]}\n  - id: y\n    note: |\n      é😀\n---\nb: &q [1, *q]\n",
        "a: &x {k: [1, 2]}\nb: [*x, *x]\n? [c]\n: !!int 3\nd: 'it''s'\ne: \"\\t\"\n...\n%YAML 1.2\n---\n- x\n",
    ]
    static let alphabet = Array(" \t\n\r-:[]{},&*!|>'\"#%?.~0xeé".utf8) + [0xFF, 0x00, 0xEF, 0xBB, 0xBF, 0xFE]

    @Test func mutatedInputNeverCrashes() {
        var random = Random(state: 2026)
        let limits = LoadLimits(maxDepth: 16, maxAliasNodes: 200)
        for round in 0..<3000 {
            var bytes = Array(Self.seeds[round % Self.seeds.count].utf8)
            for _ in 0...random.next(6) {
                let i = random.next(bytes.count + 1)
                switch random.next(4) {
                case 0 where i < bytes.count: bytes[i] = Self.alphabet[random.next(Self.alphabet.count)]
                case 1: bytes.insert(Self.alphabet[random.next(Self.alphabet.count)], at: i)
                case 2 where i < bytes.count: bytes.remove(at: i)
                default: bytes.insert(contentsOf: bytes[i...].prefix(random.next(20)), at: i)
                }
            }
            let documents = YAMLLoader.load(bytes, limits: limits)
            #expect(!documents.isEmpty)
            for (index, document) in documents.enumerated() {
                #expect(document.index == index)
                #expect((document.root == nil) != (document.problem == nil))
                if let root = document.root { #expect(root.mapping != nil) }
            }
        }
    }
}
