#pragma once

// Runs the status half of a route test: loads the case's manifests (as the suite would apply
// them, with SETUP.md's rewrites and objects when asked), lets the controller compute every
// status, and evaluates the case's status items in order; a `patch`, `delete` or
// `fillEndpointSlices` action changes the loaded objects and the controller runs again, so the
// assertions after it see the new state. Requests are not sent: that is the live gateway's half.
//
// Outcomes: SKIP for a cluster-only case (its notes say why), for a case that requires a feature
// Torii does not claim (claimed_features.h) or that its notes reserve for implementations with or
// without a feature; FAIL when any item fails (the first failure is the reason; the others are
// still evaluated and reported); SKIP when nothing failed but a check could not be made; PASS
// otherwise.
//
// Steps told only in prose (README, "Actions": "Some case files describe such steps only in
// notes") are read by prose_steps.h into the same actions the structured items are and run
// through the same code: a step read from the test's notes runs just before the first status
// item whose notes refer to it ("after the newer route is created"), or, when its sentence
// places it after the traffic check, after the request half, together with that item and all
// after it; a step the case also tells as a structured item runs once, where that item stands;
// a step told in an item's own notes runs just before that item. A check cannot be made when it
// follows a step the runner cannot read or place (an item noted "after …" that refers to no step
// read, with no action before it; a step placed among the requests without a structured action
// there): that item and all after it are skipped (or the request half is), with the reason, as
// the objects no longer are what the case expects.
//
// With `RunnerOptions::live` set, a case whose status items all passed goes on to its request
// half (request_runner.h): its objects are served on the live local gateway and every request
// is sent and judged; its items follow the status items in `items`. Without it, the runner is
// status-only, as `toriictl test --status-only`.
//
// Thread: a CaseRunner is used by one thread; independent runners may run in parallel.

#include "conformance_setup.h"
#include "live_environment.h"
#include "route_test_case.h"
#include "status_assertions.h"

#include "engine/core/diagnostic.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace Torii::Scenarios {

struct RunnerOptions
{
    // Where the `manifests` paths of a case are resolved; empty: the case file's ../manifests.
    std::string manifestsRoot;
    // Apply ../shared/conformance/SETUP.md: the class under test, the rewrites, the generated
    // Secrets and ConfigMaps.
    bool conformance = false;
    // Controller options (engine/controller/controller.h); controllerName empty: Torii's.
    std::string controllerName;
    bool acceptAllClasses = false;
    // Used when `conformance` is set; its controllerName is taken from above.
    ConformanceSetupOptions setup;
    // Where the requests are sent; not owned, must outlive the runner. Null: status only.
    LiveEnvironment *live = nullptr;
};

struct ItemResult
{
    std::size_t index = 0; // in RouteTest::status, or in RouteTest::requests for a request
    std::string what;      // the check ("routeParents"), the action ("patch") or "request"
    std::string subtest;
    CheckResult result;
    Model::Mark mark;
};

struct CaseResult
{
    std::string name;
    std::string file;
    Verdict verdict = Verdict::Pass;
    // FAIL: the first failing item (or why the case could not run); SKIP: why.
    Core::Text reason;
    // A manifest could not be read: the input, not Torii, is at fault.
    bool inputError = false;
    std::vector<ItemResult> items;
    Core::Diagnostics diagnostics; // warnings from reading the manifests, the controller's
    double seconds = 0.0;
};

class CaseRunner
{
public:
    explicit CaseRunner(RunnerOptions options);
    ~CaseRunner();

    CaseResult run(const RouteTest &test);

    const RunnerOptions &options() const { return m_options; }

private:
    struct Cache;
    RunnerOptions m_options;
    std::unique_ptr<Cache> m_cache;
};

// Why a cluster-only case cannot be simulated: the first sentence of its notes (without a leading
// "cluster-only:"), or "" when the notes are empty.
std::string clusterOnlyReason(const RouteTest &test);

} // namespace Torii::Scenarios
