# Sourced by bench/serve-memory.sh and bench/serve-load.sh: the portal on loopback and the figures
# both read from it. `serve_start [SERVE FLAGS...]` builds the release binary (or takes
# $DOSSIERCHECK, an already built one: to compare two builds back to back in the same
# conditions), starts `dossiercheck serve` on a free port of 127.0.0.1 and sets $server (its pid),
# $port, $log (its access log) and $work (a scratch folder); the server is stopped and the folder
# removed at exit. Only loopback traffic.

serve_start() {
    local binary=${DOSSIERCHECK:-}
    if [ -z "$binary" ]; then
        local scratch=${SCRATCH_PATH:-.build-serve-release}
        swift build -c release --scratch-path "$scratch" --product dossiercheck >&2
        binary="$scratch/release/dossiercheck"
    fi
    work=$(mktemp -d)
    log="$work/log"
    "$binary" serve --host 127.0.0.1 --port 0 "$@" 2>"$log" &
    server=$!
    trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
    port=
    for _ in $(seq 1 100); do
        port=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1 | sed 's/.*://') || true
        [ -n "$port" ] && break
        sleep 0.1
    done
    [ -n "$port" ] || { echo "the server did not start: $(cat "$log")" >&2; exit 1; }
    echo "server: $binary, pid $server, port $port" >&2
}

# The server's resident memory now, and its peak since the last `reset_peak`, in kB.
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
peak() { awk '/VmHWM/ {print $2}' "/proc/$server/status"; }
reset_peak() { echo 5 >"/proc/$server/clear_refs"; }

# The amplifying dossier of issue 17 into FILE: 2.0 MB on one line, 40 unknown keys of 49 000 characters.
amplifying_dossier() {
    python3 - "$1" <<'PY'
import sys
value = "a" + "x" * 49000
keys = ", ".join(f"unknown_{k}: {value}" for k in range(40))
open(sys.argv[1], "w").write("{dossier: 1, kind: reseau-dossier, id: R-1, title: T, language: en, " + keys + "}\n")
PY
}

# `upload_burst FILE PARALLEL ROUNDS ANSWERS [HEALTH]`: ROUNDS times, PARALLEL uploads of FILE at
# once through the form (/check); each answer's `status bytes seconds` is appended to ANSWERS, and,
# with HEALTH, /healthz is timed ten times during each round (its seconds appended there).
upload_burst() {
    local file=$1 parallel=$2 rounds=$3 answers=$4 health=${5:-}
    for _ in $(seq 1 "$rounds"); do
        local uploads=()
        for _ in $(seq 1 "$parallel"); do
            curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}\n' -F "file=@$file;filename=d.yaml" -F ui=en \
                "http://127.0.0.1:$port/check" >>"$answers" &
            uploads+=($!)
        done
        if [ -n "$health" ]; then
            for _ in $(seq 1 10); do
                curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/healthz" >>"$health"
                sleep 0.2
            done
        fi
        wait "${uploads[@]}"
    done
}

# The answers of `upload_burst` summed up: statuses with their counts, the largest page, the slowest answer.
burst_summary() {
    echo "answers (status: count): $(cut -d' ' -f1 "$1" | sort | uniq -c | awk '{printf "%s: %s  ", $2, $1}')"
    echo "largest page: $(awk '$1 == 200 {print $2}' "$1" | sort -n | tail -1) bytes; slowest answer: $(cut -d' ' -f3 "$1" | sort -n | tail -1) s"
}
