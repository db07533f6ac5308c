#include "traffic_scenario.h"

#include "engine/model/node_reader.h"
#include "engine/yaml/yaml_loader.h"
#include "simulator/backends/go_duration.h"

#include <QtCore/QtGlobal>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace Torii::Scenarios {

using Core::Severity;
using Core::text;
using Model::Node;

namespace {

std::string formatNumber(double value)
{
    std::ostringstream out;
    out << value;
    return out.str();
}

std::string formatMs(std::chrono::milliseconds ms)
{
    if (ms.count() % 1000 == 0) {
        return std::to_string(ms.count() / 1000) + "s";
    }
    return std::to_string(ms.count()) + "ms";
}

// "ns/name" → (ns, name); a bare name is in `defaultNs`.
std::pair<std::string, std::string> splitName(const std::string &text, const std::string &defaultNs)
{
    const auto slash = text.find('/');
    if (slash == std::string::npos) {
        return {defaultNs, text};
    }
    return {text.substr(0, slash), text.substr(slash + 1)};
}

class ScenarioParser : private Model::NodeReader
{
public:
    ScenarioParser(std::string fileName, Core::Diagnostics &diagnostics)
        : NodeReader(std::move(fileName), diagnostics,
                     {"scenario.type", "scenario.unknown-field",
                      QT_TRANSLATE_NOOP("Diagnostics", "unknown field \"%1\" in the scenario is ignored")})
    {}

    void parseRoot(const Node &root, TrafficScenario &scenario)
    {
        if (!root.isMap()) {
            error(root.mark(), "scenario.shape",
                  text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "a traffic scenario is a map with a `steps` list and an "
                                         "optional `rollback` rule")));
            return;
        }
        warnUnknownKeys(root, {"steps", "rollback"});
        if (const Node *steps = root.find("steps")) {
            if (!steps->isList()) {
                error(steps->mark(), "scenario.shape",
                      text(QT_TRANSLATE_NOOP("Diagnostics", "`steps` must be a list")));
            } else {
                for (const Node &item : steps->items()) {
                    TimelineStep step;
                    if (parseStep(item, step)) {
                        scenario.steps.push_back(std::move(step));
                    }
                }
            }
        }
        if (const Node *r = root.find("rollback")) {
            RollbackRule rule;
            if (parseRollback(*r, rule)) {
                scenario.rollback = std::move(rule);
            }
        }
        if (scenario.steps.empty() && !scenario.rollback && !Core::hasErrors(diagnostics())) {
            error(root.mark(), "scenario.empty",
                  text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "the traffic scenario has no steps and no rollback "
                                         "rule")));
        }
        std::stable_sort(scenario.steps.begin(), scenario.steps.end(),
                         [](const TimelineStep &a, const TimelineStep &b) { return a.at < b.at; });
    }

