#pragma once

// Status and severity icons drawn at any device pixel ratio: shapes and colours, never colour
// alone (UX.md): ✓ in green, ⚠ triangle in amber, ✕ in red, ○ hollow grey circle.

#include "app/gui/models/resource_status.h"
#include "engine/core/diagnostic.h"

#include <QtGui/QIcon>

namespace Torii::Gui {

QIcon statusIcon(StatusState state);
QIcon severityIcon(Core::Severity severity);

} // namespace Torii::Gui
