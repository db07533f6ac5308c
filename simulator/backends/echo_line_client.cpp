#include "echo_line_client.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <sys/socket.h>
#include <unistd.h>

namespace Torii::Backends {

EchoLineClient::~EchoLineClient()
{
    if (m_ssl) {
        SSL_shutdown(m_ssl);
        SSL_free(m_ssl);
        ERR_clear_error();
    }
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

std::string EchoLineClient::open(int fd, std::shared_ptr<const Tls::ClientContext> tls,
                                 const std::string &serverName, bool checkPeer)
{
    m_fd = fd;
    m_context = std::move(tls);
    if (m_context) {
        m_ssl = m_context->newSession(m_fd, serverName);
        if (m_ssl == nullptr || SSL_connect(m_ssl) != 1) {
            return "TLS handshake failed: " +
                   Tls::ClientContext::failureReason(m_ssl, "the connection closed");
        }
        if (checkPeer) {
            const std::string error = m_context->checkPeer(m_ssl, serverName);
            if (!error.empty()) {
                return error;
            }
        }
    }
    std::string welcome;
    if (!readLine(&welcome)) {
        return "no welcome line (the connection closed or timed out)";
    }
    if (welcome != kWelcome) {
        return "the welcome line was \"" + welcome + "\", not \"" + kWelcome + '"';
    }
    return {};
}

bool EchoLineClient::send(const std::string &bytes)
{
    if (m_ssl) {
        return SSL_write(m_ssl, bytes.data(), int(bytes.size())) == int(bytes.size());
    }
    return ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == ssize_t(bytes.size());
}

bool EchoLineClient::readLine(std::string *line)
{
    line->clear();
    while (line->size() <= 65536) {
        char c = 0;
        const long n = m_ssl ? SSL_read(m_ssl, &c, 1) : ::recv(m_fd, &c, 1, 0);
        if (n != 1) {
            return false;
        }
        if (c == '\n') {
            return true;
        }
        line->push_back(c);
    }
    return false;
}

} // namespace Torii::Backends
