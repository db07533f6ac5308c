#include "upgrade_tunnel.h"

#include "loop_worker_context.h"

#include <sys/socket.h>

#include <charconv>

namespace Torii::Proxy::Internal {

namespace {
constexpr std::size_t kReadChunk = 64 * 1024;
} // namespace

UpgradeTunnel::UpgradeTunnel(LoopWorkerContext &context, UpgradeHandover &&handover,
                             std::chrono::milliseconds connectTimeout)
    : m_context(context)
    , m_x(std::move(handover.exchange))
{
    m_client.fd = std::move(handover.fd);
    m_endpointName = handover.endpointHost + ':' + std::to_string(handover.endpointPort);
    m_endpoint.toWrite.append(handover.upstreamHead);
    m_endpoint.toWrite.append(handover.clientBytes);
    m_x.event.bytesIn += handover.clientBytes.size();
    std::string error;
    m_endpoint.fd = Net::connectTcp(handover.endpointHost, handover.endpointPort, &error);
    if (m_endpoint.fd) {
        m_connectTimer = m_context.loop->addTimer(connectTimeout, [this] {
            m_connectTimer = 0;
            failConnect("not connected within the connect timeout");
        });
    } else {
        m_statusLine = error; // reported by start()
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
    if (!m_client.fd || !m_context.loop->add(m_client.fd.get(), 0,
                                             [this](std::uint32_t e) { onClient(e); })) {
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
        failConnect("the event loop refused the socket");
        return false;
    }
    return true;
}

void UpgradeTunnel::abort()
{
    finish();
}

void UpgradeTunnel::failConnect(const std::string &reason)
{
    if (m_finished) {
        return;
    }
    const LocalAnswer answer =
        upstreamFailedAnswer(m_x, "cannot connect to " + m_endpointName + ": " + reason);
    m_x.closeAfter = true;
    const std::string bytes = localAnswerBytes(m_x, answer);
    if (m_client.fd) {
        Net::writeSome(m_client.fd.get(), bytes); // best effort: a short answer, then close
    }
    finish();
}

void UpgradeTunnel::onEndpoint(std::uint32_t events)
{
    if (m_finished) {
        return;
    }
    if (!m_connected) {
        const int error = Net::connectError(m_endpoint.fd.get());
        if (error != 0) {
            failConnect(Net::errorText(error));
            return;
        }
        connected();
        return;
    }
    if (events & Net::Writable) {
        flush(m_endpoint);
    }
    if (!m_finished && (events & (Net::Readable | Net::Hangup))) {
        pump(m_endpoint, m_client, false);
    }
    update();
}

void UpgradeTunnel::onClient(std::uint32_t events)
{
    if (m_finished) {
        return;
    }
    if (events & Net::Writable) {
        flush(m_client);
    }
    if (!m_finished && (events & (Net::Readable | Net::Hangup))) {
        pump(m_client, m_endpoint, true);
    }
    update();
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
    update();
}

// Reads what `from` has while `to` can take it.
void UpgradeTunnel::pump(Side &from, Side &to, bool fromClient)
{
    while (!from.readEnded && to.toWrite.size() < kBufferBytes) {
        char *space = to.toWrite.writableSpace(kReadChunk);
        const Net::IoResult r = Net::readSome(from.fd.get(), space, to.toWrite.writableSize());
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

void UpgradeTunnel::flush(Side &side)
{
    if (m_finished || (&side == &m_endpoint && !m_connected)) {
        return;
    }
    while (!side.toWrite.empty()) {
        const Net::IoResult r = Net::writeSome(side.fd.get(), side.toWrite.readable());
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

void UpgradeTunnel::update()
{
    if (m_finished) {
        return;
    }
    Side &client = m_client;
    Side &endpoint = m_endpoint;
    // Half-close: the other side ended and everything it sent is out.
    if (client.readEnded && endpoint.toWrite.empty() && !endpoint.writeShut && m_connected) {
        ::shutdown(endpoint.fd.get(), SHUT_WR);
        endpoint.writeShut = true;
    }
    if (endpoint.readEnded && client.toWrite.empty() && !client.writeShut) {
        ::shutdown(client.fd.get(), SHUT_WR);
        client.writeShut = true;
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
        if (!self.toWrite.empty()) {
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
