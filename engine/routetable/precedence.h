#pragma once

// The order rows are tried in, computed once at build (see RouteTable::lookup for the rules and
// the spec text they come from).

#include "engine/routetable/route_table.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace Torii::RouteTable::Internal {

struct CompiledMatch;

// Everything the HTTPRoute and GRPCRoute precedence rules compare, flattened so that one
// lexicographic comparison is a strict weak order over HTTP and gRPC rows alike.
struct PrecedenceKey
{
    int pathClass = 2;            // 0 Exact, 1 RegularExpression, 2 PathPrefix (or no path)
    std::size_t pathChars = 1;    // characters of the prefix or pattern as written ("/" = 1)
    std::size_t serviceChars = 0; // GRPCRoute: characters in the service match
    std::size_t methodChars = 0;  // GRPCRoute: characters in the method match
    bool hasMethod = false;       // HTTP method match
    std::size_t headers = 0;
    std::size_t queryParams = 0;
    std::int64_t creationOrder = 0;
    std::string namespacedName; // "namespace/name", compared as one string as the spec says
    int ruleIndex = 0;
    int matchIndex = 0;
    std::size_t sequence = 0; // insertion order: keeps the sort deterministic on full ties
};

PrecedenceKey precedenceKey(const HttpRoute &route, const CompiledMatch &match,
                            std::size_t sequence);
// True when `a` is tried before `b`.
bool precedes(const PrecedenceKey &a, const PrecedenceKey &b);

// Stream routes: oldest first, then "namespace/name", then rule index, then insertion order.
bool streamPrecedes(const StreamRoute &a, std::size_t aSequence, const StreamRoute &b,
                    std::size_t bSequence);

} // namespace Torii::RouteTable::Internal
