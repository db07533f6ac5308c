#pragma once

// The status checks of the route-test format (../shared/conformance/README.md, "Status
// assertions", and cases/FAMILIES.md section 7), evaluated once on a computed status: a simulated
// controller is deterministic, so the suite's polling until a timeout reduces to one look.
//
// What each check compares is exactly what the README's table says. "Up to date" means every
// condition involved has observedGeneration equal to the object's metadata.generation; it is
// required by every check except routeParents and allListeners/listenerConditions on a Gateway
// (FAMILIES.md section 7). Two readings go beyond the literal table and say so in their message:
// allListeners also requires every listener it names to be present in status (the suite would
// pass vacuously on an empty list), and latestConditions fails when the object has no conditions
// at all (nothing was written, so nothing is up to date).
//
// Thread: pure functions of their arguments.

#include "cluster_state.h"
#include "route_test_case.h"

#include "engine/core/catalog.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace Torii::Scenarios {

enum class Verdict { Pass, Fail, Skip };

const char *verdictName(Verdict verdict); // "PASS", "FAIL", "SKIP"

struct CheckResult
{
    Verdict verdict = Verdict::Pass;
    // Fail: what was expected and what was found. Skip: why the check cannot be made.
    // Pass: a short description of what was seen.
    Core::Text message;

    bool passed() const { return verdict == Verdict::Pass; }
    std::string english() const { return message.english(); }
    std::string localized() const { return message.localized(); }
};

struct CheckContext
{
    // The controllerName routeParents expects on every parent entry: that of the GatewayClass
    // under test (Torii's own unless the runner was told otherwise).
    std::string controllerName;
    // generationChanged: metadata.generation of each object (objectLabel() keys) as it was just
    // before the most recent action; nullopt when no action has run yet.
    std::optional<std::map<std::string, std::int64_t>> generationsBeforeAction;
};

// Evaluates one assertion against the objects and their computed statuses.
CheckResult evaluate(const StatusAssertion &assertion, const ClusterState &cluster,
                     const CheckContext &context);

} // namespace Torii::Scenarios
