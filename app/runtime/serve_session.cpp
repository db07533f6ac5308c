#include "serve_session.h"

#include <algorithm>

namespace Torii::Runtime {

namespace RT = Torii::RouteTable;

namespace {

// A host name one of the listener's routes answers with a backend, for the curl line.
std::string exampleHost(const RT::RouteTable::ListenerView &view)
{
    for (const auto &host : view.hosts) {
        const bool servesBackends =
            std::any_of(host.routes.begin(), host.routes.end(),
                        [](const RT::HttpRoute *r) { return !r->backends.empty(); });
        if (servesBackends) {
            if (host.hostname.rfind("*.", 0) == 0) {
                return "www" + host.hostname.substr(1);
            }
            return host.hostname == "*" ? std::string() : host.hostname;
        }
    }
    return {};
}

} // namespace

ServeSession::ServeSession() = default;

ServeSession::~ServeSession()
{
    stop();
}

bool ServeSession::start(const std::vector<std::string> &paths, const ServeOptions &options,
                         QString *error)
{
    m_status = computeStatus(paths, options.controller);
    if (m_status.unreadable) {
        *error = QStringLiteral("the input could not be read");
        return false;
    }
    LocalGatewayOptions local;
    local.anyPort = options.anyPort;
    local.realBackends = options.realBackends;
    local.onEvent = [this](const Proxy::RequestEvent &event) {
        std::lock_guard lock(m_summaryMutex);
        ++m_summary.requests;
        ++m_summary.byStatus[event.status];
        ++m_summary.byBackend[event.localAnswer || event.backend.empty() ? std::string("(gateway)")
                                                                          : event.backend];
    };
    std::string why;
    if (!m_gateways.start(m_status.resources, m_status.controller, local, &why)) {
        *error = QString::fromStdString(why);
        return false;
    }
    if (!m_gateways.servesAnything()) {
        *error = QStringLiteral("no Gateway has an accepted HTTP listener to serve");
        return false;
    }
    for (const auto &[gatewayName, table] : m_status.controller.routeTables) {
        for (int port : table->ports()) {
            const auto view = table->listener(port);
            ServedListener listener;
            listener.gateway = gatewayName;
            listener.port = port;
            listener.protocol = view->protocol;
            listener.exampleHost = exampleHost(*view);
            listener.localPort = m_gateways.localPort(gatewayName, port).value_or(0);
            m_listeners.push_back(std::move(listener));
        }
    }
    return true;
}

void ServeSession::stop()
{
    m_gateways.stop();
}

TrafficSummary ServeSession::summary() const
{
    std::lock_guard lock(m_summaryMutex);
    return m_summary;
}

} // namespace Torii::Runtime
