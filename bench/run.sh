#!/usr/bin/env bash
# The benchmark of issue 10: dossiercheck beside its peers and the YAML parser itself, on the
# shared corpus, timed as whole processes with hyperfine. Run from anywhere:
#
#   bench/run.sh            # everything (the 20 000-dossier memory run generates 450 MB once)
#
# Settings (environment):
#   BENCH_RUNS=5            hyperfine runs per command (after one warm-up)
#   BENCH_PEER_RUNS=2       runs of check-jsonschema and yamale (minutes each)
#   BENCH_CORPUS=DIR        the 2 000-dossier corpus (generated there when it lacks manifest.tsv)
#   BENCH_BIG=0             skip the 20 000-dossier memory run
#   BENCH_PEERS=0           skip check-jsonschema and yamale
# (The closest peer, a CEL engine in Rust, is not among them: the crate cannot be installed here, and
# its Python bindings cannot run the rules' optional syntax; see the README's Performance section.)
#   BENCH_SCRATCH=DIR       SwiftPM scratch path of the release build (default .build-bench)
#   BENCH_BUILD_FLAGS=...   `swift build` flags (default --static-swift-stdlib, as the README installs it;
#                           empty for the dynamically linked build)
#
# Everything it makes lives in bench/.work/ (ignored): corpora, the C program, the Python venv,
# hyperfine's JSON and the results (bench/.work/results.md). Tools it needs and lacks are
# installed: hyperfine and libyaml-dev from Debian (apt-get), check-jsonschema and yamale from
# PyPI into bench/.work/venv.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/bench/.work
RUNS=${BENCH_RUNS:-5}
CORPUS=${BENCH_CORPUS:-$WORK/corpus-2000}
BIG=$WORK/corpus-20000
SCRATCH=${BENCH_SCRATCH:-$ROOT/.build-bench}
GEN=$ROOT/../shared/bench/gen_corpus.py
mkdir -p "$WORK"

say() { printf '\n== %s\n' "$*" >&2; }

# --- tools --------------------------------------------------------------------------------
need_deb() {  # need_deb COMMAND-OR-FILE PACKAGE
    if [ -e "$1" ] || command -v "$1" >/dev/null 2>&1; then return; fi
    say "installing $2 (apt-get)"
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get install -y "$2" >/dev/null 2>&1 || { $sudo apt-get update >/dev/null && $sudo apt-get install -y "$2" >/dev/null; }
}
need_deb hyperfine hyperfine
need_deb /usr/include/yaml.h libyaml-dev
need_deb /usr/bin/time time

# --- corpora ------------------------------------------------------------------------------
corpus() {  # corpus DIR COUNT
    if [ ! -f "$1/manifest.tsv" ]; then
        say "generating $2 dossiers into $1"
        python3 "$GEN" --count "$2" --seed 7 --out "$1" >/dev/null
    fi
}
corpus "$CORPUS" 2000
DOSSIERS=$(($(wc -l <"$CORPUS/manifest.tsv") - 1))
FILES=$(find "$CORPUS" -name '*.yaml' | sort)
BYTES=$(cat $FILES | wc -c)
# One small dossier for the start-up measurement: the smallest Réseau dossier of the corpus.
SMALL=$(find "$CORPUS/reseau-dossier" -name '*.yaml' -printf '%s %p\n' | sort -n | head -1 | cut -d' ' -f2)

# --- programs -----------------------------------------------------------------------------
say "building dossiercheck (release, $SCRATCH)"
swift build -c release --product dossiercheck --scratch-path "$SCRATCH" ${BENCH_BUILD_FLAGS---static-swift-stdlib} >&2
BIN=$SCRATCH/release/dossiercheck
say "building the libyaml floor (bench/yamlparse.c)"
cc -O2 -Wall -o "$WORK/yamlparse" "$ROOT/bench/yamlparse.c" -lyaml
PEERS=${BENCH_PEERS:-1}
if [ "$PEERS" != 0 ] && [ ! -x "$WORK/venv/bin/yamale" ]; then
    say "installing check-jsonschema and yamale (PyPI) into bench/.work/venv"
    python3 -m venv "$WORK/venv"
    "$WORK/venv/bin/pip" install -q "check-jsonschema==0.39.0" "yamale==6.1.0"
fi

# --- the corpus ---------------------------------------------------------------------------
# yamale takes one schema per run: one run per kind folder (findings make it exit 1).
{
    echo '#!/bin/sh'
    for k in $(cd "$CORPUS" && ls -d */ | tr -d /); do
        echo "$WORK/venv/bin/yamale -n 2 -x -s $ROOT/bench/schemas/yamale/$k.yaml $CORPUS/$k >/dev/null"
    done
    echo 'exit 0'
} >"$WORK/yamale.sh"
YAMALE="sh $WORK/yamale.sh"
# check-jsonschema takes the files on its command line (too long for one hyperfine argument).
{
    echo '#!/bin/sh'
    echo "exec $WORK/venv/bin/check-jsonschema --schemafile $ROOT/bench/schemas/dossier.schema.json \\"
    for f in $FILES; do echo "  $f \\"; done
    echo '  >/dev/null'
} >"$WORK/check-jsonschema.sh"
CHECKJS="sh $WORK/check-jsonschema.sh"
say "timing the corpus ($DOSSIERS dossiers, $((BYTES / 1000000)) MB, $RUNS runs each)"
hyperfine -N --warmup 1 --runs "$RUNS" -i --export-json "$WORK/corpus.json" \
    -n "libyaml-c" "$WORK/yamlparse $CORPUS" \
    -n "dossiercheck" "$BIN check --format json $CORPUS" \
    -n "dossiercheck-j1" "$BIN check --format json --jobs 1 $CORPUS" >&2
