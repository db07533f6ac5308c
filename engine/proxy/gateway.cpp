#include "gateway.h"

#include "gateway_worker.h"
#include "shared_state.h"

#include <QThread>

#include <future>

namespace Torii::Proxy {

namespace {

struct BindResult
{
    bool ok = false;
    std::map<int, quint16> ports;
    std::string error;
};

// Builds the worker inside its own thread (so sockets belong to it), reports the bound ports,
// then runs the event loop until quit(); the worker and every socket die with run()'s scope.
class GatewayThread : public QThread
{
public:
    GatewayThread(GatewayConfig config, std::shared_ptr<Internal::SharedState> shared,
                  std::shared_ptr<std::promise<BindResult>> bound)
        : m_config(std::move(config))
        , m_shared(std::move(shared))
        , m_bound(std::move(bound))
    {}

protected:
    void run() override
    {
        Internal::GatewayWorker worker(m_config, m_shared);
        BindResult result;
        result.ok = worker.listen(&result.ports, &result.error);
        const bool ok = result.ok;
        m_bound->set_value(std::move(result));
        if (ok) {
            exec();
        }
    }

private:
    GatewayConfig m_config;
    std::shared_ptr<Internal::SharedState> m_shared;
    std::shared_ptr<std::promise<BindResult>> m_bound;
};

} // namespace

Gateway::Gateway(GatewayConfig config)
    : m_config(std::move(config))
    , m_shared(std::make_shared<Internal::SharedState>())
{}

Gateway::~Gateway()
{
    stop();
}

bool Gateway::start(std::string *error)
{
    if (m_thread) {
        if (error) {
            *error = "the gateway is already running";
        }
        return false;
    }
    auto bound = std::make_shared<std::promise<BindResult>>();
    std::future<BindResult> future = bound->get_future();
    m_thread = std::make_unique<GatewayThread>(m_config, m_shared, bound);
    m_thread->setObjectName(QStringLiteral("gateway"));
    m_thread->start();
    BindResult result = future.get();
    if (!result.ok) {
        m_thread->wait();
        m_thread.reset();
        if (error) {
            *error = result.error;
        }
        return false;
    }
    m_boundPorts = std::move(result.ports);
    return true;
}

void Gateway::stop()
{
    if (!m_thread) {
        return;
    }
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_boundPorts.clear();
}

void Gateway::setRouteTable(std::shared_ptr<const RouteTable::RouteTable> table)
{
    m_shared->setTable(std::move(table));
}

void Gateway::setEndpoints(EndpointMap endpoints)
{
    m_shared->setEndpoints(std::make_shared<const EndpointMap>(std::move(endpoints)));
}

} // namespace Torii::Proxy
