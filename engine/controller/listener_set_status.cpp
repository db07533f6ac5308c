#include "listener_set_status.h"

#include "gateway_status.h"

#include <algorithm>

namespace Torii::Controller::Internal {

namespace {

Verdict allowedBy(const ResourceIndex &index, const GatewayState &gateway, const std::string &setNs)
{
    const Model::AllowedListeners allowed =
        gateway.gateway->spec.allowedListeners.value_or(Model::AllowedListeners{});
    const Model::ListenerNamespaces namespaces =
        allowed.namespaces.value_or(Model::ListenerNamespaces{});
    // "The default value is to allow no ListenerSets."
    const std::string from = namespaces.from.value_or("None");
    bool ok = false;
    if (from == "All") {
        ok = true;
    } else if (from == "Same") {
        ok = setNs == gateway.ns;
    } else if (from == "Selector") {
        ok = namespaces.selector && index.namespaceMatches(*namespaces.selector, setNs);
    }
    if (ok) {
        return Verdict::yes(Reason::Accepted, "");
    }
    const std::string why =
        from == "None"   ? "allows no ListenerSets (allowedListeners.namespaces.from: None)"
        : from == "Same" ? "allows ListenerSets from its own namespace only"
        : from == "Selector"
            ? "selects no ListenerSets from namespace " + setNs
            : "allows no ListenerSets (allowedListeners.namespaces.from: " + from + ")";
    return Verdict::no(Reason::NotAllowed, gateway.display() + " " + why + ".");
}

} // namespace

std::vector<ListenerState *> ListenerSetState::listenerPointers()
{
    std::vector<ListenerState *> out;
    for (ListenerState &listener : listeners) {
        out.push_back(&listener);
    }
    return out;
}

ListenerSetState makeListenerSetState(const ResourceIndex &index, std::size_t i,
                                      const Model::ListenerSet &set, GatewayState &gateway)
{
    ListenerSetState state;
    state.index = i;
    state.set = &set;
    state.ns = index.namespaceOf(i);
    state.name = index.resource(i).name;
    state.gateway = &gateway;
    state.allowed = allowedBy(index, gateway, state.ns);
    const ListenerOwner owner{i, "ListenerSet", state.ns, state.name};
    state.listeners.reserve(set.spec.listeners.size());
    for (const Model::ListenerEntry &listener : set.spec.listeners) {
        state.listeners.push_back(evaluateListener(index, owner, listener));
    }
    return state;
}

void judgeListenerSet(ListenerSetState &state)
{
    if (!state.allowed.ok) {
        state.accepted = state.allowed;
        state.programmed = state.allowed;
        return;
    }
    if (!state.gateway->accepted.ok) {
        state.accepted =
            Verdict::no(Reason::ParentNotAccepted, state.gateway->display() + " is not accepted.");
        state.programmed = Verdict::no(Reason::ParentNotProgrammed,
                                       state.gateway->display() + " is not programmed.");
        return;
    }
    std::vector<std::string> valid;
    std::vector<std::string> invalid;
    for (const ListenerState &listener : state.listeners) {
        (listener.isAccepted() ? valid : invalid).push_back(listener.name());
    }
    if (valid.empty()) {
        state.accepted = Verdict::no(Reason::ListenersNotValid,
                                     "No listener is valid: listener" +
                                         std::string(invalid.size() > 1 ? "s " : " ") +
                                         joinList(invalid) + " cannot be served.");
        state.programmed = state.accepted;
        return;
    }
    if (invalid.empty()) {
        state.accepted = Verdict::yes(Reason::Accepted, "The ListenerSet is attached to " +
                                                            state.gateway->display() + ".");
    } else {
        state.accepted = Verdict::yes(Reason::ListenersNotValid,
                                      "The ListenerSet is attached to " + state.gateway->display() +
                                          "; listener" + (invalid.size() > 1 ? "s " : " ") +
                                          joinList(invalid) + " cannot be served.");
    }
    const bool anyProgrammed =
        std::any_of(state.listeners.begin(), state.listeners.end(),
                    [](const ListenerState &listener) { return listener.isProgrammed(); });
    state.programmed =
        anyProgrammed
            ? Verdict::yes(Reason::Programmed, "The ListenerSet is programmed.")
            : Verdict::no(Reason::Invalid, "No listener can be programmed; see the listeners' "
                                           "conditions.");
}

Model::Node listenerSetStatusNode(const ListenerSetState &state, const ConditionContext &context)
{
    Model::ListenerSetStatus status;
    status.conditions = std::vector<Model::Condition>{
        makeCondition(ConditionType::Accepted, state.accepted, context),
        makeCondition(ConditionType::Programmed, state.programmed, context)};
    // Listeners are judged only for a ListenerSet its Gateway takes.
    if (state.allowed.ok && state.gateway->accepted.ok) {
        std::vector<Model::ListenerEntryStatus> listeners;
        for (const ListenerState &listener : state.listeners) {
            listeners.push_back(listener.toStatus(context));
        }
        status.listeners = std::move(listeners);
    }
    return Model::toNode(status);
}

} // namespace Torii::Controller::Internal
