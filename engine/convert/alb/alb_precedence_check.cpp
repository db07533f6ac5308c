#include "alb_precedence_check.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>
#include <tuple>

namespace Torii::Convert::Alb {

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// ALB wildcards: `*` any run of characters (also none), `?` exactly one.
bool globMatches(std::string_view pattern, std::string_view s)
{
    std::size_t p = 0, i = 0, starP = std::string_view::npos, starI = 0;
    while (i < s.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == s[i])) {
            ++p;
            ++i;
        } else if (p < pattern.size() && pattern[p] == '*') {
            starP = p++;
            starI = i;
        } else if (starP != std::string_view::npos) {
            p = starP + 1;
            i = ++starI;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') {
        ++p;
    }
    return p == pattern.size();
}

bool regexFullMatch(const std::string &pattern, const std::string &s, bool icase = false)
{
    try {
        const std::regex re(pattern, icase ? std::regex::ECMAScript | std::regex::icase
                                           : std::regex::ECMAScript);
        return std::regex_match(s, re);
    } catch (const std::regex_error &) {
        return false; // the converter reports unusable expressions
    }
}

bool patternMatches(const AlbPattern &p, const std::string &s, bool caseSensitive)
{
    if (p.regex) {
        return regexFullMatch(p.value, s, !caseSensitive);
    }
    return caseSensitive ? globMatches(p.value, s) : globMatches(lower(p.value), lower(s));
}

bool anyPattern(const std::vector<AlbPattern> &ps, const std::string &s, bool caseSensitive)
{
    return ps.empty() || std::any_of(ps.begin(), ps.end(), [&](const AlbPattern &p) {
               return patternMatches(p, s, caseSensitive);
           });
}

// A request value that satisfies a wildcard pattern (`*` → `fill`, `?` → "a"); regexes have none.
std::optional<std::string> sample(const AlbPattern &p, const std::string &fill)
{
    if (p.regex) {
        return std::nullopt;
    }
    std::string out;
    for (char c : p.value) {
        out += c == '*' ? fill : c == '?' ? std::string("a") : std::string(1, c);
    }
    return out;
}

std::string normalizedPrefix(const std::string &v)
{
    std::string key = v;
    while (key.size() > 1 && key.back() == '/') {
        key.pop_back();
    }
    return key;
}

bool prefixHolds(const std::string &prefix, const std::string &path)
{
    const std::string key = normalizedPrefix(prefix);
    if (key == "/") {
        return !path.empty() && path[0] == '/';
    }
    return path.size() >= key.size() && path.compare(0, key.size(), key) == 0 &&
           (path.size() == key.size() || path[key.size()] == '/');
}

// The spec's match precedence (see the header); true when `a` is tried before `b`.
struct Candidate
{
    std::size_t ruleIndex; // in the route
    std::size_t matchIndex;
    const GatewayMatch *match;
};

int pathClass(const GatewayMatch &m)
{
    switch (m.pathType) {
    case GatewayMatch::PathType::Exact:
        return 0;
    case GatewayMatch::PathType::Regex:
        return 1;
    default:
        return 2;
    }
}

std::size_t prefixLength(const GatewayMatch &m)
{
    return m.pathType == GatewayMatch::PathType::Prefix ? normalizedPrefix(m.path).size() : 1;
}

bool precedes(const Candidate &a, const Candidate &b)
{
    const GatewayMatch &x = *a.match;
    const GatewayMatch &y = *b.match;
    if (pathClass(x) != pathClass(y)) {
        return pathClass(x) < pathClass(y);
    }
    if (pathClass(x) == 1 && x.path.size() != y.path.size()) {
        return x.path.size() > y.path.size();
    }
    if (pathClass(x) == 2 && prefixLength(x) != prefixLength(y)) {
        return prefixLength(x) > prefixLength(y);
    }
    if (x.method.empty() != y.method.empty()) {
        return !x.method.empty();
    }
    if (x.headers.size() != y.headers.size()) {
        return x.headers.size() > y.headers.size();
    }
    if (x.queries.size() != y.queries.size()) {
        return x.queries.size() > y.queries.size();
    }
    return std::tie(a.ruleIndex, a.matchIndex) < std::tie(b.ruleIndex, b.matchIndex);
}

const GatewayRoute *hostEntry(const std::vector<GatewayRoute> &routes, const std::string &listener,
                              const std::string &host)
{
    const std::string h = lower(host);
    const GatewayRoute *best = nullptr;
    std::size_t bestLabels = 0;
    const GatewayRoute *any = nullptr;
    for (const GatewayRoute &r : routes) {
        if (r.listener != listener) {
            continue;
        }
        if (r.hostname.empty()) {
            any = &r;
        } else if (r.hostname == h) {
            return &r;
        } else if (r.hostname.rfind("*.", 0) == 0) {
            const std::string suffix = r.hostname.substr(1); // ".example.com"
            if (h.size() > suffix.size() &&
                h.compare(h.size() - suffix.size(), suffix.size(), suffix) == 0) {
                const auto labels =
                    static_cast<std::size_t>(std::count(suffix.begin(), suffix.end(), '.'));
                if (!best || labels > bestLabels) {
                    best = &r;
                    bestLabels = labels;
                }
            }
        }
    }
    return best ? best : any;
}

