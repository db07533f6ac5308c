#include "stream_echo_service.h"

#include "mock_service.h"
#include "stream_echo_server.h"
#include "udp_echo_server.h"

namespace Torii::Backends {

StreamEchoService::StreamEchoService(QString namespaceName, QString name, int replicas, Kind kind,
                                     std::string certificatePem, std::string privateKeyPem)
    : m_namespace(std::move(namespaceName))
    , m_name(std::move(name))
    , m_replicas(replicas)
    , m_kind(kind)
    , m_certificate(std::move(certificatePem))
    , m_key(std::move(privateKeyPem))
{}

StreamEchoService::~StreamEchoService()
{
    stop();
}

std::string StreamEchoService::start()
{
    stop();
    if (m_kind == Kind::Https || m_kind == Kind::Http) {
        m_http = std::make_unique<MockService>(m_namespace, m_name, m_replicas);
        const StartResult started = m_http->start();
        if (!started.ok()) {
            const std::string why = started.error.toStdString();
            stop();
            return why;
        }
    }
    for (int i = 0; i < m_replicas && m_kind != Kind::Http; ++i) {
        EchoIdentity identity = replicaIdentity(m_namespace, m_name, i);
        identity.service = m_name;
        std::string why;
        if (m_kind == Kind::Udp || m_kind == Kind::Dns) {
            auto server = std::make_unique<UdpEchoServer>(
                m_kind == Kind::Udp ? UdpEchoServer::Mode::Echo : UdpEchoServer::Mode::Dns,
                identity);
            why = server->start();
            m_datagrams.push_back(std::move(server));
        } else {
            StreamEchoServer::Options options;
            options.identity = identity;
            if (m_kind != Kind::Tcp) {
                options.certificatePem = m_certificate;
                options.privateKeyPem = m_key;
            }
            if (m_kind == Kind::Https) {
                options.mode = StreamEchoServer::Mode::HttpsRelay;
                options.relayPort = m_http->endpoint(i).port();
            }
            auto server = std::make_unique<StreamEchoServer>(std::move(options));
            why = server->start();
            m_streams.push_back(std::move(server));
        }
        if (!why.empty()) {
            stop();
            return why;
        }
    }
    return {};
}

void StreamEchoService::stop()
{
    m_streams.clear();   // each stops in its destructor
    m_datagrams.clear();
    if (m_http) {
        m_http->stop();
        m_http.reset();
    }
}

std::vector<quint16> StreamEchoService::ports() const
{
    std::vector<quint16> out;
    if (m_kind == Kind::Http && m_http) {
        for (quint16 p : m_http->ports()) {
            out.push_back(p);
        }
        return out;
    }
    for (const auto &s : m_streams) {
        out.push_back(s->port());
    }
    for (const auto &d : m_datagrams) {
        out.push_back(d->port());
    }
    return out;
}

} // namespace Torii::Backends
