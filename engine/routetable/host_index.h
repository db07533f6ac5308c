#pragma once

// Host entry selection: exact name, else the most specific matching wildcard, else "*".
//
// The spec (HTTPRoute.spec.hostnames): "Hostnames that are prefixed with a wildcard label (`*.`)
// are interpreted as a suffix match. That means that a match for `*.example.com` would match both
// `test.example.com`, and `foo.test.example.com`, but not `example.com`." and "precedence must be
// given to rules from the HTTPRoute with the largest number of: Characters in a matching
// non-wildcard hostname. Characters in a matching hostname." Gateway.spec.listeners says how:
// "inbound request hostnames MUST match from the most specific to least specific Hostname values
// to choose the correct Listener and its associated set of Routes. Exact matches MUST be
// processed before wildcard matches, and wildcard matches MUST be processed before fallback
// (empty Hostname value) matches. [...] the higher the number of dots in the hostname to the
// right of the wildcard character, the higher the precedence." So the entry is chosen first and
// only its rows are searched; conformance test GatewayHTTPListenerIsolation expects 404 for
// bar.example.com/empty-hostname although the "" listener has /empty-hostname. Conformant data
// planes (one virtual host per hostname) behave the same. Torii: no fall-through.

#include "row_index.h"

#include <string>
#include <string_view>
#include <vector>

namespace Torii::RouteTable::Internal {

// Lowercase, one trailing '.' dropped, "" → "*". For keys given to the builder.
std::string normalizeHostKey(std::string_view hostname);

// Host entries in the order ListenerView documents: exact names (alphabetical), wildcards with
// the most labels first (then longer, then alphabetical), then "*".
bool hostKeyPrecedes(std::string_view a, std::string_view b);

class HostIndex
{
public:
    enum class Kind { None, Exact, Wildcard, Any };
    struct Choice
    {
        int entry = -1; // index into the keys given to build(), -1 when nothing matches
        Kind kind = Kind::None;
    };

    // `keys` normalized; entries whose `eligible` flag is false are never chosen.
    void build(const std::vector<std::string> &keys, const std::vector<bool> &eligible);

    // `host` as sent (port, case and a trailing dot ignored). Never allocates.
    Choice choose(std::string_view host) const;

private:
    StringMap<int> m_exact;
    StringMap<int> m_wildcard; // keyed by the suffix after "*."
    int m_any = -1;
};

// The Host header without its port ("a.b:80" → "a.b", "[::1]:80" → "[::1]") and trailing dot.
std::string_view stripHostPort(std::string_view host);

} // namespace Torii::RouteTable::Internal
