#pragma once

// Whether a backend's certificate is the one a BackendTLSPolicy asks for, after the chain
// verified. The spec (BackendTLSValidation): with subjectAltNames, "the certificate served from
// the backend MUST have at least one Subject Alternate Name matching one of the specified
// SubjectAltNames" (type Hostname: a DNS SAN, wildcards as RFC 6125 section 6.4.3 allows them:
// "*.example.com" in the certificate covers api.example.com but not example.com, a.b.example.com,
// nor an IP address; type URI: a URI SAN, compared exactly); without them the certificate must be
// valid for `hostname` by the same wildcard rules. The subject CN is never looked at (as Go and
// Envoy do for SANs).
//
// Thread: pure apart from reading the certificate; any thread.

#include <openssl/types.h>

#include <string>
#include <vector>

namespace Torii::Tls {

struct BackendIdentity
{
    std::string hostname;              // validation.hostname
    std::vector<std::string> dnsNames; // subjectAltNames of type Hostname
    std::vector<std::string> uris;     // subjectAltNames of type URI
};

// "" when `certificate` is acceptable for `wanted`, else why in English ("it names
// abc.example.com, spiffe://abc.example.com/x; the policy accepts dce.example.com").
std::string backendIdentityProblem(X509 *certificate, const BackendIdentity &wanted);

// The URI subject alternative names of a certificate, in order.
std::vector<std::string> uriNamesOf(X509 *certificate);

} // namespace Torii::Tls
