#include "route_test_case.h"

#include "engine/model/node_reader.h"
#include "engine/yaml/yaml_loader.h"

#include <array>
#include <cctype>
#include <initializer_list>

namespace Torii::Scenarios {

using Core::Severity;
using Core::text;
using Model::Node;

namespace {

struct CheckNameEntry
{
    CheckKind kind;
    const char *name;
};

constexpr std::array<CheckNameEntry, 17> kCheckNames = {{
    {CheckKind::HasAddress, "hasAddress"},
    {CheckKind::RouteParents, "routeParents"},
    {CheckKind::RouteCondition, "routeCondition"},
    {CheckKind::NoAcceptedParents, "noAcceptedParents"},
    {CheckKind::AllListeners, "allListeners"},
    {CheckKind::ListenerConditions, "listenerConditions"},
    {CheckKind::Listeners, "listeners"},
    {CheckKind::ZeroAttachedRoutes, "zeroAttachedRoutes"},
    {CheckKind::GatewayCondition, "gatewayCondition"},
    {CheckKind::GatewayClassCondition, "gatewayClassCondition"},
    {CheckKind::ListenerSetCondition, "listenerSetCondition"},
    {CheckKind::AttachedListenerSets, "attachedListenerSets"},
    {CheckKind::Addresses, "addresses"},
    {CheckKind::PolicyCondition, "policyCondition"},
    {CheckKind::LatestConditions, "latestConditions"},
    {CheckKind::GenerationChanged, "generationChanged"},
    {CheckKind::NamespaceReady, "namespaceReady"},
}};

constexpr std::string_view kGatewayGroup = "gateway.networking.k8s.io";

// Reads one case file into the model, collecting diagnostics at the Node marks.
class Parser : private Model::NodeReader
{
public:
    Parser(std::string file, Core::Diagnostics &diagnostics)
        : NodeReader(std::move(file), diagnostics,
                     {"case.not-a-string", "case.unknown-field",
                      QT_TRANSLATE_NOOP("Diagnostics", "unknown field \"%1\" is ignored by this runner")})
    {}

    void parseFile(const Node &root, std::vector<RouteTest> &tests)
    {
        if (!root.isMap() || !root["tests"].isList()) {
            error(root.mark(), "case.no-tests",
                  text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "a route-test file is a map with a `tests` list")));
            return;
        }
        warnUnknownKeys(root, {"tests"});
        for (const Node &item : root["tests"].items()) {
            const int errorsBefore = errorCount();
            RouteTest test = parseTest(item);
            for (const RouteTest &earlier : tests) {
                if (!test.name.empty() && earlier.name == test.name) {
                    // Reports and --cases selections key on the name: it must be unique.
                    error(item["name"].mark(), "case.duplicate-name",
                          text(QT_TRANSLATE_NOOP("Diagnostics",
                                                 "a test named \"%1\" is already in this file"),
                               {test.name}));
                }
            }
            if (errorCount() == errorsBefore) {
                tests.push_back(std::move(test));
            }
        }
    }

private:
    // A scalar as text: the corpus quotes "True"/"False", a hand-written file may not.
    static std::string scalarText(const Node &node)
    {
        if (node.isBool()) {
            return node.asBool() ? "True" : "False";
        }
        return node.asString();
    }

    std::optional<std::string> optionalString(const Node &map, std::string_view key)
    {
        const Node *value = map.find(key);
        if (value == nullptr || value->isNull()) {
            return std::nullopt;
        }
        if (!value->isScalar()) {
            error(value->mark(), "case.not-a-string",
                  text(QT_TRANSLATE_NOOP("Diagnostics", "\"%1\" must be a single value"),
                       {std::string(key)}));
            return std::nullopt;
        }
        return scalarText(*value);
    }

    std::string requiredString(const Node &map, std::string_view key)
    {
        std::optional<std::string> value = optionalString(map, key);
        if (!value && !map.has(key)) {
            error(map.mark(), "case.missing-field",
                  text(QT_TRANSLATE_NOOP("Diagnostics", "missing required field \"%1\""),
                       {std::string(key)}));
        }
        return value.value_or(std::string());
    }

    std::optional<std::int64_t> optionalInt(const Node &map, std::string_view key)
    {
        const Node *value = map.find(key);
        if (value == nullptr || value->isNull()) {
            return std::nullopt;
        }
        if (!value->isInt()) {
            error(value->mark(), "case.not-an-integer",
                  text(QT_TRANSLATE_NOOP("Diagnostics", "\"%1\" must be an integer, not %2"),
                       {std::string(key), value->toJson()}));
            return std::nullopt;
        }
        return value->asInt();
    }

