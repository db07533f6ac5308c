#!/usr/bin/env bash
# The README's first command: installs what is missing, builds, and runs Torii on the demo
# workspace. With a display this opens the studio once it exists; until then (and without a
# display) it runs toriictl on the demo workspace: validation, the compiled route table, and
# where one request lands.
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
echo
echo "== toriictl routes $demo   (the table the gateway will serve, in precedence order)"
"$build/app/cli/toriictl" routes "$demo"
echo
echo "== toriictl routes --explain GET http://shop.example.com/cart -H 'x-canary: true' $demo"
"$build/app/cli/toriictl" routes --explain GET http://shop.example.com/cart -H 'x-canary: true' "$demo"
