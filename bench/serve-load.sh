#!/usr/bin/env bash
# A bounded load test of `dossiercheck serve` on loopback: builds the release binary, starts the
# portal on a free port of 127.0.0.1, POSTs a realistic dossier to /api/v1/check with wrk for 30 s
# (2 threads, 8 connections), and prints requests/s, latency percentiles, errors and the server's
# resident memory before and after each round (ROUNDS, default 3: memory that stays flat from the
# second round on is warm-up, memory that keeps growing is a leak). Then the amplifying load: the
# 2 MB one-line dossier with 40 unknown keys through the form, AMPLIFY_PARALLEL (default 10) uploads
# at once, AMPLIFY_ROUNDS (default 5) times, /healthz timed meanwhile: the answers' statuses, sizes
# and times, the server's peak RSS during it and its RSS after. Only loopback traffic; the server
# is stopped at the end.
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

amplifying=$(mktemp --suffix=.yaml)
pages=$(mktemp)
health=$(mktemp)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log" "$amplifying" "$pages" "$health"' EXIT
python3 - "$amplifying" <<'PY'
import sys
value = "a" + "x" * 49000
keys = ", ".join(f"unknown_{k}: {value}" for k in range(40))
open(sys.argv[1], "w").write("{dossier: 1, kind: reseau-dossier, id: R-1, title: T, language: en, " + keys + "}\n")
PY
parallel=${AMPLIFY_PARALLEL:-10}
echo "== amplifying load: $(wc -c <"$amplifying") bytes on one line, 40 unknown keys; $parallel uploads at once, ${AMPLIFY_ROUNDS:-5} rounds"
sleep 2
echo "RSS before: $(rss)"
echo 5 >"/proc/$server/clear_refs"   # resets the peak (VmHWM) to the current RSS
for _ in $(seq 1 "${AMPLIFY_ROUNDS:-5}"); do
  uploads=()
  for _ in $(seq 1 "$parallel"); do
    curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}\n' -F "file=@$amplifying;filename=d.yaml" -F ui=en \
      "http://127.0.0.1:$port/check" >>"$pages" &
    uploads+=($!)
  done
  for _ in $(seq 1 10); do
    curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/healthz" >>"$health"
    sleep 0.2
  done
  wait "${uploads[@]}"
done
echo "answers (status: count): $(cut -d' ' -f1 "$pages" | sort | uniq -c | awk '{printf "%s: %s  ", $2, $1}')"
echo "largest page: $(awk '$1 == 200 {print $2}' "$pages" | sort -n | tail -1) bytes; slowest answer: $(cut -d' ' -f3 "$pages" | sort -n | tail -1) s"
echo "/healthz during it: median $(sort -n "$health" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') s, max $(sort -n "$health" | tail -1) s"
echo "peak RSS during it: $(awk '/VmHWM/ {print $2 " kB"}' "/proc/$server/status")"
sleep 2
echo "RSS 2 s after: $(rss)"
echo "access log lines: $(grep -c '"method"' "$log")"
echo "non-200 responses: $(grep '"method"' "$log" | grep -vc '"status":200' || true)"
