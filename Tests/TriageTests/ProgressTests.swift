import Foundation
import TestSupport
import Testing

/// The progress bar: drawn on a terminal, never when standard error is a pipe or a file.
@Suite struct ProgressTests {
    static let dossier =
        "dossier: 1\nkind: zim-nemo\nid: Z-1\ntitle: T\nlanguage: en\npartners: [{id: a, name: A, category: university, country: DE, region: DE-BY}]\n"

    @Test func quietWhenNotATerminal() throws {
        let folder = try Fixtures.temporaryFolder()
        try Data(Self.dossier.utf8).write(to: folder.appending(path: "z.yaml"))
        let run = try Fixtures.run(["triage", folder.path, "--out", folder.appending(path: "r.html").path])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
    }

    @Test func aBarOnATerminal() throws {
        let folder = try Fixtures.temporaryFolder()
        for index in 0..<5 {
            try Data(Self.dossier.replacingOccurrences(of: "Z-1", with: "Z-\(index)").utf8).write(
                to: folder.appending(path: "z\(index).yaml"))
        }
        // Python's pty module gives the CLI a terminal and reads what it draws there.
        let script = """
            import os, pty, sys
            pid, fd = pty.fork()
            if pid == 0:
                os.execv(sys.argv[1], sys.argv[1:])
            out = b''
            while True:
                try:
                    data = os.read(fd, 4096)
                except OSError:
                    break
                if not data:
                    break
                out += data
            _, status = os.waitpid(pid, 0)
            sys.stdout.write(out.decode('utf-8', 'replace'))
            sys.exit(os.waitstatus_to_exitcode(status))
            """
        let run = try Python.run([
            "-c", script, Fixtures.binary.path, "triage", folder.path, "--out", folder.appending(path: "r.html").path,
        ])
        let output = String(decoding: run.stdout, as: UTF8.self)
        #expect(run.status == 0, "\(output)")
        #expect(output.contains("] 100 %  5/5 files"), "\(output)")
        #expect(output.contains("dossiercheck: 5 dossiers, 0 admissible, 5 not admissible"), "\(output)")
    }
}
