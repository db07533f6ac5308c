// evaluate(): finds the object an assertion names and runs its check; the checks on the object's
// own status (conditions, addresses, generation, namespace readiness) live here, the route and
// listener checks in route_assertions.cpp and listener_assertions.cpp.

#include "status_assertions.h"

#include "assertion_checks.h"
#include "condition_matching.h"

namespace Torii::Scenarios {

using Model::Node;

const char *verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass:
        return "PASS";
    case Verdict::Fail:
        return "FAIL";
    case Verdict::Skip:
        return "SKIP";
    }
    return "FAIL";
}

namespace Internal {

CheckResult failure(const char *templ, std::vector<std::string> args)
{
    return CheckResult{Verdict::Fail, Core::text(templ, std::move(args))};
}

CheckResult skipped(const char *templ, std::vector<std::string> args)
{
    return CheckResult{Verdict::Skip, Core::text(templ, std::move(args))};
}

CheckResult passed(const Target &target)
{
    return CheckResult{Verdict::Pass,
                       Core::text(QT_TRANSLATE_NOOP("Diagnostics", "%1: %2 holds"),
                                  {target.label, checkName(target.assertion.check)})};
}

std::optional<CheckResult> staleFailure(const Target &target, const Node &conditions,
                                        const std::string &where)
{
    if (auto stale = firstStale(conditions, target.generation)) {
        return failure(QT_TRANSLATE_NOOP("Diagnostics",
                                         "%1: condition %2 of %3 has observedGeneration %4, but "
                                         "metadata.generation is %5 (the status is not up to "
                                         "date)"),
                       {target.label, stale->type, where, stale->observedGeneration,
                        std::to_string(target.generation)});
    }
    return std::nullopt;
}

namespace {

bool isRouteKind(const std::string &kind)
{
    return kind.size() > 5 && kind.compare(kind.size() - 5, 5, "Route") == 0;
}

CheckResult checkHasAddress(const Target &target)
{
    const Node &addresses = target.status["addresses"];
    bool found = false;
    if (addresses.isList()) {
        for (const Node &a : addresses.items()) {
            found = found || (a["type"].isString() && !a["type"].str().empty());
        }
    }
    if (!found) {
        return failure(
            QT_TRANSLATE_NOOP("Diagnostics",
                              "%1: expected status.addresses to hold an entry with a "
                              "type; found %2"),
            {target.label, addresses.isNull() ? std::string("none") : addresses.toJson()});
    }
    if (auto stale = staleFailure(target, target.status["conditions"], "status.conditions")) {
        return *stale;
    }
    return passed(target);
}

// gatewayCondition, gatewayClassCondition, listenerSetCondition.
CheckResult checkObjectConditions(const Target &target)
{
    const Node &conditions = target.status["conditions"];
    if (const ExpectedCondition *missing = firstMissing(conditions, target.assertion.conditions)) {
        return failure(QT_TRANSLATE_NOOP("Diagnostics",
                                         "%1: expected condition %2 in status.conditions; it "
                                         "has %3"),
                       {target.label, describeExpected(*missing), describeActual(conditions)});
    }
    if (auto stale = staleFailure(target, conditions, "status.conditions")) {
        return *stale;
    }
    return passed(target);
}

CheckResult checkAttachedListenerSets(const Target &target)
{
    const Node &value = target.status["attachedListenerSets"];
    const std::int64_t actual = value.isInt() ? value.asInt() : 0; // absent counts as 0
    if (actual != target.assertion.attachedListenerSets) {
        return failure(QT_TRANSLATE_NOOP("Diagnostics",
                                         "%1: expected status.attachedListenerSets %2; found %3"),
                       {target.label, std::to_string(target.assertion.attachedListenerSets),
                        value.isNull() ? std::string("none (0)") : value.asString()});
    }
    if (auto stale = staleFailure(target, target.status["conditions"], "status.conditions")) {
        return *stale;
    }
    return passed(target);
}

CheckResult checkAddresses(const Target &target)
{
    const Node &expected = target.assertion.addresses;
    if (!expected.isList()) {
        // The README leaves this check's content to prose; prose cannot be compared.
        return skipped(QT_TRANSLATE_NOOP("Diagnostics",
                                         "%1: the expected addresses are spelled out only in "
                                         "prose (%2), which this runner cannot compare"),
                       {target.label, target.assertion.notes.empty() ? std::string("no notes")
                                                                     : target.assertion.notes});
    }
    const Node &actual = target.status["addresses"];
    for (const Node &want : expected.items()) {
        bool found = false;
        if (actual.isList()) {
            for (const Node &have : actual.items()) {
                const bool typeOk =
                    want["type"].isNull() || have["type"].asString() == want["type"].asString();
                const bool valueOk =
                    want["value"].isNull() || have["value"].asString() == want["value"].asString();
                found = found || (typeOk && valueOk);
            }
        }
        if (!found) {
            return failure(QT_TRANSLATE_NOOP("Diagnostics",
                                             "%1: expected status.addresses to hold %2; found %3"),
                           {target.label, want.toJson(),
                            actual.isNull() ? std::string("none") : actual.toJson()});
        }
    }
    if (auto stale = staleFailure(target, target.status["conditions"], "status.conditions")) {
        return *stale;
    }
    return passed(target);
}

CheckResult checkLatestConditions(const Target &target)
{
    // A route's conditions live per parent, a policy's per ancestor, everything else's on top.
    const char *listKey = isRouteKind(target.object.kind)  ? "parents"
                          : target.status.has("ancestors") ? "ancestors"
                                                           : nullptr;
    bool any = false;
    if (listKey != nullptr) {
        const Node &entries = target.status[listKey];
        if (entries.isList()) {
            for (const Node &entry : entries.items()) {
                const Node &conditions = entry["conditions"];
                any = any || (conditions.isList() && !conditions.items().empty());
                const std::string where = std::string("a status.") + listKey + " entry";
                if (auto stale = staleFailure(target, conditions, where)) {
                    return *stale;
                }
            }
        }
    } else {
        const Node &conditions = target.status["conditions"];
        any = conditions.isList() && !conditions.items().empty();
        if (auto stale = staleFailure(target, conditions, "status.conditions")) {
            return *stale;
        }
    }
    if (!any) {
        return failure(QT_TRANSLATE_NOOP("Diagnostics",
                                         "%1: expected conditions at generation %2; the status "
                                         "has no conditions"),
                       {target.label, std::to_string(target.generation)});
    }
    return passed(target);
}

CheckResult checkGenerationChanged(const Target &target, const CheckContext &context)
{
    if (!context.generationsBeforeAction) {
        return failure(QT_TRANSLATE_NOOP("Diagnostics",
                                         "%1: generationChanged compares with the generation "
                                         "before an action, and no action has run before it"),
                       {target.label});
    }
    const auto before = context.generationsBeforeAction->find(target.label);
    if (before == context.generationsBeforeAction->end()) {
        return failure(QT_TRANSLATE_NOOP("Diagnostics", "%1 did not exist before the last action"),
                       {target.label});
    }
    if (before->second == target.generation) {
        return failure(QT_TRANSLATE_NOOP("Diagnostics",
                                         "%1: expected metadata.generation to differ from %2, its "
                                         "value before the last action; it is still %2"),
                       {target.label, std::to_string(before->second)});
    }
    return passed(target);
}

} // namespace
} // namespace Internal

