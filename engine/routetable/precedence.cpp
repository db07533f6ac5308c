#include "precedence.h"

#include "matchers.h"

#include <tuple>

namespace Torii::RouteTable::Internal {
namespace {

std::string namespacedName(const RouteSource &source)
{
    return source.ns + "/" + source.name;
}

} // namespace

PrecedenceKey precedenceKey(const HttpRoute &route, const CompiledMatch &match,
                            std::size_t sequence)
{
    PrecedenceKey key;
    // "Exact" path match, then (implementation-specific, as Envoy Gateway orders them)
    // RegularExpression, then "Prefix" path match with largest number of characters. A row with
    // no path (no matches, or a GRPCRoute row) is the default prefix match on "/".
    if (match.hasPath) {
        switch (match.pathType) {
        case PathMatchType::Exact:
            key.pathClass = 0;
            key.pathChars = 0;
            break;
        case PathMatchType::RegularExpression:
            key.pathClass = 1;
            key.pathChars = match.pathValue.size();
            break;
        case PathMatchType::PathPrefix:
            key.pathClass = 2;
            key.pathChars = match.pathValue.empty() ? 1 : match.pathValue.size();
            break;
        }
    }
    // GRPCRoute: "Characters in a matching service. Characters in a matching method."
    key.serviceChars = match.grpcService ? match.grpcService->value.size() : 0;
    key.methodChars = match.grpcMethod ? match.grpcMethod->value.size() : 0;
    key.hasMethod = match.method.has_value();
    key.headers = match.headers.size();
    key.queryParams = match.queryParams.size();
    key.creationOrder = route.source.creationOrder;
    key.namespacedName = namespacedName(route.source);
    key.ruleIndex = route.source.ruleIndex;
    key.matchIndex = route.source.matchIndex;
    key.sequence = sequence;
    return key;
}

bool precedes(const PrecedenceKey &a, const PrecedenceKey &b)
{
    // Larger counts first: compare them with the operands swapped.
    return std::tie(a.pathClass, b.pathChars, b.serviceChars, b.methodChars, b.hasMethod, b.headers,
                    b.queryParams, a.creationOrder, a.namespacedName, a.ruleIndex, a.matchIndex,
                    a.sequence) < std::tie(b.pathClass, a.pathChars, a.serviceChars, a.methodChars,
                                           a.hasMethod, a.headers, a.queryParams, b.creationOrder,
                                           b.namespacedName, b.ruleIndex, b.matchIndex, b.sequence);
}

bool streamPrecedes(const StreamRoute &a, std::size_t aSequence, const StreamRoute &b,
                    std::size_t bSequence)
{
    if (a.source.creationOrder != b.source.creationOrder) {
        return a.source.creationOrder < b.source.creationOrder;
    }
    const std::string aName = namespacedName(a.source);
    const std::string bName = namespacedName(b.source);
    return std::tie(aName, a.source.ruleIndex, aSequence) <
           std::tie(bName, b.source.ruleIndex, bSequence);
}

} // namespace Torii::RouteTable::Internal
