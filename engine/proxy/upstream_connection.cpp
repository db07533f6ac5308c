#include "upstream_connection.h"

#include <QTcpSocket>
#include <QTimer>

#include <QHostAddress>

namespace Torii::Proxy::Internal {

namespace {
constexpr qint64 kHighWater = 1 << 20;     // bytes queued towards the endpoint
constexpr qint64 kReadBuffer = 256 * 1024; // what Qt reads ahead from the kernel
} // namespace

UpstreamConnection::UpstreamConnection(std::string endpoint, const std::string &host, quint16 port,
                                       const Http::Limits &limits,
                                       std::chrono::milliseconds connectTimeout, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_socket(new QTcpSocket(this))
    , m_connectTimer(new QTimer(this))
    , m_parser(limits)
{
    m_socket->setReadBufferSize(kReadBuffer);
    connect(m_socket, &QTcpSocket::connected, this, &UpstreamConnection::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &UpstreamConnection::readAvailable);
    connect(m_socket, &QTcpSocket::disconnected, this, &UpstreamConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (!m_connected) {
            fail("cannot connect to " + m_endpoint + ": " + m_socket->errorString().toStdString());
        } else if (m_socket->state() != QAbstractSocket::ConnectedState) {
            onDisconnected();
        }
    });
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this](qint64) {
        if (m_listener && m_socket->bytesToWrite() < kHighWater) {
            m_listener->upstreamWritable();
        }
    });
    m_connectTimer->setSingleShot(true);
    connect(m_connectTimer, &QTimer::timeout, this, [this, connectTimeout] {
        fail("connecting to " + m_endpoint + " timed out after " +
             std::to_string(connectTimeout.count()) + " ms");
    });
    m_connectTimer->start(connectTimeout);
    m_socket->connectToHost(QHostAddress(QString::fromStdString(host)), port);
}

UpstreamConnection::~UpstreamConnection() = default;

void UpstreamConnection::begin(UpstreamListener *listener, const std::string &method)
{
    m_listener = listener;
    m_parser.setRequestMethod(method);
    m_awaitingResponse = true;
    m_keepAlive = false;
}

void UpstreamConnection::send(std::string_view bytes)
{
    if (m_broken || bytes.empty()) {
        return;
    }
    if (!m_connected) {
        m_pending.append(bytes.data(), qsizetype(bytes.size()));
        return;
    }
    m_socket->write(bytes.data(), qint64(bytes.size()));
}

bool UpstreamConnection::reusable() const
{
    return m_connected && !m_broken && m_keepAlive && !m_awaitingResponse && m_parser.idle() &&
           m_input.isEmpty() && m_socket->state() == QAbstractSocket::ConnectedState;
}

qint64 UpstreamConnection::bytesToWrite() const
{
    return m_socket->bytesToWrite() + m_pending.size();
}

void UpstreamConnection::setReadPaused(bool paused)
{
    m_readPaused = paused;
    if (!paused && (m_socket->bytesAvailable() > 0 || !m_input.isEmpty())) {
        QTimer::singleShot(0, this, &UpstreamConnection::readAvailable);
    }
}

void UpstreamConnection::onConnected()
{
    m_connectTimer->stop();
    m_connected = true;
    if (!m_pending.isEmpty()) {
        m_socket->write(m_pending);
        m_pending.clear();
    }
}

void UpstreamConnection::readAvailable()
{
    if (m_readPaused || m_broken) {
        return;
    }
    m_input += m_socket->readAll();
    while (!m_input.isEmpty() && !m_broken && !m_readPaused) {
        if (!m_listener || !m_awaitingResponse) {
            // Bytes nobody asked for: the connection can no longer be trusted.
            m_broken = true;
            m_socket->abort();
            emit becameUnusable();
            return;
        }
        const Http::FeedResult result =
            m_parser.feed(std::string_view(m_input.constData(), m_input.size()), *this);
        m_input.remove(0, qsizetype(result.consumed));
        if (result.status == Http::FeedStatus::NeedMore) {
            break;
        }
        if (result.status == Http::FeedStatus::Error) {
            fail("invalid response from " + m_endpoint + ": " + m_parser.error().reason);
            return;
        }
        if (result.status == Http::FeedStatus::Upgraded) {
            fail("the endpoint " + m_endpoint + " switched protocols, which this gateway does " +
                 "not forward yet");
            return;
        }
    }
}

void UpstreamConnection::onDisconnected()
{
    if (m_broken) {
        return;
    }
    if (m_listener && m_awaitingResponse) {
        m_input += m_socket->readAll();
        if (!m_input.isEmpty()) {
            readAvailable();
        }
        if (m_listener && m_awaitingResponse && !m_broken) {
            const Http::FeedResult result = m_parser.finish(*this);
            if (m_awaitingResponse) {
                fail(result.status == Http::FeedStatus::Error
                         ? "the endpoint " + m_endpoint +
                               " closed the connection mid-response: " + m_parser.error().reason
                         : "the endpoint " + m_endpoint +
                               " closed the connection without answering");
                return;
            }
        }
    }
    m_broken = true;
    emit becameUnusable();
}

void UpstreamConnection::fail(const std::string &reason)
{
    if (m_broken) {
        return;
    }
    m_broken = true;
    m_connectTimer->stop();
    m_socket->abort();
    UpstreamListener *listener = std::exchange(m_listener, nullptr);
    m_awaitingResponse = false;
    if (listener) {
        listener->upstreamFailed(reason);
    } else {
        emit becameUnusable();
    }
}

void UpstreamConnection::onHead(Http::ResponseHead &&head)
{
    m_lastWasInterim = head.isInterim();
    if (!m_lastWasInterim) {
        m_keepAlive = head.keepAlive;
    }
    if (m_listener) {
        m_listener->upstreamHead(std::move(head));
    }
}

void UpstreamConnection::onBody(std::string_view chunk)
{
    if (m_listener) {
        m_listener->upstreamBody(chunk);
    }
}

void UpstreamConnection::onComplete(Http::Headers &&)
{
    if (!m_awaitingResponse) {
        return;
    }
    // An interim (1xx) response is a complete message of its own; the final one follows.
    if (m_lastWasInterim) {
        return;
    }
    m_awaitingResponse = false;
    if (m_listener) {
        m_listener->upstreamComplete();
    }
}

} // namespace Torii::Proxy::Internal
