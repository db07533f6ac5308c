#pragma once

// Host-name patterns as the Gateway API and TLS clients read them, in one place so the server's
// SNI choice and the route-test client's certificate check agree.

#include <string>
#include <string_view>

namespace Torii::Tls {

// Lower case, without one trailing dot: the form every comparison here uses.
std::string normalizeHostname(std::string_view name);

// A listener hostname (exact, "*.suffix", or "" / "*" = any host) against a server name, as the
// Gateway API matches listeners: "*.example.com" matches one or more labels before
// ".example.com" ("a.b.example.com" too) but not "example.com". Case-insensitive.
bool listenerHostMatches(std::string_view pattern, std::string_view serverName);

// How specific a matching listener hostname is: exact names beat every wildcard, longer
// wildcards beat shorter ones, "any" is last. Larger is more specific; only meaningful for
// patterns that match.
int listenerHostSpecificity(std::string_view pattern);

// A certificate's DNS name against a host, as Go's crypto/tls verifies it (the conformance
// suite's client): a wildcard is only a whole leftmost label ("*.example.com") and stands for
// exactly one label (so "*" alone matches single-label hosts such as "localhost" only).
// Case-insensitive.
bool certificateNameMatches(std::string_view dnsName, std::string_view host);

} // namespace Torii::Tls
