import Testing

@testable import Policy

@Suite struct PathTests {
    @Test func globs() {
        #expect(Glob("drafts").matches("a/drafts/x.yaml"))
        #expect(Glob("*.draft.yaml").matches("a/b/x.draft.yaml"))
        #expect(!Glob("*.draft.yaml").matches("a/b/x.yaml"))
        #expect(Glob("dossiers/*.yaml").matches("dossiers/a.yaml"))
        #expect(!Glob("dossiers/*.yaml").matches("dossiers/sub/a.yaml"))
        #expect(Glob("dossiers/**/*.yaml").matches("dossiers/sub/deep/a.yaml"))
        #expect(Glob("dossiers/**/*.yaml").matches("dossiers/a.yaml"))
        #expect(Glob("**/old/**").matches("x/old/y/z.yml"))
        #expect(Glob("./archive/").matches("archive/2024/a.yaml"))
        #expect(Glob("a?c/x.yaml").matches("abc/x.yaml") && !Glob("a?c/x.yaml").matches("a/c/x.yaml"))
    }

    @Test func displayedPathsAreRelativeToTheWorkingDirectory() {
        #expect(PathNames.display("/w/p/examples/a.yaml", relativeTo: "/w/p") == "examples/a.yaml")
        #expect(PathNames.display("/w/other/a.yaml", relativeTo: "/w/p") == "../other/a.yaml")
        #expect(PathNames.display("/tmp/a.yaml", relativeTo: "/w/p") == "/tmp/a.yaml")
        #expect(PathNames.display("/w/p", relativeTo: "/w/p") == ".")
        #expect(PathNames.absolute("./x/../y//z.yaml", against: "/w/p") == "/w/p/y/z.yaml")
        #expect(PathNames.below("/w/p/a/b", base: "/w/p") == "a/b")
        #expect(PathNames.below("/w/pq/a", base: "/w/p") == nil)
    }
}
