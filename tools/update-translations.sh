#!/usr/bin/env bash
# Refreshes translations/torii_ja.ts from every source (engine TORII_DIAG texts, toriictl's
# QCoreApplication::translate calls, the GUI's tr()). New entries come in as unfinished: translate
# them (Qt Linguist: linguist-qt6 translations/torii_ja.ts) before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=/usr/lib/qt6/bin/lupdate
"$lupdate" -locations none -no-obsolete -extensions cpp,h engine simulator app -ts translations/torii_ja.ts