namespace {

using namespace Internal;

const Node &nullNode()
{
    static const Node null;
    return null;
}

// Every Gateway in the namespace, except those the suite skips, Accepted and Programmed and up to
// date. Pods are simulated and always Ready, so they cannot hold a namespace back.
CheckResult checkNamespaceReady(const StatusAssertion &assertion, const ClusterState &cluster)
{
    const std::string label = objectLabel("Namespace", "", assertion.name);
    for (const Model::Resource *gateway : cluster.ofKindInNamespace("Gateway", assertion.name)) {
        const Node &skip =
            gateway->object["metadata"]["annotations"]["gateway-api/skip-this-for-readiness"];
        if (skip.asString() == "true") {
            continue;
        }
        const std::string gwLabel = objectLabel("Gateway", gateway->ns, gateway->name);
        const Node *status = cluster.statusOf("Gateway", gateway->ns, gateway->name);
        const Node &conditions = status ? (*status)["conditions"] : nullNode();
        if (const ExpectedCondition *missing =
                firstMissing(conditions, assertion.gatewayConditions)) {
            return failure(
                QT_TRANSLATE_NOOP("Diagnostics",
                                  "%1 is not ready: %2 lacks condition %3; it has %4"),
                {label, gwLabel, describeExpected(*missing), describeActual(conditions)});
        }
        const std::int64_t generation = generationOf(gateway->object);
        if (auto stale = firstStale(conditions, generation)) {
            return failure(QT_TRANSLATE_NOOP("Diagnostics",
                                             "%1 is not ready: condition %2 of %3 has "
                                             "observedGeneration %4, but metadata.generation is "
                                             "%5"),
                           {label, stale->type, gwLabel, stale->observedGeneration,
                            std::to_string(generation)});
        }
    }
    return CheckResult{Verdict::Pass, Core::text(QT_TRANSLATE_NOOP("Diagnostics", "%1: %2 holds"),
                                                 {label, checkName(assertion.check)})};
}

} // namespace

