#pragma once

// The client side of the conformance TCP echo's line protocol (stream_echo_server.h, Mode::TcpLines;
// ../shared/conformance/cases/FAMILIES.md §2): one blocking TCP or TLS conversation — the welcome
// line checked, then commands written and answer lines read. Shared by the route tests' stream
// requests (simulator/scenarios) and the traffic sampler (simulator/traffic).
// Thread: the caller's; blocking (the caller sets the socket's timeouts).

#include "engine/tls/client_context.h"

#include <openssl/types.h>

#include <memory>
#include <string>

namespace Torii::Backends {

class EchoLineClient
{
public:
    static constexpr char kWelcome[] = "Gateway API Test TCP Server";

    EchoLineClient() = default;
    ~EchoLineClient();
    EchoLineClient(const EchoLineClient &) = delete;
    EchoLineClient &operator=(const EchoLineClient &) = delete;

    // Takes over `fd` (a connected socket). With a `tls` context: handshakes with SNI
    // `serverName` and, when `checkPeer`, checks the certificate's names (ClientContext::
    // checkPeer). Then reads the welcome line. "" on success, else why.
    std::string open(int fd, std::shared_ptr<const Tls::ClientContext> tls,
                     const std::string &serverName, bool checkPeer);
    bool send(const std::string &bytes);
    // One line without its '\n'; false on EOF, error, timeout or a line over 64 KiB.
    bool readLine(std::string *line);

private:
    int m_fd = -1;
    SSL *m_ssl = nullptr;
    std::shared_ptr<const Tls::ClientContext> m_context;
};

} // namespace Torii::Backends
