#include "upgrade_tunnel.h"

#include "http1_upstream.h"
#include "loop_worker_context.h"
#include "tls_io.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <charconv>
#include <sys/socket.h>

namespace Torii::Proxy::Internal {

namespace {
constexpr std::size_t kReadChunk = 64 * 1024;
} // namespace

void SslFree::operator()(SSL *ssl) const
{
    SSL_free(ssl);
}

UpgradeTunnel::UpgradeTunnel(LoopWorkerContext &context, UpgradeHandover &&handover,
                             std::chrono::milliseconds connectTimeout)
    : m_context(context)
    , m_clientSsl(std::move(handover.clientSsl))
    , m_x(std::move(handover.exchange))
{
    m_client.fd = std::move(handover.fd);
    m_endpointName = handover.endpointHost + ':' + std::to_string(handover.endpointPort);
    m_endpoint.toWrite.append(handover.upstreamHead);
    m_endpoint.toWrite.append(handover.clientBytes);
    m_x.event.bytesIn += handover.clientBytes.size();
    if (m_x.backendTls != nullptr && m_context.pool != nullptr) {
        // The worker pool's per-policy context: one SSL_CTX per policy for pooled and tunnelled
        // connections alike. Never idle in the pool, so its pool key is never looked up.
        m_endpointTls =
            m_context.pool->tlsContexts().newSession(*m_x.backendTls, m_endpointName, {});
    }
    std::string error;
    m_endpoint.fd = Net::connectTcp(handover.endpointHost, handover.endpointPort, &error);
    if (m_endpoint.fd) {
        m_connectTimer = m_context.loop->addTimer(connectTimeout, [this] {
            m_connectTimer = 0;
            failConnect("cannot connect to " + m_endpointName +
                        ": not connected within the connect timeout");
        });
    } else {
        m_statusLine = "cannot connect to " + m_endpointName + ": " + error; // start() says it
    }
}

UpgradeTunnel::~UpgradeTunnel()
{
    if (m_connectTimer) {
        m_context.loop->cancelTimer(m_connectTimer);
    }
    for (Side *side : {&m_client, &m_endpoint}) {
        if (side->fd) {
            m_context.loop->remove(side->fd.get());
        }
    }
}

bool UpgradeTunnel::start()
{
    if (!m_client.fd ||
        !m_context.loop->add(m_client.fd.get(), 0, [this](std::uint32_t e) { onClient(e); })) {
        finish();
        return false;
    }
    if (!m_endpoint.fd) {
        failConnect(m_statusLine);
        return false;
    }
    m_endpoint.interest = Net::Writable;
    if (!m_context.loop->add(m_endpoint.fd.get(), Net::Writable,
                             [this](std::uint32_t e) { onEndpoint(e); })) {
        failConnect("cannot connect to " + m_endpointName + ": the event loop refused the socket");
        return false;
    }
    // Frames the client sent behind the head may already sit decrypted inside its SSL.
    pumpPending();
    update();
    return !m_finished;
}

void UpgradeTunnel::abort()
{
    finish();
}

Net::IoResult UpgradeTunnel::readFrom(Side &side, char *buffer, std::size_t capacity)
{
    if (&side == &m_client && m_clientSsl) {
        return tlsReadSome(m_clientSsl.get(), buffer, capacity, &side.tlsWantsWrite);
    }
    if (&side == &m_endpoint && m_endpointTls) {
        return m_endpointTls->read(buffer, capacity, &side.tlsWantsWrite);
    }
    return Net::readSome(side.fd.get(), buffer, capacity);
}

Net::IoResult UpgradeTunnel::writeTo(Side &side, std::string_view bytes)
{
    if (&side == &m_client && m_clientSsl) {
        return tlsWriteSome(m_clientSsl.get(), bytes);
    }
    if (&side == &m_endpoint && m_endpointTls) {
        return m_endpointTls->write(bytes);
    }
    return Net::writeSome(side.fd.get(), bytes);
}

bool UpgradeTunnel::tlsPending(const Side &side) const
{
    if (&side == &m_client) {
        return m_clientSsl && SSL_pending(m_clientSsl.get()) > 0;
    }
    return m_connected && m_endpointTls && m_endpointTls->pending();
}

void UpgradeTunnel::failConnect(const std::string &reason)
{
    if (m_finished) {
        return;
    }
    const LocalAnswer answer = upstreamFailedAnswer(m_x, reason);
    m_x.closeAfter = true;
    const std::string bytes = localAnswerBytes(m_x, answer);
    if (m_client.fd) {
        writeTo(m_client, bytes); // best effort: a short answer, then close
    }
    finish();
}

void UpgradeTunnel::onEndpoint(std::uint32_t events)
{
    if (m_finished) {
        return;
    }
    if (!m_connected) {
        if (m_handshakeInterest != 0) {
            continueHandshake();
            return;
        }
        const int error = Net::connectError(m_endpoint.fd.get());
        if (error != 0) {
            failConnect("cannot connect to " + m_endpointName + ": " + Net::errorText(error));
            return;
        }
        if (m_endpointTls) {
            if (!m_endpointTls->attach(m_endpoint.fd.get())) {
                failConnect(m_endpointTls->failure());
                return;
            }
            m_handshakeInterest = Net::Writable;
            continueHandshake();
            return;
        }
        connected();
        return;
    }
    if (events & Net::Writable) {
        flush(m_endpoint);
        if (m_endpoint.tlsWantsWrite && !m_finished) {
            m_endpoint.tlsWantsWrite = false;
            pump(m_endpoint, m_client, false);
        }
    }
    if (!m_finished && (events & (Net::Readable | Net::Hangup))) {
        pump(m_endpoint, m_client, false);
    }
    pumpPending();
    update();
}

void UpgradeTunnel::onClient(std::uint32_t events)
{
    if (m_finished) {
        return;
    }
    if (events & Net::Writable) {
        flush(m_client);
        if (m_client.tlsWantsWrite && !m_finished) {
            m_client.tlsWantsWrite = false;
            pump(m_client, m_endpoint, true);
        }
    }
    if (!m_finished && (events & (Net::Readable | Net::Hangup))) {
        pump(m_client, m_endpoint, true);
    }
    pumpPending();
    update();
}

// One step of the TLS handshake with the endpoint; the certificate check ends it.
void UpgradeTunnel::continueHandshake()
{
    const BackendTlsSession::Step step = m_endpointTls->handshake();
    m_handshakeInterest = BackendTlsSession::interestOf(step);
    if (step == BackendTlsSession::Step::Done) {
        connected();
        return;
    }
    if (step == BackendTlsSession::Step::Failed) {
        failConnect(m_endpointTls->failure());
        return;
    }
    m_endpoint.interest = m_handshakeInterest;
    m_context.loop->modify(m_endpoint.fd.get(), m_handshakeInterest);
}

void UpgradeTunnel::connected()
{
    m_connected = true;
    if (m_connectTimer) {
        m_context.loop->cancelTimer(m_connectTimer);
        m_connectTimer = 0;
    }
    m_x.event.endpoint = m_endpointName;
    flush(m_endpoint);
    pumpPending();
    update();
}

// Reads what `from` has while `to` can take it.
void UpgradeTunnel::pump(Side &from, Side &to, bool fromClient)
{
    while (!m_finished && !from.readEnded && to.toWrite.size() < kBufferBytes) {
        char *space = to.toWrite.writableSpace(kReadChunk);
        const Net::IoResult r = readFrom(from, space, to.toWrite.writableSize());
        if (r.wouldBlock) {
            break;
        }
        if (r.error) {
            finish();
            return;
        }
        if (r.closed) {
            from.readEnded = true;
            break;
        }
        if (!fromClient && m_x.event.status == 0) {
            // "HTTP/1.1 101 ..." : the status the client gets, for the event.
            m_statusLine.append(space, std::min<std::size_t>(r.bytes, 16));
            if (m_statusLine.size() >= 12) {
                int status = 0;
                std::from_chars(m_statusLine.data() + 9, m_statusLine.data() + 12, status);
                m_x.event.status = status;
                m_x.responseStarted = true;
            }
        }
        to.toWrite.commit(r.bytes);
        if (fromClient) {
            m_x.event.bytesIn += r.bytes;
        } else {
            m_x.event.bytesOut += r.bytes;
        }
    }
    flush(to);
}

// Bytes OpenSSL already decrypted (a record read whole while the other side's buffer was full,
// or several records in one socket read) are never signalled by the socket again: read them
// whenever there is room for them.
void UpgradeTunnel::pumpPending()
{
    for (int round = 0; round < 2 && !m_finished; ++round) {
        if (tlsPending(m_client) && !m_client.readEnded &&
            m_endpoint.toWrite.size() < kBufferBytes) {
            pump(m_client, m_endpoint, true);
        }
        if (!m_finished && tlsPending(m_endpoint) && !m_endpoint.readEnded &&
            m_client.toWrite.size() < kBufferBytes) {
            pump(m_endpoint, m_client, false);
        }
    }
}

void UpgradeTunnel::flush(Side &side)
{
    if (m_finished || (&side == &m_endpoint && !m_connected)) {
        return;
    }
    while (!side.toWrite.empty()) {
        const Net::IoResult r = writeTo(side, side.toWrite.readable());
        if (r.wouldBlock) {
            break;
        }
        if (r.error) {
            finish();
            return;
        }
        side.toWrite.consume(r.bytes);
    }
}

// The other side ended and everything it sent is out: end this side's write half, with a TLS
// close_notify first where this side speaks TLS (its peer then reads a clean end of stream).
void UpgradeTunnel::shutWrite(Side &side)
{
    SSL *ssl = nullptr;
    if (&side == &m_client) {
        ssl = m_clientSsl.get();
    } else if (m_endpointTls) {
        ssl = m_endpointTls->ssl();
    }
    if (ssl != nullptr) {
        ERR_clear_error();
        SSL_shutdown(ssl); // best effort on a non-blocking socket: the alert is one small record
        ERR_clear_error();
    }
    ::shutdown(side.fd.get(), SHUT_WR);
    side.writeShut = true;
}

void UpgradeTunnel::update()
{
    if (m_finished) {
        return;
    }
    Side &client = m_client;
    Side &endpoint = m_endpoint;
    // Half-close: the other side ended and everything it sent is out.
    if (client.readEnded && endpoint.toWrite.empty() && !endpoint.writeShut && m_connected) {
        shutWrite(endpoint);
    }
    if (endpoint.readEnded && client.toWrite.empty() && !client.writeShut) {
        shutWrite(client);
    }
    if (client.writeShut && endpoint.writeShut) {
        finish();
        return;
    }
    if (endpoint.readEnded && client.writeShut && !m_x.event.status) {
        finish(); // the endpoint closed without an answer
        return;
    }
    const auto want = [](const Side &self, const Side &other) {
        std::uint32_t interest = 0;
        if (!self.readEnded && other.toWrite.size() < kBufferBytes) {
            interest |= Net::Readable;
        }
        if (!self.toWrite.empty() || self.tlsWantsWrite) {
            interest |= Net::Writable;
        }
        return interest;
    };
    const std::uint32_t clientInterest = want(client, endpoint);
    if (clientInterest != client.interest) {
        client.interest = clientInterest;
        m_context.loop->modify(client.fd.get(), clientInterest);
    }
    if (m_connected) {
        const std::uint32_t endpointInterest = want(endpoint, client);
        if (endpointInterest != endpoint.interest) {
            endpoint.interest = endpointInterest;
            m_context.loop->modify(endpoint.fd.get(), endpointInterest);
        }
    }
}

void UpgradeTunnel::finish()
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    if (m_connectTimer) {
        m_context.loop->cancelTimer(m_connectTimer);
        m_connectTimer = 0;
    }
    for (Side *side : {&m_client, &m_endpoint}) {
        if (side->fd) {
            m_context.loop->remove(side->fd.get());
            side->fd.reset();
        }
    }
    finishEvent(m_x, m_context.loop->now());
    m_context.publish(std::move(m_x.event));
    if (m_context.retireTunnel) {
        m_context.retireTunnel(this);
    }
}

} // namespace Torii::Proxy::Internal
