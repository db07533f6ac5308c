#pragma once

// Listener conflicts (gateway_types.go, "Distinct Listeners" and "Handling indistinct
// Listeners"; listenerset_types.go for the precedence across a Gateway and its ListenerSets).

#include "engine/controller/listener_status.h"

#include <vector>

namespace Torii::Controller::Internal {

// Marks conflicting listeners (Conflicted=True, HostnameConflict or ProtocolConflict). `sources`
// lists listener groups in precedence order (the Gateway's own listeners, then its ListenerSets
// oldest first). A listener that conflicts with an unconflicted listener of an earlier group is
// conflicted; listeners of one group that conflict with each other are all conflicted ("The
// implementation MUST NOT pick one conflicting Listener as the winner"). Listeners that are not
// accepted (unsupported protocol …) take part in nothing.
void detectConflicts(const std::vector<std::vector<ListenerState *>> &sources);

} // namespace Torii::Controller::Internal
