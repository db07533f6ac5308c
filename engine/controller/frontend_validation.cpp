#include "frontend_validation.h"

#include "certificates.h"
#include "reference_grants.h"

namespace Torii::Controller::Internal {

bool applyFrontendValidation(const ResourceIndex &index, const Model::Gateway &gateway,
                             const std::string &gatewayNs,
                             const std::vector<ListenerState *> &listeners)
{
    if (!gateway.spec.tls || !gateway.spec.tls->frontend) {
        return false;
    }
    const Model::FrontendTLSConfig &frontend = *gateway.spec.tls->frontend;
    const auto insecure = [](const Model::TLSConfig &config) {
        return config.validation && config.validation->mode &&
               *config.validation->mode == "AllowInsecureFallback";
    };
    bool anyInsecure = insecure(frontend.default_);
    for (const Model::TLSPortConfig &perPort : itemsOf(frontend.perPort)) {
        anyInsecure = anyInsecure || insecure(perPort.tls);
    }

    for (ListenerState *listener : listeners) {
        if (listener->protocol != ListenerProtocol::Https || !listener->accepted.ok) {
            continue;
        }
        // "Once set this configuration overrides the default configuration for all Listeners
        // handling HTTPS traffic that match this port."
        const Model::TLSConfig *config = &frontend.default_;
        for (const Model::TLSPortConfig &perPort : itemsOf(frontend.perPort)) {
            if (perPort.port == listener->port()) {
                config = &perPort.tls;
            }
        }
        if (!config->validation || config->validation->caCertificateRefs.empty()) {
            continue;
        }
        int valid = 0;
        listener->clientValidationInsecure = insecure(*config);
        for (const Model::ObjectReference &ref : config->validation->caCertificateRefs) {
            const std::string ns = ref.namespace_.value_or(gatewayNs);
            const std::string target = ns + "/" + ref.name;
            if (!ref.group.empty() || ref.kind != "ConfigMap") {
                listener->refProblems.push_back(Verdict::no(
                    Reason::InvalidCACertificateKind,
                    "caCertificateRef " + target + " has kind " +
                        (ref.group.empty() ? ref.kind : ref.kind + "." + ref.group) +
                        "; Torii reads CA certificates only from ConfigMaps (key ca.crt)."));
                continue;
            }
            if (!referenceAllowed(index,
                                  {std::string(Model::kGatewayApiGroup), "Gateway", gatewayNs},
                                  {"", "ConfigMap", ns, ref.name})) {
                listener->refProblems.push_back(
                    Verdict::no(Reason::RefNotPermitted,
                                "caCertificateRef ConfigMap " + target +
                                    " is in another namespace and no "
                                    "ReferenceGrant in " +
                                    ns + " allows references from Gateways in " + gatewayNs + "."));
                continue;
            }
            const auto *configMap = index.findTyped<Model::ConfigMap>(ns, ref.name);
            const std::string *bundle =
                configMap && configMap->data ? configMap->data->find("ca.crt") : nullptr;
            std::string problem = !configMap ? "it does not exist"
                                  : !bundle  ? "it has no ca.crt"
                                             : caBundleProblem(*bundle);
            if (!problem.empty()) {
                listener->refProblems.push_back(Verdict::no(
                    Reason::InvalidCACertificateRef,
                    "caCertificateRef ConfigMap " + target + " is not usable: " + problem + "."));
                continue;
            }
            ++valid;
            listener->clientCaBundles.push_back(*bundle);
        }
        // "If ALL CACertificateRefs are invalid, the implementation MUST also ensure the
        // `Accepted` condition on the listener is set to `status: False`, with the Reason
        // `NoValidCACertificate`."
        if (valid == 0) {
            listener->accepted =
                Verdict::no(Reason::NoValidCACertificate,
                            "None of the CA certificates for client validation on port " +
                                std::to_string(listener->port()) + " can be used.");
        }
    }
    return anyInsecure;
}

} // namespace Torii::Controller::Internal