    bool optionalBool(const Node &map, std::string_view key, bool fallback)
    {
        const Node *value = map.find(key);
        if (value == nullptr || value->isNull()) {
            return fallback;
        }
        if (!value->isBool()) {
            error(value->mark(), "case.not-a-bool",
                  text(QT_TRANSLATE_NOOP("Diagnostics", "\"%1\" must be true or false, not %2"),
                       {std::string(key), value->toJson()}));
            return fallback;
        }
        return value->asBool();
    }

    // A list field; nullptr (after a diagnostic when `required`) when absent or not a list.
    const Node *listField(const Node &map, std::string_view key, bool required)
    {
        const Node *value = map.find(key);
        if (value == nullptr || value->isNull()) {
            if (required) {
                error(map.mark(), "case.missing-field",
                      text(QT_TRANSLATE_NOOP("Diagnostics", "missing required field \"%1\""),
                           {std::string(key)}));
            }
            return nullptr;
        }
        if (!value->isList()) {
            error(value->mark(), "case.not-a-list",
                  text(QT_TRANSLATE_NOOP("Diagnostics", "\"%1\" must be a list"),
                       {std::string(key)}));
            return nullptr;
        }
        return value;
    }

    bool requireMap(const Node &node, const char *what)
    {
        if (node.isMap()) {
            return true;
        }
        error(node.mark(), "case.not-a-map",
              text(QT_TRANSLATE_NOOP("Diagnostics", "%1 must be a map"), {what}));
        return false;
    }

    std::vector<std::string> stringList(const Node &map, std::string_view key, bool required)
    {
        std::vector<std::string> out;
        if (const Node *list = listField(map, key, required)) {
            for (const Node &item : list->items()) {
                if (!item.isScalar() || item.isNull()) {
                    error(item.mark(), "case.not-a-string",
                          text(QT_TRANSLATE_NOOP("Diagnostics",
                                                 "the items of \"%1\" must be single values"),
                               {std::string(key)}));
                    continue;
                }
                out.push_back(scalarText(item));
            }
        }
        return out;
    }

