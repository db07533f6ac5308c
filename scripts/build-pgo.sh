#!/usr/bin/env bash
# Builds toriictl with profile-guided optimisation (GCC -fprofile-generate / -fprofile-use) in
# its own build directory (default build-pgo), trained on the gateway's HTTP/1.1 path:
#   1. an instrumented toriictl;
#   2. `toriictl load` on the demo workspace (gateway, mock backends and client in one process,
#      64 requests in flight for TORII_PGO_SECONDS, default 15);
#   3. toriictl again with the profile.
# Why: on the proxy benchmark's `api` profile a PGO build spends ~0.5 µs less user time per
# request than the default build (4.05 vs 4.57 µs; tests/bench/README.md), most of it in short
# copies GCC inlines once it knows their usual size. Not part of the default build: it compiles
# toriictl twice, which doubles the build time, a profile must be regenerated after code
# changes, and the default build is already ahead of nginx there (1.09 of its requests/s).
# Usage: scripts/build-pgo.sh [BUILD_DIR]   then   BUILD_DIR/app/cli/toriictl
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build-pgo}
profile="$PWD/$dir/pgo-profile"
seconds=${TORII_PGO_SECONDS:-15}
rm -rf "$profile"
mkdir -p "$profile"

echo "build-pgo: 1/3 instrumented toriictl in $dir" >&2
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS="-fprofile-generate -fprofile-update=prefer-atomic -fprofile-dir=$profile" \
    -DCMAKE_EXE_LINKER_FLAGS="-fprofile-generate" >/dev/null
cmake --build "$dir" --target toriictl

echo "build-pgo: 2/3 training: toriictl load resources/demo for ${seconds}s" >&2
"$dir/app/cli/toriictl" load resources/demo --concurrency 64 --duration "${seconds}s" >/dev/null
if ! find "$profile" -name '*.gcda' | grep -q .; then
    echo "build-pgo: the training run wrote no profile in $profile" >&2
    exit 1
fi

echo "build-pgo: 3/3 toriictl with the profile" >&2
cmake -S . -B "$dir" \
    -DCMAKE_CXX_FLAGS="-fprofile-use -fprofile-partial-training -fprofile-dir=$profile -Wno-missing-profile" \
    -DCMAKE_EXE_LINKER_FLAGS="" >/dev/null
cmake --build "$dir" --target toriictl
echo "build-pgo: $dir/app/cli/toriictl" >&2
