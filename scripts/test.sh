#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, and runs every test with ctest.
# Tests that read ../shared (the conformance and validation corpora) skip when it is absent,
# and fail when CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
cd "${TORII_BUILD_DIR:-build}"
ctest --output-on-failure --timeout 600 -j "$(nproc)"