    std::vector<ExpectedCondition> conditions(const Node &map, std::string_view key, bool required)
    {
        std::vector<ExpectedCondition> out;
        const Node *list = listField(map, key, required);
        if (list == nullptr) {
            return out;
        }
        for (const Node &item : list->items()) {
            if (!requireMap(item, "a condition")) {
                continue;
            }
            warnUnknownKeys(item, {"type", "status", "reason"});
            ExpectedCondition c;
            c.type = requiredString(item, "type");
            c.status = optionalString(item, "status");
            c.reason = optionalString(item, "reason");
            c.mark = item.mark();
            if (c.status && *c.status != "True" && *c.status != "False" && *c.status != "Unknown") {
                error(item["status"].mark(), "case.condition-status",
                      text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "a condition status is \"True\", \"False\" or "
                                             "\"Unknown\", not \"%1\""),
                           {*c.status}));
            }
            out.push_back(std::move(c));
        }
        return out;
    }

    ExpectedRef ref(const Node &node)
    {
        ExpectedRef r;
        if (!requireMap(node, "a parent or ancestor reference")) {
            return r;
        }
        warnUnknownKeys(node, {"group", "kind", "namespace", "name", "sectionName", "port"});
        r.group = optionalString(node, "group");
        r.kind = optionalString(node, "kind");
        r.ns = optionalString(node, "namespace");
        r.name = requiredString(node, "name");
        r.sectionName = optionalString(node, "sectionName");
        r.port = optionalInt(node, "port");
        return r;
    }

    std::vector<ExpectedParent> parents(const Node &item, std::string_view listKey,
                                        std::string_view refKey)
    {
        std::vector<ExpectedParent> out;
        const Node *list = listField(item, listKey, true);
        if (list == nullptr) {
            return out;
        }
        for (const Node &entry : list->items()) {
            if (!requireMap(entry, "a parent or ancestor entry")) {
                continue;
            }
            warnUnknownKeys(entry, {refKey, "conditions"});
            ExpectedParent p;
            p.mark = entry.mark();
            if (const Node *r = entry.find(refKey)) {
                p.ref = ref(*r);
            } else {
                error(entry.mark(), "case.missing-field",
                      text(QT_TRANSLATE_NOOP("Diagnostics", "missing required field \"%1\""),
                           {std::string(refKey)}));
            }
            p.conditions = conditions(entry, "conditions", false);
            out.push_back(std::move(p));
        }
        return out;
    }

    std::vector<ExpectedListener> listeners(const Node &item)
    {
        std::vector<ExpectedListener> out;
        const Node *list = listField(item, "listeners", true);
        if (list == nullptr) {
            return out;
        }
        for (const Node &entry : list->items()) {
            if (!requireMap(entry, "a listener entry")) {
                continue;
            }
            warnUnknownKeys(entry, {"name", "supportedKinds", "attachedRoutes", "conditions"});
            ExpectedListener l;
            l.mark = entry.mark();
            l.name = requiredString(entry, "name");
            if (const Node *kinds = listField(entry, "supportedKinds", false)) {
                std::vector<ExpectedSupportedKind> parsed;
                for (const Node &k : kinds->items()) {
                    if (!requireMap(k, "a supportedKinds entry")) {
                        continue;
                    }
                    warnUnknownKeys(k, {"group", "kind"});
                    ExpectedSupportedKind sk;
                    // The API's default group, as the suite's comparison applies it (README).
                    sk.group = optionalString(k, "group").value_or(std::string(kGatewayGroup));
                    sk.kind = requiredString(k, "kind");
                    parsed.push_back(std::move(sk));
                }
                l.supportedKinds = std::move(parsed);
            }
            l.attachedRoutes = optionalInt(entry, "attachedRoutes");
            l.conditions = conditions(entry, "conditions", false);
            out.push_back(std::move(l));
        }
        return out;
    }

    std::optional<Action> action(const Node &item)
    {
        const Node &body = item["action"];
        if (!requireMap(body, "an action") || body.entries().size() != 1) {
            if (body.isMap()) {
                error(body.mark(), "case.action-shape",
                      text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "an action has exactly one of patch, delete, "
                                             "fillEndpointSlices")));
            }
            return std::nullopt;
        }
        warnUnknownKeys(item, {"action", "subtest", "notes"});
        Action a;
        a.raw = item;
        a.mark = item.mark();
        a.subtest = optionalString(item, "subtest").value_or(std::string());
        a.notes = optionalString(item, "notes").value_or(std::string());
        const Node::Entry &entry = body.entries().front();
        const Node &spec = entry.value;
        if (!requireMap(spec, "the action's body")) {
            return std::nullopt;
        }
        if (entry.key == "patch" || entry.key == "delete") {
            a.type = entry.key == "patch" ? Action::Type::Patch : Action::Type::Delete;
            if (a.type == Action::Type::Patch) {
                warnUnknownKeys(spec, {"kind", "namespace", "name", "set"});
            } else {
                warnUnknownKeys(spec, {"kind", "namespace", "name"});
            }
            a.target.kind = requiredString(spec, "kind");
            a.target.ns = optionalString(spec, "namespace").value_or(std::string());
            a.target.name = requiredString(spec, "name");
            if (a.type == Action::Type::Patch) {
                const Node &set = spec["set"];
                if (!set.isMap() || set.entries().empty()) {
                    error(spec.mark(), "case.patch-set",
                          text(QT_TRANSLATE_NOOP("Diagnostics",
                                                 "a patch needs `set`: a map of field path "
                                                 "to value")));
                    return std::nullopt;
                }
                for (const Node::Entry &e : set.entries()) {
                    a.set.emplace_back(e.key, e.value);
                }
            }
            return a;
        }
        if (entry.key == "fillEndpointSlices") {
            warnUnknownKeys(spec, {"namespace", "names", "fromPodsOf"});
            a.type = Action::Type::FillEndpointSlices;
            a.ns = requiredString(spec, "namespace");
            a.endpointSliceNames = stringList(spec, "names", true);
            a.fromPodsOf = requiredString(spec, "fromPodsOf");
            return a;
        }
        error(entry.keyMark, "case.unknown-action",
              text(QT_TRANSLATE_NOOP("Diagnostics",
                                     "unknown action \"%1\" (patch, delete or fillEndpointSlices)"),
                   {entry.key}));
        return std::nullopt;
    }

    std::optional<StatusAssertion> assertion(const Node &item)
    {
        StatusAssertion a;
        a.raw = item;
        a.mark = item.mark();
        a.kind = requiredString(item, "kind");
        a.ns = optionalString(item, "namespace").value_or(std::string());
        a.name = requiredString(item, "name");
        a.subtest = optionalString(item, "subtest").value_or(std::string());
        a.notes = optionalString(item, "notes").value_or(std::string());
        const std::string check = requiredString(item, "check");
        const std::optional<CheckKind> kind = checkFromName(check);
        if (!kind) {
            if (!check.empty()) {
                error(item["check"].mark(), "case.unknown-check",
                      text(QT_TRANSLATE_NOOP("Diagnostics", "unknown check \"%1\""), {check}));
            }
            return std::nullopt;
        }
        a.check = *kind;
        std::vector<std::string_view> known = {"kind",  "namespace", "name",
                                               "check", "subtest",   "notes"};
        switch (a.check) {
        case CheckKind::RouteParents:
            known.insert(known.end(), {"parents", "namespaceRequired"});
            a.namespaceRequired = optionalBool(item, "namespaceRequired", false);
            a.parents = parents(item, "parents", "parentRef");
            break;
        case CheckKind::RouteCondition:
            known.push_back("parents");
            a.parents = parents(item, "parents", "parentRef");
            break;
        case CheckKind::PolicyCondition:
            known.push_back("ancestors");
            a.parents = parents(item, "ancestors", "ancestorRef");
            break;
        case CheckKind::AllListeners:
        case CheckKind::ListenerConditions:
        case CheckKind::Listeners:
            known.push_back("listeners");
            a.listeners = listeners(item);
            break;
        case CheckKind::GatewayCondition:
        case CheckKind::GatewayClassCondition:
        case CheckKind::ListenerSetCondition:
            known.push_back("conditions");
            a.conditions = conditions(item, "conditions", true);
            break;
        case CheckKind::AttachedListenerSets:
            known.push_back("attachedListenerSets");
            if (auto n = optionalInt(item, "attachedListenerSets")) {
                a.attachedListenerSets = *n;
            } else if (!item.has("attachedListenerSets")) {
                error(item.mark(), "case.missing-field",
                      text(QT_TRANSLATE_NOOP("Diagnostics", "missing required field \"%1\""),
                           {"attachedListenerSets"}));
            }
            break;
        case CheckKind::Addresses:
            known.push_back("addresses");
            if (const Node *list = listField(item, "addresses", false)) {
                a.addresses = *list;
            }
            break;
        case CheckKind::NamespaceReady:
            known.push_back("gatewayConditions");
            a.gatewayConditions = conditions(item, "gatewayConditions", false);
            if (!item.has("gatewayConditions")) {
                // The suite's NamespacesMustBeReady: Accepted and Programmed, any reason.
                a.gatewayConditions = {{"Accepted", "True", std::nullopt, item.mark()},
                                       {"Programmed", "True", std::nullopt, item.mark()}};
            }
            break;
        case CheckKind::HasAddress:
        case CheckKind::NoAcceptedParents:
        case CheckKind::ZeroAttachedRoutes:
        case CheckKind::LatestConditions:
        case CheckKind::GenerationChanged:
            break;
        }
        for (const Node::Entry &entry : item.entries()) {
            bool isKnown = false;
            for (std::string_view k : known) {
                isKnown = isKnown || entry.key == k;
            }
            if (!isKnown) {
                report(Severity::Warning, entry.keyMark, "case.unknown-field",
                       text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "field \"%1\" means nothing to check \"%2\" and "
                                              "is ignored"),
                            {entry.key, check}));
            }
        }
        return a;
    }

    // "Runs only when the implementation also claims TLSRoute", "… does NOT claim
    // TLSRouteModeMixed": the notes' way of saying what `features` cannot (README: notes are
    // part of the expectation).
    static void readFeatureConditions(RouteTest &test)
    {
        static const std::string_view kLead = "Runs only when the implementation ";
        std::size_t at = 0;
        while ((at = test.notes.find(kLead, at)) != std::string::npos) {
            at += kLead.size();
            std::string_view rest = std::string_view(test.notes).substr(at);
            bool negated = false;
            for (std::string_view verb : {"does NOT claim ", "does not claim "}) {
                if (rest.substr(0, verb.size()) == verb) {
                    negated = true;
                    rest.remove_prefix(verb.size());
                }
            }
            bool claimed = false;
            for (std::string_view verb : {"also claims ", "claims "}) {
                if (!negated && !claimed && rest.substr(0, verb.size()) == verb) {
                    rest.remove_prefix(verb.size());
                    claimed = true;
                }
            }
            if (!negated && !claimed) {
                continue; // a sentence of another shape: nothing to read
            }
            std::size_t end = 0;
            while (end < rest.size() && std::isalnum(static_cast<unsigned char>(rest[end]))) {
                ++end;
            }
            if (end == 0) {
                continue;
            }
            (negated ? test.onlyWithoutFeatures : test.onlyWithFeatures)
                .emplace_back(rest.substr(0, end));
        }
    }

    RouteTest parseTest(const Node &item)
    {
        RouteTest t;
        t.file = file();
        t.mark = item.mark();
        if (!requireMap(item, "a test")) {
            return t;
        }
        warnUnknownKeys(item,
                        {"name", "source", "description", "features", "provisional", "manifests",
                         "applicability", "status", "gateway", "requests", "notes"});
        t.name = requiredString(item, "name");
        t.source = optionalString(item, "source").value_or(std::string());
        t.description = optionalString(item, "description").value_or(std::string());
        t.features = stringList(item, "features", false);
        t.provisional = optionalBool(item, "provisional", false);
        t.manifests = stringList(item, "manifests", true);
        t.notes = optionalString(item, "notes").value_or(std::string());
        readFeatureConditions(t);
        const std::string applicability =
            optionalString(item, "applicability").value_or("simulated");
        if (applicability == "cluster-only") {
            t.applicability = Applicability::ClusterOnly;
        } else if (applicability != "simulated") {
            error(item["applicability"].mark(), "case.applicability",
                  text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "applicability is \"simulated\" or \"cluster-only\", "
                                         "not \"%1\""),
                       {applicability}));
        }
        if (const Node *gateway = item.find("gateway"); gateway && !gateway->isNull()) {
            if (requireMap(*gateway, "gateway")) {
                t.gateway = ObjectRef{"Gateway", optionalString(*gateway, "namespace").value_or(""),
                                      requiredString(*gateway, "name")};
            }
        }
        if (const Node *requests = listField(item, "requests", false)) {
            t.requests = *requests;
        }
        if (const Node *status = listField(item, "status", false)) {
            for (const Node &entry : status->items()) {
                if (!requireMap(entry, "a status item")) {
                    continue;
                }
                StatusItem si;
                if (entry.has("action")) {
                    si.action = action(entry);
                } else {
                    si.assertion = assertion(entry);
                }
                if (si.action || si.assertion) {
                    t.status.push_back(std::move(si));
                }
            }
        }
        return t;
    }

};

} // namespace

