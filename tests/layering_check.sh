#!/usr/bin/env bash
# Fails when a source file includes what its folder may not use (ARCHITECTURE.md, "Folders and
# what each may use"): engine/ and simulator/ never see QtGui/QtWidgets, app/cli never sees
# QtWidgets, only engine/yaml includes the YAML library, and each engine module includes only the modules
# below it.
set -u
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root" || exit 2
fail=0
report() { echo "layering_check: $1"; fail=1; }

check_no_include() { # folder, regex, what
  local folder=$1 regex=$2 what=$3 hits
  [ -d "$folder" ] || return 0
  hits=$(grep -rnE --include='*.h' --include='*.cpp' "$regex" "$folder" || true)
  [ -n "$hits" ] && report "$what:"$'\n'"$hits"
  return 0
}
# Qt GUI modules, by module header or by well-known class header.
qtgui='#[[:space:]]*include[[:space:]]*[<"](QtGui/|QtWidgets/|QtCharts/|QtSvg/|QtOpenGL/|QWidget|QApplication|QGuiApplication|QPainter|QPixmap|QImage|QColor|QFont|QIcon|QMainWindow|QDialog)'
qtwidgets='#[[:space:]]*include[[:space:]]*[<"](QtWidgets/|QtCharts/|QWidget|QApplication|QMainWindow|QDialog)'
check_no_include engine "$qtgui" "engine/ includes QtGui/QtWidgets"
check_no_include simulator "$qtgui" "simulator/ includes QtGui/QtWidgets"
check_no_include app/cli "$qtwidgets" "app/cli includes QtWidgets"
check_no_include app/runtime "$qtwidgets" "app/runtime includes QtWidgets"

# The YAML library stops at engine/yaml.
hits=$(grep -rnE --include='*.h' --include='*.cpp' '#[[:space:]]*include[[:space:]]*[<"](yaml-cpp/|yaml\.h)' engine simulator app 2>/dev/null | grep -v '^engine/yaml/' || true)
[ -n "$hits" ] && report "a YAML library outside engine/yaml:"$'\n'"$hits"

# Engine modules depend only downward.
declare -A allowed=(
  [core]="core"
  [http]="core http"
  [net]="core net"
  [model]="core model"
  [yaml]="core model yaml"
  [validation]="core model validation"
  [routetable]="core routetable"
  [controller]="core model routetable controller"
  [tls]="core tls"
  [proxy]="core http net routetable tls proxy"
  [convert]="core model yaml convert"
  [export]="core model yaml controller routetable export"
  [workspace]="core model yaml workspace"
)
for module in "${!allowed[@]}"; do
  [ -d "engine/$module" ] || continue
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    dep=$(sed -E 's|.*"engine/([a-z_]+)/.*|\1|' <<<"$line")
    case " ${allowed[$module]} " in
      *" $dep "*) ;;
      *) report "engine/$module may not include engine/$dep: $line" ;;
    esac
  done < <(grep -rnE --include='*.h' --include='*.cpp' '#[[:space:]]*include[[:space:]]*"engine/[a-z_]+/' "engine/$module" || true)
done
# Nothing below app/ includes app/.
hits=$(grep -rnE --include='*.h' --include='*.cpp' '#[[:space:]]*include[[:space:]]*"app/' engine simulator 2>/dev/null || true)
[ -n "$hits" ] && report "engine/ or simulator/ includes app/:"$'\n'"$hits"

if [ $fail -ne 0 ]; then
  exit 1
fi
echo "layering_check: ok"
