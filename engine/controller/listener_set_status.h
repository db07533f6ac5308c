#pragma once

// ListenerSet attachment to its parent Gateway (GEP-1713): the Gateway's allowedListeners must
// select the ListenerSet's namespace (default: none), the Gateway must be accepted, and at least
// one of its listeners must survive the conflict rules; and the ListenerSetStatus.

#include "engine/controller/conditions.h"
#include "engine/controller/listener_status.h"
#include "engine/controller/resource_index.h"

#include <cstddef>
#include <string>
#include <vector>

namespace Torii::Controller::Internal {

struct GatewayState;

struct ListenerSetState
{
    std::size_t index = 0;
    const Model::ListenerSet *set = nullptr;
    std::string ns;
    std::string name;
    GatewayState *gateway = nullptr;      // the parent Gateway (always one of Torii's)
    Verdict allowed;                      // the parent's allowedListeners selects this ListenerSet
    std::vector<ListenerState> listeners; // never resized after construction
    Verdict accepted;                     // set by judgeListenerSet()
    Verdict programmed;

    std::string display() const { return "ListenerSet " + ns + "/" + name; }
    bool isAccepted() const { return accepted.ok; }
    std::vector<ListenerState *> listenerPointers();
};

// Reads the ListenerSet and whether `gateway` lets it attach.
ListenerSetState makeListenerSetState(const ResourceIndex &index, std::size_t i,
                                      const Model::ListenerSet &set, GatewayState &gateway);

// Accepted and Programmed, once the parent is judged and conflicts are known.
void judgeListenerSet(ListenerSetState &state);

Model::Node listenerSetStatusNode(const ListenerSetState &state, const ConditionContext &context);

} // namespace Torii::Controller::Internal