const char *checkName(CheckKind kind)
{
    for (const CheckNameEntry &e : kCheckNames) {
        if (e.kind == kind) {
            return e.name;
        }
    }
    return "?";
}

std::optional<CheckKind> checkFromName(std::string_view name)
{
    for (const CheckNameEntry &e : kCheckNames) {
        if (name == e.name) {
            return e.kind;
        }
    }
    return std::nullopt;
}

namespace {

RouteTestFile fromLoaded(Yaml::LoadResult loaded, const std::string &fileName)
{
    RouteTestFile out;
    out.path = fileName;
    out.diagnostics = std::move(loaded.diagnostics);
    if (loaded.fatal) {
        return out;
    }
    if (loaded.documents.size() != 1) {
        Core::Diagnostic d = Core::makeDiagnostic(
            Severity::Error, "case.documents",
            Core::text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "a route-test file holds exactly one YAML document, "
                                         "not %1"),
                       {std::to_string(loaded.documents.size())}));
        d.file = fileName;
        d.line = loaded.documents.size() > 1 ? static_cast<int>(loaded.documents[1].start.line) : 1;
        d.column = 1;
        out.diagnostics.push_back(std::move(d));
        return out;
    }
    Parser(fileName, out.diagnostics).parseFile(loaded.documents.front().root, out.tests);
    return out;
}

} // namespace

RouteTestFile parseRouteTestText(std::string_view text, const std::string &fileName)
{
    return fromLoaded(Yaml::loadText(text, fileName), fileName);
}

RouteTestFile parseRouteTestFile(const std::string &path)
{
    return fromLoaded(Yaml::loadFile(path), path);
}

} // namespace Torii::Scenarios
