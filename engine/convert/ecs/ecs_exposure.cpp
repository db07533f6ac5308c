#include "ecs_exposure.h"

#include <algorithm>
#include <set>

namespace Torii::Convert::Ecs::Internal {

using Core::Severity;
using Core::text;
using Model::Node;

namespace {

enum class Exposure { Http, Grpc, Tcp, Udp };

// TCP ports whose usual protocol is not HTTP: they get a TCPRoute rather than an HTTPRoute.
bool wellKnownNonHttp(std::int64_t port)
{
    static const std::set<std::int64_t> ports = {
        21,   22,   23,   25,   53,   110,  143,  389,  443,  465,  587,  636,  993,  995,   1433,
        1521, 2181, 2379, 3306, 5432, 5671, 5672, 6379, 7000, 7001, 9042, 9092, 9093, 11211, 27017};
    return ports.count(port) > 0;
}

Exposure exposureOf(EcsContext &ctx, const ExposedPort &p)
{
    if (p.protocol == "UDP") {
        return Exposure::Udp;
    }
    if (p.appProtocol == "grpc") {
        return Exposure::Grpc;
    }
    if (p.appProtocol == "http" || p.appProtocol == "http2") {
        return Exposure::Http;
    }
    const bool tcp = wellKnownNonHttp(p.containerPort);
    ctx.note(Severity::Info, "ecs.guess", *p.source, p.pointer,
             text(tcp ? QT_TRANSLATE_NOOP("Diagnostics",
                                          "Port %1 does not say its protocol; it is usually not "
                                          "HTTP, so it got a TCPRoute")
                      : QT_TRANSLATE_NOOP("Diagnostics",
                                          "Port %1 does not say its protocol; it was taken as "
                                          "HTTP and got an HTTPRoute"),
                  {std::to_string(p.containerPort)}),
             text(QT_TRANSLATE_NOOP("Diagnostics",
                                    "Set appProtocol (http, http2 or grpc) on the port mapping, "
                                    "or change the route kind by hand.")));
    return tcp ? Exposure::Tcp : Exposure::Http;
}

Node metadata(const std::string &name, const ExposureNames &names)
{
    Node m = Node::map();
    m.set("name", Node::string(name));
    if (!names.ns.empty()) {
        m.set("namespace", Node::string(names.ns));
    }
    Node labels = Node::map();
    labels.set("app", Node::string(names.app));
    m.set("labels", std::move(labels));
    return m;
}

} // namespace

void exposePorts(EcsContext &ctx, const std::vector<ExposedPort> &ports, const ExposureNames &names)
{
    if (ports.empty()) {
        return;
    }
    // Service names: <app>-<port>, with the container and the protocol added on collisions.
    std::vector<std::string> serviceNames;
    for (const ExposedPort &p : ports) {
        std::string name = kubernetesName(names.app + '-' + std::to_string(p.servicePort));
        const auto taken = [&](const std::string &n) {
            return std::find(serviceNames.begin(), serviceNames.end(), n) != serviceNames.end();
        };
        if (taken(name)) {
            name = kubernetesName(names.app + '-' + std::to_string(p.servicePort) + '-' +
                                  (p.protocol == "UDP" ? "udp" : p.container));
        }
        for (int k = 2; taken(name); ++k) {
            name = kubernetesName(names.app + '-' + std::to_string(p.servicePort) + '-' +
                                  std::to_string(k));
        }
        serviceNames.push_back(name);
    }

    Node listeners = Node::list();
    std::vector<Node> routes;
    const std::string gatewayLabel = resourceLabel("Gateway", names.app);
    for (std::size_t i = 0; i < ports.size(); ++i) {
        const ExposedPort &p = ports[i];
        const std::string &svc = serviceNames[i];
        const std::string svcLabel = resourceLabel("Service", svc);

        Node port = Node::map();
        port.set("name", Node::string(p.protocol == "UDP" ? "udp" : "tcp"));
        port.set("port", Node::integer(p.servicePort));
        port.set("targetPort", Node::integer(p.containerPort));
        port.set("protocol", Node::string(p.protocol));
        if (!p.appProtocol.empty()) {
            port.set("appProtocol", Node::string(p.appProtocol));
        }
        Node selector = Node::map();
        selector.set("app", Node::string(names.app));
        Node spec = Node::map();
        spec.set("selector", std::move(selector));
        Node portList = Node::list();
        portList.append(std::move(port));
        spec.set("ports", std::move(portList));
        Node service = Node::map();
        service.set("apiVersion", Node::string("v1"));
        service.set("kind", Node::string("Service"));
        service.set("metadata", metadata(svc, names));
        service.set("spec", std::move(spec));
        ctx.out().objects.push_back(std::move(service));
        ctx.trace(svcLabel, "spec.ports[0]", *p.source, p.pointer,
                  text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "Each port mapping gets a Service: the stable name and "
                                         "address that a target group or Service Connect gave "
                                         "in ECS. port is the host port when the task fixes "
                                         "one, targetPort the container port.")));

