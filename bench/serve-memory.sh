#!/usr/bin/env bash
# The portal's peak memory per request, one request at a time against a fresh release server on
# loopback: the 2 MB one-line dossier with 40 unknown keys and a 2 MB dossier of 190 000 unknown
# keys (the most findings a 2 MiB body holds), each through the form and the API, with the
# server's RSS before, its peak during (VmHWM, reset before each request) and its RSS 2 s after.
#
#   bench/serve-memory.sh [REQUEST_TIMEOUT]     (default 10s, the server's default)
set -euo pipefail
cd "$(dirname "$0")/.."
timeout=${1:-10s}
scratch=${SCRATCH_PATH:-.build-serve-release}
swift build -c release --scratch-path "$scratch" --product dossiercheck >&2
binary="$scratch/release/dossiercheck"

work=$(mktemp -d)
log="$work/log"
"$binary" serve --host 127.0.0.1 --port 0 --request-timeout "$timeout" 2>"$log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import sys
value = "a" + "x" * 49000
keys = ", ".join(f"unknown_{k}: {value}" for k in range(40))
open(sys.argv[1] + "/one-line.yaml", "w").write("{dossier: 1, kind: reseau-dossier, id: R-1, title: T, language: en, " + keys + "}\n")
header = "dossier: 1\nkind: reseau-dossier\nid: R-1\ntitle: T\nlanguage: en\n"
open(sys.argv[1] + "/many-keys.yaml", "w").write(header + "".join(f"k{k}: 1\n" for k in range(190000)))
PY
for _ in $(seq 1 100); do
  port=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1 | sed 's/.*://') || true
  [ -n "${port:-}" ] && break
  sleep 0.1
done
[ -n "${port:-}" ] || { echo "the server did not start: $(cat "$log")" >&2; exit 1; }
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
curl -s -o /dev/null --data-binary @examples/reseau-dossier/valid-hydrowal-term1.yaml "http://127.0.0.1:$port/api/v1/check"
sleep 1
echo "baseline RSS: $(rss) kB (request timeout $timeout)"
for file in one-line many-keys; do
  for route in /check /api/v1/check; do
    echo 5 >"/proc/$server/clear_refs"   # resets the peak (VmHWM) to the current RSS
    before=$(rss)
    if [ "$route" = /check ]; then
      answer=$(curl -s -o /dev/null -w '%{http_code}, %{size_download} bytes, %{time_total} s' -F "file=@$work/$file.yaml;filename=d.yaml" -F ui=en "http://127.0.0.1:$port$route")
    else
      answer=$(curl -s -o /dev/null -w '%{http_code}, %{size_download} bytes, %{time_total} s' --data-binary @"$work/$file.yaml" "http://127.0.0.1:$port$route")
    fi
    peak=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
    sleep 2
    echo "$file ($(wc -c <"$work/$file.yaml") bytes) $route: $answer; RSS before $before kB, peak $peak kB (+$((peak - before)) kB), 2 s after $(rss) kB"
  done
done
