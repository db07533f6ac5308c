#!/usr/bin/env bash
# Starts `toriictl serve` as the candidate of ../shared/bench/proxy-compare.sh:
#   bash ../shared/bench/proxy-compare.sh --name torii \
#        --candidate "$PWD/tests/bench/proxy_compare_candidate.sh {routes}"
# proxy-compare.sh exports PXB_BACKENDS ("backend-a=127.0.0.1:PORT ..."): the Services of
# routes.yaml are bound to those real backends instead of mocks. Extra arguments go to serve.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
toriictl=${TORIICTL:-$here/build/app/cli/toriictl}
routes=$1; shift
args=()
for binding in ${PXB_BACKENDS:-}; do
    args+=(--backend "bench/$binding")
done
exec "$toriictl" serve "$routes" --accept-all-classes "${args[@]}" "$@"
