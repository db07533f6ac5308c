#include "backend_tls_backends.h"

#include "design_objects.h"

#include "engine/tls/certificate_authority.h"
#include "engine/tls/development_ca.h"

#include <QtCore/QByteArray>

namespace Torii::Runtime {

namespace RT = Torii::RouteTable;

namespace {

std::string namespaceOf(const Model::Resource &r)
{
    return r.ns.empty() ? "default" : r.ns;
}

// Every key of `selector` has the same value in `labels` (a Service's equality selector).
bool selects(const Model::Node &selector, const Model::Node &labels)
{
    if (!selector.isMap() || selector.entries().empty()) {
        return false;
    }
    for (const auto &entry : selector.entries()) {
        const Model::Node *value = labels.find(entry.key);
        if (value == nullptr || value->asString() != entry.value.asString()) {
            return false;
        }
    }
    return true;
}

const Model::Resource *deploymentBehind(const std::vector<Model::Resource> &resources,
                                        const std::string &ns, const std::string &service)
{
    if (const Model::Resource *svc = findObject(resources, "Service", ns, service)) {
        const Model::Node &selector = svc->object["spec"]["selector"];
        for (const Model::Resource &r : resources) {
            if (r.kind == "Deployment" && namespaceOf(r) == ns &&
                selects(selector, r.object["spec"]["template"]["metadata"]["labels"])) {
                return &r;
            }
        }
    }
    return findObject(resources, "Deployment", ns, service);
}

void addTargets(const std::vector<RT::Backend> &backends,
                std::map<std::tuple<std::string, std::string, int>,
                         std::shared_ptr<const RT::BackendTls>> &out)
{
    for (const RT::Backend &b : backends) {
        if (b.isValid() && b.tls) {
            out.try_emplace({b.ns, b.service, b.port}, b.tls);
        }
    }
}

} // namespace

std::map<std::tuple<std::string, std::string, int>, std::shared_ptr<const RT::BackendTls>>
backendTlsTargets(const Controller::ControllerResult &computed)
{
    std::map<std::tuple<std::string, std::string, int>, std::shared_ptr<const RT::BackendTls>> out;
    for (const auto &[gateway, table] : computed.routeTables) {
        for (int port : table->ports()) {
            const auto view = table->listener(port); // by value: keep it alive for the loop
            for (const auto &host : view->hosts) {
                for (const RT::HttpRoute *route : host.routes) {
                    addTargets(route->backends, out);
                }
            }
        }
    }
    return out;
}

StreamBackendSpec httpsBackendFor(const std::vector<Model::Resource> &resources,
                                  const std::string &ns, const std::string &service,
                                  const RT::BackendTls &tls,
                                  const Tls::DevelopmentCa *developmentCa)
{
    StreamBackendSpec spec;
    spec.kind = Backends::StreamEchoService::Kind::Https;
    if (const Model::Resource *deployment = deploymentBehind(resources, ns, service)) {
        const Model::Node &deploymentSpec = deployment->object["spec"];
        if (deploymentSpec["replicas"].isInt()) {
            spec.replicas = int(std::max<std::int64_t>(0, deploymentSpec["replicas"].asInt()));
        }
        const Model::Node &volumes = deploymentSpec["template"]["spec"]["volumes"];
        for (std::size_t i = 0; volumes.isList() && i < volumes.items().size(); ++i) {
            const Model::Node *secretRef = volumes.items()[i].find("secret");
            if (secretRef == nullptr) {
                continue;
            }
            if (const Model::Resource *secret = findObject(
                    resources, "Secret", ns, (*secretRef)["secretName"].asString())) {
                spec.certificatePem = secretValue(*secret, "tls.crt");
                spec.privateKeyPem = secretValue(*secret, "tls.key");
            }
            break;
        }
    }
    if (spec.certificatePem.empty() || spec.privateKeyPem.empty()) {
        const std::string name = tls.hostname.empty() ? "localhost" : tls.hostname;
        if (developmentCa != nullptr && tls.systemTrust) {
            std::vector<std::string> altNames{"DNS:" + name};
            for (const std::string &dns : tls.dnsNames) {
                altNames.push_back("DNS:" + dns);
            }
            for (const std::string &uri : tls.uris) {
                altNames.push_back("URI:" + uri);
            }
            try {
                const Tls::PemPair pem = developmentCa->authority().issue(
                    name, altNames, Tls::CertificateUse::Server);
                spec.certificatePem = pem.certificate;
                spec.privateKeyPem = pem.privateKey;
                spec.selfSigned = true; // made here: new each time, its policy identifies it
                return spec;
            } catch (const std::exception &) {
                // fall through to a self-signed certificate (the verification says why)
            }
        }
        try {
            const Tls::PemPair pem = Tls::selfSignedCertificate(name, {"DNS:" + name});
            spec.certificatePem = pem.certificate;
            spec.privateKeyPem = pem.privateKey;
            spec.selfSigned = true;
        } catch (const std::exception &) {
            spec.certificatePem.clear(); // the endpoints do not start: the gateway answers 503
        }
    }
    return spec;
}

} // namespace Torii::Runtime
