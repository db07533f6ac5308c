#!/usr/bin/env bash
# The README's first command: installs what is missing, builds, and runs Torii on the demo
# workspace. With a display this opens the studio once it exists; until then (and without a
# display) it runs toriictl on the demo workspace: validation, the compiled route table, where
# one request lands, and the design served live for a few seconds under a burst of requests
# (the 95/5 canary split shows in the summary).
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
echo
echo "== toriictl serve $demo   (a live gateway on 127.0.0.1 for a few seconds, with a burst of traffic)"
# --burst: 50 requests over every route, and a few dozen TCP connections, UDP flows and TLS
# connections through the L4 routes; the curl loop below shows the 95/5 canary split.
"$build/app/cli/toriictl" serve --duration 6 --burst 50 "$demo" &
serve=$!
for _ in $(seq 1 50); do curl -s -o /dev/null http://127.0.0.1:10080/ 2>/dev/null && break; sleep 0.1; done
for _ in $(seq 1 200); do
  curl -s -o /dev/null -H 'Host: shop.example.com' http://127.0.0.1:10080/cart || true
done
echo "GET webapp.example.com/api/orders answered by:"
curl -s -H 'Host: webapp.example.com' http://127.0.0.1:10080/api/orders | grep -E '"(namespace|pod|path)"' || true
wait "$serve"