private:
    bool parseStep(const Node &item, TimelineStep &step)
    {
        if (!item.isMap()) {
            error(item.mark(), "scenario.shape",
                  text(QT_TRANSLATE_NOOP("Diagnostics", "each step of the scenario is a map")));
            return false;
        }
        const int before = errorCount();
        step.line = int(item.mark().line);
        warnUnknownKeys(item, {"at", "weights", "backend", "endpoint"});
        if (const Node *at = item.find("at")) {
            step.at = duration(*at, "at").value_or(std::chrono::milliseconds(0));
        } else {
            error(item.mark(), "scenario.at",
                  text(QT_TRANSLATE_NOOP("Diagnostics", "a step needs `at` (e.g. at: 30s)")));
        }
        const Node *weights = item.find("weights");
        const Node *backend = item.find("backend");
        const Node *endpoint = item.find("endpoint");
        if (int(weights != nullptr) + int(backend != nullptr) + int(endpoint != nullptr) != 1) {
            error(item.mark(), "scenario.step",
                  text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "a step changes one thing: `weights`, `backend` or "
                                         "`endpoint`")));
            return false;
        }
        if (weights) {
            WeightChange change;
            parseWeights(*weights, change);
            step.weights = std::move(change);
        } else {
            BehaviourChange change;
            parseBehaviour(backend ? *backend : *endpoint, endpoint != nullptr, change);
            step.behaviour = std::move(change);
        }
        return errorCount() == before;
    }

    void parseWeights(const Node &n, WeightChange &change)
    {
        if (!isMap(n, "weights")) {
            return;
        }
        warnUnknownKeys(n, {"route", "rule", "backends"});
        parseRuleRef(n, change.rule);
        const Node *backends = n.find("backends");
        if (!backends || !backends->isMap() || backends->entries().empty()) {
            error(backends ? backends->mark() : n.mark(), "scenario.weights",
                  text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "`backends` maps backendRef names to weights, e.g. "
                                         "{webapp-stable: 95, webapp-canary: 5}")));
            return;
        }
        for (const Node::Entry &e : backends->entries()) {
            if (!e.value.isInt() || e.value.asInt() < 0 || e.value.asInt() > 1000000) {
                error(e.value.mark(), "scenario.weight",
                      text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "a weight is a whole number from 0 to 1000000, not "
                                             "\"%1\""),
                           {e.value.asString()}));
                continue;
            }
            change.backends.emplace_back(e.key, int(e.value.asInt()));
        }
    }

    void parseRuleRef(const Node &n, RuleRef &ref)
    {
        const Node *route = n.find("route");
        if (!route) {
            error(n.mark(), "scenario.route",
                  text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "name the HTTPRoute: route: namespace/name")));
        } else {
            const std::string name = scalar(*route, "route");
            std::tie(ref.routeNs, ref.routeName) = splitName(name, "default");
            if (ref.routeName.empty()) {
                error(route->mark(), "scenario.route",
                      text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "name the HTTPRoute: route: namespace/name")));
            }
        }
        const Node *rule = n.find("rule");
        if (!rule) {
            ref.index = 0;
        } else if (rule->isInt() && rule->asInt() >= 0) {
            ref.index = int(rule->asInt());
        } else if (rule->isString() && !rule->str().empty()) {
            ref.ruleName = rule->str();
        } else {
            error(rule->mark(), "scenario.rule",
                  text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "rule is the rule's index (0, 1, ...) or its name, not "
                                         "\"%1\""),
                       {rule->asString()}));
        }
    }

    void parseBehaviour(const Node &n, bool endpoint, BehaviourChange &change)
    {
        if (!isMap(n, endpoint ? "endpoint" : "backend")) {
            return;
        }
        std::vector<std::string_view> known = {"service",   "latency", "errorRate",
                                               "status",    "failure", "down",
                                               "slowStart", "seed",    "responseBytes"};
        if (endpoint) {
            known.push_back("replica");
        }
        warnUnknownKeys(n, known);
        if (const Node *s = n.find("service")) {
            std::tie(change.serviceNs, change.serviceName) =
                splitName(scalar(*s, "service"), "default");
        }
        if (change.serviceName.empty()) {
            error(n.mark(), "scenario.service",
                  text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "name the Service: service: namespace/name")));
        }
        if (endpoint) {
            const Node *r = n.find("replica");
            if (!r || !r->isInt() || r->asInt() < 0) {
                error(r ? r->mark() : n.mark(), "scenario.replica",
                      text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "an endpoint step needs `replica`, a whole number "
                                             "from 0")));
            } else {
                change.replica = int(r->asInt());
            }
        }
        BehaviourPatch &p = change.patch;
        if (const Node *l = n.find("latency")) {
            p.latency = latency(*l);
        }
        if (const Node *e = n.find("errorRate")) {
            p.errorRate = rate(*e, "errorRate");
        }
        if (const Node *s = n.find("status")) {
            if (!s->isInt() || s->asInt() < 100 || s->asInt() > 599) {
                error(s->mark(), "scenario.status",
                      text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "status is an HTTP status from 100 to 599, not "
                                             "\"%1\""),
                           {s->asString()}));
            } else {
                p.status = int(s->asInt());
            }
        }
        if (const Node *f = n.find("failure")) {
            const std::string name = scalar(*f, "failure");
            p.failure = Backends::failureModeFromString(name);
            if (!p.failure) {
                error(f->mark(), "scenario.failure",
                      text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "failure is status, reset or hang, not \"%1\""),
                           {name}));
            }
        }
        if (const Node *d = n.find("down")) {
            if (!d->isBool()) {
                error(d->mark(), "scenario.down",
                      text(QT_TRANSLATE_NOOP("Diagnostics", "down is true or false")));
            } else {
                p.down = d->asBool();
            }
        }
        if (const Node *b = n.find("responseBytes")) {
            if (!b->isInt() || b->asInt() < 0 || b->asInt() > (64 << 20)) {
                error(b->mark(), "scenario.size",
                      text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "responseBytes is a whole number from 0 to "
                                             "67108864")));
            } else {
                p.responseBytes = std::uint64_t(b->asInt());
            }
        }
        if (const Node *s = n.find("seed")) {
            if (!s->isInt() || s->asInt() < 0) {
                error(s->mark(), "scenario.seed",
                      text(QT_TRANSLATE_NOOP("Diagnostics", "seed is a whole number from 0")));
            } else {
                p.seed = std::uint64_t(s->asInt());
            }
        }
        if (const Node *s = n.find("slowStart")) {
            if (isMap(*s, "slowStart")) {
                warnUnknownKeys(*s, {"duration", "latency", "errorRate"});
                Backends::SlowStart slow;
                if (const Node *d = s->find("duration")) {
                    slow.duration = duration(*d, "duration").value_or(slow.duration);
                }
                if (const Node *l = s->find("latency")) {
                    slow.latencyMs = double(
                        duration(*l, "latency").value_or(std::chrono::milliseconds(0)).count());
                }
                if (const Node *e = s->find("errorRate")) {
                    slow.errorRate = rate(*e, "errorRate").value_or(0.0);
                }
                p.slowStart = slow;
            }
        }
    }

    std::optional<Backends::LatencyDistribution> latency(const Node &n)
    {
        using K = Backends::LatencyDistribution::Kind;
        if (n.isScalar() && !n.isNull()) { // latency: 20ms — fixed
            if (auto d = duration(n, "latency")) {
                return Backends::LatencyDistribution{K::Fixed, double(d->count()), 0.0};
            }
            return std::nullopt;
        }
        if (!isMap(n, "latency")) {
            return std::nullopt;
        }
        const Node *kindNode = n.find("distribution");
        const std::string kindName = kindNode ? scalar(*kindNode, "distribution") : "fixed";
        const auto kind = Backends::latencyKindFromString(kindName);
        if (!kind) {
            error(kindNode->mark(), "scenario.latency",
                  text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "distribution is fixed, uniform, normal, lognormal or "
                                         "pareto, not \"%1\""),
                       {kindName}));
            return std::nullopt;
        }
        // Each distribution's two parameters: (name, is a duration).
        struct Params
        {
            const char *a;
            const char *b;
            bool bIsDuration;
        };
        Params params{"value", nullptr, false};
        switch (*kind) {
        case K::None:
        case K::Fixed:
            break;
        case K::Uniform:
            params = {"min", "max", true};
            break;
        case K::Normal:
            params = {"mean", "stddev", true};
            break;
        case K::LogNormal:
            params = {"median", "sigma", false};
            break;
        case K::Pareto:
            params = {"scale", "shape", false};
            break;
        }
        std::vector<std::string_view> known = {"distribution", params.a};
        if (params.b) {
            known.push_back(params.b);
        }
        warnUnknownKeys(n, known);
        Backends::LatencyDistribution out{*kind, 0.0, 0.0};
        const int before = errorCount();
        if (*kind != K::None) {
            const Node *a = n.find(params.a);
            if (!a) {
                missing(n, params.a);
            } else {
                out.a =
                    double(duration(*a, params.a).value_or(std::chrono::milliseconds(0)).count());
            }
        }
        if (params.b) {
            const Node *b = n.find(params.b);
            if (!b) {
                missing(n, params.b);
            } else if (params.bIsDuration) {
                out.b =
                    double(duration(*b, params.b).value_or(std::chrono::milliseconds(0)).count());
            } else if (!b->isNumber() || !(b->asDouble() > 0)) {
                error(b->mark(), "scenario.latency",
                      text(QT_TRANSLATE_NOOP("Diagnostics", "%1 must be a number above 0"),
                           {params.b}));
            } else {
                out.b = b->asDouble();
            }
        }
        if (errorCount() != before) {
            return std::nullopt;
        }
        if (const QString why = out.validate(); !why.isEmpty()) {
            error(n.mark(), "scenario.latency",
                  text(QT_TRANSLATE_NOOP("Diagnostics", "unusable latency: %1"),
                       {why.toStdString()}));
            return std::nullopt;
        }
        return out;
    }

    bool parseRollback(const Node &n, RollbackRule &rule)
    {
        if (!isMap(n, "rollback")) {
            return false;
        }
        const int before = errorCount();
        warnUnknownKeys(n, {"backend", "route", "rule", "when"});
        if (const Node *b = n.find("backend")) {
            std::tie(rule.backendNs, rule.backendName) = splitName(scalar(*b, "backend"), "");
        }
        parseRuleRef(n, rule.rule);
        if (rule.backendName.empty()) {
            missing(n, "backend");
        } else if (rule.backendNs.empty()) {
            rule.backendNs =
                rule.rule.routeNs; // a backendRef's Service is in the route's namespace
        }
        const Node *when = n.find("when");
        if (!when) {
            missing(n, "when");
        } else if (isMap(*when, "when")) {
            warnUnknownKeys(*when, {"errorRate", "p99Ms", "window", "minRequests"});
            if (const Node *e = when->find("errorRate")) {
                rule.errorRate = rate(*e, "errorRate");
            }
            if (const Node *p = when->find("p99Ms")) {
                if (!p->isNumber() || !(p->asDouble() > 0)) {
                    error(p->mark(), "scenario.p99",
                          text(QT_TRANSLATE_NOOP("Diagnostics", "%1 must be a number above 0"),
                               {"p99Ms"}));
                } else {
                    rule.p99Ms = p->asDouble();
                }
            }
            if (const Node *w = when->find("window")) {
                rule.window = duration(*w, "window").value_or(rule.window);
                if (rule.window.count() <= 0) {
                    error(w->mark(), "scenario.window",
                          text(QT_TRANSLATE_NOOP("Diagnostics", "window must be above 0")));
                }
            }
            if (const Node *m = when->find("minRequests")) {
                if (!m->isInt() || m->asInt() < 1) {
                    error(m->mark(), "scenario.min-requests",
                          text(QT_TRANSLATE_NOOP("Diagnostics",
                                                 "minRequests is a whole number from 1")));
                } else {
                    rule.minRequests = int(std::min<std::int64_t>(m->asInt(), 1 << 30));
                }
            }
            if (!rule.errorRate && !rule.p99Ms) {
                error(when->mark(), "scenario.when",
                      text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "the rollback rule needs errorRate or p99Ms (or "
                                             "both)")));
            }
        }
        return errorCount() == before;
    }

    std::optional<std::chrono::milliseconds> duration(const Node &n, const char *field)
    {
        if (n.isNumber() && n.asDouble() >= 0 && std::isfinite(n.asDouble())) {
            return std::chrono::milliseconds(std::llround(n.asDouble() * 1000)); // seconds
        }
        const auto parsed = n.isString()
                                ? Backends::parseGoDuration(QString::fromStdString(n.str()))
                                : std::nullopt;
        if (!parsed || parsed->count() < 0) {
            error(n.mark(), "scenario.duration",
                  text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "%1 must be a duration such as 500ms, 30s or 2m, not "
                                         "\"%2\""),
                       {field, n.asString()}));
            return std::nullopt;
        }
        return std::chrono::ceil<std::chrono::milliseconds>(*parsed);
    }

    std::optional<double> rate(const Node &n, const char *field)
    {
        if (!n.isNumber() || !(n.asDouble() >= 0 && n.asDouble() <= 1)) {
            error(n.mark(), "scenario.rate",
                  text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "%1 must be a number from 0 to 1, not \"%2\""),
                       {field, n.asString()}));
            return std::nullopt;
        }
        return n.asDouble();
    }

    bool isMap(const Node &n, const char *field)
    {
        if (!n.isMap()) {
            error(n.mark(), "scenario.type",
                  text(QT_TRANSLATE_NOOP("Diagnostics", "%1 must be a map"), {field}));
            return false;
        }
        return true;
    }

    void missing(const Node &n, const char *field)
    {
        error(n.mark(), "scenario.missing",
              text(QT_TRANSLATE_NOOP("Diagnostics", "%1 is missing"), {field}));
    }
};

