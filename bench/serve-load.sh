#!/usr/bin/env bash
# A bounded load test of `dossiercheck serve` on loopback: builds the release binary, starts the
# portal on a free port of 127.0.0.1, POSTs a realistic dossier to /api/v1/check with wrk for 30 s
# (2 threads, 8 connections), and prints requests/s, latency percentiles, errors and the server's
# resident memory before and after each round (ROUNDS, default 3: memory that stays flat from the
# second round on is warm-up, memory that keeps growing is a leak). Only loopback traffic; the
# server is stopped at the end.
#
#   bench/serve-load.sh [DOSSIER.yaml] [DURATION]     (defaults: the Hydrowal example, 30s)
set -euo pipefail
cd "$(dirname "$0")/.."
dossier=${1:-examples/reseau-dossier/valid-hydrowal-term1.yaml}
duration=${2:-30s}
scratch=${SCRATCH_PATH:-.build-serve-release}

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
swift build -c release --scratch-path "$scratch" --product dossiercheck >&2
binary="$scratch/release/dossiercheck"

log=$(mktemp)
"$binary" serve --host 127.0.0.1 --port 0 2>"$log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
  port=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1 | sed 's/.*://') || true
  [ -n "${port:-}" ] && break
  sleep 0.1
done
[ -n "${port:-}" ] || { echo "the server did not start: $(cat "$log")" >&2; exit 1; }
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$server/status"; }

# Warm up (the rule sets of a kind are compiled at its first dossier), then measure.
curl -s -o /dev/null --data-binary @"$dossier" -H 'Content-Type: application/yaml' "http://127.0.0.1:$port/api/v1/check"
echo "dossier: $dossier ($(wc -c <"$dossier") bytes)"
echo "RSS before: $(rss)"
for round in $(seq 1 "${ROUNDS:-3}"); do
  echo "== round $round"
  DOSSIER="$dossier" wrk -t2 -c8 -d"$duration" --latency -s bench/serve-load.lua "http://127.0.0.1:$port"
  echo "RSS after round $round: $(rss)"
done
echo "access log lines: $(grep -c '"method"' "$log")"
echo "non-200 responses: $(grep '"method"' "$log" | grep -vc '"status":200' || true)"
