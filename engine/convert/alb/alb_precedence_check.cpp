#include "alb_precedence_check.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <unordered_map>

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

// Regular expressions are RE2's, as in Torii's data plane (engine/routetable): the check predicts
// what the gateway does, so it must read an expression the way the gateway does. Each pattern is
// compiled once per check; an expression RE2 refuses matches nothing (the converter reports it).
class RegexCache
{
public:
    bool fullMatch(const std::string &pattern, const std::string &s, bool icase = false)
    {
        auto it = m_compiled.find({pattern, icase});
        if (it == m_compiled.end()) {
            RE2::Options options;
            options.set_log_errors(false);
            options.set_case_sensitive(!icase);
            auto re = std::make_unique<RE2>(pattern, options);
            it = m_compiled
                     .emplace(std::make_pair(pattern, icase), re->ok() ? std::move(re) : nullptr)
                     .first;
        }
        return it->second && RE2::FullMatch(s, *it->second);
    }

private:
    std::map<std::pair<std::string, bool>, std::unique_ptr<RE2>> m_compiled;
};

bool patternMatches(const AlbPattern &p, const std::string &s, bool caseSensitive,
                    RegexCache &regexes)
{
    if (p.regex) {
        return regexes.fullMatch(p.value, s, !caseSensitive);
    }
    return caseSensitive ? globMatches(p.value, s) : globMatches(lower(p.value), lower(s));
}

