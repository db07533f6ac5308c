#include "http_backends.h"

#include "design_objects.h"

#include <algorithm>

namespace Torii::Runtime {

namespace {

bool runsGrpcEcho(const Model::Resource &deployment)
{
    const Model::Node &containers = deployment.object["spec"]["template"]["spec"]["containers"];
    if (!containers.isList()) {
        return false;
    }
    for (const Model::Node &c : containers.items()) {
        if (!c["env"].isList()) {
            continue;
        }
        for (const Model::Node &e : c["env"].items()) {
            if (e["name"].asString() == "GRPC_ECHO_SERVER") {
                return true; // echo-basic reads only whether it is set
            }
        }
    }
    return false;
}

std::string appProtocolOf(const Model::Resource *service, int port)
{
    if (service == nullptr || !service->object["spec"]["ports"].isList()) {
        return {};
    }
    for (const Model::Node &p : service->object["spec"]["ports"].items()) {
        if (p["port"].isInt() && p["port"].asInt() == port) {
            return p["appProtocol"].isNull() ? std::string() : p["appProtocol"].asString();
        }
    }
    return {};
}

} // namespace

HttpBackendSpec httpBackendFor(const std::vector<Model::Resource> &resources, const std::string &ns,
                               const std::string &service, int port, bool grpcRouted)
{
    HttpBackendSpec spec;
    const Model::Resource *deployment = findObject(resources, "Deployment", ns, service);
    if (deployment) {
        const Model::Node &replicas = deployment->object["spec"]["replicas"];
        if (replicas.isInt()) {
            spec.replicas = int(std::max<std::int64_t>(0, replicas.asInt()));
        }
    }
    if ((deployment && runsGrpcEcho(*deployment)) || (!deployment && grpcRouted)) {
        spec.kind = HttpBackendKind::Grpc;
    } else if (appProtocolOf(findObject(resources, "Service", ns, service), port) ==
               "kubernetes.io/h2c") {
        spec.kind = HttpBackendKind::H2c;
    }
    return spec;
}

} // namespace Torii::Runtime
