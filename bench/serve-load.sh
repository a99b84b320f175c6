#!/usr/bin/env bash
# A bounded load test of `dossiercheck serve` on loopback: builds the release binary, starts the
# portal on a free port of 127.0.0.1, POSTs a realistic dossier to /api/v1/check with wrk for 30 s
# (2 threads, 8 connections), and prints requests/s, latency percentiles, errors and the server's
# resident memory before and after each round (ROUNDS, default 3: memory that stays flat from the
# second round on is warm-up, memory that keeps growing is a leak). Then the amplifying load: the
# 2 MB one-line dossier with 40 unknown keys through the form, AMPLIFY_PARALLEL (default 10) uploads
# at once, AMPLIFY_ROUNDS (default 5) times, /healthz timed meanwhile: the answers' statuses, sizes
# and times, the server's peak RSS during it and its RSS after. Only loopback traffic; the server
# is stopped at the end. DOSSIERCHECK=BINARY runs an already built binary (see bench/lib/serve.sh).
#
#   bench/serve-load.sh [DOSSIER.yaml] [DURATION]     (defaults: the Hydrowal example, 30s)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/serve.sh
dossier=${1:-examples/reseau-dossier/valid-hydrowal-term1.yaml}
duration=${2:-30s}

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
serve_start

# Warm up (the rule sets of a kind are compiled at its first dossier), then measure.
curl -s -o /dev/null --data-binary @"$dossier" -H 'Content-Type: application/yaml' "http://127.0.0.1:$port/api/v1/check"
echo "dossier: $dossier ($(wc -c <"$dossier") bytes)"
echo "RSS before: $(rss) kB"
for round in $(seq 1 "${ROUNDS:-3}"); do
    echo "== round $round"
    DOSSIER="$dossier" wrk -t2 -c8 -d"$duration" --latency -s bench/serve-load.lua "http://127.0.0.1:$port"
    echo "RSS after round $round: $(rss) kB"
done

amplifying_dossier "$work/amplifying.yaml"
parallel=${AMPLIFY_PARALLEL:-10}
echo "== amplifying load: $(wc -c <"$work/amplifying.yaml") bytes on one line, 40 unknown keys; $parallel uploads at once, ${AMPLIFY_ROUNDS:-5} rounds"
sleep 2
echo "RSS before: $(rss) kB"
reset_peak
upload_burst "$work/amplifying.yaml" "$parallel" "${AMPLIFY_ROUNDS:-5}" "$work/pages" "$work/health"
burst_summary "$work/pages"
echo "/healthz during it: median $(sort -n "$work/health" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') s, max $(sort -n "$work/health" | tail -1) s"
echo "peak RSS during it: $(peak) kB"
sleep 2
echo "RSS 2 s after: $(rss) kB"
echo "access log lines: $(grep -c '"method"' "$log")"
echo "non-200 responses: $(grep '"method"' "$log" | grep -vc '"status":200' || true)"
