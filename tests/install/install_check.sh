#!/usr/bin/env bash
# install_check.sh BUILD_DIR VERSION
# The package check of issue 9: builds the .deb and the .tar.gz from BUILD_DIR with cpack, unpacks
# the .deb into a clean staging root (dpkg -x: no root features needed, so it runs in CI) and, from
# the installed paths only, runs toriictl and torii, validates the desktop entry and the AppStream
# metainfo, tries the shell completions and reads the man pages; then lintian judges the .deb
# (an error fails the check; warnings are printed). The .tar.gz is unpacked elsewhere and run
# from there, since it must work wherever it lands. The first failing step ends the check.
set -euo pipefail
build=$(realpath "$1")
here=$(dirname "$(realpath "$0")")
version=$2
umask 022
work=$(mktemp -d "${TMPDIR:-/tmp}/torii-install-check.XXXXXX")
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8
unset DISPLAY WAYLAND_DISPLAY TORII_LANG
step() { printf '\n== %s  (%ss)\n' "$*" "$SECONDS"; }
fail() { echo "install_check: FAIL: $*" >&2; exit 1; }

missing=()
for tool in cpack dpkg-deb dpkg-shlibdeps lintian desktop-file-validate appstreamcli file man zsh; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
[ ${#missing[@]} -eq 0 ] || fail "missing ${missing[*]}: run scripts/install-deps.sh"

step "cpack -G DEB;TGZ (from $build)"
cpack -G 'DEB;TGZ' -B "$work/packages" --config "$build/CPackConfig.cmake" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$(echo "$work"/packages/torii_"$version"_*.deb)
tgz=$(echo "$work"/packages/torii-"$version"-*.tar.gz)
[ -f "$deb" ] || fail "no .deb for version $version in $work/packages: $(ls "$work/packages")"
[ -f "$tgz" ] || fail "no .tar.gz for version $version in $work/packages"
ls -l "$deb" "$tgz"
dpkg-deb --field "$deb" Package Version Architecture Depends Recommends Section Maintainer
depends=$(dpkg-deb --field "$deb" Depends)
# dpkg-shlibdeps computed them: the Qt libraries torii links, with versions.
[[ $depends == *"libqt6widgets6 (>="* && $depends == *"libqt6core6"* ]] ||
  fail "Depends was not computed from the binaries: $depends"
[ "$(dpkg-deb --field "$deb" Version)" = "$version" ] || fail "package version is not $version"

step "dpkg -x into a clean root"
root=$work/root
dpkg -x "$deb" "$root"
usr=$root/usr
for f in bin/torii bin/toriictl \
  share/torii/demo/20-gateway.yaml share/torii/scenarios/canary-rollout.yaml \
  share/torii/translations/torii_ja.qm \
  share/applications/dev.torii.Torii.desktop share/metainfo/dev.torii.Torii.metainfo.xml \
  share/icons/hicolor/scalable/apps/dev.torii.Torii.svg \
  share/icons/hicolor/16x16/apps/dev.torii.Torii.png share/icons/hicolor/256x256/apps/dev.torii.Torii.png \
  share/man/man1/torii.1.gz share/man/man1/toriictl.1.gz \
  share/bash-completion/completions/toriictl share/zsh/vendor-completions/_toriictl \
  share/doc/torii/copyright share/doc/torii/changelog.gz; do
  [ -f "$usr/$f" ] || fail "the package lacks /usr/$f"
done
file "$usr/share/icons/hicolor/256x256/apps/dev.torii.Torii.png" | grep -q '256 x 256' ||
  fail "the 256x256 icon is not 256 x 256"
echo "all $(dpkg-deb --contents "$deb" | grep -vc '/$') files in place"

step "toriictl --version"
out=$("$usr/bin/toriictl" --version)
echo "$out"
[[ $out == "toriictl $version "* ]] || fail "toriictl --version does not say $version"

step "toriictl validate (the installed demo workspace)"
"$usr/bin/toriictl" validate "$usr/share/torii/demo"

step "toriictl --lang ja validate (a broken file: the installed Japanese catalog)"
printf 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: broken\nspec: {}\n' \
  >"$work/broken.yaml"
set +e
"$usr/bin/toriictl" --lang ja validate "$work/broken.yaml" >"$work/ja.txt" 2>&1
status=$?
set -e
cat "$work/ja.txt"
[ "$status" -ne 0 ] || fail "toriictl validate accepted a Gateway without gatewayClassName"
grep -qP '[\x{3040}-\x{30ff}]' "$work/ja.txt" || fail "toriictl --lang ja printed no Japanese"

step "torii --version and --help without a display"
out=$("$usr/bin/torii" --version)
echo "$out"
[ "$out" = "torii $version" ] || fail "torii --version does not say $version"
"$usr/bin/torii" --help | grep -q -- '--screenshots' || fail "torii --help does not list --screenshots"

step "torii --screenshots (offscreen; the installed demo workspace)"
QT_QPA_PLATFORM=offscreen "$usr/bin/torii" --screenshots "$work/shots"
shots=("$work"/shots/*.png)
[ "${#shots[@]}" -ge 1 ] && [ -f "${shots[0]}" ] || fail "torii --screenshots saved no PNG"
for s in "${shots[@]}"; do
  file "$s" | grep -q 'PNG image data' || fail "$s is not a PNG"
done
echo "${#shots[@]} PNGs: $(cd "$work/shots" && echo *.png)"
if command -v xvfb-run >/dev/null; then
  step "torii --screenshots --lang ja (under Xvfb)"
  xvfb-run -a -s '-screen 0 1600x1000x24' "$usr/bin/torii" --screenshots "$work/shots-ja" --lang ja
  [ -f "$work/shots-ja/01-explorer-editor.png" ] || fail "torii under Xvfb saved no screenshot"
  echo "$(ls "$work"/shots-ja/*.png | wc -l) PNGs"
fi

step "desktop-file-validate"
out=$(desktop-file-validate "$usr/share/applications/dev.torii.Torii.desktop" 2>&1) ||
  { echo "$out"; fail "desktop-file-validate found errors"; }
echo "${out:-desktop-file-validate: no error, warning or hint}"
grep -q '^MimeType=.*application/yaml;' "$usr/share/applications/dev.torii.Torii.desktop" ||
  fail "the desktop entry does not register application/yaml"

step "appstreamcli validate --no-net"
appstreamcli validate --no-net "$usr/share/metainfo/dev.torii.Torii.metainfo.xml"
grep -q "<release version=\"$version\"" "$usr/share/metainfo/dev.torii.Torii.metainfo.xml" ||
  fail "the metainfo has no release $version"

step "man pages"
zcat "$usr/share/man/man1/toriictl.1.gz" | grep -q '^\.SS "toriictl validate"' ||
  fail "toriictl.1 lacks the validate command"
zcat "$usr/share/man/man1/torii.1.gz" | grep -q -- 'screenshots' || fail "torii.1 lacks --screenshots"
for page in torii toriictl; do
  # man's own check: warnings from groff are errors of the page.
  warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z \
    "$usr/share/man/man1/$page.1.gz" 2>&1 >/dev/null || true)
  [ -z "$warnings" ] || fail "$page.1: $warnings"
  zcat "$usr/share/man/man1/$page.1.gz" | head -2 | tail -1
done

step "bash completion (with the installed toriictl)"
PATH="$usr/bin:$PATH" bash -c '
  source "$1"
  complete_line() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _toriictl; echo "${COMPREPLY[*]}"; }
  check() { local want=$1; shift; local got; got=$(complete_line "$@")
    [ "$got" = "$want" ] || { echo "\"$*\" completed to \"$got\", not \"$want\"" >&2; exit 1; }
    echo "\"$*\" -> $got"; }
  check "validate" toriictl val
  check "en ja" toriictl --lang ""
  check "text json" toriictl validate -o ""
  check "none role kind" toriictl export --split ""
  check "--no-lint --no-hints" toriictl validate --no-
' _ "$usr/share/bash-completion/completions/toriictl"
step "zsh completion (an interactive zsh in a pseudo-terminal, Tab pressed)"
zsh -n "$usr/share/zsh/vendor-completions/_toriictl"
zsh -f "$here/zsh_completion_check.zsh" "$usr/share/zsh/vendor-completions" "$usr/bin" ||
  fail "the zsh completion did not offer what toriictl's help lists"

step "the installed translations come first (a catalog made here replaces the packaged one)"
cat >"$work/probe.ts" <<'TS'
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context><name>toriictl</name>
<message><source>toriictl: unknown command &quot;%1&quot;</source><translation>PROBE-CATALOG %1</translation></message>
</context>
</TS>
TS
lrelease=$(command -v lrelease || echo /usr/lib/qt6/bin/lrelease)
"$lrelease" -silent "$work/probe.ts" -qm "$usr/share/torii/translations/torii_ja.qm"
set +e
out=$("$usr/bin/toriictl" --lang ja no-such-command 2>&1)
set -e
grep -q 'PROBE-CATALOG no-such-command' <<<"$out" ||
  fail "toriictl did not load share/torii/translations from its install prefix: $out"
echo "ok: $(head -1 <<<"$out")"

step "the .tar.gz, unpacked elsewhere"
mkdir "$work/tar"
tar -xzf "$tgz" -C "$work/tar"
top=$(echo "$work"/tar/*)
"$top/bin/toriictl" --version
"$top/bin/toriictl" validate "$top/share/torii/demo"

step "lintian"
set +e
lintian --fail-on error --tag-display-limit 0 --display-info "$deb" >"$work/lintian.txt" 2>&1
status=$?
set -e
cat "$work/lintian.txt"
[ "$status" -eq 0 ] || fail "lintian reported errors (exit $status)"
echo "lintian: $(grep -c '^E:' "$work/lintian.txt" || true) errors, $(grep -c '^W:' "$work/lintian.txt" || true) warnings"

echo
echo "install_check: all steps passed"
