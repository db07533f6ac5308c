#pragma once

// How the task's ports are reached: a Service per port mapping (TCP or UDP; the host port, when
// the task fixes one, is the Service port), and a Gateway with one listener per port and a route
// to the Service: HTTPRoute for HTTP (appProtocol http/http2, or a TCP port not known to carry
// another protocol), GRPCRoute for appProtocol grpc, TCPRoute / UDPRoute otherwise. ECS itself
// publishes nothing: the ALB or NLB in front of the service did, which is what the Gateway
// stands for. Module-private.

#include "ecs_containers.h"

namespace Torii::Convert::Ecs::Internal {

struct ExposureNames
{
    std::string app; // the pod label value and the Gateway's name
    std::string ns;  // metadata.namespace, "" for none
    std::string gatewayClass;
};

// Appends Services, the Gateway and its routes to ctx.out().objects.
void exposePorts(EcsContext &ctx, const std::vector<ExposedPort> &ports,
                 const ExposureNames &names);

} // namespace Torii::Convert::Ecs::Internal
