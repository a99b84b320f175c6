#!/usr/bin/env bash
# Runs one libFuzzer target for a fixed time (outside CI: CI replays the regression inputs only).
#
#   scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags…]
#
# TARGET is yaml-check (YAML loading + every bundled rule), cel (the CEL parser, compiler and
# evaluator) or rule-file (a local rule file over the bundled ones). The build goes to
# .build-fuzz (FUZZ_SCRATCH overrides), with libFuzzer and AddressSanitizer (each target calls
# LLVMFuzzerRunDriver from its own top-level code, since SwiftPM names the entry point itself). The corpus grows in
# .fuzz/TARGET/corpus, seeded from examples/ (dossiers), rules/ (expressions, rule files); crashes,
# timeouts and out-of-memory inputs land in .fuzz/TARGET/artifacts. Turn each one into a regression
# input under Tests/Fixtures/Regressions/ (see Fuzz/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:?usage: scripts/fuzz.sh yaml-check|cel|rule-file SECONDS [libFuzzer flags…]}
seconds=${2:?usage: scripts/fuzz.sh TARGET SECONDS}
shift 2
case "$target" in
  yaml-check|cel|rule-file) ;;
  *) echo "error: unknown target '$target' (yaml-check, cel, rule-file)" >&2; exit 2 ;;
esac

scratch=${FUZZ_SCRATCH:-.build-fuzz}
work=.fuzz/$target
mkdir -p "$work/corpus" "$work/artifacts" "$work/seeds"

swift build --package-path Fuzz --scratch-path "$scratch" -c release --product "fuzz-$target" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -g \
  -Xcc -fsanitize=fuzzer-no-link,address >&2
binary="$scratch/release/fuzz-$target"

# Seeds: the example dossiers and the rule files, and every CEL expression of the rules.
case "$target" in
  yaml-check) find examples -name '*.yaml' -exec cp {} "$work/seeds/" \; ; max_len=16384 ;;
  rule-file) cp rules/*.yaml "$work/seeds/"; max_len=32768 ;;
  cel) python3 scripts/cel-seeds.py rules "$work/seeds" Fuzz/Seeds/cel-extensions.txt; max_len=2048 ;;
esac
# A dictionary of the target's tokens, where there is one (Fuzz/TARGET.dict).
dict=()
if [ -f "Fuzz/$target.dict" ]; then dict=(-dict="Fuzz/$target.dict"); fi

echo "fuzzing $target for ${seconds}s (corpus $work/corpus, artifacts $work/artifacts)" >&2
# Let libFuzzer catch a trap and write the input out. LeakSanitizer is off: Swift packs enum payloads
# into pointers it cannot see through, so the rule sets held for the whole run look leaked.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
exec "$binary" "$work/corpus" "$work/seeds" \
  -max_total_time="$seconds" -max_len="$max_len" -timeout=20 -rss_limit_mb=2048 \
  -artifact_prefix="$work/artifacts/" -print_final_stats=1 -detect_leaks=0 "${dict[@]}" "$@"