        const Exposure kind = exposureOf(ctx, p);
        const char *protocol = kind == Exposure::Udp   ? "UDP"
                               : kind == Exposure::Tcp ? "TCP"
                                                       : "HTTP";
        std::string listenerName = kubernetesName(std::string(kind == Exposure::Udp   ? "udp-"
                                                              : kind == Exposure::Tcp ? "tcp-"
                                                                                      : "http-") +
                                                  std::to_string(p.servicePort));
        Node listener = Node::map();
        listener.set("name", Node::string(listenerName));
        listener.set("port", Node::integer(p.servicePort));
        listener.set("protocol", Node::string(protocol));
        const std::string listenerPath = "spec.listeners[" + std::to_string(listeners.size()) + "]";
        listeners.append(std::move(listener));
        ctx.trace(gatewayLabel, listenerPath, *p.source, p.pointer,
                  text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "The load balancer listener in front of the ECS "
                                         "service is a Gateway listener on the same port.")));

        Node parent = Node::map();
        parent.set("name", Node::string(names.app));
        parent.set("sectionName", Node::string(listenerName));
        Node parents = Node::list();
        parents.append(std::move(parent));
        Node backend = Node::map();
        backend.set("name", Node::string(svc));
        backend.set("port", Node::integer(p.servicePort));
        Node backends = Node::list();
        backends.append(std::move(backend));
        Node rule = Node::map();
        rule.set("backendRefs", std::move(backends));
        Node rules = Node::list();
        rules.append(std::move(rule));
        Node routeSpec = Node::map();
        routeSpec.set("parentRefs", std::move(parents));
        routeSpec.set("rules", std::move(rules));
        const char *routeKind = kind == Exposure::Udp    ? "UDPRoute"
                                : kind == Exposure::Tcp  ? "TCPRoute"
                                : kind == Exposure::Grpc ? "GRPCRoute"
                                                         : "HTTPRoute";
        Node route = Node::map();
        route.set("apiVersion", Node::string(kind == Exposure::Udp || kind == Exposure::Tcp
                                                 ? "gateway.networking.k8s.io/v1alpha2"
                                                 : "gateway.networking.k8s.io/v1"));
        route.set("kind", Node::string(routeKind));
        route.set("metadata", metadata(svc, names));
        route.set("spec", std::move(routeSpec));
        routes.push_back(std::move(route));
        ctx.trace(resourceLabel(routeKind, svc), "spec.rules[0].backendRefs[0]", *p.source,
                  p.pointer,
                  text(kind == Exposure::Http || kind == Exposure::Grpc
                           ? QT_TRANSLATE_NOOP("Diagnostics",
                                               "An ALB forwarded to the target group of this "
                                               "port; the route forwards the listener's traffic "
                                               "to the Service.")
                           : QT_TRANSLATE_NOOP("Diagnostics",
                                               "An NLB forwarded this port; a TCPRoute or "
                                               "UDPRoute (experimental channel) forwards the "
                                               "listener's connections to the Service.")));
    }

    Node gwSpec = Node::map();
    gwSpec.set("gatewayClassName", Node::string(names.gatewayClass));
    gwSpec.set("listeners", std::move(listeners));
    Node gateway = Node::map();
    gateway.set("apiVersion", Node::string("gateway.networking.k8s.io/v1"));
    gateway.set("kind", Node::string("Gateway"));
    gateway.set("metadata", metadata(names.app, names));
    gateway.set("spec", std::move(gwSpec));
    ctx.out().objects.push_back(std::move(gateway));
    for (Node &r : routes) {
        ctx.out().objects.push_back(std::move(r));
    }
}

} // namespace Torii::Convert::Ecs::Internal
