#include "conformance_setup.h"

#include "engine/tls/certificate_authority.h"

#include <QtCore/QByteArray>

#include <map>
#include <memory>

namespace Torii::Scenarios {

using Model::Node;
using Tls::CertificateAuthority;
using Tls::CertificateUse;
using Tls::PemPair;
using Tls::selfSignedCertificate;

namespace {

constexpr const char *kInfra = "gateway-conformance-infra";
constexpr const char *kWebBackend = "gateway-conformance-web-backend";
constexpr const char *kAppBackend = "gateway-conformance-app-backend";

// One row of SETUP.md's table. `issuer` names a CA of the same run; "" is self-signed.
struct SecretRow
{
    const char *ns;
    const char *name;
    const char *issuer;
    CertificateUse use;
    std::vector<std::string> altNames;
};

struct CaRow
{
    const char *ns;
    const char *name; // the ConfigMap holding ca.crt
    const char *ca;
};

Node address(const char *type, const char *value)
{
    Node n = Node::map();
    n.set("type", Node::string(type));
    n.set("value", Node::string(value));
    return n;
}

Node metadata(const std::string &ns, const std::string &name)
{
    Node m = Node::map();
    m.set("name", Node::string(name));
    if (!ns.empty()) {
        m.set("namespace", Node::string(ns));
    }
    return m;
}

Model::Resource made(Node object)
{
    Model::SourceRef source;
    source.file = "<conformance setup>";
    return Model::makeResource(std::move(object), source);
}

Model::Resource tlsSecret(const std::string &ns, const std::string &name, const PemPair &pem)
{
    Node data = Node::map();
    data.set("tls.crt",
             Node::string(QByteArray::fromStdString(pem.certificate).toBase64().toStdString()));
    data.set("tls.key",
             Node::string(QByteArray::fromStdString(pem.privateKey).toBase64().toStdString()));
    Node object = Node::map();
    object.set("apiVersion", Node::string("v1"));
    object.set("kind", Node::string("Secret"));
    object.set("metadata", metadata(ns, name));
    object.set("type", Node::string("kubernetes.io/tls"));
    object.set("data", std::move(data));
    return made(std::move(object));
}

Model::Resource caConfigMap(const std::string &ns, const std::string &name,
                            const std::string &certificate)
{
    Node data = Node::map();
    data.set("ca.crt", Node::string(certificate));
    Node object = Node::map();
    object.set("apiVersion", Node::string("v1"));
    object.set("kind", Node::string("ConfigMap"));
    object.set("metadata", metadata(ns, name));
    object.set("data", std::move(data));
    return made(std::move(object));
}

// Replaces each placeholder entry of spec.addresses by the pool it stands for.
void expandAddressPlaceholders(Node &addresses, const ConformanceSetupOptions &options)
{
    Node expanded = Node::list(addresses.mark());
    for (const Node &entry : addresses.items()) {
        const std::string value = entry["value"].asString();
        if (value == "PLACEHOLDER_USABLE_ADDRS") {
            for (const Node &a : options.usableAddresses) {
                expanded.append(a);
            }
        } else if (value == "PLACEHOLDER_UNUSABLE_ADDRS") {
            for (const Node &a : options.unusableAddresses) {
                expanded.append(a);
            }
        } else {
            expanded.append(entry);
        }
    }
    addresses = std::move(expanded);
}

} // namespace

ConformanceSetup::ConformanceSetup(ConformanceSetupOptions options)
    : m_options(std::move(options))
{
    if (m_options.usableAddresses.empty()) {
        m_options.usableAddresses.push_back(address("IPAddress", "127.0.0.1"));
    }
    if (m_options.unusableAddresses.empty()) {
        m_options.unusableAddresses.push_back(address("IPAddress", "192.0.2.1"));
    }

    Node gatewayClass = Node::map();
    gatewayClass.set("apiVersion", Node::string("gateway.networking.k8s.io/v1"));
    gatewayClass.set("kind", Node::string("GatewayClass"));
    gatewayClass.set("metadata", metadata("", m_options.gatewayClassName));
    Node spec = Node::map();
    spec.set("controllerName", Node::string(m_options.controllerName));
    gatewayClass.set("spec", std::move(spec));
    m_created.push_back(made(std::move(gatewayClass)));

    // SETUP.md, "Objects created programmatically after the base manifests".
    std::map<std::string, std::shared_ptr<const CertificateAuthority>> cas;
    for (const char *ca : {"web-backend", "A", "B", "C", "mismatch"}) {
        cas[ca] = CertificateAuthority::create(std::string("Torii conformance CA ") + ca);
    }
    const CaRow caRows[] = {
        {kWebBackend, "web-backend-cm", "web-backend"},
        {kInfra, "tls-validity-checks-ca-certificate", "A"},
        {kInfra, "tls-validity-checks-per-port-ca-certificate", "B"},
        {kInfra, "tls-checks-ca-certificate", "C"},
        {kInfra, "mismatch-ca-certificate", "mismatch"},
    };
    const SecretRow secretRows[] = {
        {kWebBackend, "certificate", "", CertificateUse::Server, {"DNS:*"}},
        {kInfra,
         "tls-validity-checks-certificate",
         "",
         CertificateUse::Server,
         {"DNS:*", "DNS:*.org", "DNS:*.wildcard.org"}},
        {kInfra, "tls-validity-checks-client-certificate", "A", CertificateUse::Client, {}},
        {kInfra,
         "tls-validity-checks-per-port-client-certificate",
         "B",
         CertificateUse::Client,
         {}},
        {kInfra,
         "tls-checks-certificate",
         "C",
         CertificateUse::Server,
         {"DNS:abc.example.com", "URI:spiffe://abc.example.com/test-identity",
          "DNS:other.example.com"}},
        {kInfra, "tls-checks-client-certificate", "C", CertificateUse::Client, {}},
        {kInfra,
         "tls-passthrough-checks-certificate",
         "C",
         CertificateUse::Server,
         {"DNS:abc.example.com"}},
        {kAppBackend,
         "tls-passthrough-checks-certificate",
         "C",
         CertificateUse::Server,
         {"DNS:abc.example.com"}},
        {kInfra,
         "tls-terminate-checks-certificate",
         "C",
         CertificateUse::Server,
         {"DNS:tls.example.com"}},
    };
    for (const SecretRow &row : secretRows) {
        const PemPair pem = std::string_view(row.issuer).empty()
                                ? selfSignedCertificate(row.name, row.altNames)
                                : cas.at(row.issuer)->issue(row.name, row.altNames, row.use);
        m_created.push_back(tlsSecret(row.ns, row.name, pem));
    }
    for (const CaRow &row : caRows) {
        m_created.push_back(caConfigMap(row.ns, row.name, cas.at(row.ca)->pem().certificate));
    }
}

void ConformanceSetup::rewrite(Model::Resource &resource) const
{
    if (resource.kind == "Gateway") {
        Node *spec = resource.object.find("spec");
        if (spec == nullptr || !spec->isMap()) {
            return;
        }
        spec->set("gatewayClassName", Node::string(m_options.gatewayClassName));
        if (Node *addresses = spec->find("addresses"); addresses && addresses->isList()) {
            expandAddressPlaceholders(*addresses, m_options);
        }
    } else if (resource.kind == "GatewayClass") {
        Node *spec = resource.object.find("spec");
        if (spec == nullptr || !spec->isMap()) {
            spec = &resource.object.set("spec", Node::map());
        }
        spec->set("controllerName", Node::string(m_options.controllerName));
    }
}

} // namespace Torii::Scenarios
