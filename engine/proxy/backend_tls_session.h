#pragma once

// The gateway's TLS client towards a backend whose Service port a BackendTLSPolicy targets
// (RouteTable::BackendTls): the handshake on the upstream's non-blocking socket with SNI = the
// policy hostname and ALPN http/1.1, the chain verified against the policy's CA certificates (or
// the system store, plus GatewayConfig::systemTrustStandIn's CA towards the endpoints it covers),
// then the certificate's names checked as the policy says
// (Tls::backendIdentityProblem). After the handshake it moves bytes like Net::readSome/writeSome.
//
// Thread: the worker's. A BackendTlsContexts cache belongs to one worker's upstream pool: one
// SSL_CTX per distinct policy (BackendTls::key), made on first use, shared by its pooled
// connections, mirror copies and upgrade tunnels.

#include "gateway_config.h"

#include "engine/net/event_loop.h"
#include "engine/net/tcp_socket.h"
#include "engine/routetable/route_table.h"
#include "engine/tls/backend_identity.h"
#include "engine/tls/client_context.h"

#include <memory>
#include <string>
#include <unordered_map>

namespace Torii::Proxy::Internal {

class BackendTlsSession;

class BackendTlsContexts
{
public:
    // The client context for `tls` towards `endpoint` ("host:port"); null with an English
    // `error` when it cannot be made.
    std::shared_ptr<const Tls::ClientContext>
    contextFor(const RouteTable::BackendTls &tls, const std::string &endpoint, std::string *error);
    // A session for a new connection to `endpoint` under `tls` (see BackendTlsSession); a
    // context that cannot be made makes its attach() fail saying why.
    std::unique_ptr<BackendTlsSession> newSession(const RouteTable::BackendTls &tls,
                                                  const std::string &endpoint, std::string poolKey);
    // GatewayConfig::systemTrustStandIn (null: none). Contexts made before keep what they trust.
    void setSystemTrustStandIn(std::shared_ptr<const SystemTrustStandIn> standIn)
    {
        m_standIn = std::move(standIn);
    }
    // Whether a System policy towards `endpoint` also trusts the stand-in CA.
    bool standsIn(const RouteTable::BackendTls &tls, const std::string &endpoint) const;
    std::size_t size() const { return m_contexts.size(); }

private:
    std::unordered_map<std::string, std::shared_ptr<const Tls::ClientContext>> m_contexts;
    std::shared_ptr<const SystemTrustStandIn> m_standIn;
};

class BackendTlsSession
{
public:
    enum class Step { Done, WantRead, WantWrite, Failed };

    // `poolKey`: the pool's idle-list key of the connection (endpoint and policy key). A null
    // `context` makes attach() fail with `setupFailure` (the context could not be made).
    BackendTlsSession(std::shared_ptr<const Tls::ClientContext> context,
                      const RouteTable::BackendTls &tls, std::string poolKey,
                      std::string setupFailure = {});
    ~BackendTlsSession();
    BackendTlsSession(const BackendTlsSession &) = delete;
    BackendTlsSession &operator=(const BackendTlsSession &) = delete;

    // Binds the session to the connected socket; false when OpenSSL cannot make one.
    bool attach(int fd);
    // One step of the handshake. Failed: failure() says why ("the backend's certificate did
    // not verify: ..."). Done also means the certificate's names are acceptable.
    Step handshake();
    const std::string &failure() const { return m_failure; }
    // What the event loop must wait for before the next handshake() (0 when Done or Failed):
    // the one mapping for every connection that originates TLS.
    static unsigned interestOf(Step step)
    {
        return step == Step::WantRead ? unsigned(Net::Readable)
               : step == Step::WantWrite ? unsigned(Net::Writable)
                                         : 0u;
    }

    // `wantsWrite` (optional): as tlsReadSome's (tls_io.h).
    Net::IoResult read(char *buffer, std::size_t capacity, bool *wantsWrite = nullptr);
    Net::IoResult write(std::string_view bytes);
    // Decrypted bytes OpenSSL holds that the socket will not signal again.
    bool pending() const;
    const std::string &poolKey() const { return m_poolKey; }
    const std::string &policy() const { return m_policy; }
    // The session after attach() (null before), for a close_notify (SSL_shutdown).
    SSL *ssl() const { return m_ssl; }

private:
    std::shared_ptr<const Tls::ClientContext> m_context;
    SSL *m_ssl = nullptr;
    std::string m_policy;
    Tls::BackendIdentity m_identity;
    std::string m_poolKey;
    std::string m_failure;
};

} // namespace Torii::Proxy::Internal