bool anyPattern(const std::vector<AlbPattern> &ps, const std::string &s, bool caseSensitive,
                RegexCache &regexes)
{
    return ps.empty() || std::any_of(ps.begin(), ps.end(), [&](const AlbPattern &p) {
               return patternMatches(p, s, caseSensitive, regexes);
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

bool ruleMatches(const AlbRule &rule, const ExampleRequest &request, RegexCache &regexes)
{
    if (!anyPattern(rule.hosts, request.host, false, regexes) ||
        !anyPattern(rule.paths, request.path, true, regexes)) {
        return false;
    }
    if (!rule.methods.empty() &&
        std::find(rule.methods.begin(), rule.methods.end(), request.method) == rule.methods.end()) {
        return false;
    }
    for (const AlbHeaderCondition &h : rule.headers) {
        const std::string *v = valueOf(request.headers, h.name, false);
        if (!v || !anyPattern(h.values, *v, false, regexes)) {
            return false;
        }
    }
    for (const auto &set : rule.queries) {
        const bool any = std::any_of(set.begin(), set.end(), [&](const AlbQueryPair &q) {
            return std::any_of(request.query.begin(), request.query.end(), [&](const auto &kv) {
                return (q.key.empty() || lower(q.key) == lower(kv.first)) &&
                       patternMatches(q.value, kv.second, false, regexes);
            });
        });
        if (!set.empty() && !any) {
            return false;
        }
    }
    return true;
}

bool matchHolds(const GatewayMatch &m, const ExampleRequest &request, RegexCache &regexes)
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
        if (!regexes.fullMatch(m.path, request.path)) {
            return false;
        }
        break;
    }
    if (!m.method.empty() && m.method != request.method) {
        return false;
    }
    for (const auto &h : m.headers) {
        const std::string *v = valueOf(request.headers, h.name, false);
        if (!v || !(h.regex ? regexes.fullMatch(h.value, *v) : *v == h.value)) {
            return false;
        }
    }
    for (const auto &q : m.queries) {
        const std::string *v = valueOf(request.query, q.name, true);
        if (!v || !(q.regex ? regexes.fullMatch(q.value, *v) : *v == q.value)) {
            return false;
        }
    }
    return true;
}

// A route's matches in the order the gateway tries them.
std::vector<Candidate> triedInOrder(const GatewayRoute &route)
{
    static const GatewayMatch matchAll;
    std::vector<Candidate> candidates;
    for (std::size_t r = 0; r < route.rules.size(); ++r) {
        const auto &matches = route.rules[r].matches;
        if (matches.empty()) {
            candidates.push_back({r, 0, &matchAll});
        }
        for (std::size_t m = 0; m < matches.size(); ++m) {
            candidates.push_back({r, m, &matches[m]});
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(), precedes);
    return candidates;
}

std::optional<std::size_t> firstMatching(const GatewayRoute &route,
                                         const std::vector<Candidate> &tried,
                                         const ExampleRequest &request, RegexCache &regexes)
{
    for (const Candidate &c : tried) {
        if (matchHolds(*c.match, request, regexes)) {
            return route.rules[c.ruleIndex].albRule;
        }
    }
    return std::nullopt;
}

// The rules (by position in one listener's ALB order) whose host or path patterns may match a
// value, found through the literal text before each pattern's first wildcard instead of by trying
// every rule: what keeps the check near-linear in the number of rules. A superset: callers still
// test each candidate.
class PatternIndex
{
public:
    explicit PatternIndex(bool caseSensitive)
        : m_caseSensitive(caseSensitive)
    {}

    // The patterns of the rule at `position` (empty: the rule takes every value).
    void add(std::uint32_t position, const std::vector<AlbPattern> &patterns)
    {
        auto push = [&](std::vector<std::uint32_t> &v) {
            if (v.empty() || v.back() != position) {
                v.push_back(position);
            }
        };
        if (patterns.empty()) {
            push(m_always);
        }
        for (const AlbPattern &p : patterns) {
            if (p.regex) {
                push(m_always);
                continue;
            }
            const std::string v = m_caseSensitive ? p.value : lower(p.value);
            std::string key = v.substr(0, std::min(v.find_first_of("*?"), v.size()));
            const auto length = key.size();
            push(m_byPrefix[std::move(key)]);
            if (std::find(m_lengths.begin(), m_lengths.end(), length) == m_lengths.end()) {
                m_lengths.push_back(length);
            }
        }
    }

    // Appends the positions of the rules that may match `value` (unsorted, may repeat).
    void candidates(const std::string &value, std::vector<std::uint32_t> &out) const
    {
        out.insert(out.end(), m_always.begin(), m_always.end());
        forEachBucket(value, [&](const std::vector<std::uint32_t> &bucket) {
            out.insert(out.end(), bucket.begin(), bucket.end());
        });
    }

    // How many positions candidates() would append.
    std::size_t count(const std::string &value) const
    {
        std::size_t total = m_always.size();
        forEachBucket(value,
                      [&](const std::vector<std::uint32_t> &bucket) { total += bucket.size(); });
        return total;
    }

private:
    // The buckets whose literal prefix `value` starts with (only the prefix lengths in use).
    template<typename Visit>
    void forEachBucket(const std::string &value, Visit visit) const
    {
        const std::string v = m_caseSensitive ? value : lower(value);
        for (std::size_t length : m_lengths) {
            if (length <= v.size()) {
                if (const auto it = m_byPrefix.find(v.substr(0, length)); it != m_byPrefix.end()) {
                    visit(it->second);
                }
            }
        }
    }

    std::vector<std::size_t> m_lengths; // of the keys of m_byPrefix
    bool m_caseSensitive;
    std::unordered_map<std::string, std::vector<std::uint32_t>> m_byPrefix;
    std::vector<std::uint32_t> m_always; // no condition, or a regular expression
};

void sortUnique(std::vector<std::uint32_t> &v)
{
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

// The check of one listener: both orders answered through indexes built once (the ALB's by host
// and path, the gateway's by hostname with each route's matches sorted once), and the pairs of
// rules probed only where some request built from their samples can match both.
class ListenerCheck
{
public:
    ListenerCheck(const AlbRuleSet &set, const AlbListener &listener,
                  const std::vector<GatewayRoute> &routes, RegexCache &regexes)
        : m_set(set)
        , m_listener(listener.key)
        , m_order(albOrder(set, listener.key))
        , m_regexes(regexes)
    {
        for (std::uint32_t pos = 0; pos < m_order.size(); ++pos) {
            m_hosts.add(pos, rule(pos).hosts);
            m_paths.add(pos, rule(pos).paths);
        }
        for (const GatewayRoute &r : routes) {
            if (r.listener != m_listener) {
                continue;
            }
            m_tried.emplace(&r, triedInOrder(r));
            if (r.hostname.empty()) {
                m_anyHost = &r;
            } else if (r.hostname.rfind("*.", 0) == 0) {
                m_wildcards.push_back(&r);
            } else {
                m_exact.emplace(r.hostname, &r); // the first route of a hostname wins
            }
            if (!r.hostname.empty()) {
                addUnique(m_routeHosts,
                          r.hostname.rfind("*.", 0) == 0 ? "a" + r.hostname.substr(1) : r.hostname);
            }
        }
    }

    void run(std::vector<OrderFinding> &findings,
             std::set<std::tuple<std::string, std::size_t, std::optional<std::size_t>>> &seen)
    {
        m_findings = &findings;
        m_seen = &seen;
        std::vector<Samples> samples;
        for (std::size_t i : m_order) {
            samples.push_back(samplesOf(m_set.rules[i]));
        }
        const std::vector<std::vector<std::uint32_t>> overlapping = overlappingPairs(samples);
        for (std::uint32_t x = 0; x < m_order.size(); ++x) {
            combine(samples[x], Samples{}, m_order[x], std::nullopt);
            for (std::uint32_t y : overlapping[x]) {
                combine(samples[x], samples[y], m_order[x], m_order[y]);
            }
        }
    }

private:
    const AlbRule &rule(std::uint32_t pos) const { return m_set.rules[m_order[pos]]; }

    // The ALB's pick: the first rule in priority order that matches, among the rules whose host
    // and path patterns can match (whichever of the two candidate lists is shorter).
    std::optional<std::size_t> albPick(const ExampleRequest &req)
    {
        m_byHost.clear();
        m_byPath.clear();
        m_hosts.candidates(req.host, m_byHost);
        m_paths.candidates(req.path, m_byPath);
        std::vector<std::uint32_t> &fewer = m_byHost.size() < m_byPath.size() ? m_byHost : m_byPath;
        sortUnique(fewer);
        for (std::uint32_t pos : fewer) {
            if (ruleMatches(rule(pos), req, m_regexes)) {
                return m_order[pos];
            }
        }
        return std::nullopt;
    }

    // hostEntry() through the hostname index.
    const GatewayRoute *routeFor(const std::string &host) const
    {
        const std::string h = lower(host);
        if (const auto it = m_exact.find(h); it != m_exact.end()) {
            return it->second;
        }
        const GatewayRoute *best = nullptr;
        std::size_t bestLabels = 0;
        for (const GatewayRoute *r : m_wildcards) {
            const std::string suffix = r->hostname.substr(1); // ".example.com"
            if (h.size() > suffix.size() &&
                h.compare(h.size() - suffix.size(), suffix.size(), suffix) == 0) {
                const auto labels =
                    static_cast<std::size_t>(std::count(suffix.begin(), suffix.end(), '.'));
                if (!best || labels > bestLabels) {
                    best = r;
                    bestLabels = labels;
                }
            }
        }
        return best ? best : m_anyHost;
    }

    std::optional<std::size_t> gatewayPick(const ExampleRequest &req, std::string &routeName)
    {
        const GatewayRoute *route = routeFor(req.host);
        routeName = route ? route->name : std::string();
        if (!route) {
            return std::nullopt;
        }
        return firstMatching(*route, m_tried.at(route), req, m_regexes);
    }

    // For each rule (by position), the later rules it may share a request with: a request the
    // check builds for a pair takes its host and path from the two rules' samples (or the routes'
    // hostnames and "/" when they have none), so a pair none of whose sample hosts, or none of
    // whose sample paths, both rules match is never probed with success and is skipped. The
    // pairs are enumerated through one index (host or path, whichever yields fewer candidates
    // for this listener: many rules share "/*", or many share a host) and the other dimension is
    // tested pair by pair.
    std::vector<std::vector<std::uint32_t>> overlappingPairs(const std::vector<Samples> &samples)
    {
        const auto n = static_cast<std::uint32_t>(m_order.size());
        std::vector<std::string> defaultHosts = m_routeHosts;
        defaultHosts.push_back("unlisted.example");
        const std::vector<std::string> defaultPaths = {"/"};
        // Each rule's sample hosts and paths that the rule itself matches.
        std::vector<std::vector<std::string>> ownHosts(n), ownPaths(n);
        std::size_t viaHosts = 0, viaPaths = 0;
        for (std::uint32_t x = 0; x < n; ++x) {
            for (const std::string &h :
                 samples[x].hosts.empty() ? defaultHosts : samples[x].hosts) {
                if (anyPattern(rule(x).hosts, h, false, m_regexes)) {
                    ownHosts[x].push_back(h);
                    viaHosts += m_hosts.count(h);
                }
            }
            for (const std::string &p :
                 samples[x].paths.empty() ? defaultPaths : samples[x].paths) {
                if (anyPattern(rule(x).paths, p, true, m_regexes)) {
                    ownPaths[x].push_back(p);
                    viaPaths += m_paths.count(p);
                }
            }
        }
        const bool byHost = viaHosts <= viaPaths;
        const PatternIndex &index = byHost ? m_hosts : m_paths;
        const auto &own = byHost ? ownHosts : ownPaths;
        auto shared = [&](const std::vector<std::vector<std::string>> &values, bool hosts,
                          std::uint32_t x, std::uint32_t y) {
            auto matches = [&](std::uint32_t r, const std::string &v) {
                return hosts ? anyPattern(rule(r).hosts, v, false, m_regexes)
                             : anyPattern(rule(r).paths, v, true, m_regexes);
            };
            return std::any_of(values[x].begin(), values[x].end(),
                               [&](const std::string &v) { return matches(y, v); }) ||
                   std::any_of(values[y].begin(), values[y].end(),
                               [&](const std::string &v) { return matches(x, v); });
        };
        std::vector<std::vector<std::uint32_t>> near(n);
        std::vector<std::uint32_t> found;
        for (std::uint32_t x = 0; x < n; ++x) {
            found.clear();
            for (const std::string &v : own[x]) {
                index.candidates(v, found);
            }
            sortUnique(found);
            for (std::uint32_t y : found) {
                if (y != x) {
                    near[std::min(x, y)].push_back(std::max(x, y));
                }
            }
        }
        std::vector<std::vector<std::uint32_t>> pairs(n);
        for (std::uint32_t x = 0; x < n; ++x) {
            sortUnique(near[x]);
            for (std::uint32_t y : near[x]) {
                if (shared(ownHosts, true, x, y) && shared(ownPaths, false, x, y)) {
                    pairs[x].push_back(y);
                }
            }
            std::vector<std::uint32_t>().swap(near[x]);
        }
        return pairs;
    }

    void probe(const ExampleRequest &req, std::optional<std::size_t> mustMatchA,
               std::optional<std::size_t> mustMatchB)
    {
        if ((mustMatchA && !ruleMatches(m_set.rules[*mustMatchA], req, m_regexes)) ||
            (mustMatchB && !ruleMatches(m_set.rules[*mustMatchB], req, m_regexes))) {
            return;
        }
        const auto alb = albPick(req);
        if (!alb) {
            return; // the listener's default action was not given: nothing to compare
        }
        std::string routeName;
        const auto gw = gatewayPick(req, routeName);
        if (gw == alb || !m_seen->insert({m_listener, *alb, gw}).second) {
            return;
        }
        m_findings->push_back({m_listener, *alb, gw, routeName, req});
    }

    void combine(const Samples &a, const Samples &b, std::optional<std::size_t> ra,
                 std::optional<std::size_t> rb)
    {
        std::vector<std::string> hosts = a.hosts;
        for (const auto &h : b.hosts) {
            addUnique(hosts, h);
        }
        if (a.hosts.empty() && b.hosts.empty()) {
            hosts = m_routeHosts;
            hosts.push_back("unlisted.example");
        }
        // (A host-less rule also applies to the other rule's hosts: those are enough.)
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
    }

    const AlbRuleSet &m_set;
    std::string m_listener;
    std::vector<std::size_t> m_order; // rule indices in ALB order; "position" indexes this
    RegexCache &m_regexes;
    PatternIndex m_hosts{false};
    PatternIndex m_paths{true};
    std::vector<std::uint32_t> m_byHost, m_byPath; // albPick's scratch space
    std::map<const GatewayRoute *, std::vector<Candidate>> m_tried;
    std::unordered_map<std::string, const GatewayRoute *> m_exact;
    std::vector<const GatewayRoute *> m_wildcards;
    const GatewayRoute *m_anyHost = nullptr;
    std::vector<std::string> m_routeHosts; // a request host for each hostname of the routes
    std::vector<OrderFinding> *m_findings = nullptr;
    std::set<std::tuple<std::string, std::size_t, std::optional<std::size_t>>> *m_seen = nullptr;
};

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
    RegexCache regexes;
    return ruleMatches(rule, request, regexes);
}

std::optional<std::size_t> albWinner(const AlbRuleSet &set, const std::string &listener,
                                     const ExampleRequest &request)
{
    RegexCache regexes;
    for (std::size_t i : albOrder(set, listener)) {
        if (ruleMatches(set.rules[i], request, regexes)) {
            return i;
        }
    }
    return std::nullopt;
}

bool gatewayMatches(const GatewayMatch &m, const ExampleRequest &request)
{
    RegexCache regexes;
    return matchHolds(m, request, regexes);
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
    RegexCache regexes;
    return firstMatching(*route, triedInOrder(*route), request, regexes);
}

std::vector<OrderFinding> checkPrecedence(const AlbRuleSet &set,
                                          const std::vector<GatewayRoute> &routes)
{
    std::vector<OrderFinding> findings;
    std::set<std::tuple<std::string, std::size_t, std::optional<std::size_t>>> seen;
    RegexCache regexes;
    for (const AlbListener &listener : set.listeners) {
        ListenerCheck(set, listener, routes, regexes).run(findings, seen);
    }
    return findings;
}

} // namespace Torii::Convert::Alb
