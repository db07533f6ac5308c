#pragma once

// Torii's route-test format, which is the Gateway API conformance corpus's case format adopted as
// is (../shared/conformance/README.md, "Case file format"): a YAML file with a `tests` list; each
// test names the manifests it loads, the status it expects (in order, with `action` items that
// change the loaded objects in between) and the requests it sends. The parser keeps requests as
// Nodes: sending them is the live gateway's half of the runner.
//
// Contract: parse*() never throw. Every problem of the file is a Diagnostic with file:line:col
// (from the Node marks); a test with an error is dropped from `tests`, the others are kept.
// Thread: plain values; parsing touches no shared state.

#include "engine/core/diagnostic.h"
#include "engine/model/node.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Torii::Scenarios {

// {type, status, reason}: an absent status or reason accepts any.
struct ExpectedCondition
{
    std::string type;
    std::optional<std::string> status; // "True", "False", "Unknown"
    std::optional<std::string> reason;
    Model::Mark mark;
};

// A parentRef (routes) or ancestorRef (policies) as a case writes it; absent fields are nullopt.
struct ExpectedRef
{
    std::optional<std::string> group;
    std::optional<std::string> kind;
    std::optional<std::string> ns;
    std::string name;
    std::optional<std::string> sectionName; // kept for display; never compared (README)
    std::optional<std::int64_t> port;       // likewise
};

struct ExpectedParent
{
    ExpectedRef ref;
    std::vector<ExpectedCondition> conditions;
    Model::Mark mark;
};

struct ExpectedSupportedKind
{
    std::string group; // defaulted to gateway.networking.k8s.io when the case omits it
    std::string kind;
};

struct ExpectedListener
{
    std::string name;
    // nullopt: not compared. An empty vector: the status list must be empty.
    std::optional<std::vector<ExpectedSupportedKind>> supportedKinds;
    std::optional<std::int64_t> attachedRoutes;
    std::vector<ExpectedCondition> conditions;
    Model::Mark mark;
};

// The `check` names of the README's table, in its order.
enum class CheckKind {
    HasAddress,
    RouteParents,
    RouteCondition,
    NoAcceptedParents,
    AllListeners,
    ListenerConditions,
    Listeners,
    ZeroAttachedRoutes,
    GatewayCondition,
    GatewayClassCondition,
    ListenerSetCondition,
    AttachedListenerSets,
    Addresses,
    PolicyCondition,
    LatestConditions,
    GenerationChanged,
    NamespaceReady,
};

const char *checkName(CheckKind kind);
std::optional<CheckKind> checkFromName(std::string_view name);

struct StatusAssertion
{
    std::string kind;
    std::string ns; // empty for cluster-scoped kinds
    std::string name;
    CheckKind check = CheckKind::HasAddress;
    std::string subtest;
    std::string notes;
    bool namespaceRequired = false;            // routeParents
    std::vector<ExpectedParent> parents;       // routeParents, routeCondition; ancestors (policy)
    std::vector<ExpectedListener> listeners;   // allListeners, listenerConditions, listeners
    std::vector<ExpectedCondition> conditions; // gateway/gatewayClass/listenerSet conditions
    std::vector<ExpectedCondition> gatewayConditions; // namespaceReady
    std::int64_t attachedListenerSets = 0;            // attachedListenerSets
    // `addresses`: the entries when the case lists them ({type, value} maps); null when the
    // expectation is only in `notes`.
    Model::Node addresses;
    Model::Node raw; // the whole item, for reports
    Model::Mark mark;
};

struct ObjectRef
{
    std::string kind;
    std::string ns;
    std::string name;
};

struct Action
{
    // Create has no item form in the case format: only a step told in the notes creates an
    // object ("the test creates, from code, KIND NS/NAME: …", prose_steps.h).
    enum class Type { Patch, Delete, FillEndpointSlices, Create };
    Type type = Type::Patch;
    ObjectRef target; // Patch, Delete, Create
    // Patch: field path (e.g. spec.rules[0].backendRefs[0].name) → value, in the order written.
    // Create: the fields of the new object besides apiVersion, kind and metadata's identity.
    std::vector<std::pair<std::string, Model::Node>> set;
    // FillEndpointSlices
    std::string ns;
    std::vector<std::string> endpointSliceNames;
    std::string fromPodsOf;
    std::string subtest;
    std::string notes;
    Model::Node raw;
    Model::Mark mark;
};

// One entry of `status`: an assertion or an action, never both.
struct StatusItem
{
    std::optional<StatusAssertion> assertion;
    std::optional<Action> action;
};

enum class Applicability { Simulated, ClusterOnly };

struct RouteTest
{
    std::string name;
    std::string source;
    std::string description;
    std::vector<std::string> features;
    // Conditions on the implementation's features that only the notes state, in the corpus's
    // sentence "Runs only when the implementation also claims X" / "… does NOT claim X" (the
    // Go test returns early, and so passes, otherwise).
    std::vector<std::string> onlyWithFeatures;
    std::vector<std::string> onlyWithoutFeatures;
    bool provisional = false;
    std::vector<std::string> manifests; // relative to the manifests root, in load order
    Applicability applicability = Applicability::Simulated;
    std::vector<StatusItem> status;
    std::optional<ObjectRef> gateway; // kind "Gateway"
    Model::Node requests;             // the `requests` list as written (null when absent)
    std::string notes;
    std::string file; // the case file it came from
    Model::Mark mark;
};

struct RouteTestFile
{
    std::string path;
    std::vector<RouteTest> tests;
    Core::Diagnostics diagnostics;

    bool hasErrors() const { return Core::hasErrors(diagnostics); }
};

RouteTestFile parseRouteTestText(std::string_view text, const std::string &fileName);
RouteTestFile parseRouteTestFile(const std::string &path);

} // namespace Torii::Scenarios
