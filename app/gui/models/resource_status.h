#pragma once

// What the controller's conditions say about an object, reduced to the studio's status shapes
// (UX.md: ✓ accepted and resolved, ⚠ accepted with problems, ✕ not accepted, ○ no controller).

#include "engine/model/node.h"

#include <QtCore/QString>

namespace Torii::Gui {

enum class StatusState { None, Ok, Warning, Error };

struct StatusSummary
{
    StatusState state = StatusState::None;
    QString details; // one line per condition: "Accepted: False (NotAllowedByListeners) — message"
};

// From one `conditions` list (GatewayClass, Gateway, a listener's, a route parent's).
StatusSummary summarizeConditions(const Model::Node &conditions);
// The worse of two summaries, their details joined.
StatusSummary combine(const StatusSummary &a, const StatusSummary &b);

} // namespace Torii::Gui
