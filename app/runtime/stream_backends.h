#pragma once

// What stands behind a TCPRoute, UDPRoute or TLSRoute backend locally, read from the loaded
// objects as the conformance echo-basic (or coredns) pod would be configured by them: the
// Service port's targetPort, the Deployment's image, environment (TCP_ECHO_SERVER,
// UDP_ECHO_SERVER, TLS_SERVER_CERT) and the Secret its volume mounts. And the TLS contexts of
// TLS listeners in mode Terminate. Used by LocalGateways only.
// Thread: pure apart from OpenSSL context creation; any thread.

#include "engine/controller/controller.h"
#include "engine/model/resource.h"
#include "engine/routetable/route_table.h"
#include "simulator/backends/stream_echo_service.h"

#include <openssl/types.h>

#include <map>
#include <memory>
#include <string>
#include <utility>

namespace Torii::Tls {
class DevelopmentCa;
}
#include <vector>

namespace Torii::Runtime {

struct StreamBackendSpec
{
    Backends::StreamEchoService::Kind kind = Backends::StreamEchoService::Kind::Tcp;
    int replicas = 1;
    std::string certificatePem; // TcpTls / Https: the Secret the Deployment mounts
    std::string privateKeyPem;
    // The certificate was made here (self-signed for the route's hostnames), not read from a
    // Secret: nothing in the design names one.
    bool selfSigned = false;
};

// Decision (echo-basic's defaults: TCP echo on 3000, TLS on 8443, HTTPS on 8443):
// - UDP listener: Dns when the Deployment runs coredns (or, without a Deployment, the Service port
//   is 53), else Udp.
// - TCP/TLS listener: a Deployment with TCP_ECHO_SERVER, one whose image is not an echo (the
//   user's own app: postgres, redis, …), or no Deployment at all → TcpTls when the target port
//   is 8443 and a certificate is mounted, else Tcp; another echo-basic Deployment → Https when
//   the target port is 8443 with a certificate, else Http.
// - Behind a TLS Passthrough listener the client's TLS must end at the backend: a TCP echo with
//   no certificate named (the guide's examples have no Deployments) gets a self-signed one for
//   `passthroughHostnames` (the route's SNI names; "localhost" when none is exact) → TcpTls.
StreamBackendSpec streamBackendFor(const std::vector<Model::Resource> &resources,
                                   const std::string &ns, const std::string &service, int port,
                                   RouteTable::ListenerProtocol protocol, bool passthrough = false,
                                   const std::vector<std::string> &passthroughHostnames = {});

// (Gateway "namespace/name", port) → the SSL_CTX of its TLS listeners in mode Terminate (their
// first usable certificate each; SNI picks among them); null for a Terminate port none of whose
// certificates resolved (it is not served). Ports absent are Passthrough. With `developmentCa`
// (serve --dev-ca), a listener without a usable certificate gets a leaf of it for its hostname,
// as HTTPS listeners do (listener_certificates.h).
std::map<std::pair<std::string, int>, std::shared_ptr<SSL_CTX>>
planTlsTerminatePorts(const Controller::ControllerResult &computed,
                      const Tls::DevelopmentCa *developmentCa = nullptr);

} // namespace Torii::Runtime
