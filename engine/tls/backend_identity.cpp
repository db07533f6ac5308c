#include "backend_identity.h"

#include "client_context.h"

#include <openssl/x509v3.h>

namespace Torii::Tls {

namespace {

// RFC 6125 section 6.4.3 through OpenSSL's X509_check_host, which already implements it: a
// wildcard only as the whole leftmost label (NO_PARTIAL_WILDCARDS refuses "a*.example.com"),
// standing for exactly one label, followed by at least two labels ("*.com" matches nothing), never
// inside an IDNA A-label ("xn--*"), case-insensitive. What it does not do is told here: one
// trailing dot of the reference name is dropped (as Go's and the Gateway API's names have none),
// and an IP literal is compared with the certificate's IP SANs only (X509_check_host would let
// "*.0.0.1" cover "10.0.0.1"). A policy name that is itself a wildcard ("*.example.com", allowed
// for subjectAltNames of type Hostname) matches the same wildcard SAN only, as Envoy compares it.
bool hostMatches(X509 *certificate, std::string name)
{
    if (!name.empty() && name.back() == '.') {
        name.pop_back();
    }
    if (name.empty()) {
        return false;
    }
    if (isIpLiteral(name)) {
        return X509_check_ip_asc(certificate, name.c_str(), 0) == 1;
    }
    const unsigned int flags =
        X509_CHECK_FLAG_NEVER_CHECK_SUBJECT | X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS;
    return X509_check_host(certificate, name.data(), name.size(), flags, nullptr) == 1;
}

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (const std::string &item : items) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

} // namespace

std::vector<std::string> uriNamesOf(X509 *certificate)
{
    std::vector<std::string> out;
    auto *names = static_cast<GENERAL_NAMES *>(
        X509_get_ext_d2i(certificate, NID_subject_alt_name, nullptr, nullptr));
    for (int i = 0; names != nullptr && i < sk_GENERAL_NAME_num(names); ++i) {
        const GENERAL_NAME *name = sk_GENERAL_NAME_value(names, i);
        if (name->type == GEN_URI) {
            const ASN1_IA5STRING *uri = name->d.uniformResourceIdentifier;
            out.emplace_back(reinterpret_cast<const char *>(ASN1_STRING_get0_data(uri)),
                             static_cast<std::size_t>(ASN1_STRING_length(uri)));
        }
    }
    GENERAL_NAMES_free(names);
    return out;
}

std::string backendIdentityProblem(X509 *certificate, const BackendIdentity &wanted)
{
    if (certificate == nullptr) {
        return "the backend presented no certificate";
    }
    const std::vector<std::string> uris = uriNamesOf(certificate);
    std::vector<std::string> accepted;
    if (wanted.dnsNames.empty() && wanted.uris.empty()) {
        if (hostMatches(certificate, wanted.hostname)) {
            return {};
        }
        accepted.push_back(wanted.hostname);
    } else {
        for (const std::string &name : wanted.dnsNames) {
            if (hostMatches(certificate, name)) {
                return {};
            }
            accepted.push_back(name);
        }
        for (const std::string &uri : wanted.uris) {
            for (const std::string &present : uris) {
                if (present == uri) {
                    return {};
                }
            }
            accepted.push_back(uri);
        }
    }
    std::vector<std::string> present = dnsNamesOf(certificate);
    present.insert(present.end(), uris.begin(), uris.end());
    return "the backend's certificate names " +
           (present.empty() ? std::string("no DNS or URI name") : joined(present)) +
           "; the policy accepts " + joined(accepted);
}

} // namespace Torii::Tls