const std::string *valueOf(const std::vector<std::pair<std::string, std::string>> &list,
                           const std::string &name, bool caseSensitiveName)
{
    for (const auto &[k, v] : list) {
        if (caseSensitiveName ? k == name : lower(k) == lower(name)) {
            return &v; // the first one, as the spec asks for repeated names
        }
    }
    return nullptr;
}

struct Samples
{
    std::vector<std::string> hosts;
    std::vector<std::string> paths;
    std::vector<std::string> methods;
    std::vector<std::pair<std::string, std::string>> headers;
    std::vector<std::pair<std::string, std::string>> query;
};

void addUnique(std::vector<std::string> &v, const std::string &s)
{
    if (std::find(v.begin(), v.end(), s) == v.end()) {
        v.push_back(s);
    }
}

Samples samplesOf(const AlbRule &r)
{
    Samples s;
    for (const AlbPattern &p : r.hosts) {
        if (auto v = sample(p, "a")) {
            addUnique(s.hosts, lower(*v));
        }
    }
    for (const AlbPattern &p : r.paths) {
        if (auto v = sample(p, "x")) {
            addUnique(s.paths, *v);
        }
        if (auto v = sample(p, "")) {
            addUnique(s.paths, *v);
        }
        // The boundary a converted PathPrefix adds: "/api/*" → "/api".
        if (!p.regex && p.value.size() > 2 && p.value.compare(p.value.size() - 2, 2, "/*") == 0) {
            addUnique(s.paths, p.value.substr(0, p.value.size() - 2));
        }
    }
    for (const std::string &m : r.methods) {
        addUnique(s.methods, m);
    }
    for (const AlbHeaderCondition &h : r.headers) {
        for (const AlbPattern &p : h.values) {
            if (auto v = sample(p, "x")) {
                s.headers.emplace_back(h.name, *v);
                break;
            }
        }
    }
    for (const auto &set : r.queries) {
        for (const AlbQueryPair &q : set) {
            if (auto v = sample(q.value, "x"); v && !q.key.empty()) {
                s.query.emplace_back(q.key, *v);
                break;
            }
        }
    }
    return s;
}

void mergeInto(std::vector<std::pair<std::string, std::string>> &to,
               const std::vector<std::pair<std::string, std::string>> &from)
{
    for (const auto &kv : from) {
        if (!valueOf(to, kv.first, false)) {
            to.push_back(kv);
        }
    }
}

} // namespace

std::string ExampleRequest::describe() const
{
    std::string out = method + " http://" + host + path;
    for (std::size_t i = 0; i < query.size(); ++i) {
        out += (i == 0 ? "?" : "&") + query[i].first + "=" + query[i].second;
    }
    for (std::size_t i = 0; i < headers.size(); ++i) {
        out += (i == 0 ? " with " : ", ") + headers[i].first + ": " + headers[i].second;
    }
    return out;
}

bool albRuleMatches(const AlbRule &rule, const ExampleRequest &request)
{
    if (!anyPattern(rule.hosts, request.host, false) ||
        !anyPattern(rule.paths, request.path, true)) {
        return false;
    }
    if (!rule.methods.empty() &&
        std::find(rule.methods.begin(), rule.methods.end(), request.method) == rule.methods.end()) {
        return false;
    }
    for (const AlbHeaderCondition &h : rule.headers) {
        const std::string *v = valueOf(request.headers, h.name, false);
        if (!v || !anyPattern(h.values, *v, false)) {
            return false;
        }
    }
    for (const auto &set : rule.queries) {
        const bool any = std::any_of(set.begin(), set.end(), [&](const AlbQueryPair &q) {
            return std::any_of(request.query.begin(), request.query.end(), [&](const auto &kv) {
                return (q.key.empty() || lower(q.key) == lower(kv.first)) &&
                       patternMatches(q.value, kv.second, false);
            });
        });
        if (!set.empty() && !any) {
            return false;
        }
    }
    return true;
}

std::optional<std::size_t> albWinner(const AlbRuleSet &set, const std::string &listener,
                                     const ExampleRequest &request)
{
    for (std::size_t i : albOrder(set, listener)) {
        if (albRuleMatches(set.rules[i], request)) {
            return i;
        }
    }
    return std::nullopt;
}