ScenarioParseResult parseLoaded(Yaml::LoadResult loaded, const std::string &fileName)
{
    ScenarioParseResult result;
    result.diagnostics = std::move(loaded.diagnostics);
    if (loaded.fatal || Core::hasErrors(result.diagnostics)) {
        return result;
    }
    if (loaded.documents.size() != 1) {
        Core::Diagnostic d = Core::makeDiagnostic(
            Severity::Error, "scenario.shape",
            text(QT_TRANSLATE_NOOP("Diagnostics",
                                   "a traffic scenario file holds one YAML document")));
        d.file = fileName;
        result.diagnostics.push_back(std::move(d));
        return result;
    }
    ScenarioParser(fileName, result.diagnostics)
        .parseRoot(loaded.documents[0].root, result.scenario);
    return result;
}

template<typename Resources>
auto findRoute(Resources &resources, const RuleRef &ref) -> decltype(&resources.front())
{
    for (auto &r : resources) {
        const std::string ns = r.ns.empty() ? std::string("default") : r.ns;
        if (r.kind == "HTTPRoute" && r.name == ref.routeName && ns == ref.routeNs) {
            return &r;
        }
    }
    return nullptr;
}

int ruleIndexIn(const Node &rules, const RuleRef &ref)
{
    if (!rules.isList()) {
        return -1;
    }
    if (ref.ruleName.empty()) {
        return ref.index >= 0 && std::size_t(ref.index) < rules.items().size() ? ref.index : -1;
    }
    for (std::size_t i = 0; i < rules.items().size(); ++i) {
        if (rules.items()[i]["name"].asString() == ref.ruleName) {
            return int(i);
        }
    }
    return -1;
}

} // namespace

