#!/usr/bin/env bash
# ctest toriictl_test_conformance_status: the real `toriictl test --conformance --status-only`
# over ../shared/conformance/cases. Without the corpus (a user's clone) the test is skipped
# (exit 77, ctest's SKIP_RETURN_CODE); with CI=true a missing corpus is a failure, as
# tests/common/shared_corpus.h does for the Qt tests.
set -u
toriictl=$1
shared=$2
cases="$shared/conformance/cases"
if [ ! -d "$cases" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "CI=true but the corpus $cases is missing"
    exit 1
  fi
  echo "corpus $cases not found (../shared is absent in a user's clone); skipping"
  exit 77
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$toriictl" --lang en test --conformance --status-only --cases "$cases" >"$out"
status=$?
cat "$out"
# The last line is the summary, alone on its line, whatever happened before it.
if ! tail -n 1 "$out" | grep -Eq '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$'; then
  echo "toriictl test: the last line is not \"N passed, M failed, K skipped\""
  exit 1
fi
exit $status
