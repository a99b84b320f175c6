#!/usr/bin/env bash
# The project's test command: installs what the tests need from outside Swift (idempotent),
# then runs the whole suite. CI runs this same script (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

# The CEL conformance data is read in place from ../shared/conformance (see docs/cel.md);
# outside CI its absence skips those tests with a message, under CI=true it fails them.

swift build --build-tests
swift test --skip-build "$@"