std::string RuleRef::toString() const
{
    return routeNs + '/' + routeName + " rule " +
           (ruleName.empty() ? std::to_string(index) : ruleName);
}

void BehaviourPatch::applyTo(Backends::BackendBehaviour &b) const
{
    if (latency) {
        b.latency = *latency;
    }
    if (errorRate) {
        b.errorRate = *errorRate;
    }
    if (status) {
        b.errorStatus = *status;
    }
    if (failure) {
        b.failure = *failure;
    }
    if (down) {
        b.down = *down;
    }
    if (responseBytes) {
        b.responseBytes = *responseBytes;
    }
    if (slowStart) {
        b.slowStart = *slowStart;
    }
    if (seed) {
        b.seed = *seed;
    }
}

std::string BehaviourPatch::toString() const
{
    std::string out;
    const auto add = [&](const std::string &part) { out += (out.empty() ? "" : " ") + part; };
    if (latency) {
        std::string l = std::string("latency=") + Backends::toString(latency->kind) + '(' +
                        formatNumber(latency->a);
        if (latency->kind != Backends::LatencyDistribution::Kind::Fixed &&
            latency->kind != Backends::LatencyDistribution::Kind::None) {
            l += ',' + formatNumber(latency->b);
        }
        add(l + ')');
    }
    if (errorRate) {
        add("errorRate=" + formatNumber(*errorRate));
    }
    if (status) {
        add("status=" + std::to_string(*status));
    }
    if (failure) {
        add(std::string("failure=") + Backends::toString(*failure));
    }
    if (down) {
        add(*down ? "down" : "up");
    }
    if (responseBytes) {
        add("responseBytes=" + std::to_string(*responseBytes));
    }
    if (slowStart) {
        add("slowStart=" + formatMs(slowStart->duration));
    }
    if (seed) {
        add("seed=" + std::to_string(*seed));
    }
    return out.empty() ? std::string("(no change)") : out;
}

