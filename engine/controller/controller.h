#pragma once

// What a conformant Gateway API controller would report for a set of objects, and the route
// tables it would program. Pure: no sockets, no clock reads (time comes in the options), no
// threads; the same input gives the same output.

#include "engine/core/diagnostic.h"
#include "engine/model/node.h"
#include "engine/model/resource.h"
#include "engine/routetable/route_table.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace Torii::Controller {

inline constexpr const char *kControllerName = "torii.dev/gateway-controller";

struct ControllerOptions
{
    // GatewayClasses whose spec.controllerName equals this are Torii's.
    std::string controllerName = kControllerName;
    // Accept every GatewayClass (and serve Gateways whose class is absent through an implicit
    // class, with a warning): for partial designs such as the guide's.
    bool acceptAllClasses = false;
    // lastTransitionTime of every condition (RFC 3339). Injected so output is reproducible.
    std::string transitionTime = "1970-01-01T00:00:00Z";
};

// A listener that terminates TLS (HTTPS, or TLS in mode Terminate) and takes traffic, with the
// certificates its certificateRefs resolved to, for the local gateway (engine/tls builds the
// SSL_CTX from them; the studio fills `keyPairs` with a development certificate when empty).
struct TlsListener
{
    std::string owner;    // "Gateway ns/name" or "ListenerSet ns/name"
    std::string name;     // the listener's name
    int port = 0;
    std::string protocol; // "HTTPS" or "TLS"
    std::string hostname; // lower case; "" when the listener has none (any host)
    struct KeyPair
    {
        std::string certificateChain; // tls.crt, PEM
        std::string privateKey;       // tls.key, PEM
    };
    // The usable certificateRefs, in spec order (only Secrets that parse and whose key belongs to
    // the certificate, and only references allowed across namespaces).
    std::vector<KeyPair> keyPairs;
    // Why a certificateRef is unusable (the first problem's message), "" when all resolved.
    std::string certificateProblem;
    // Client certificate validation (Gateway spec.tls.frontend, the perPort entry for this port
    // or else the default), HTTPS only: the ca.crt PEM of each usable caCertificateRef, in spec
    // order; empty when client certificates are not validated.
    std::vector<std::string> clientCaBundles;
    bool clientValidationInsecure = false; // mode AllowInsecureFallback (else AllowValidOnly)
};

struct ControllerResult
{
    // Parallel to the input: the `status` object an API server would show for each resource
    // (conditions, listeners, parents, ancestors … in the Gateway API's shape), or nullopt when no
    // controller would write one (a class that is not ours, a core kind, an unknown kind).
    std::vector<std::optional<Model::Node>> statuses;
    // One compiled table per Gateway, keyed "namespace/name", from the accepted routes only.
    std::map<std::string, std::shared_ptr<const RouteTable::RouteTable>> routeTables;
    // Per compiled Gateway ("namespace/name"), its TLS-terminating listeners (own first, then
    // those of accepted ListenerSets), whether or not their certificates resolved.
    std::map<std::string, std::vector<TlsListener>> tlsListeners;
    // Warnings about what Torii assumed (implicit class, unreadable parametersRef …).
    Core::Diagnostics diagnostics;
};

// Computes the status of every GatewayClass, Gateway, ListenerSet, route (HTTP, gRPC, TLS, TCP,
// UDP) and BackendTLSPolicy that Torii reconciles, per the Gateway API v1.6.1 spec, and compiles
// one RouteTable per accepted Gateway.
//
// Contract:
// - Any input is accepted (invalid objects, dangling references, wrong shapes); nothing throws.
// - Objects without metadata.namespace are in "default"; a later object with the same identity
//   supersedes an earlier one (warning "controller.superseded"). Objects without a
//   creationTimestamp are younger than every timestamped one, in load order.
// - Torii serves every Gateway on 127.0.0.1 and reports that address. It supports the listener
//   protocols HTTP, HTTPS, TLS (Passthrough and Terminate), TCP and UDP; one port carries one
//   protocol (an HTTPS and a TLS listener, or TLS Passthrough and Terminate, on one port are a
//   ProtocolConflict).
// - A listener with unresolved certificateRefs reports Programmed=False but its routes are still
//   compiled (the studio serves them with a development certificate).
// - Thread: pure function; safe to call from several threads with different inputs.
ControllerResult reconcile(const std::vector<Model::Resource> &resources,
                           const ControllerOptions &options = {});

} // namespace Torii::Controller
