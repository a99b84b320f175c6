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

# The triage's HTML report and the pre-check portal are checked in a real headless browser (the
# portal's screenshot is kept in .ci-artifacts/portal.png): Debian's chromium (and a font
# for its screenshot), installed once when missing (as root, through apt). Outside CI, if it
# cannot be installed, that test skips; under CI=true it fails.
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing chromium for the HTML report's browser test…" >&2
    { apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; } \
      || echo "warning: apt-get could not install chromium" >&2
  fi
  if ! command -v chromium >/dev/null 2>&1; then
    if [ "${CI:-}" = "true" ]; then
      echo "error: chromium is not installed and could not be (the triage report's browser test needs it)" >&2
      exit 1
    fi
    echo "warning: chromium is not installed; the triage report's browser test will skip" >&2
  fi
fi

# The printed triage report is read back with pdftotext (Debian's poppler-utils), installed the
# same way; the PDF and the report's screenshots at 1400 and 420 px are kept in .ci-artifacts/.
if ! command -v pdftotext >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing poppler-utils for the printed report's test…" >&2
    { apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null; } \
      || echo "warning: apt-get could not install poppler-utils" >&2
  fi
  if ! command -v pdftotext >/dev/null 2>&1; then
    if [ "${CI:-}" = "true" ]; then
      echo "error: pdftotext is not installed and could not be (the printed triage report's test needs poppler-utils)" >&2
      exit 1
    fi
    echo "warning: pdftotext is not installed; the printed triage report's test will skip" >&2
  fi
fi

swift build --build-tests
swift test --skip-build "$@"