CheckResult evaluate(const StatusAssertion &assertion, const ClusterState &cluster,
                     const CheckContext &context)
{
    if (assertion.check == CheckKind::NamespaceReady) {
        return checkNamespaceReady(assertion, cluster);
    }
    const Model::Resource *object = cluster.find(assertion.kind, assertion.ns, assertion.name);
    if (object == nullptr) {
        return failure(QT_TRANSLATE_NOOP("Diagnostics", "%1 does not exist"),
                       {objectLabel(assertion.kind, assertion.ns, assertion.name)});
    }
    const std::string label = objectLabel(object->kind, object->ns, object->name);
    const Node *status = cluster.statusOf(assertion.kind, assertion.ns, assertion.name);
    if (status == nullptr && assertion.check != CheckKind::GenerationChanged) {
        return failure(
            QT_TRANSLATE_NOOP("Diagnostics", "%1 has no status: no controller wrote one"), {label});
    }
    const Target target{assertion, *object, status ? *status : nullNode(), label,
                        generationOf(object->object)};
    switch (assertion.check) {
    case CheckKind::HasAddress:
        return checkHasAddress(target);
    case CheckKind::RouteParents:
        return checkRouteParents(target, context);
    case CheckKind::RouteCondition:
    case CheckKind::PolicyCondition:
        return checkParentCondition(target);
    case CheckKind::NoAcceptedParents:
        return checkNoAcceptedParents(target);
    case CheckKind::AllListeners:
        return checkListenerConditions(target, true);
    case CheckKind::ListenerConditions:
        return checkListenerConditions(target, false);
    case CheckKind::Listeners:
        return checkListeners(target);
    case CheckKind::ZeroAttachedRoutes:
        return checkZeroAttachedRoutes(target);
    case CheckKind::GatewayCondition:
    case CheckKind::GatewayClassCondition:
    case CheckKind::ListenerSetCondition:
        return checkObjectConditions(target);
    case CheckKind::AttachedListenerSets:
        return checkAttachedListenerSets(target);
    case CheckKind::Addresses:
        return checkAddresses(target);
    case CheckKind::LatestConditions:
        return checkLatestConditions(target);
    case CheckKind::GenerationChanged:
        return checkGenerationChanged(target, context);
    case CheckKind::NamespaceReady:
        break;
    }
    return failure(QT_TRANSLATE_NOOP("Diagnostics", "%1: unknown check"), {label});
}

} // namespace Torii::Scenarios
