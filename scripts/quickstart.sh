#!/usr/bin/env bash
# The README's first command: installs what is missing, builds, and runs Torii on the demo
# workspace. With a display this opens the studio once it exists; without one it runs toriictl on
# the demo workspace and prints what it finds.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
build=${TORII_BUILD_DIR:-build}
demo=resources/demo
if [ -n "${DISPLAY:-}" ] && [ -x "$build/app/gui/torii" ]; then
  exec "$build/app/gui/torii" "$demo"
fi
echo "== toriictl validate $demo"
"$build/app/cli/toriictl" validate "$demo"
