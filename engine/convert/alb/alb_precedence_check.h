#pragma once

// Priority vs precedence. An ALB tries a listener's rules by ascending priority and takes the
// first that matches. Gateway API does not look at rule order first: the spec (HTTPRoute,
// "Proxy or Load Balancer routing configuration generated from HTTPRoutes MUST prioritize
// matches based on the following criteria, continuing on ties") picks the host entry first
// (exact hostname, then the most specific wildcard, then routes without hostnames; no
// fall-through, as Torii's route table and conformant data planes do), then inside it the match
// with: an Exact path; (implementation-specific, Torii's order) a RegularExpression path, longer
// first; a PathPrefix with more characters; a method; more header matches; more query param
// matches; and only then the rule that comes first.
//
// This check takes the converted routes (one per host entry) and the ALB rules, builds concrete
// requests that match two rules at once (and the boundary requests of each rule), runs each
// request through both orders, and reports every request the two would send to different
// rules, with the request as the example. Pairs are probed only where two rules can overlap
// (both match one of the pair's sample hosts and one of its sample paths, found through an index
// of the patterns' literal prefixes), and both orders are answered through indexes built once per
// listener, so the check grows with the overlapping pairs, not with every pair
// (tests/bench/bench_convert_alb.cpp). Regular expressions are RE2's, as in the data plane.
// Pure; thread: reentrant.

#include "alb_rules.h"

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace Torii::Convert::Alb {

// A converted HTTPRoute match, as the gateway evaluates it.
struct GatewayMatch
{
    enum class PathType { None, Exact, Prefix, Regex };
    PathType pathType = PathType::None; // None: the API default, PathPrefix "/"
    std::string path;
    std::string method; // "" = any
    struct StringMatch
    {
        bool regex = false;
        std::string name;
        std::string value;
    };
    std::vector<StringMatch> headers;
    std::vector<StringMatch> queries;
};

struct GatewayRule
{
    std::size_t albRule = 0;           // index into AlbRuleSet::rules
    std::vector<GatewayMatch> matches; // empty: matches every request
};

// One HTTPRoute: the rules of one host entry of one listener, in ALB order.
struct GatewayRoute
{
    std::string listener; // AlbListener::key
    std::string hostname; // exact or "*.suffix"; "" = no hostnames (every other host)
    std::string name;     // metadata.name
    std::vector<GatewayRule> rules;
};

struct ExampleRequest
{
    std::string method = "GET";
    std::string host;
    std::string path = "/";
    std::vector<std::pair<std::string, std::string>> headers;
    std::vector<std::pair<std::string, std::string>> query;

    // "GET http://example.com/api?x=1 with User-Agent: curl/1"
    std::string describe() const;
};

struct OrderFinding
{
    std::string listener;
    std::size_t albRule = 0;                // the rule the ALB picks
    std::optional<std::size_t> gatewayRule; // the rule the gateway picks; none = 404
    std::string route;                      // the HTTPRoute the gateway searched
    ExampleRequest request;
};

// The first rule (ALB order) whose conditions hold, source-ip ignored (no client address).
std::optional<std::size_t> albWinner(const AlbRuleSet &set, const std::string &listener,
                                     const ExampleRequest &request);
bool albRuleMatches(const AlbRule &rule, const ExampleRequest &request);

// The rule the gateway picks among `routes` of `listener`, and the route it searched.
std::optional<std::size_t> gatewayWinner(const std::vector<GatewayRoute> &routes,
                                         const std::string &listener, const ExampleRequest &request,
                                         std::string *routeName = nullptr);
bool gatewayMatches(const GatewayMatch &match, const ExampleRequest &request);

// Every (ALB rule, gateway rule) pair some request separates, one example request each, in ALB
// order of the first rule.
std::vector<OrderFinding> checkPrecedence(const AlbRuleSet &set,
                                          const std::vector<GatewayRoute> &routes);

} // namespace Torii::Convert::Alb
