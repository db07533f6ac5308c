// allListeners, listenerConditions, listeners and zeroAttachedRoutes: the checks that read a
// Gateway's or ListenerSet's status.listeners.

#include "assertion_checks.h"
#include "condition_matching.h"

namespace Torii::Scenarios::Internal {

using Model::Node;

namespace {

constexpr const char *kGatewayGroup = "gateway.networking.k8s.io";

const Node *findListener(const Node &listeners, const std::string &name)
{
    if (!listeners.isList()) {
        return nullptr;
    }
    for (const Node &l : listeners.items()) {
        if (l["name"].asString() == name) {
            return &l;
        }
    }
    return nullptr;
}

// "http (attachedRoutes 1), https (attachedRoutes 0)", or "none".
std::string describeListeners(const Node &listeners)
{
    if (!listeners.isList() || listeners.items().empty()) {
        return "none";
    }
    std::string out;
    for (const Node &l : listeners.items()) {
        if (!out.empty()) {
            out += ", ";
        }
        out += l["name"].asString() + " (attachedRoutes " + l["attachedRoutes"].asString() + ')';
    }
    return out;
}

std::string describeKind(const std::string &group, const std::string &kind)
{
    return group + '/' + kind;
}

std::string describeKinds(const Node &kinds)
{
    if (!kinds.isList() || kinds.items().empty()) {
        return "none";
    }
    std::string out;
    for (const Node &k : kinds.items()) {
        if (!out.empty()) {
            out += ", ";
        }
        const std::string group = k["group"].isNull() ? kGatewayGroup : k["group"].asString();
        out += describeKind(group, k["kind"].asString());
    }
    return out;
}

bool hasKind(const Node &kinds, const ExpectedSupportedKind &expected)
{
    if (!kinds.isList()) {
        return false;
    }
    for (const Node &k : kinds.items()) {
        // The API defaults an omitted group to gateway.networking.k8s.io on both sides.
        const std::string group = k["group"].isNull() ? kGatewayGroup : k["group"].asString();
        if (group == expected.group && k["kind"].asString() == expected.kind) {
            return true;
        }
    }
    return false;
}

CheckResult missingListener(const Target &target, const ExpectedListener &expected)
{
    return failure(QT_TRANSLATE_NOOP("Diagnostics",
                                     "%1: expected listener \"%2\" in status.listeners; found %3"),
                   {target.label, expected.name, describeListeners(target.status["listeners"])});
}

std::optional<CheckResult> lacksCondition(const Target &target, const Node &listener,
                                          const std::vector<ExpectedCondition> &expected)
{
    if (const ExpectedCondition *missing = firstMissing(listener["conditions"], expected)) {
        return failure(
            QT_TRANSLATE_NOOP("Diagnostics", "%1: listener \"%2\" lacks condition %3; it has %4"),
            {target.label, listener["name"].asString(), describeExpected(*missing),
             describeActual(listener["conditions"])});
    }
    return std::nullopt;
}

// The listener checks on a Gateway do not look at observedGeneration; on a ListenerSet they do
// (FAMILIES.md section 7).
std::optional<CheckResult> objectStale(const Target &target, bool exemptOnGateway)
{
    if (exemptOnGateway && target.object.kind == "Gateway") {
        return std::nullopt;
    }
    return staleFailure(target, target.status["conditions"], "status.conditions");
}

} // namespace

CheckResult checkListenerConditions(const Target &target, bool allListeners)
{
    const Node &listeners = target.status["listeners"];
    for (const ExpectedListener &expected : target.assertion.listeners) {
        const Node *actual = findListener(listeners, expected.name);
        if (actual == nullptr) {
            return missingListener(target, expected);
        }
        if (!allListeners) {
            if (auto failed = lacksCondition(target, *actual, expected.conditions)) {
                return *failed;
            }
        }
    }
    if (allListeners && listeners.isList() && !target.assertion.listeners.empty()) {
        // One set of conditions for every listener in status, as the suite's helper applies it;
        // the case writes it once per listener it names.
        for (const Node &actual : listeners.items()) {
            const ExpectedListener *expected = &target.assertion.listeners.front();
            for (const ExpectedListener &l : target.assertion.listeners) {
                if (l.name == actual["name"].asString()) {
                    expected = &l;
                }
            }
            if (auto failed = lacksCondition(target, actual, expected->conditions)) {
                return *failed;
            }
        }
    }
    if (auto stale = objectStale(target, true)) {
        return *stale;
    }
    return passed(target);
}

CheckResult checkListeners(const Target &target)
{
    const Node &listeners = target.status["listeners"];
    const std::size_t count = listeners.isList() ? listeners.items().size() : 0;
    if (count != target.assertion.listeners.size()) {
        std::string names;
        for (const ExpectedListener &l : target.assertion.listeners) {
            names += (names.empty() ? "" : ", ") + l.name;
        }
        return failure(QT_TRANSLATE_NOOP("Diagnostics",
                                         "%1: expected exactly %2 entries in status.listeners "
                                         "(%3); found %4 (%5)"),
                       {target.label, std::to_string(target.assertion.listeners.size()), names,
                        std::to_string(count), describeListeners(listeners)});
    }
    for (const ExpectedListener &expected : target.assertion.listeners) {
        const Node *actual = findListener(listeners, expected.name);
        if (actual == nullptr) {
            return missingListener(target, expected);
        }
        const Node &kinds = (*actual)["supportedKinds"];
        if (expected.supportedKinds) {
            if (expected.supportedKinds->empty() && kinds.isList() && !kinds.items().empty()) {
                return failure(QT_TRANSLATE_NOOP("Diagnostics", "%1: listener \"%2\" must list no "
                                                                "supportedKinds; it lists %3"),
                               {target.label, expected.name, describeKinds(kinds)});
            }
            for (const ExpectedSupportedKind &k : *expected.supportedKinds) {
                if (!hasKind(kinds, k)) {
                    return failure(QT_TRANSLATE_NOOP("Diagnostics",
                                                     "%1: listener \"%2\" lacks supportedKinds "
                                                     "entry %3; it lists %4"),
                                   {target.label, expected.name, describeKind(k.group, k.kind),
                                    describeKinds(kinds)});
                }
            }
        }
        if (expected.attachedRoutes) {
            const Node &attached = (*actual)["attachedRoutes"];
            if (!attached.isInt() || attached.asInt() != *expected.attachedRoutes) {
                return failure(QT_TRANSLATE_NOOP("Diagnostics",
                                                 "%1: listener \"%2\" has attachedRoutes %3; "
                                                 "expected %4"),
                               {target.label, expected.name,
                                attached.isNull() ? std::string("(absent)") : attached.asString(),
                                std::to_string(*expected.attachedRoutes)});
            }
        }
        if (auto failed = lacksCondition(target, *actual, expected.conditions)) {
            return *failed;
        }
    }
    if (auto stale = objectStale(target, false)) {
        return *stale;
    }
    return passed(target);
}

CheckResult checkZeroAttachedRoutes(const Target &target)
{
    const Node &listeners = target.status["listeners"];
    const bool none = !listeners.isList() || listeners.items().empty();
    const bool oneEmpty = listeners.isList() && listeners.items().size() == 1 &&
                          listeners.items().front()["attachedRoutes"].asInt() == 0;
    if (!none && !oneEmpty) {
        return failure(QT_TRANSLATE_NOOP("Diagnostics",
                                         "%1: expected no status.listeners, or exactly one "
                                         "listener with attachedRoutes 0; found %2"),
                       {target.label, describeListeners(listeners)});
    }
    if (auto stale = objectStale(target, false)) {
        return *stale;
    }
    return passed(target);
}

} // namespace Torii::Scenarios::Internal
