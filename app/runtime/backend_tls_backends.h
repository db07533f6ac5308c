#pragma once

// What stands behind an HTTP or gRPC backendRef whose Service port a BackendTLSPolicy targets:
// the gateway talks TLS to it, so its endpoints are HTTPS echo servers (StreamEchoService::
// Kind::Https, one per replica) presenting the certificate the Deployment mounts, as the
// conformance tls-backend pods do; their echo answers carry the `tls` object (the SNI the
// gateway sent). Used by LocalGateways only.
// Thread: pure apart from making a self-signed certificate with OpenSSL; any thread.

#include "app/runtime/stream_backends.h"
#include "engine/controller/controller.h"
#include "engine/model/resource.h"
#include "engine/routetable/route_table.h"

#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

namespace Torii::Tls {
class DevelopmentCa;
}

namespace Torii::Runtime {

// (namespace, Service, port) of every valid HTTP/gRPC backendRef of the computed tables that
// carries BackendTLSPolicy settings, with those settings.
std::map<std::tuple<std::string, std::string, int>, std::shared_ptr<const RouteTable::BackendTls>>
backendTlsTargets(const Controller::ControllerResult &computed);

// The HTTPS echo for such a Service: the Deployment the Service selects (its selector against
// the pod template's labels, as the conformance Services select tls-backend; else the
// same-named Deployment) gives the replicas and the Secret its volume mounts (tls.crt, tls.key).
// Without a mounted certificate the endpoints get a self-signed one for the policy's hostname
// (selfSigned): the gateway's verification then fails and says why, unless the policy trusts it.
// Except for a policy with wellKnownCACertificates: System while serve runs with --dev-ca
// (`developmentCa` given): a mock cannot hold a public CA's certificate, so the development CA
// issues one for the policy's hostname and Hostname/URI SANs, and the gateway trusts that CA
// beside the system store (Proxy::SystemTrustStandIn); selfSigned is set then too (made here).
StreamBackendSpec httpsBackendFor(const std::vector<Model::Resource> &resources,
                                  const std::string &ns, const std::string &service,
                                  const RouteTable::BackendTls &tls,
                                  const Tls::DevelopmentCa *developmentCa = nullptr);

} // namespace Torii::Runtime
