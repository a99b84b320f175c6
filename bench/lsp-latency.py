#!/usr/bin/env python3
"""Latency and memory of `dossiercheck lsp` as an applicant types (a benchmark, not a test).

Opens a ~600-line dossier of the shared corpus, then sends edits one at a time, each a
`didChange` of one value (incremental sync), and times each until its `publishDiagnostics`
arrives. Prints the median and p99 over the timed edits, and the server's resident memory
(VmRSS) every 100 edits of a longer run, to show it stays flat.

    swift build -c release --product dossiercheck
    python3 bench/lsp-latency.py [--binary .build/release/dossiercheck] [--edits 200] [--memory-edits 1000]

Python 3 alone (no package): the client speaks the base protocol itself.
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]


class Client:
    def __init__(self, command):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.next_id = 0

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def receive(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        while True:
            message = self.receive()
            if message.get("id") == self.next_id:
                return message

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self, uri, version):
        while True:
            message = self.receive()
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri \
                    and message["params"].get("version") == version:
                return message["params"]["diagnostics"]

    def rss_kib(self):
        for line in pathlib.Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0


def corpus_dossier(target_lines):
    """The corpus dossier (seed 7) whose length is closest to `target_lines`."""
    folder = ROOT / "bench" / ".work" / "lsp-corpus"
    if not folder.exists():
        generator = ROOT.parent / "shared" / "bench" / "gen_corpus.py"
        subprocess.run([sys.executable, str(generator), "--count", "200", "--seed", "7", "--out", str(folder)], check=True,
                       stdout=subprocess.DEVNULL)
    files = sorted(folder.rglob("*.yaml"))
    return min(files, key=lambda f: abs(len(f.read_text(encoding="utf-8").splitlines()) - target_lines))


def edits(text):
    """Positions of numeric values to retype: (line, start, end, old value)."""
    found = []
    for number, line in enumerate(text.split("\n")):
        key, sep, value = line.partition(": ")
        value = value.strip()
        if sep and value.isdigit() and not key.strip().startswith("#"):
            start = line.index(": ") + 2
            found.append((number, start, start + len(value), value))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "dossiercheck"))
    parser.add_argument("--lines", type=int, default=600)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--memory-edits", type=int, default=1000)
    parser.add_argument("--debounce-ms", type=int, default=None, help="passed to the server (default: the server's own)")
    arguments = parser.parse_args()

    path = corpus_dossier(arguments.lines)
    text = path.read_text(encoding="utf-8")
    command = [arguments.binary, "lsp"] + (["--debounce-ms", str(arguments.debounce_ms)] if arguments.debounce_ms is not None else [])
    client = Client(command)
    client.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {}})
    client.notify("initialized", {})
    uri = path.resolve().as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
    first = client.diagnostics(uri, 1)
    places = edits(text)
    if not places:
        sys.exit(f"no numeric value to edit in {path}")

    version = 1
    values = {}

    def edit(i):
        nonlocal version
        line, start, end, old = places[i % len(places)]
        current = values.get(line, old)
        new = str(int(current) + 1) if i % 2 == 0 else str(max(int(current) - 1, 0))
        new = new if len(new) == len(current) else current
        values[line] = new
        version += 1
        began = time.perf_counter()
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": {"line": line, "character": start},
                                          "end": {"line": line, "character": start + len(current)}}, "text": new}]})
        client.diagnostics(uri, version)
        return (time.perf_counter() - began) * 1000

    for i in range(20):  # warm up
        edit(i)
    timings = sorted(edit(i) for i in range(arguments.edits))
    p99 = timings[min(len(timings) - 1, int(round(0.99 * len(timings))) - 1)]
    print(f"dossier: {path.relative_to(ROOT)} ({len(text.splitlines())} lines, {len(first)} diagnostics)")
    print(f"didChange → publishDiagnostics over {len(timings)} edits: median {statistics.median(timings):.2f} ms, "
          f"p99 {p99:.2f} ms, max {timings[-1]:.2f} ms")

    samples = []
    for i in range(arguments.memory_edits):
        edit(i)
        if i % 100 == 0 or i == arguments.memory_edits - 1:
            samples.append((i + 1, client.rss_kib()))
    if samples:
        print("resident memory (KiB) after N edits: " + ", ".join(f"{n}: {kib}" for n, kib in samples))
    client.request("shutdown", None)
    client.notify("exit", None)
    client.process.wait(timeout=10)


if __name__ == "__main__":
    main()
