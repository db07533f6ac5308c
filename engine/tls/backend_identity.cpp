#include "backend_identity.h"

#include "client_context.h"

#include <openssl/x509v3.h>

namespace Torii::Tls {

namespace {

bool hostMatches(X509 *certificate, const std::string &name)
{
    // DNS SANs only, and a wildcard only as a whole leftmost label.
    const unsigned int flags =
        X509_CHECK_FLAG_NEVER_CHECK_SUBJECT | X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS;
    return !name.empty() &&
           X509_check_host(certificate, name.data(), name.size(), flags, nullptr) == 1;
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
