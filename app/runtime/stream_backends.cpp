#include "stream_backends.h"

#include "design_objects.h"

#include "engine/tls/certificate_authority.h"
#include "engine/tls/development_ca.h"
#include "engine/tls/server_context.h"

#include <QtCore/QByteArray>

namespace Torii::Runtime {

namespace {

using Kind = Backends::StreamEchoService::Kind;

} // namespace

StreamBackendSpec streamBackendFor(const std::vector<Model::Resource> &resources,
                                   const std::string &ns, const std::string &service, int port,
                                   RouteTable::ListenerProtocol protocol, bool passthrough,
                                   const std::vector<std::string> &passthroughHostnames)
{
    StreamBackendSpec spec;
    int targetPort = port;
    if (const Model::Resource *svc = findObject(resources, "Service", ns, service)) {
        const Model::Node &ports = svc->object["spec"]["ports"];
        if (ports.isList()) {
            for (const Model::Node &p : ports.items()) {
                if (p["port"].isInt() && p["port"].asInt() == port) {
                    if (p["targetPort"].isInt()) {
                        targetPort = int(p["targetPort"].asInt());
                    }
                    break;
                }
            }
        }
    }
    const Model::Resource *deployment = findObject(resources, "Deployment", ns, service);
    bool tcpEcho = deployment == nullptr;
    bool echoImage = false; // the conformance echo (echo-basic): HTTP unless told otherwise
    bool coredns = false;
    std::string secretName;
    if (deployment) {
        const Model::Node &spec_ = deployment->object["spec"];
        if (spec_["replicas"].isInt()) {
            spec.replicas = int(std::max<std::int64_t>(0, spec_["replicas"].asInt()));
        }
        const Model::Node &pod = spec_["template"]["spec"];
        if (pod["containers"].isList()) {
            for (const Model::Node &c : pod["containers"].items()) {
                const std::string image = c["image"].asString();
                if (image.find("coredns") != std::string::npos) {
                    coredns = true;
                }
                if (image.find("echo") != std::string::npos) {
                    echoImage = true;
                }
                if (c["env"].isList()) {
                    for (const Model::Node &e : c["env"].items()) {
                        if (e["name"].asString() == "TCP_ECHO_SERVER") {
                            tcpEcho = true;
                        }
                    }
                }
            }
        }
        if (pod["volumes"].isList()) {
            for (const Model::Node &v : pod["volumes"].items()) {
                if (const Model::Node *secret = v.find("secret")) {
                    secretName = (*secret)["secretName"].asString();
                    break;
                }
            }
        }
    }
    // Any other image (the user's postgres, redis or tenant app) is stood in for by the TCP
    // echo on a TCP or TLS listener: it answers any client, and names the endpoint that answered,
    // where an HTTP echo would leave a TCPRoute's traffic unidentifiable.
    tcpEcho = tcpEcho || (deployment != nullptr && !echoImage);
    if (protocol == RouteTable::ListenerProtocol::UDP) {
        spec.kind = coredns || (deployment == nullptr && port == 53) ? Kind::Dns : Kind::Udp;
        return spec;
    }
    if (!secretName.empty()) {
        if (const Model::Resource *secret = findObject(resources, "Secret", ns, secretName)) {
            spec.certificatePem = secretValue(*secret, "tls.crt");
            spec.privateKeyPem = secretValue(*secret, "tls.key");
        }
    }
    const bool tlsPort = targetPort == 8443 && !spec.certificatePem.empty() &&
                         !spec.privateKeyPem.empty();
    if (tcpEcho && passthrough && !tlsPort) {
        Tls::SubjectAltNames names;
        for (const std::string &h : passthroughHostnames) {
            if (!h.empty() && h != "*") {
                names.push_back("DNS:" + h);
            }
        }
        if (names.empty()) {
            names.push_back("DNS:localhost");
        }
        try {
            const Tls::PemPair pem = Tls::selfSignedCertificate(names.front().substr(4), names);
            spec.certificatePem = pem.certificate;
            spec.privateKeyPem = pem.privateKey;
            spec.selfSigned = true;
            spec.kind = Kind::TcpTls;
        } catch (const std::exception &) {
            spec.kind = Kind::Tcp; // no certificate: clients' handshakes fail, as they would
        }
        return spec;
    }
    if (tcpEcho) {
        spec.kind = tlsPort ? Kind::TcpTls : Kind::Tcp;
    } else {
        spec.kind = tlsPort ? Kind::Https : Kind::Http;
    }
    return spec;
}

std::map<std::pair<std::string, int>, std::shared_ptr<SSL_CTX>>
planTlsTerminatePorts(const Controller::ControllerResult &computed,
                      const Tls::DevelopmentCa *developmentCa)
{
    std::map<std::pair<std::string, int>, std::shared_ptr<SSL_CTX>> out;
    for (const auto &[gateway, listeners] : computed.tlsListeners) {
        std::map<int, std::vector<Tls::ListenerCertificate>> entries;
        for (const Controller::TlsListener &listener : listeners) {
            if (listener.protocol != "TLS") {
                continue;
            }
            out[{gateway, listener.port}]; // a Terminate port, served only with a context
            if (listener.keyPairs.empty()) {
                if (developmentCa == nullptr) {
                    continue;
                }
                try {
                    const Tls::PemPair leaf = developmentCa->issueFor({listener.hostname});
                    entries[listener.port].push_back(
                        {listener.hostname, leaf.certificate, leaf.privateKey});
                } catch (const std::exception &) {
                    // Not served, as without the CA (planHttpsPorts says why for HTTPS).
                }
                continue;
            }
            entries[listener.port].push_back({listener.hostname,
                                              listener.keyPairs.front().certificateChain,
                                              listener.keyPairs.front().privateKey});
        }
        for (auto &[port, certificates] : entries) {
            Tls::ServerContextOptions options;
            options.alpn.clear(); // the stream is not HTTP: nothing to negotiate
            if (auto context = Tls::buildServerContext(certificates, options)) {
                out[{gateway, port}] = std::move(context);
            }
        }
    }
    return out;
}

} // namespace Torii::Runtime