std::string TimelineStep::describe() const
{
    if (weights) {
        std::string out = "weights " + weights->rule.toString() + ":";
        for (const auto &[name, weight] : weights->backends) {
            out += ' ' + name + '=' + std::to_string(weight);
        }
        return out;
    }
    if (behaviour) {
        std::string out = "backend " + behaviour->serviceNs + '/' + behaviour->serviceName;
        if (behaviour->replica >= 0) {
            out = "endpoint " + behaviour->serviceNs + '/' + behaviour->serviceName + " replica " +
                  std::to_string(behaviour->replica);
        }
        return out + ": " + behaviour->patch.toString();
    }
    return {};
}

ScenarioParseResult parseTrafficScenario(std::string_view text, const std::string &fileName)
{
    return parseLoaded(Yaml::loadText(text, fileName), fileName);
}

ScenarioParseResult readTrafficScenarioFile(const std::string &path)
{
    return parseLoaded(Yaml::loadFile(path), path);
}

int resolveRuleIndex(const std::vector<Model::Resource> &resources, const RuleRef &ref)
{
    const Model::Resource *route = findRoute(resources, ref);
    return route ? ruleIndexIn(route->object["spec"]["rules"], ref) : -1;
}

bool applyWeights(std::vector<Model::Resource> &resources, const WeightChange &change,
                  std::string *error)
{
    Model::Resource *route = findRoute(resources, change.rule);
    if (!route) {
        *error = "no HTTPRoute " + change.rule.routeNs + '/' + change.rule.routeName;
        return false;
    }
    Node *spec = route->object.find("spec");
    Node *rules = spec ? spec->find("rules") : nullptr;
    const int index = rules ? ruleIndexIn(*rules, change.rule) : -1;
    if (index < 0) {
        *error = "no rule " + change.rule.toString();
        return false;
    }
    Node *refs = rules->items()[std::size_t(index)].find("backendRefs");
    for (const auto &[name, weight] : change.backends) {
        Node *found = nullptr;
        if (refs && refs->isList()) {
            for (Node &ref : refs->items()) {
                if (ref["name"].asString() == name) {
                    found = &ref;
                }
            }
        }
        if (!found) {
            *error = "no backendRef " + name + " in " + change.rule.toString();
            return false;
        }
        found->set("weight", Node::integer(weight));
    }
    return true;
}

