#!/usr/bin/env python3
"""Checks dossiercheck against the shared benchmark corpus's manifest (the rule IDs each
generated dossier must produce) and lists every dossier where they differ.

  scripts/corpus-check.py [--count 400] [--seed 7] [--kind KIND] [--binary PATH] [--keep DIR]

Generates the corpus with ../shared/bench/gen_corpus.py into a temporary folder (or --keep DIR),
runs `dossiercheck check --format json` over it, and compares per dossier. Exit 1 on any mismatch.
"""
import argparse, collections, json, os, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
parser = argparse.ArgumentParser()
parser.add_argument("--count", type=int, default=400)
parser.add_argument("--seed", type=int, default=7)
parser.add_argument("--kind", action="append", help="only dossiers of this kind (repeatable)")
parser.add_argument("--binary", default=os.path.join(root, ".build/debug/dossiercheck"))
parser.add_argument("--keep", help="generate into this folder and keep it")
parser.add_argument("--show", type=int, default=30, help="how many mismatches to print")
args = parser.parse_args()

generator = os.path.join(root, "..", "shared", "bench", "gen_corpus.py")
out = args.keep or tempfile.mkdtemp(prefix="dossiercheck-corpus-")
if not os.path.exists(os.path.join(out, "manifest.tsv")):
    subprocess.run([sys.executable, generator, "--count", str(args.count), "--seed", str(args.seed), "--out", out],
                   check=True, stdout=subprocess.DEVNULL)

rows = []
with open(os.path.join(out, "manifest.tsv"), encoding="utf-8") as f:
    next(f)
    for line in f:
        path, kind, ident, expected = (line.rstrip("\n").split("\t") + [""])[:4]
        if args.kind and kind not in args.kind:
            continue
        rows.append((path, kind, ident, sorted(x for x in expected.split(",") if x)))

paths = [os.path.join(out, r[0]) for r in rows]
result = subprocess.run([args.binary, "check", "--format", "json", *paths], capture_output=True, text=True)
if result.returncode not in (0, 1):
    sys.exit(f"dossiercheck exited {result.returncode}: {result.stderr[:2000]}")
report = json.loads(result.stdout)
found = {}
messages = {}
for file in report["files"]:
    for doc in file["documents"]:
        found[file["path"]] = sorted({x["rule"] for x in doc["findings"]})
        messages[file["path"]] = [f'{x["line"]}:{x["column"]} {x["rule"]} {x["message"]}' for x in doc["findings"]]

mismatches = []
by_rule = collections.Counter()
for (path, kind, ident, expected), full in zip(rows, paths):
    got = found.get(full, found.get(os.path.relpath(full), ["<missing>"]))
    if got != expected:
        mismatches.append((path, expected, got, messages.get(full, [])))
        for rule in set(got) ^ set(expected):
            by_rule[rule] += 1

print(f"{len(rows) - len(mismatches)} passed, {len(mismatches)} failed (corpus {out}, {len(rows)} dossiers)")
if by_rule:
    print("rules involved in mismatches:", ", ".join(f"{r}×{n}" for r, n in by_rule.most_common()))
for path, expected, got, msgs in mismatches[: args.show]:
    print(f"- {path}: expected {expected or '[]'}, got {got or '[]'}")
    for m in msgs[:6]:
        print(f"    {m}")
sys.exit(1 if mismatches else 0)
