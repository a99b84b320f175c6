#!/usr/bin/env bash
# The project's test command: installs what the tests need from outside Swift (idempotent),
# then runs the whole suite. CI runs this same script (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

# The CEL conformance data and the SARIF and JUnit schemas are read in place from
# ../shared/conformance (see docs/cel.md); outside CI their absence skips those tests with a
# message, under CI=true it fails them.

# The SARIF and JUnit reports are validated by real validators (PyPI jsonschema and xmlschema),
# kept in a virtualenv of their own. Outside CI, if they cannot be installed, those tests skip.
tools=.venv-tools
if ! { python3 -m venv "$tools" \
      && "$tools/bin/python" -m pip install --quiet --disable-pip-version-check -r scripts/requirements-tools.txt; }; then
  if [ "${CI:-}" = "true" ]; then
    echo "error: cannot install the report validators into $tools (scripts/requirements-tools.txt)" >&2
    exit 1
  fi
  echo "warning: cannot install the report validators into $tools; the SARIF and JUnit schema tests will skip" >&2
fi
"$tools/bin/python" scripts/validate-report.py versions 2>/dev/null || true

swift build --build-tests
swift test --skip-build "$@"
