#!/usr/bin/env bash
# Fails when a .ts file under translations/ has an unfinished or empty translation: the Japanese
# UI ships complete at every landing.
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
fail=0
for ts in "$root"/translations/*_ja.ts; do
  unfinished=$(grep -c 'type="unfinished"' "$ts")
  empty=$(grep -cE '<translation>\s*</translation>|<translation/>' "$ts")
  total=$(grep -c '<message' "$ts")
  echo "$(basename "$ts"): $total messages, $unfinished unfinished, $empty empty"
  [ "$unfinished" -eq 0 ] && [ "$empty" -eq 0 ] || fail=1
done
exit $fail
