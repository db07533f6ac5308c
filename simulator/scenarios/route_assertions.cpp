// routeParents, routeCondition, noAcceptedParents and policyCondition: the checks that read a
// route's status.parents or a policy's status.ancestors.

#include "assertion_checks.h"
#include "condition_matching.h"

#include <utility>

namespace Torii::Scenarios::Internal {

using Core::text;
using Model::Node;

namespace {

constexpr const char *kGatewayGroup = "gateway.networking.k8s.io";

std::string refLabel(const Node &ref)
{
    const std::string kind = ref["kind"].isNull() ? std::string("Gateway") : ref["kind"].asString();
    std::string out = kind + ' ';
    if (!ref["namespace"].isNull()) {
        out += ref["namespace"].asString() + '/';
    }
    out += ref["name"].asString();
    if (!ref["sectionName"].isNull()) {
        out += " (sectionName " + ref["sectionName"].asString() + ')';
    }
    return out;
}

std::string expectedLabel(const ExpectedRef &ref, const std::string &defaultNs)
{
    return objectLabel(ref.kind.value_or("Gateway"), ref.ns.value_or(defaultNs), ref.name);
}

// The entries of status.parents / status.ancestors, for "found …".
std::string describeEntries(const Node &entries, const char *refKey)
{
    if (!entries.isList() || entries.items().empty()) {
        return "no entries";
    }
    std::string out;
    for (const Node &e : entries.items()) {
        if (!out.empty()) {
            out += "; ";
        }
        out += refLabel(e[refKey]) + " by " + quotedOrAbsent(&e["controllerName"]) + ": " +
               describeActual(e["conditions"]);
    }
    return out;
}

// Why one status.parents entry does not meet one expected parent; the stage says how far the
// entry matched, so that the message is about the closest entry.
std::optional<std::pair<int, CheckResult>> parentMismatch(const Target &target,
                                                          const CheckContext &context,
                                                          const ExpectedParent &expected,
                                                          const Node &entry)
{
    const Node &ref = entry["parentRef"];
    const std::string label = expectedLabel(expected.ref, target.object.ns);
    if (entry["controllerName"].asString() != context.controllerName) {
        return std::pair{
            0, failure(QT_TRANSLATE_NOOP("Diagnostics", "%1: the status.parents entry for %2 has "
                                                        "controllerName %3; expected \"%4\""),
                       {target.label, label, quotedOrAbsent(&entry["controllerName"]),
                        context.controllerName})};
    }
    const std::pair<const char *, std::string> fields[] = {
        {"group", expected.ref.group.value_or(kGatewayGroup)},
        {"kind", expected.ref.kind.value_or("Gateway")},
    };
    int stage = 1;
    for (const auto &[field, wanted] : fields) {
        const Node &actual = ref[field];
        if (actual.isNull() || actual.asString() != wanted) {
            // The suite compares pointers: an absent group or kind is not the default.
            return std::pair{
                stage, failure(QT_TRANSLATE_NOOP("Diagnostics", "%1: the status.parents entry for "
                                                                "%2 has parentRef.%3 %4; expected "
                                                                "\"%5\" written out"),
                               {target.label, label, field, quotedOrAbsent(&actual), wanted})};
        }
        ++stage;
    }
    const Node &ns = ref["namespace"];
    const bool sameNs =
        expected.ref.ns ? (!ns.isNull() && ns.asString() == *expected.ref.ns) : ns.isNull();
    if (!sameNs && (target.assertion.namespaceRequired || !ns.isNull())) {
        const std::string wanted = expected.ref.ns ? '"' + *expected.ref.ns + '"' : "(absent)";
        return std::pair{
            stage,
            failure(target.assertion.namespaceRequired
                        ? QT_TRANSLATE_NOOP("Diagnostics", "%1: the status.parents entry for "
                                                           "%2 has parentRef.namespace %3; "
                                                           "expected %4 (namespaceRequired)")
                        : QT_TRANSLATE_NOOP("Diagnostics", "%1: the status.parents entry for "
                                                           "%2 has parentRef.namespace %3; "
                                                           "expected %4 or absent"),
                    {target.label, label, quotedOrAbsent(&ns), wanted})};
    }
    ++stage;
    if (const ExpectedCondition *missing = firstMissing(entry["conditions"], expected.conditions)) {
        return std::pair{
            stage, failure(QT_TRANSLATE_NOOP("Diagnostics", "%1: the status.parents entry for %2 "
                                                            "lacks condition %3; it has %4"),
                           {target.label, label, describeExpected(*missing),
                            describeActual(entry["conditions"])})};
    }
    return std::nullopt;
}

} // namespace

CheckResult checkRouteParents(const Target &target, const CheckContext &context)
{
    const Node &entries = target.status["parents"];
    for (const ExpectedParent &expected : target.assertion.parents) {
        std::optional<std::pair<int, CheckResult>> closest;
        bool found = false;
        if (entries.isList()) {
            for (const Node &entry : entries.items()) {
                if (entry["parentRef"]["name"].asString() != expected.ref.name) {
                    continue;
                }
                auto mismatch = parentMismatch(target, context, expected, entry);
                if (!mismatch) {
                    found = true;
                    break;
                }
                if (!closest || mismatch->first > closest->first) {
                    closest = std::move(mismatch);
                }
            }
        }
        if (found) {
            continue;
        }
        if (closest) {
            return closest->second;
        }
        return failure(
            QT_TRANSLATE_NOOP("Diagnostics", "%1: expected a status.parents entry for %2 with %3; "
                                             "found %4"),
            {target.label, expectedLabel(expected.ref, target.object.ns),
             describeExpected(expected.conditions), describeEntries(entries, "parentRef")});
    }
    return passed(target);
}

CheckResult checkParentCondition(const Target &target)
{
    const bool policy = target.assertion.check == CheckKind::PolicyCondition;
    const char *listKey = policy ? "ancestors" : "parents";
    const char *refKey = policy ? "ancestorRef" : "parentRef";
    const Node &entries = target.status[listKey];
    for (const ExpectedParent &expected : target.assertion.parents) {
        // The suite's helpers take a namespaced name; a case that omits it means the object's own.
        const std::string ns = expected.ref.ns.value_or(target.object.ns);
        const std::string label = expectedLabel(expected.ref, target.object.ns);
        const Node *firstCandidate = nullptr;
        bool found = false;
        if (entries.isList()) {
            for (const Node &entry : entries.items()) {
                const Node &ref = entry[refKey];
                if (ref["name"].asString() != expected.ref.name ||
                    (!ref["namespace"].isNull() && ref["namespace"].asString() != ns)) {
                    continue;
                }
                firstCandidate = firstCandidate ? firstCandidate : &entry;
                if (!firstMissing(entry["conditions"], expected.conditions)) {
                    found = true;
                    break;
                }
            }
        }
        if (found) {
            continue;
        }
        if (firstCandidate == nullptr) {
            return failure(QT_TRANSLATE_NOOP("Diagnostics",
                                             "%1: expected a status.%2 entry for %3 with %4; "
                                             "found %5"),
                           {target.label, listKey, label, describeExpected(expected.conditions),
                            describeEntries(entries, refKey)});
        }
        const ExpectedCondition *missing =
            firstMissing((*firstCandidate)["conditions"], expected.conditions);
        return failure(QT_TRANSLATE_NOOP("Diagnostics",
                                         "%1: expected condition %2 on the status.%3 entry for "
                                         "%4; it has %5"),
                       {target.label, describeExpected(*missing), listKey, label,
                        describeActual((*firstCandidate)["conditions"])});
    }
    if (entries.isList()) {
        for (const Node &entry : entries.items()) {
            const std::string where =
                std::string("the status.") + listKey + " entry for " + refLabel(entry[refKey]);
            if (auto stale = staleFailure(target, entry["conditions"], where)) {
                return *stale;
            }
        }
    }
    return passed(target);
}

CheckResult checkNoAcceptedParents(const Target &target)
{
    const Node &entries = target.status["parents"];
    if (!entries.isList() || entries.items().empty()) {
        // The suite wants the empty list seen twice, 1 s apart; a simulated status is final.
        return passed(target);
    }
    if (entries.items().size() == 1) {
        const Node &entry = entries.items().front();
        if (hasCondition(entry["conditions"], {"Accepted", "False", std::nullopt, {}})) {
            const std::string where =
                "the status.parents entry for " + refLabel(entry["parentRef"]);
            if (auto stale = staleFailure(target, entry["conditions"], where)) {
                return *stale;
            }
            return passed(target);
        }
    }
    return failure(QT_TRANSLATE_NOOP("Diagnostics",
                                     "%1: expected no status.parents, or exactly one entry whose "
                                     "Accepted condition is False; found %2"),
                   {target.label, describeEntries(entries, "parentRef")});
}

} // namespace Torii::Scenarios::Internal
