#include "alb_rule_converter.h"

#include "alb_support.h"

#include "engine/yaml/yaml_loader.h"

#include <algorithm>
#include <set>

namespace Torii::Convert::Alb {

using Core::Severity;
using Core::text;
using Model::Node;
using namespace Internal;

namespace {

const char *const kNoEquivalent = "alb.no-equivalent";
const char *const kApproximation = "alb.approximation";

bool hasWildcard(const std::string &s)
{
    return s.find_first_of("*?") != std::string::npos;
}

std::string globToRegex(const std::string &glob)
{
    std::string out;
    for (char c : glob) {
        if (c == '*') {
            out += ".*";
        } else if (c == '?') {
            out += '.';
        } else if (std::string_view("\\^$.|+()[]{}").find(c) != std::string_view::npos) {
            out += '\\';
            out += c;
        } else {
            out += c;
        }
    }
    return out;
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool covers(const std::vector<std::string> &ruleHosts, const std::string &hostname)
{
    if (ruleHosts.empty()) {
        return true;
    }
    if (hostname.empty()) {
        return false;
    }
    return std::any_of(ruleHosts.begin(), ruleHosts.end(), [&](const std::string &t) {
        if (t == hostname) {
            return true;
        }
        if (t.rfind("*.", 0) == 0) {
            const std::string suffix = t.substr(1);
            return hostname.size() > suffix.size() &&
                   hostname.compare(hostname.size() - suffix.size(), suffix.size(), suffix) == 0;
        }
        return false;
    });
}

// What one ALB rule becomes, before it is placed in the routes of its hosts.
struct ConvertedRule
{
    std::vector<std::string> hosts; // exact or "*.suffix"; empty = every host
    std::vector<GatewayMatch> matches;
    Node filters = Node::list();
    Node backendRefs = Node::list();
};

class Converter
{
public:
    Converter(const std::string &file, const AlbOptions &options, AlbConversion &out)
        : m_file(file)
        , m_options(options)
        , m_out(out)
    {}

    void run(const Model::Node &root)
    {
        m_out.rules = readAlbRules(root, m_file, m_out.conversion.notes);
        AlbRuleSet &set = m_out.rules;
        if (set.rules.empty()) {
            note(Severity::Error, "alb.not-rules", root, "",
                 text(QT_TRANSLATE_NOOP("Diagnostics", "No ALB listener rules found")),
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "Give the output of aws elbv2 describe-rules, or a "
                                        "CloudFormation template with "
                                        "AWS::ElasticLoadBalancingV2::ListenerRule "
                                        "resources.")));
            return;
        }
        std::vector<ConvertedRule> converted;
        for (const AlbRule &r : set.rules) {
            converted.push_back(convertRule(r));
        }
        Node listeners = Node::list();
        std::set<std::int64_t> usedPorts;
        for (const AlbListener &l : set.listeners) {
            if (l.port) {
                usedPorts.insert(*l.port);
            }
        }
        for (const AlbListener &l : set.listeners) {
            listeners.append(listener(l, usedPorts));
            buildRoutes(l, converted);
        }
        Node gwSpec = Node::map();
        gwSpec.set("gatewayClassName", Node::string(m_options.gatewayClassName));
        gwSpec.set("listeners", std::move(listeners));
        Node gateway = object("Gateway", m_options.gatewayName);
        gateway.set("spec", std::move(gwSpec));
        m_out.conversion.objects.insert(m_out.conversion.objects.begin(), std::move(gateway));

        // Provenance grouped in the objects' order (one block per object for --explain).
        std::vector<std::string> order;
        for (const Node &o : m_out.conversion.objects) {
            order.push_back("HTTPRoute " + label(textOf(o["metadata"]["name"])));
        }
        auto rank = [&](const Provenance &p) {
            return std::find(order.begin(), order.end(), p.targetResource) - order.begin();
        };
        std::stable_sort(
            m_out.conversion.provenance.begin(), m_out.conversion.provenance.end(),
            [&](const Provenance &a, const Provenance &b) { return rank(a) < rank(b); });

        m_out.findings = checkPrecedence(set, m_out.routes);
        for (const OrderFinding &f : m_out.findings) {
            const AlbRule &alb = set.rules[f.albRule];
            const std::string other =
                f.gatewayRule ? set.rules[*f.gatewayRule].id : std::string("-");
            note(Severity::Warning, "alb.precedence", *alb.node, alb.pointer,
                 f.gatewayRule
                     ? text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "Order matters: for %1 the ALB uses rule %2, but "
                                              "the converted HTTPRoute %3 sends it to rule %4"),
                            {f.request.describe(), alb.id, f.route, other})
                     : text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "Order matters: for %1 the ALB uses rule %2, but "
                                              "no converted rule matches it (404)"),
                            {f.request.describe(), alb.id}),
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "Gateway API does not use rule order first: it picks "
                                        "the host's route, then the most specific match (Exact "
                                        "path, longest PathPrefix, method, more headers, more "
                                        "query params). Make rule %1 at least as specific as "
                                        "the rule that overtakes it (add the path, method or "
                                        "header it lacks), or put them on different "
                                        "hostnames."),
                      {alb.id}));
        }
    }

