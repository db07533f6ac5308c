#pragma once

// What speaks behind an HTTPRoute or GRPCRoute backend locally, read from the loaded objects as
// the conformance echo-basic pod would be configured by them (FAMILIES.md §5, the base
// manifests): HTTP/1.1 echo (MockService), gRPC echo or h2c echo (ProtocolEchoService).
// The one place this is decided; used by LocalGateways only.
// Thread: pure; any thread.

#include "engine/model/resource.h"

#include <string>
#include <vector>

namespace Torii::Runtime {

enum class HttpBackendKind { Http1, Grpc, H2c };

struct HttpBackendSpec
{
    HttpBackendKind kind = HttpBackendKind::Http1;
    int replicas = 1; // the Deployment's (same namespace and name as the Service), else 1
};

// Decision:
// - the Deployment runs echo-basic with GRPC_ECHO_SERVER → Grpc (it then serves nothing else on
//   its plaintext port);
// - no Deployment, and a GRPCRoute sends to the Service (`grpcRouted`: the guide's and users' own
//   designs name no pods) → Grpc;
// - the Service port has appProtocol kubernetes.io/h2c → H2c (echo-basic's h2c-only port);
// - anything else → Http1.
HttpBackendSpec httpBackendFor(const std::vector<Model::Resource> &resources, const std::string &ns,
                               const std::string &service, int port, bool grpcRouted);

} // namespace Torii::Runtime