rm -f "$WORK/peers.json"
if [ "$PEERS" != 0 ]; then
    # The peers take minutes per run: fewer runs (BENCH_PEER_RUNS), no warm-up (the corpus is cached by now).
    say "timing the peers (${BENCH_PEER_RUNS:-2} runs each)"
    hyperfine -N --runs "${BENCH_PEER_RUNS:-2}" -i --export-json "$WORK/peers.json" \
        -n "check-jsonschema" "$CHECKJS" -n "yamale" "$YAMALE" >&2
fi

# --- triage: the whole call, all cores against one ---------------------------------------
say "timing triage ($DOSSIERS dossiers, $RUNS runs each)"
hyperfine -N --warmup 1 --runs "$RUNS" -i --export-json "$WORK/triage.json" \
    -n "triage" "$BIN triage --no-progress -o $WORK/triage.html $CORPUS" \
    -n "triage-j1" "$BIN triage --no-progress --jobs 1 -o $WORK/triage.html $CORPUS" >&2

# --- start-up: one small dossier ----------------------------------------------------------
say "timing one small dossier ($(basename "$SMALL"))"
hyperfine -N --warmup 3 --runs $((RUNS * 10)) -i --export-json "$WORK/one.json" \
    -n "libyaml-c" "$WORK/yamlparse $SMALL" -n "dossiercheck" "$BIN check --format json $SMALL" >&2
# Peak resident memory (kB) of a command; its exit status (1: findings) does not matter here.
rss() { { /usr/bin/time -v "$@" 2>&1 >/dev/null || true; } | awk -F': ' '/Maximum resident set size/ {print $2}'; }
RSS_ONE_C=$(rss "$WORK/yamlparse" "$SMALL")
RSS_ONE=$(rss "$BIN" check --format json "$SMALL")

# --- memory: 2 000 against 20 000 dossiers ------------------------------------------------
RSS_2K=$(rss "$BIN" check --format json "$CORPUS")
RSS_20K=""
if [ "${BENCH_BIG:-1}" != 0 ]; then
    corpus "$BIG" 20000
    RSS_20K=$(rss "$BIN" check --format json "$BIG")
fi

# --- the table ----------------------------------------------------------------------------
python3 - "$WORK" "$DOSSIERS" "$BYTES" "$RSS_ONE_C" "$RSS_ONE" "$RSS_2K" "$RSS_20K" "$(basename "$SMALL")" <<'EOF' | tee "$WORK/results.md"
import json, os, platform, subprocess, sys, datetime
work, dossiers, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rss_one_c, rss_one, rss_2k, rss_20k, small = sys.argv[4:9]
what = {
    "libyaml-c": "parse only: libyaml events in C (bench/yamlparse.c), the floor",
    "dossiercheck": "every rule of every kind, JSON report (all cores)",
    "dossiercheck-j1": "the same, one worker (`--jobs 1`)",
    "check-jsonschema": "JSON Schema (bench/schemas/dossier.schema.json): header, sections, types, code lists, plain bounds",
    "yamale": "yamale schema per kind (bench/schemas/yamale/): header, sections, types, code lists; PyYAML reads YAML 1.1, 2 processes",
}
def load(name):
    with open(os.path.join(work, name)) as f:
        return {r["command"]: r for r in json.load(f)["results"]}
corpus = load("corpus.json")
if os.path.exists(os.path.join(work, "peers.json")):
    corpus.update(load("peers.json"))
floor = corpus["libyaml-c"]["mean"]
cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
print(f"Machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; {datetime.date.today()}")
print(f"Corpus: {dossiers} dossiers, {size / 1e6:.1f} MB (gen_corpus.py --count 2000 --seed 7); hyperfine, mean ± σ\n")
print("| tool | what it checks | time | dossiers/s | × libyaml |")
print("|---|---|---|---|---|")
for name in ["libyaml-c", "dossiercheck", "dossiercheck-j1", "check-jsonschema", "yamale"]:
    if name not in corpus: continue
    r = corpus[name]
    print(f"| {name} | {what[name]} | {r['mean']:.3f} s ± {r['stddev'] or 0:.3f} | {dossiers / r['mean']:,.0f} | {r['mean'] / floor:.1f} |")
j1, jn = corpus["dossiercheck-j1"]["mean"], corpus["dossiercheck"]["mean"]
print(f"\nAll cores against one worker: {j1 / jn:.2f}× faster.")
triage = load("triage.json")
t1, tn = triage["triage-j1"]["mean"], triage["triage"]["mean"]
print(f"\nTriage of the corpus (HTML report): all cores {tn:.3f} s, one worker {t1:.3f} s: {t1 / tn:.2f}× faster.")
one = load("one.json")
c, d = one["libyaml-c"], one["dossiercheck"]
print(f"\nOne small dossier ({small}), whole process: libyaml-c {c['mean'] * 1000:.1f} ms ± {(c['stddev'] or 0) * 1000:.1f} "
      f"(peak {int(rss_one_c) / 1024:.1f} MB), dossiercheck {d['mean'] * 1000:.1f} ms ± {(d['stddev'] or 0) * 1000:.1f} "
      f"(peak {int(rss_one) / 1024:.1f} MB): {d['mean'] / c['mean']:.1f}× (median {d['median'] / c['median']:.1f}×).")
line = f"\nPeak memory of `check --format json`: 2 000 dossiers {int(rss_2k) / 1024:.0f} MB"
if rss_20k:
    line += f", 20 000 dossiers {int(rss_20k) / 1024:.0f} MB ({int(rss_20k) / int(rss_2k):.2f}×)"
print(line + ".")
EOF