bool gatewayMatches(const GatewayMatch &m, const ExampleRequest &request)
{
    switch (m.pathType) {
    case GatewayMatch::PathType::None:
        if (request.path.empty() || request.path[0] != '/') {
            return false;
        }
        break;
    case GatewayMatch::PathType::Exact:
        if (request.path != m.path) {
            return false;
        }
        break;
    case GatewayMatch::PathType::Prefix:
        if (!prefixHolds(m.path, request.path)) {
            return false;
        }
        break;
    case GatewayMatch::PathType::Regex:
        if (!regexFullMatch(m.path, request.path)) {
            return false;
        }
        break;
    }
    if (!m.method.empty() && m.method != request.method) {
        return false;
    }
    for (const auto &h : m.headers) {
        const std::string *v = valueOf(request.headers, h.name, false);
        if (!v || !(h.regex ? regexFullMatch(h.value, *v) : *v == h.value)) {
            return false;
        }
    }
    for (const auto &q : m.queries) {
        const std::string *v = valueOf(request.query, q.name, true);
        if (!v || !(q.regex ? regexFullMatch(q.value, *v) : *v == q.value)) {
            return false;
        }
    }
    return true;
}

std::optional<std::size_t> gatewayWinner(const std::vector<GatewayRoute> &routes,
                                         const std::string &listener, const ExampleRequest &request,
                                         std::string *routeName)
{
    const GatewayRoute *route = hostEntry(routes, listener, request.host);
    if (routeName) {
        *routeName = route ? route->name : std::string();
    }
    if (!route) {
        return std::nullopt;
    }
    static const GatewayMatch matchAll;
    std::vector<Candidate> candidates;
    for (std::size_t r = 0; r < route->rules.size(); ++r) {
        const auto &matches = route->rules[r].matches;
        if (matches.empty()) {
            candidates.push_back({r, 0, &matchAll});
        }
        for (std::size_t m = 0; m < matches.size(); ++m) {
            candidates.push_back({r, m, &matches[m]});
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(), precedes);
    for (const Candidate &c : candidates) {
        if (gatewayMatches(*c.match, request)) {
            return route->rules[c.ruleIndex].albRule;
        }
    }
    return std::nullopt;
}

std::vector<OrderFinding> checkPrecedence(const AlbRuleSet &set,
                                          const std::vector<GatewayRoute> &routes)
{
    std::vector<OrderFinding> findings;
    std::set<std::tuple<std::string, std::size_t, std::optional<std::size_t>>> seen;

    for (const AlbListener &listener : set.listeners) {
        const std::vector<std::size_t> order = albOrder(set, listener.key);
        std::vector<std::string> routeHosts;
        for (const GatewayRoute &r : routes) {
            if (r.listener == listener.key && !r.hostname.empty()) {
                addUnique(routeHosts,
                          r.hostname.rfind("*.", 0) == 0 ? "a" + r.hostname.substr(1) : r.hostname);
            }
        }
        auto probe = [&](const ExampleRequest &req, std::optional<std::size_t> mustMatchA,
                         std::optional<std::size_t> mustMatchB) {
            if ((mustMatchA && !albRuleMatches(set.rules[*mustMatchA], req)) ||
                (mustMatchB && !albRuleMatches(set.rules[*mustMatchB], req))) {
                return;
            }
            const auto alb = albWinner(set, listener.key, req);
            if (!alb) {
                return; // the listener's default action was not given: nothing to compare
            }
            std::string routeName;
            const auto gw = gatewayWinner(routes, listener.key, req, &routeName);
            if (gw == alb || !seen.insert({listener.key, *alb, gw}).second) {
                return;
            }
            findings.push_back({listener.key, *alb, gw, routeName, req});
        };
        auto combine = [&](const Samples &a, const Samples &b, std::optional<std::size_t> ra,
                           std::optional<std::size_t> rb) {
            std::vector<std::string> hosts = a.hosts;
            for (const auto &h : b.hosts) {
                addUnique(hosts, h);
            }
            if (a.hosts.empty() && b.hosts.empty()) {
                hosts = routeHosts;
                hosts.push_back("unlisted.example");
            } else if (a.hosts.empty() || b.hosts.empty()) {
                // A host-less rule also applies to the other rule's hosts: those are enough.
            }
            std::vector<std::string> paths = a.paths;
            for (const auto &p : b.paths) {
                addUnique(paths, p);
            }
            if (paths.empty()) {
                paths.push_back("/");
            }
            std::vector<std::string> methods = a.methods;
            for (const auto &m : b.methods) {
                addUnique(methods, m);
            }
            if (methods.empty()) {
                methods.push_back("GET");
            }
            ExampleRequest base;
            base.headers = a.headers;
            mergeInto(base.headers, b.headers);
            base.query = a.query;
            mergeInto(base.query, b.query);
            for (const auto &h : hosts) {
                for (const auto &p : paths) {
                    for (const auto &m : methods) {
                        ExampleRequest req = base;
                        req.host = h;
                        req.path = p;
                        req.method = m;
                        probe(req, ra, rb);
                    }
                }
            }
        };
        std::vector<Samples> samples;
        for (std::size_t i : order) {
            samples.push_back(samplesOf(set.rules[i]));
        }
        for (std::size_t x = 0; x < order.size(); ++x) {
            combine(samples[x], Samples{}, order[x], std::nullopt);
            for (std::size_t y = x + 1; y < order.size(); ++y) {
                combine(samples[x], samples[y], order[x], order[y]);
            }
        }
    }
    return findings;
}

} // namespace Torii::Convert::Alb
