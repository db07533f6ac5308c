#include "case_runner.h"

#include "claimed_features.h"
#include "cluster_state.h"
#include "field_path.h"
#include "prose_steps.h"
#include "request_case.h"
#include "request_runner.h"

#include "engine/controller/controller.h"
#include "engine/model/kinds/api_groups.h"
#include "engine/yaml/resource_reader.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>

namespace Torii::Scenarios {

using Core::text;
using Model::Node;

struct CaseRunner::Cache
{
    std::map<std::string, Yaml::ReadResult> manifests;
    std::unique_ptr<ConformanceSetup> setup; // made on first use: key generation takes a moment
};

namespace {

std::string trimmed(std::string_view s)
{
    const auto begin = s.find_first_not_of(" \t\n");
    if (begin == std::string_view::npos) {
        return {};
    }
    const auto end = s.find_last_not_of(" \t\n");
    return std::string(s.substr(begin, end - begin + 1));
}

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (const std::string &item : items) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

std::string resolveManifest(const RunnerOptions &options, const RouteTest &test,
                            const std::string &relative)
{
    namespace fs = std::filesystem;
    const fs::path root = options.manifestsRoot.empty()
                              ? fs::path(test.file).parent_path() / ".." / "manifests"
                              : fs::path(options.manifestsRoot);
    return (root / relative).lexically_normal().string();
}

std::map<std::string, std::int64_t> generations(const ClusterState &cluster)
{
    std::map<std::string, std::int64_t> out;
    for (const Model::Resource &r : cluster.resources()) {
        out[objectLabel(r.kind, r.ns, r.name)] = generationOf(r.object);
    }
    return out;
}

// The Pods of a Deployment are simulated: `replicas` of them, named like the Deployment's, each
// with an address of its own.
Node simulatedEndpoints(const ClusterState &cluster, const Action &action)
{
    Node endpoints = Node::list();
    const Model::Resource *deployment = cluster.find("Deployment", action.ns, action.fromPodsOf);
    const Node &replicas = deployment ? deployment->object["spec"]["replicas"] : Node();
    const std::int64_t count = replicas.isInt() ? replicas.asInt() : 1;
    for (std::int64_t i = 0; i < count; ++i) {
        Node endpoint = Node::map();
        Node addresses = Node::list();
        addresses.append(Node::string("10.244.0." + std::to_string(10 + i)));
        endpoint.set("addresses", std::move(addresses));
        Node conditions = Node::map();
        conditions.set("ready", Node::boolean(true));
        endpoint.set("conditions", std::move(conditions));
        Node targetRef = Node::map();
        targetRef.set("kind", Node::string("Pod"));
        targetRef.set("namespace", Node::string(action.ns));
        targetRef.set("name", Node::string(action.fromPodsOf + "-sim-" + std::to_string(i)));
        endpoint.set("targetRef", std::move(targetRef));
        endpoints.append(std::move(endpoint));
    }
    return endpoints;
}

// README ("Actions"): "Some case files describe such steps only in notes ("before the patch",
// "after step 2")". An item noted "after …" with no structured action before it follows such a
// step.
bool followsProseStep(const std::string &notes)
{
    return notes.rfind("after ", 0) == 0 || notes.rfind("After ", 0) == 0;
}

const char *actionVerb(const Action &action)
{
    switch (action.type) {
    case Action::Type::Patch:
        return "patch";
    case Action::Type::Delete:
        return "delete";
    case Action::Type::FillEndpointSlices:
        return "fillEndpointSlices";
    case Action::Type::Create:
        return "create";
    }
    return "action";
}

std::string describeAction(const Action &action)
{
    switch (action.type) {
    case Action::Type::Patch:
        return "patch " + objectLabel(action.target.kind, action.target.ns, action.target.name);
    case Action::Type::Delete:
        return "delete " + objectLabel(action.target.kind, action.target.ns, action.target.name);
    case Action::Type::FillEndpointSlices:
        return "fillEndpointSlices " + action.ns + '/' + joined(action.endpointSliceNames);
    case Action::Type::Create:
        return "create " + objectLabel(action.target.kind, action.target.ns, action.target.name);
    }
    return "action";
}

// The apiVersion an object created from code gets: the Gateway API's preferred version for its
// kinds (what the suite's typed clients write), else that of a loaded object of the same kind;
// "" when neither says.
std::string apiVersionFor(const ClusterState &cluster, const std::string &kind)
{
    if (const Model::GatewayApiKindInfo *info = Model::findGatewayApiKind(kind)) {
        return std::string(Model::kGatewayApiGroup) + '/' +
               std::string(info->standardVersions.front());
    }
    for (const Model::Resource &r : cluster.resources()) {
        if (r.kind == kind) {
            return r.apiVersion;
        }
    }
    return {};
}

// Applies the action; an English error text, or "" when it was applied. `admit` sees a created
// object before it is applied (the conformance set-up's rewrites).
std::string applyAction(ClusterState &cluster, const Action &action,
                        const std::function<void(Model::Resource &)> &admit)
{
    switch (action.type) {
    case Action::Type::Create: {
        const ObjectRef &t = action.target;
        if (cluster.find(t.kind, t.ns, t.name) != nullptr) {
            return objectLabel(t.kind, t.ns, t.name) + " already exists";
        }
        const std::string apiVersion = apiVersionFor(cluster, t.kind);
        if (apiVersion.empty()) {
            return "no apiVersion is known for kind " + t.kind;
        }
        Node object = Node::map();
        object.set("apiVersion", Node::string(apiVersion));
        object.set("kind", Node::string(t.kind));
        Node metadata = Node::map();
        metadata.set("name", Node::string(t.name));
        if (!t.ns.empty()) {
            metadata.set("namespace", Node::string(t.ns));
        }
        object.set("metadata", std::move(metadata));
        for (const auto &[path, value] : action.set) {
            const std::string error = Internal::setAtPath(object, path, value);
            if (!error.empty()) {
                return error;
            }
        }
        Model::SourceRef source;
        source.mark = action.mark;
        Model::Resource created = Model::makeResource(std::move(object), std::move(source));
        if (admit) {
            admit(created);
        }
        cluster.apply(std::move(created));
        return {};
    }
    case Action::Type::Patch:
        for (const auto &[path, value] : action.set) {
            const std::string error = cluster.patch(action.target.kind, action.target.ns,
                                                    action.target.name, path, value);
            if (!error.empty()) {
                return error;
            }
        }
        return {};
    case Action::Type::Delete:
        if (!cluster.remove(action.target.kind, action.target.ns, action.target.name)) {
            return objectLabel(action.target.kind, action.target.ns, action.target.name) +
                   " does not exist";
        }
        return {};
    case Action::Type::FillEndpointSlices: {
        if (cluster.find("Deployment", action.ns, action.fromPodsOf) == nullptr) {
            return objectLabel("Deployment", action.ns, action.fromPodsOf) + " does not exist";
        }
        const Node endpoints = simulatedEndpoints(cluster, action);
        for (const std::string &name : action.endpointSliceNames) {
            const std::string error =
                cluster.patch("EndpointSlice", action.ns, name, "endpoints", endpoints);
            if (!error.empty()) {
                return error;
            }
        }
        return {};
    }
    }
    return {};
}

} // namespace

std::string clusterOnlyReason(const RouteTest &test)
{
    std::string notes = trimmed(test.notes);
    // The corpus's notes mostly begin with the word itself; say it once.
    for (std::string_view prefix : {"cluster-only:", "Cluster-only:"}) {
        if (notes.rfind(prefix, 0) == 0) {
            notes = trimmed(std::string_view(notes).substr(prefix.size()));
        }
    }
    const auto stop = notes.find(". ");
    if (stop != std::string::npos) {
        notes = notes.substr(0, stop + 1);
    }
    return notes;
}

CaseRunner::CaseRunner(RunnerOptions options)
    : m_options(std::move(options))
    , m_cache(std::make_unique<Cache>())
{
    if (m_options.controllerName.empty()) {
        m_options.controllerName = Controller::kControllerName;
    }
    m_options.setup.controllerName = m_options.controllerName;
}

CaseRunner::~CaseRunner() = default;

CaseResult CaseRunner::run(const RouteTest &test)
{
    const auto started = std::chrono::steady_clock::now();
    CaseResult result;
    result.name = test.name;
    result.file = test.file;
    auto finish = [&]() -> CaseResult {
        result.seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return std::move(result);
    };

    if (test.applicability == Applicability::ClusterOnly) {
        result.verdict = Verdict::Skip;
        const std::string why = clusterOnlyReason(test);
        result.reason =
            why.empty()
                ? text(QT_TRANSLATE_NOOP("Diagnostics", "cluster-only (the case says no more)"))
                : text(QT_TRANSLATE_NOOP("Diagnostics", "cluster-only: %1"), {why});
        return finish();
    }
    if (const auto missing = unclaimedFeatures(test.features); !missing.empty()) {
        result.verdict = Verdict::Skip;
        result.reason =
            text(QT_TRANSLATE_NOOP("Diagnostics", "requires %1, which Torii does not claim"),
                 {joined(missing)});
        return finish();
    }
    for (const std::string &feature : test.onlyWithoutFeatures) {
        if (isFeatureClaimed(feature)) {
            result.verdict = Verdict::Skip;
            result.reason =
                text(QT_TRANSLATE_NOOP("Diagnostics", "runs only for an implementation that does "
                                                      "not claim %1, and Torii claims it"),
                     {feature});
            return finish();
        }
    }
    if (const auto missing = unclaimedFeatures(test.onlyWithFeatures); !missing.empty()) {
        result.verdict = Verdict::Skip;
        result.reason =
            text(QT_TRANSLATE_NOOP("Diagnostics", "runs only for an implementation that also "
                                                  "claims %1, which Torii does not claim"),
                 {joined(missing)});
        return finish();
    }
    bool anyAssertion = false;
    for (const StatusItem &item : test.status) {
        anyAssertion = anyAssertion || item.assertion.has_value();
    }
    const bool sendRequests =
        m_options.live != nullptr && test.requests.isList() && test.requests.size() > 0;
    if (!anyAssertion && !sendRequests) {
        result.verdict = Verdict::Skip;
        result.reason =
            text(QT_TRANSLATE_NOOP("Diagnostics", "no status assertions: everything this test "
                                                  "checks is in its requests, which need the live "
                                                  "gateway"));
        return finish();
    }

    ClusterState cluster;
    for (std::size_t m = 0; m < test.manifests.size(); ++m) {
        const std::string path = resolveManifest(m_options, test, test.manifests[m]);
        auto cached = m_cache->manifests.find(path);
        if (cached == m_cache->manifests.end()) {
            cached = m_cache->manifests.emplace(path, Yaml::readFile(path)).first;
        }
        const Yaml::ReadResult &read = cached->second;
        if (read.fatal || Core::hasErrors(read.diagnostics)) {
            std::string why = "unreadable";
            for (const Core::Diagnostic &d : read.diagnostics) {
                if (d.isError()) {
                    why = d.toCompilerStyle();
                    break;
                }
            }
            result.verdict = Verdict::Fail;
            result.inputError = true;
            result.reason =
                text(QT_TRANSLATE_NOOP("Diagnostics", "cannot load manifest %1: %2"), {path, why});
            return finish();
        }
        for (const Model::Resource &resource : read.resources) {
            Model::Resource copy = resource;
            if (m_options.conformance) {
                if (!m_cache->setup) {
                    m_cache->setup = std::make_unique<ConformanceSetup>(m_options.setup);
                }
                m_cache->setup->rewrite(copy);
            }
            cluster.apply(std::move(copy));
        }
        // SETUP.md: the suite creates its objects after the base manifests, which a case lists
        // first.
        if (m == 0 && m_options.conformance) {
            if (!m_cache->setup) {
                m_cache->setup = std::make_unique<ConformanceSetup>(m_options.setup);
            }
            for (const Model::Resource &created : m_cache->setup->createdObjects()) {
                cluster.apply(created);
            }
        }
    }

    Controller::ControllerOptions controllerOptions;
    controllerOptions.controllerName = m_options.controllerName;
    controllerOptions.acceptAllClasses = m_options.acceptAllClasses;
    auto reconcile = [&]() {
        Controller::ControllerResult computed =
            Controller::reconcile(cluster.resources(), controllerOptions);
        cluster.setStatuses(std::move(computed.statuses));
        result.diagnostics.insert(result.diagnostics.end(), computed.diagnostics.begin(),
                                  computed.diagnostics.end());
    };
    reconcile();

    CheckContext context;
    context.controllerName = m_options.controllerName;
    auto admit = [&](Model::Resource &created) {
        created.source.file = test.file; // told in the case's notes
        if (m_options.conformance && m_cache->setup) {
            m_cache->setup->rewrite(created);
        }
    };
    auto runAction = [&](const Action &action, std::size_t index) {
        ItemResult itemResult;
        itemResult.index = index;
        itemResult.what = actionVerb(action);
        itemResult.subtest = action.subtest;
        itemResult.mark = action.mark;
        context.generationsBeforeAction = generations(cluster);
        const std::string error = applyAction(cluster, action, admit);
        if (error.empty()) {
            reconcile();
            itemResult.result =
                CheckResult{Verdict::Pass, text(QT_TRANSLATE_NOOP("Diagnostics", "applied %1"),
                                                {describeAction(action)})};
        } else {
            itemResult.result =
                CheckResult{Verdict::Fail, text(QT_TRANSLATE_NOOP("Diagnostics", "cannot %1: %2"),
                                                {describeAction(action), error})};
        }
        return itemResult;
    };

    // The steps the notes tell only in prose (prose_steps.h). A step the case also tells as a
    // structured action runs once, where that item stands.
    std::vector<Action> told;
    for (const StatusItem &item : test.status) {
        if (item.action) {
            told.push_back(*item.action);
        }
    }
    for (const RequestCase &request : parseRequestCases(test.requests)) {
        if (request.action) {
            told.push_back(*request.action);
        }
    }
    const ProseReading prose = readProseSteps(test.notes);
    std::vector<ProseStep> steps;
    for (const ProseStep &step : prose.steps) {
        if (std::none_of(told.begin(), told.end(),
                         [&](const Action &action) { return sameStep(step.action, action); })) {
            steps.push_back(step);
        }
    }
    std::vector<bool> performed(steps.size(), false);

    // Performs a step read from prose just before status item `index` (`referrer`: its
    // assertion, whose object a step that names none patches). A step that names only a kind
    // takes the one object of that kind the case loaded.
    auto runProseStep = [&](Action step, std::size_t index,
                            const StatusAssertion &referrer) -> ItemResult {
        step.subtest = referrer.subtest;
        step.mark = referrer.mark;
        if (step.target.kind.empty()) {
            step.target = ObjectRef{referrer.kind, referrer.ns, referrer.name};
        } else if (step.target.name.empty()) {
            std::vector<const Model::Resource *> ofKind;
            for (const Model::Resource &r : cluster.resources()) {
                if (r.kind == step.target.kind) {
                    ofKind.push_back(&r);
                }
            }
            if (ofKind.size() != 1) {
                ItemResult skipped;
                skipped.index = index;
                skipped.what = actionVerb(step);
                skipped.subtest = step.subtest;
                skipped.mark = step.mark;
                skipped.result = CheckResult{
                    Verdict::Skip,
                    text(QT_TRANSLATE_NOOP("Diagnostics",
                                           "the notes tell a step (\"%1\") without naming its "
                                           "%2, and the case loaded %3 of them"),
                         {step.notes, step.target.kind, std::to_string(ofKind.size())})};
                return skipped;
            }
            step.target.ns = ofKind.front()->ns;
            step.target.name = ofKind.front()->name;
        }
        return runAction(step, index);
    };

    bool actionRun = false;
    std::string proseStep;    // the notes of the first item that follows a step told only in prose
    std::string proseProblem; // why that step cannot be performed; "" when no sentence tells it
    std::optional<std::size_t> afterRequests; // the first item that waits for the request half
    auto skipItem = [&](const StatusItem &item, std::size_t i) {
        ItemResult itemResult;
        itemResult.index = i;
        std::string label;
        if (item.assertion) {
            itemResult.what = checkName(item.assertion->check);
            itemResult.subtest = item.assertion->subtest;
            itemResult.mark = item.assertion->mark;
            label = objectLabel(item.assertion->kind, item.assertion->ns, item.assertion->name);
        } else {
            itemResult.what = actionVerb(*item.action);
            itemResult.subtest = item.action->subtest;
            itemResult.mark = item.action->mark;
            label = describeAction(*item.action);
        }
        itemResult.result.verdict = Verdict::Skip;
        itemResult.result.message =
            proseProblem.empty()
                ? text(QT_TRANSLATE_NOOP("Diagnostics", "%1: follows a step the case describes "
                                                        "only in prose (\"%2\"), which the runner "
                                                        "cannot perform"),
                       {label, proseStep})
                : text(QT_TRANSLATE_NOOP("Diagnostics", "%1: follows a step the case describes "
                                                        "only in prose (\"%2\"), which the runner "
                                                        "cannot perform: %3"),
                       {label, proseStep, proseProblem});
        result.items.push_back(std::move(itemResult));
    };
    // Why the step an item refers to cannot be performed: the sentences that looked like steps
    // but could not be read, or that several steps fit.
    auto unreadProblem = [&](int matches) {
        if (matches > 1) {
            return text(QT_TRANSLATE_NOOP("Diagnostics", "several steps of the notes fit it"))
                .english();
        }
        std::string out;
        for (const UnreadStep &unread : prose.unread) {
            out += (out.empty() ? "" : "; ") +
                   text(QT_TRANSLATE_NOOP("Diagnostics", "cannot read \"%1\": %2"),
                        {unread.sentence, unread.reason.english()})
                       .english();
        }
        return out;
    };
    // Runs status items from `from` on. With `mayDefer`, stops at the first item that follows a
    // step placed after the requests (afterRequests is set); the caller runs it later.
    auto runStatusItems = [&](std::size_t from, bool mayDefer) {
        for (std::size_t i = from; i < test.status.size(); ++i) {
            const StatusItem &item = test.status[i];
            if (proseStep.empty() && item.assertion) {
                const StatusAssertion &assertion = *item.assertion;
                // A step an item's own notes tell runs just before it.
                for (const ProseStep &own : readProseSteps(assertion.notes).steps) {
                    ItemResult applied = runProseStep(own.action, i, assertion);
                    actionRun = true;
                    if (applied.result.verdict == Verdict::Skip) {
                        proseStep = own.action.notes;
                        proseProblem = applied.result.english();
                    }
                    result.items.push_back(std::move(applied));
                }
                const std::optional<StepReference> reference =
                    followsProseStep(assertion.notes) ? readStepReference(assertion.notes)
                                                      : std::nullopt;
                int matches = 0;
                std::size_t match = 0;
                for (std::size_t k = 0; reference && k < steps.size(); ++k) {
                    if (refersTo(*reference, steps[k].action)) {
                        ++matches;
                        match = k;
                    }
                }
                if (proseStep.empty() && matches == 1 && !performed[match]) {
                    const ProseStep &step = steps[match];
                    if (step.placement == StepPlacement::AfterRequests && mayDefer) {
                        afterRequests = i;
                        return;
                    }
                    if (step.placement == StepPlacement::BetweenRequests) {
                        proseStep = assertion.notes;
                        proseProblem =
                            text(QT_TRANSLATE_NOOP("Diagnostics",
                                                   "the notes place it among the requests"))
                                .english();
                    } else {
                        performed[match] = true;
                        actionRun = true;
                        ItemResult applied = runProseStep(step.action, i, assertion);
                        if (applied.result.verdict == Verdict::Skip) {
                            proseStep = assertion.notes;
                            proseProblem = applied.result.english();
                        }
                        result.items.push_back(std::move(applied));
                    }
                } else if (proseStep.empty() && matches != 1 && !actionRun &&
                           followsProseStep(assertion.notes)) {
                    proseStep = assertion.notes;
                    proseProblem = unreadProblem(matches);
                }
            }
            if (!proseStep.empty()) {
                // The objects no longer are what the case expects at this point: nothing from
                // here on can be checked.
                skipItem(item, i);
                continue;
            }
            ItemResult itemResult;
            itemResult.index = i;
            if (item.action) {
                actionRun = true;
                itemResult = runAction(*item.action, i);
            } else {
                const StatusAssertion &assertion = *item.assertion;
                itemResult.what = checkName(assertion.check);
                itemResult.subtest = assertion.subtest;
                itemResult.mark = assertion.mark;
                itemResult.result = evaluate(assertion, cluster, context);
            }
            result.items.push_back(std::move(itemResult));
        }
    };
    runStatusItems(0, true);

    // The request half runs only on a status half that fully passed: after a failure the
    // objects are not what the requests expect, and after a skipped step they may not be.
    const bool statusPassed =
        std::all_of(result.items.begin(), result.items.end(),
                    [](const ItemResult &item) { return item.result.verdict == Verdict::Pass; });
    const auto amongRequests = std::find_if(steps.begin(), steps.end(), [](const ProseStep &s) {
        return s.placement == StepPlacement::BetweenRequests;
    });
    if (sendRequests && statusPassed && amongRequests != steps.end()) {
        // Only a structured action among the requests says which requests come after the step.
        ItemResult skipped;
        skipped.what = "request";
        skipped.result.verdict = Verdict::Skip;
        skipped.result.message =
            text(QT_TRANSLATE_NOOP("Diagnostics", "the requests are interleaved with a step the "
                                                  "case tells only in prose (\"%1\"), which the "
                                                  "runner cannot place among them"),
                 {amongRequests->action.notes});
        result.items.push_back(std::move(skipped));
    } else if (sendRequests && statusPassed && !unservedFeatures(test.features).empty()) {
        ItemResult skipped;
        skipped.what = "request";
        skipped.result.verdict = Verdict::Skip;
        skipped.result.message =
            text(QT_TRANSLATE_NOOP("Diagnostics", "the status was checked; the requests need %1, "
                                                  "which the local gateway does not apply yet"),
                 {joined(unservedFeatures(test.features))});
        result.items.push_back(std::move(skipped));
    } else if (sendRequests && statusPassed) {
        RequestRunInput input;
        input.test = &test;
        input.cluster = &cluster;
        input.live = m_options.live;
        input.controller = controllerOptions;
        input.applyAction = runAction;
        std::vector<ItemResult> sent = runRequests(input);
        result.items.insert(result.items.end(), std::make_move_iterator(sent.begin()),
                            std::make_move_iterator(sent.end()));
    }
    if (afterRequests) {
        // The status items that follow a step the notes place after the traffic check.
        runStatusItems(*afterRequests, false);
    }

    const ItemResult *firstSkip = nullptr;
    for (const ItemResult &item : result.items) {
        if (item.result.verdict == Verdict::Fail) {
            result.verdict = Verdict::Fail;
            result.reason = item.result.message;
            return finish();
        }
        if (item.result.verdict == Verdict::Skip && firstSkip == nullptr) {
            firstSkip = &item;
        }
    }
    if (firstSkip != nullptr) {
        // Nothing failed, but not everything was checked: not a pass.
        result.verdict = Verdict::Skip;
        result.reason = firstSkip->result.message;
    }
    return finish();
}

} // namespace Torii::Scenarios
