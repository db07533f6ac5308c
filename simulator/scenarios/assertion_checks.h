#pragma once

// The checks behind evaluate() (status_assertions.h), one function per `check`. Module-private.
// Each gets the object the assertion names, already found, and its computed status (possibly
// absent).

#include "status_assertions.h"

#include <string>
#include <vector>

namespace Torii::Scenarios::Internal {

struct Target
{
    const StatusAssertion &assertion;
    const Model::Resource &object;
    const Model::Node &status; // a Null node when the controller wrote none
    std::string label;         // "HTTPRoute ns/name"
    std::int64_t generation = 1;
};

CheckResult failure(const char *templ, std::vector<std::string> args);
CheckResult skipped(const char *templ, std::vector<std::string> args);
CheckResult passed(const Target &target);
// Fails when a condition of `conditions` is not at the object's generation.
std::optional<CheckResult> staleFailure(const Target &target, const Model::Node &conditions,
                                        const std::string &where);

// route_assertions.cpp
CheckResult checkRouteParents(const Target &target, const CheckContext &context);
CheckResult checkParentCondition(const Target &target); // routeCondition and policyCondition
CheckResult checkNoAcceptedParents(const Target &target);

// listener_assertions.cpp
CheckResult checkListenerConditions(const Target &target, bool allListeners);
CheckResult checkListeners(const Target &target);
CheckResult checkZeroAttachedRoutes(const Target &target);

} // namespace Torii::Scenarios::Internal
