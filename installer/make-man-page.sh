#!/usr/bin/env bash
# make-man-page.sh HELP2MAN PROGRAM "SHORT DESCRIPTION" OUTPUT.1.gz
# Writes PROGRAM's man page from its own --help and --version (help2man), so the page says what
# the program does. When the help lists commands (toriictl), each command's --help becomes a
# subsection of COMMANDS. The build runs this after linking (installer/CMakeLists.txt).
set -euo pipefail
help2man=$1 program=$2 name=$3 output=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# English, the same text on every machine, and no display needed.
export LC_ALL=C.UTF-8 TORII_LANG=en QT_QPA_PLATFORM=offscreen
base=$(basename "$program")

# Text for roff: backslashes escaped, and a line starting with . or ' kept from being a request.
roff_text() { sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/"; }

# The pages must name the installed command, not the build path: run it by name from PATH.
mkdir -p "$work/bin"
ln -s "$(realpath "$program")" "$work/bin/$base"
export PATH="$work/bin:$PATH"

include=$work/include.h2m
: >"$include"
commands=$("$base" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
if [ -n "$commands" ]; then
  echo "[COMMANDS]" >>"$include"
  for command in $commands; do
    {
      echo ".SS \"$base $command\""
      echo ".nf"
      # The command's parser names only the program in its usage line; name the command too.
      "$base" "$command" --help | sed "1s/^Usage: $base \[/Usage: $base $command [/" | roff_text
      echo ".fi"
    } >>"$include"
  done
fi

mkdir -p "$(dirname "$output")"
options=(--no-info --name="$name" --output="$work/$base.1")
[ -s "$include" ] && options+=(--include="$include")
"$help2man" "${options[@]}" "$base"
gzip -9n -c "$work/$base.1" >"$output"
