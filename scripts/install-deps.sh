#!/usr/bin/env bash
# Installs the Debian 12 packages Torii needs to build, run and test; installs only what is
# missing, so running it again costs a few dpkg queries. Run as root (or with sudo available).
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6
  qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libgl-dev
  libyaml-dev libyaml-cpp-dev libre2-dev libssl-dev libnghttp2-dev
  # gRPC echo backends and the gRPC client of route tests (code generated from our .proto)
  libgrpc++-dev libprotobuf-dev protobuf-compiler protobuf-compiler-grpc
  # h2load, for the HTTP/2 benchmark (tests/bench/h2)
  nghttp2-client
  graphviz libgraphviz-dev libbenchmark-dev
  clang libclang-rt-14-dev
  qt6-translations-l10n xvfb xauth fonts-noto-cjk curl openssl ca-certificates
  # tools/ (schema bundle, conformance facts table) and the test that checks the shipped table
  python3 python3-yaml
  # packages (installer/, tests/install/): man pages, icons, .deb tools and their checks
  help2man librsvg2-bin dpkg-dev file fakeroot desktop-file-utils appstream lintian zsh man-db
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