private:
    void note(Severity s, const char *code, const Node &at, const std::string &pointer,
              Core::Text message, Core::Text hint = {})
    {
        m_out.conversion.notes.push_back(
            noteAt(s, code, m_file, at, pointer, std::move(message), std::move(hint)));
    }

    void trace(const std::string &resource, const std::string &path, const Node &src,
               const std::string &pointer, Core::Text why)
    {
        Provenance p;
        p.targetResource = resource;
        p.targetPath = path;
        p.sourceFile = m_file;
        p.sourcePointer = pointer;
        p.sourceMark = src.mark();
        p.explanation = std::move(why);
        m_out.conversion.provenance.push_back(std::move(p));
    }

    // "namespace/name" as Model::Resource::displayName() writes it.
    std::string label(const std::string &name) const
    {
        return m_options.namespaceName.empty() ? name : m_options.namespaceName + "/" + name;
    }

    Node object(const char *kind, const std::string &name) const
    {
        Node o = Node::map();
        o.set("apiVersion", Node::string("gateway.networking.k8s.io/v1"));
        o.set("kind", Node::string(kind));
        Node meta = Node::map();
        meta.set("name", Node::string(name));
        if (!m_options.namespaceName.empty()) {
            meta.set("namespace", Node::string(m_options.namespaceName));
        }
        o.set("metadata", std::move(meta));
        return o;
    }

    std::vector<std::string> convertHosts(const AlbRule &r)
    {
        std::vector<std::string> hosts;
        bool dropped = false;
        for (const AlbPattern &p : r.hosts) {
            const std::string v = lower(p.value);
            const bool plain = !p.regex && !hasWildcard(v);
            const bool wildcard = !p.regex && v.rfind("*.", 0) == 0 && !hasWildcard(v.substr(2));
            if (plain || wildcard) {
                if (std::find(hosts.begin(), hosts.end(), v) == hosts.end()) {
                    hosts.push_back(v);
                }
                continue;
            }
            dropped = true;
            note(Severity::Warning, kNoEquivalent, *r.node, r.hostsPointer,
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "Host pattern %1 has no Gateway API equivalent and was "
                                        "left out"),
                      {p.value}),
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "HTTPRoute hostnames are exact names or a leading "
                                        "\"*.\" wildcard label; list the names it should "
                                        "match.")));
        }
        if (dropped && hosts.empty()) {
            note(Severity::Warning, kApproximation, *r.node, r.hostsPointer,
                 text(QT_TRANSLATE_NOOP("Diagnostics", "Rule %1 now applies to every host"),
                      {r.id}));
        }
        return hosts;
    }

    std::vector<GatewayMatch::StringMatch> stringMatches(const std::string &name,
                                                         const std::vector<AlbPattern> &values,
                                                         const AlbRule &r, bool &regexUsed)
    {
        std::vector<GatewayMatch::StringMatch> out;
        for (const AlbPattern &p : values) {
            if (p.regex || hasWildcard(p.value)) {
                regexUsed = true;
                out.push_back({true, name, p.regex ? p.value : globToRegex(p.value)});
            } else {
                out.push_back({false, name, p.value});
            }
        }
        return out;
    }

    ConvertedRule convertRule(const AlbRule &r)
    {
        ConvertedRule c;
        c.hosts = convertHosts(r);
        const std::string conditions = appendPointer(r.pointer, "Conditions");

        // Paths: each value one choice.
        std::vector<GatewayMatch> paths;
        bool prefixBoundary = false;
        bool regexUsed = false;
        for (const AlbPattern &p : r.paths) {
            GatewayMatch m;
            const std::string &v = p.value;
            const std::string stem = v.size() >= 2 ? v.substr(0, v.size() - 2) : std::string();
            if (!p.regex && !hasWildcard(v) && !v.empty() && v[0] == '/') {
                m.pathType = GatewayMatch::PathType::Exact;
                m.path = v;
            } else if (!p.regex && v == "/*") {
                m.pathType = GatewayMatch::PathType::Prefix;
                m.path = "/";
            } else if (!p.regex && v.size() > 2 && v.compare(v.size() - 2, 2, "/*") == 0 &&
                       !hasWildcard(stem) && v[0] == '/') {
                m.pathType = GatewayMatch::PathType::Prefix;
                m.path = stem;
                prefixBoundary = true;
            } else {
                m.pathType = GatewayMatch::PathType::Regex;
                m.path = p.regex ? v : globToRegex(v);
                regexUsed = true;
            }
            paths.push_back(std::move(m));
        }
        if (paths.empty()) {
            paths.emplace_back();
        }
        if (prefixBoundary) {
            note(Severity::Info, kApproximation, *r.node, conditions,
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "Rule %1: a path pattern ending in /* became a "
                                        "PathPrefix, which also matches the path without the "
                                        "trailing slash (/api/* does not match /api on the ALB; "
                                        "PathPrefix /api does)"),
                      {r.id}));
        }

        // Methods: each one choice.
        std::vector<std::string> methods;
        static const std::set<std::string> known = {"GET",     "HEAD",    "POST",  "PUT",  "DELETE",
                                                    "CONNECT", "OPTIONS", "TRACE", "PATCH"};
        for (const std::string &m : r.methods) {
            if (known.count(m)) {
                methods.push_back(m);
            } else {
                note(Severity::Warning, kNoEquivalent, *r.node, conditions,
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "Method %1 is not one Gateway API can match; it was "
                                            "left out"),
                          {m}));
            }
        }
        if (methods.empty()) {
            methods.emplace_back();
        }

        // Matches: paths × methods, each with every header and query choice.
        for (const auto &p : paths) {
            for (const auto &m : methods) {
                GatewayMatch g = p;
                g.method = m;
                c.matches.push_back(std::move(g));
            }
        }
        for (const AlbHeaderCondition &h : r.headers) {
            auto choices = stringMatches(h.name, h.values, r, regexUsed);
            if (choices.empty()) {
                continue;
            }
            std::vector<GatewayMatch> next;
            for (const auto &g : c.matches) {
                for (const auto &choice : choices) {
                    GatewayMatch n = g;
                    n.headers.push_back(choice);
                    next.push_back(std::move(n));
                }
            }
            c.matches = std::move(next);
        }
        for (const auto &set : r.queries) {
            std::vector<GatewayMatch::StringMatch> choices;
            for (const AlbQueryPair &q : set) {
                if (q.key.empty()) {
                    note(Severity::Warning, kNoEquivalent, *r.node, conditions,
                         text(QT_TRANSLATE_NOOP("Diagnostics",
                                                "Query condition on value %1 with any key has "
                                                "no Gateway API equivalent and was left out"),
                              {q.value.value}),
                         text(QT_TRANSLATE_NOOP("Diagnostics",
                                                "A query param match needs the parameter's "
                                                "name; list the names that carry the value.")));
                    continue;
                }
                auto one = stringMatches(q.key, {q.value}, r, regexUsed);
                choices.insert(choices.end(), one.begin(), one.end());
            }
            if (choices.empty()) {
                continue;
            }
            std::vector<GatewayMatch> next;
            for (const auto &g : c.matches) {
                for (const auto &choice : choices) {
                    GatewayMatch n = g;
                    n.queries.push_back(choice);
                    next.push_back(std::move(n));
                }
            }
            c.matches = std::move(next);
        }
        if (c.matches.size() > 64) {
            note(Severity::Warning, kApproximation, *r.node, conditions,
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "Rule %1 needs %2 HTTPRoute matches; only the first 64 "
                                        "(the API's limit) were kept"),
                      {r.id, std::to_string(c.matches.size())}));
            c.matches.resize(64);
        }
        // A single match-everything match is the same as no matches.
        if (c.matches.size() == 1 && c.matches[0].pathType == GatewayMatch::PathType::None &&
            c.matches[0].method.empty() && c.matches[0].headers.empty() &&
            c.matches[0].queries.empty()) {
            c.matches.clear();
        }
        if (regexUsed) {
            note(Severity::Info, kApproximation, *r.node, conditions,
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "Rule %1 uses RegularExpression matches (wildcards or "
                                        "regex values): their support and dialect are "
                                        "implementation-specific"),
                      {r.id}));
        }
        if (!r.sourceIps.empty()) {
            std::string ips;
            for (const auto &ip : r.sourceIps) {
                ips += (ips.empty() ? "" : ", ") + ip;
            }
            note(Severity::Warning, kNoEquivalent, *r.node, conditions,
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "source-ip (%1) has no HTTPRoute equivalent: rule %2 "
                                        "now applies to every client"),
                      {ips, r.id}),
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "Restrict clients with your implementation's policy "
                                        "(an IP allow list on the Gateway) or a NetworkPolicy; "
                                        "HTTPRoute cannot match the client address.")));
        }
        convertActions(r, c);
        return c;
    }

    void convertActions(const AlbRule &r, ConvertedRule &c)
    {
        for (const AlbAction &a : r.actions) {
            if (a.type == "forward") {
                for (const AlbWeightedTarget &t : a.targets) {
                    const AlbTargetGroup *tg = nullptr;
                    for (const auto &g : m_out.rules.targetGroups) {
                        if (g.key == t.targetGroup) {
                            tg = &g;
                        }
                    }
                    Node ref = Node::map();
                    ref.set("name", Node::string(tg ? tg->name : kubernetesName(t.targetGroup)));
                    ref.set("port", Node::integer(tg && tg->port ? *tg->port : 80));
                    if (a.targets.size() > 1) {
                        ref.set("weight", Node::integer(t.weight));
                    }
                    if (!(tg && tg->port)) {
                        note(Severity::Info, kApproximation, *a.node, a.pointer,
                             text(QT_TRANSLATE_NOOP("Diagnostics",
                                                    "Target group %1's port is not in the "
                                                    "input; the Service port is taken as 80"),
                                  {t.targetGroup}));
                    }
                    c.backendRefs.append(std::move(ref));
                }
                return;
            }
            if (a.type == "redirect" && a.config) {
                c.filters.append(redirect(*a.config, appendPointer(a.pointer, "RedirectConfig")));
                return;
            }
            if (a.type == "fixed-response") {
                const Node &cfg = a.config ? *a.config : *a.node;
                note(Severity::Warning, kNoEquivalent, *a.node, a.pointer,
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "fixed-response (%1) has no Gateway API equivalent: "
                                            "the rule keeps its matches but has no backend, so "
                                            "the gateway answers 500"),
                          {textOf(cfg["StatusCode"])}),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "Serve the fixed answer from a small backend (for "
                                            "example nginx with a return directive) and forward "
                                            "to it.")));
                return;
            }
            // authenticate-oidc, authenticate-cognito: a step before the final action.
            note(Severity::Warning, kNoEquivalent, *a.node, a.pointer,
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "Action %1 has no Gateway API equivalent and was left "
                                        "out"),
                      {a.type}),
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "Authenticate with your implementation's external "
                                        "authentication policy, or an oauth2-proxy in front "
                                        "of the backend.")));
        }
    }

    Node redirect(const Node &cfg, const std::string &pointer)
    {
        Node rr = Node::map();
        const std::string protocol = textOf(cfg["Protocol"]);
        if (protocol == "HTTPS" || protocol == "HTTP") {
            rr.set("scheme", Node::string(lower(protocol)));
        }
        const std::string host = textOf(cfg["Host"]);
        if (!host.empty() && host != "#{host}") {
            if (host.find("#{") == std::string::npos) {
                rr.set("hostname", Node::string(lower(host)));
            } else {
                note(Severity::Warning, kNoEquivalent, cfg["Host"], appendPointer(pointer, "Host"),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "Redirect %1 %2 mixes text and #{…} parts; Gateway "
                                            "API redirects take a fixed value or keep the "
                                            "request's"),
                          {"Host", host}));
            }
        }
        if (auto port = integerOf(cfg["Port"])) {
            rr.set("port", Node::integer(*port));
        }
        const std::string path = textOf(cfg["Path"]);
        if (!path.empty() && path != "/#{path}") {
            if (path.find("#{") == std::string::npos) {
                Node p = Node::map();
                p.set("type", Node::string("ReplaceFullPath"));
                p.set("replaceFullPath", Node::string(path));
                rr.set("path", std::move(p));
            } else {
                note(Severity::Warning, kNoEquivalent, cfg["Path"], appendPointer(pointer, "Path"),
                     text(QT_TRANSLATE_NOOP("Diagnostics",
                                            "Redirect %1 %2 mixes text and #{…} parts; Gateway "
                                            "API redirects take a fixed value or keep the "
                                            "request's"),
                          {"Path", path}));
            }
        }
        const std::string query = textOf(cfg["Query"]);
        if (!query.empty() && query != "#{query}") {
            note(Severity::Warning, kNoEquivalent, cfg["Query"], appendPointer(pointer, "Query"),
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "Redirect query %1 cannot be set: a Gateway API "
                                        "redirect keeps the request's query"),
                      {query}));
        }
        const std::string status = textOf(cfg["StatusCode"]);
        rr.set("statusCode", Node::integer(status == "HTTP_301" ? 301 : 302));
        Node f = Node::map();
        f.set("type", Node::string("RequestRedirect"));
        f.set("requestRedirect", std::move(rr));
        return f;
    }

    Node listener(const AlbListener &l, std::set<std::int64_t> &usedPorts)
    {
        const bool https = l.protocol == "HTTPS" ||
                           (l.protocol.empty() && lower(l.key).find("https") != std::string::npos);
        std::int64_t port = l.port.value_or(0);
        if (!l.port) {
            port = https ? 443 : 80;
            while (usedPorts.count(port)) {
                port = port == 80 || port == 443 ? 8080 : port + 1;
            }
            usedPorts.insert(port);
            const Node &at = l.node ? *l.node : Node();
            note(Severity::Info, kApproximation, at, "",
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "Listener %1's port and protocol are not in the input; "
                                        "the Gateway listener %2 uses %3 %4"),
                      {l.key, l.name, https ? "HTTPS" : "HTTP", std::to_string(port)}));
        }
        Node out = Node::map();
        out.set("name", Node::string(l.name));
        out.set("port", Node::integer(port));
        out.set("protocol", Node::string(https ? "HTTPS" : "HTTP"));
        if (https) {
            Node ref = Node::map();
            ref.set("name", Node::string(l.name + "-certificate"));
            Node refs = Node::list();
            refs.append(std::move(ref));
            Node tls = Node::map();
            tls.set("mode", Node::string("Terminate"));
            tls.set("certificateRefs", std::move(refs));
            out.set("tls", std::move(tls));
            const Node &at = l.node ? *l.node : Node();
            note(Severity::Warning, "alb.certificate", at, "",
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "HTTPS listener %1 needs the Secret %2 with its "
                                        "certificate"),
                      {l.name, l.name + "-certificate"}),
                 text(QT_TRANSLATE_NOOP("Diagnostics",
                                        "ACM certificates cannot be exported: issue one with "
                                        "cert-manager (or import your own) into a "
                                        "kubernetes.io/tls Secret of that name.")));
        }
        return out;
    }

    Node matchNode(const GatewayMatch &m)
    {
        Node out = Node::map();
        if (m.pathType != GatewayMatch::PathType::None) {
            Node p = Node::map();
            p.set("type", Node::string(m.pathType == GatewayMatch::PathType::Exact ? "Exact"
                                       : m.pathType == GatewayMatch::PathType::Prefix
                                           ? "PathPrefix"
                                           : "RegularExpression"));
            p.set("value", Node::string(m.path));
            out.set("path", std::move(p));
        }
        if (!m.method.empty()) {
            out.set("method", Node::string(m.method));
        }
        auto strings = [](const std::vector<GatewayMatch::StringMatch> &list) {
            Node l = Node::list();
            for (const auto &s : list) {
                Node e = Node::map();
                e.set("type", Node::string(s.regex ? "RegularExpression" : "Exact"));
                e.set("name", Node::string(s.name));
                e.set("value", Node::string(s.value));
                l.append(std::move(e));
            }
            return l;
        };
        if (!m.headers.empty()) {
            out.set("headers", strings(m.headers));
        }
        if (!m.queries.empty()) {
            out.set("queryParams", strings(m.queries));
        }
        return out;
    }

    void buildRoutes(const AlbListener &l, const std::vector<ConvertedRule> &converted)
    {
        const AlbRuleSet &set = m_out.rules;
        const std::vector<std::size_t> order = albOrder(set, l.key);
        std::vector<std::string> hostnames;
        bool anyHost = false;
        for (std::size_t i : order) {
            if (converted[i].hosts.empty()) {
                anyHost = true;
            }
            for (const auto &h : converted[i].hosts) {
                if (std::find(hostnames.begin(), hostnames.end(), h) == hostnames.end()) {
                    hostnames.push_back(h);
                }
            }
        }
        if (anyHost) {
            hostnames.emplace_back();
        }
        for (const std::string &hostname : hostnames) {
            GatewayRoute route;
            route.listener = l.key;
            route.hostname = hostname;
            std::string slug = hostname.empty() ? std::string("any-host") : hostname;
            if (slug.rfind("*.", 0) == 0) {
                slug = "wildcard" + slug.substr(1);
            }
            route.name = kubernetesName(m_options.gatewayName + "-" + l.name + "-" + slug, 253);
            const std::string label = "HTTPRoute " + this->label(route.name);
            Node rules = Node::list();
            for (std::size_t i : order) {
                if (!covers(converted[i].hosts, hostname)) {
                    continue;
                }
                const AlbRule &alb = set.rules[i];
                const ConvertedRule &c = converted[i];
                const std::string path = "spec.rules[" + std::to_string(rules.size()) + "]";
                Node rule = Node::map();
                if (!c.matches.empty()) {
                    Node matches = Node::list();
                    for (const auto &m : c.matches) {
                        matches.append(matchNode(m));
                    }
                    rule.set("matches", std::move(matches));
                    trace(label, path + ".matches", *alb.node,
                          appendPointer(alb.pointer, "Conditions"),
                          text(QT_TRANSLATE_NOOP("Diagnostics",
                                                 "ALB conditions are ANDed and their values "
                                                 "ORed; HTTPRoute ORs its matches, so every "
                                                 "combination of values is one match.")));
                }
                if (c.filters.size() > 0) {
                    rule.set("filters", c.filters);
                    trace(label, path + ".filters", *alb.node,
                          appendPointer(alb.pointer, "Actions"),
                          text(QT_TRANSLATE_NOOP("Diagnostics",
                                                 "A redirect action is a RequestRedirect "
                                                 "filter; #{host}, #{path} and #{port} keep the "
                                                 "request's value, as an unset field does.")));
                }
                if (c.backendRefs.size() > 0) {
                    rule.set("backendRefs", c.backendRefs);
                    trace(label, path + ".backendRefs", *alb.node,
                          appendPointer(alb.pointer, "Actions"),
                          text(QT_TRANSLATE_NOOP("Diagnostics",
                                                 "A forward action's target groups are "
                                                 "Services; weighted target groups are "
                                                 "backendRefs with the same weights.")));
                }
                trace(label, path, *alb.node, alb.pointer,
                      text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "Rules are listed in ALB priority order, which "
                                             "Gateway API uses only between equally specific "
                                             "matches.")));
                route.rules.push_back({i, c.matches});
                rules.append(std::move(rule));
            }
            Node parent = Node::map();
            parent.set("name", Node::string(m_options.gatewayName));
            parent.set("sectionName", Node::string(l.name));
            Node parents = Node::list();
            parents.append(std::move(parent));
            Node spec = Node::map();
            spec.set("parentRefs", std::move(parents));
            if (!hostname.empty()) {
                Node hosts = Node::list();
                hosts.append(Node::string(hostname));
                spec.set("hostnames", std::move(hosts));
                for (std::size_t i : order) {
                    if (std::find(converted[i].hosts.begin(), converted[i].hosts.end(), hostname) !=
                        converted[i].hosts.end()) {
                        trace(label, "spec.hostnames[0]", *set.rules[i].node,
                              set.rules[i].hostsPointer,
                              text(QT_TRANSLATE_NOOP("Diagnostics",
                                                     "A host-header value is an HTTPRoute "
                                                     "hostname; each hostname gets its own "
                                                     "route holding every rule that applies to "
                                                     "it, because Gateway API picks the host "
                                                     "before any rule.")));
                        break;
                    }
                }
            }
            spec.set("rules", std::move(rules));
            Node route_ = object("HTTPRoute", route.name);
            route_.set("spec", std::move(spec));
            m_out.conversion.objects.push_back(std::move(route_));
            m_out.routes.push_back(std::move(route));
        }
    }

    std::string m_file;
    const AlbOptions &m_options;
    AlbConversion &m_out;
};

} // namespace