RollbackWatch::RollbackWatch(RollbackRule rule)
    : m_rule(std::move(rule))
{}

std::optional<std::string> RollbackWatch::observe(std::int64_t atMicros, const std::string &ruleKey,
                                                  const std::string &backend, int status,
                                                  std::int64_t latencyMicros)
{
    if (m_fired || backend != m_rule.backendKey()) {
        return std::nullopt;
    }
    const std::string wanted =
        "HTTPRoute " + m_rule.rule.routeNs + '/' + m_rule.rule.routeName + " rule ";
    if (ruleKey.rfind(wanted, 0) != 0 ||
        (m_ruleIndex >= 0 && ruleKey.substr(wanted.size()) != std::to_string(m_ruleIndex))) {
        return std::nullopt;
    }
    m_window.push_back({atMicros, status == 0 || status >= 500, latencyMicros});
    const std::int64_t windowMicros = std::int64_t(m_rule.window.count()) * 1000;
    while (!m_window.empty() && m_window.front().atMicros <= atMicros - windowMicros) {
        m_window.pop_front();
    }
    if (int(m_window.size()) < m_rule.minRequests) {
        return std::nullopt;
    }
    const std::size_t n = m_window.size();
    const std::size_t errors = std::size_t(
        std::count_if(m_window.begin(), m_window.end(), [](const Answer &a) { return a.error; }));
    const double errorRate = double(errors) / double(n);
    std::string reason;
    if (m_rule.errorRate && errorRate > *m_rule.errorRate) {
        reason = "error rate " + formatNumber(std::round(errorRate * 10000) / 100) + "% > " +
                 formatNumber(*m_rule.errorRate * 100) + "% (" + std::to_string(errors) + " of " +
                 std::to_string(n) + " in " + formatMs(m_rule.window) + ")";
    } else if (m_rule.p99Ms) {
        std::vector<std::int64_t> latencies;
        latencies.reserve(n);
        for (const Answer &a : m_window) {
            latencies.push_back(a.latencyMicros);
        }
        const std::size_t rank = std::min(n - 1, std::size_t(std::ceil(0.99 * double(n))) - 1);
        std::nth_element(latencies.begin(), latencies.begin() + std::ptrdiff_t(rank),
                         latencies.end());
        const double p99Ms = double(latencies[rank]) / 1000.0;
        if (p99Ms > *m_rule.p99Ms) {
            reason = "p99 " + formatNumber(std::round(p99Ms * 10) / 10) + " ms > " +
                     formatNumber(*m_rule.p99Ms) + " ms (" + std::to_string(n) + " answers in " +
                     formatMs(m_rule.window) + ")";
        }
    }
    if (reason.empty()) {
        return std::nullopt;
    }
    m_fired = true;
    return reason;
}

} // namespace Torii::Scenarios
