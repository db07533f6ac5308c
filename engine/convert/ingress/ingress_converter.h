#pragma once

// networking.k8s.io/v1 Ingress (+ the Services given with it, for port names) → Gateway API:
// one Gateway per (namespace, ingress class) with listeners per host (HTTP 80, HTTPS 443 with
// the TLS secrets, or the ports of nginx.org/listen-ports*), one HTTPRoute per (namespace, class,
// host) merging every Ingress of that host, GRPCRoutes for gRPC backends, TLSRoutes for
// ssl-passthrough, BackendTLSPolicies for TLS backends and ReferenceGrants where a route or
// Gateway refers across namespaces.
//
// The annotations of the community ingress-nginx controller (nginx_ingress_annotations.h) and
// of F5's NGINX Ingress Controller (nginx_org_annotations.h) are converted where the Gateway API
// has an equivalent; every other annotation is reported at its file:line:col with why and what to
// do instead. Behaviour follows the controllers (ingress-nginx: TLS hosts redirect HTTP to HTTPS
// by default, use-regex and rewrite-target make every path of the host a case-insensitive
// regex …); ../shared/fixtures/ingress2gateway/README.md lists where this differs from
// ingress2gateway.
//
// Pure: no I/O. Every generated field records its source in Conversion::provenance.

#include "engine/convert/conversion.h"
#include "engine/model/node.h"

#include <string>
#include <vector>

namespace Torii::Convert {

// One object read from an input file, with positions (Yaml::loadText / loadFile).
struct IngressInput
{
    std::string file;
    Model::Node object;
};

struct IngressOptions
{
    // gatewayClassName of the generated Gateways; empty: the ingress class name.
    std::string gatewayClass;
    // Namespace of Ingresses that name none (kubectl's default).
    std::string defaultNamespace = "default";
};

// networking.k8s.io/v1 Ingress: Mine. extensions/v1beta1 or networking.k8s.io/v1beta1 Ingress:
// Error (removed API versions; upgrade first). Anything else (Services included, which are read
// as context): NotMine.
Claim claimIngress(const Model::Node &object);

Conversion convertIngresses(const std::vector<IngressInput> &inputs,
                            const IngressOptions &options = {});

} // namespace Torii::Convert