Claim claimAlbRules(const Model::Node &root)
{
    if (root["Rules"].isList() || root["examples"]["DescribeRules"].isList()) {
        return Claim::Mine;
    }
    for (const auto &e : root["Resources"].entries()) {
        const std::string type = textOf(e.value["Type"]);
        if (type == "AWS::ElasticLoadBalancingV2::ListenerRule" ||
            type == "AWS::ElasticLoadBalancingV2::Listener") {
            return Claim::Mine;
        }
    }
    return Claim::NotMine;
}

AlbConversion convertAlbRulesDetailed(const Model::Node &root, const std::string &file,
                                      const AlbOptions &options)
{
    AlbConversion out;
    Converter(file, options, out).run(root);
    return out;
}

Conversion convertAlbRules(const Model::Node &root, const std::string &file,
                           const AlbOptions &options)
{
    return convertAlbRulesDetailed(root, file, options).conversion;
}

namespace {

Conversion convertLoaded(Yaml::LoadResult loaded, const std::string &file,
                         const AlbOptions &options)
{
    Conversion out;
    if (loaded.fatal || Core::hasErrors(loaded.diagnostics) || loaded.documents.empty()) {
        out.notes = std::move(loaded.diagnostics);
        if (!Core::hasErrors(out.notes)) {
            Core::Diagnostic d = Core::makeDiagnostic(
                Severity::Error, "alb.not-rules",
                text(QT_TRANSLATE_NOOP("Diagnostics", "No ALB listener rules found")));
            d.file = file;
            out.notes.push_back(std::move(d));
        }
        return out;
    }
    for (const auto &doc : loaded.documents) {
        Conversion one = convertAlbRules(doc.root, file, options);
        out.objects.insert(out.objects.end(), one.objects.begin(), one.objects.end());
        out.notes.insert(out.notes.end(), one.notes.begin(), one.notes.end());
        out.provenance.insert(out.provenance.end(), one.provenance.begin(), one.provenance.end());
    }
    out.notes.insert(out.notes.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
    return out;
}

// Templates' short forms (`!Ref Listener`) as long forms ({"Ref": "Listener"}), as
// toriictl convert reads a template.
Yaml::LoadOptions cloudFormationTags()
{
    Yaml::LoadOptions options;
    options.cloudFormationTags = true;
    return options;
}

} // namespace

Conversion convertAlbText(std::string_view text_, const std::string &file,
                          const AlbOptions &options)
{
    return convertLoaded(Yaml::loadText(text_, file, cloudFormationTags()), file, options);
}

Conversion convertAlbFile(const std::string &path, const AlbOptions &options)
{
    return convertLoaded(Yaml::loadFile(path, cloudFormationTags()), path, options);
}

} // namespace Torii::Convert::Alb
