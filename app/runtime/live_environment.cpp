#include "live_environment.h"

#include "simulator/backends/mock_service.h"

namespace Torii::Runtime {

LiveEnvironment::LiveEnvironment() = default;

LiveEnvironment::~LiveEnvironment()
{
    stop();
}

bool LiveEnvironment::start(const std::vector<Model::Resource> &resources,
                            const Controller::ControllerOptions &options, std::string *error)
{
    // No Gateway to serve is not an error here: each request then says which listener it missed.
    return m_gateways.start(resources, Controller::reconcile(resources, options),
                            LocalGatewayOptions{}, error);
}

std::optional<quint16> LiveEnvironment::localPort(const std::string &gatewayNsName,
                                                  int listenerPort) const
{
    return m_gateways.localPort(gatewayNsName, listenerPort);
}

std::optional<int> LiveEnvironment::echoedRequests(const std::string &serviceNsName,
                                                   const std::string &target) const
{
    const Backends::MockService *service = m_gateways.mockService(serviceNsName);
    if (service == nullptr) {
        return std::nullopt;
    }
    return service->echoedRequests(target);
}

void LiveEnvironment::stop()
{
    m_gateways.stop();
}

} // namespace Torii::Runtime
