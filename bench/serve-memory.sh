#!/usr/bin/env bash
# The portal's memory, against a fresh release server on loopback. First one request at a time:
# the 2 MB one-line dossier with 40 unknown keys and a 2 MB dossier of 190 000 unknown keys (the
# most findings a 2 MiB body holds), each through the form and the API, with the server's RSS
# before, its peak during (VmHWM, reset before each request) and its RSS 2 s after. Then bursts:
# BURST_PARALLEL (default 10) uploads of the one-line dossier at once, BURST_ROUNDS (default 5)
# times, with the RSS before, the peak during the bursts, and the RSS 2 s and 10 s after.
# DOSSIERCHECK=BINARY runs an already built binary (see bench/lib/serve.sh).
#
#   bench/serve-memory.sh [REQUEST_TIMEOUT]     (default 10s, the server's default)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/serve.sh
timeout=${1:-10s}
serve_start --request-timeout "$timeout"

amplifying_dossier "$work/one-line.yaml"
python3 - "$work/many-keys.yaml" <<'PY'
import sys
header = "dossier: 1\nkind: reseau-dossier\nid: R-1\ntitle: T\nlanguage: en\n"
open(sys.argv[1], "w").write(header + "".join(f"k{k}: 1\n" for k in range(190000)))
PY
curl -s -o /dev/null --data-binary @examples/reseau-dossier/valid-hydrowal-term1.yaml "http://127.0.0.1:$port/api/v1/check"
sleep 1
baseline=$(rss)
echo "baseline RSS: $baseline kB (request timeout $timeout)"
for file in one-line many-keys; do
    for route in /check /api/v1/check; do
        reset_peak
        before=$(rss)
        if [ "$route" = /check ]; then
            answer=$(curl -s -o /dev/null -w '%{http_code}, %{size_download} bytes, %{time_total} s' -F "file=@$work/$file.yaml;filename=d.yaml" -F ui=en "http://127.0.0.1:$port$route")
        else
            answer=$(curl -s -o /dev/null -w '%{http_code}, %{size_download} bytes, %{time_total} s' --data-binary @"$work/$file.yaml" "http://127.0.0.1:$port$route")
        fi
        top=$(peak)
        sleep 2
        echo "$file ($(wc -c <"$work/$file.yaml") bytes) $route: $answer; RSS before $before kB, peak $top kB (+$((top - before)) kB), 2 s after $(rss) kB"
    done
done

parallel=${BURST_PARALLEL:-10}
rounds=${BURST_ROUNDS:-5}
echo "== bursts: $parallel uploads of one-line at once through /check, $rounds rounds"
before=$(rss)
reset_peak
upload_burst "$work/one-line.yaml" "$parallel" "$rounds" "$work/answers"
top=$(peak)
sleep 2
after2=$(rss)
sleep 8
after10=$(rss)
burst_summary "$work/answers"
echo "RSS before $before kB, peak during the bursts $top kB (+$((top - before)) kB), 2 s after $after2 kB, 10 s after $after10 kB (baseline $baseline kB: +$((after10 - baseline)) kB)"
