#include "http_exchange.h"

#include <QtCore/QElapsedTimer>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QTcpSocket>

namespace Torii::Scenarios {

namespace {

class Collector : public Http::ResponseHandler
{
public:
    void onHead(Http::ResponseHead &&head) override
    {
        m_interim = head.isInterim();
        if (!m_interim) {
            m_head = std::move(head);
        }
    }
    void onBody(std::string_view chunk) override { m_body.append(chunk); }
    void onComplete(Http::Headers &&) override { m_complete = !m_interim; }

    bool complete() const { return m_complete; }
    Http::ResponseHead takeHead() { return std::move(m_head); }
    std::string takeBody() { return std::move(m_body); }

private:
    Http::ResponseHead m_head;
    std::string m_body;
    bool m_interim = false;
    bool m_complete = false;
};

} // namespace

HttpExchangeResult exchange(quint16 port, Http::RequestHead head, const std::string &body,
                            std::chrono::milliseconds timeout)
{
    HttpExchangeResult result;
    QElapsedTimer timer;
    timer.start();
    auto remaining = [&]() {
        return static_cast<int>(std::max<qint64>(1, timeout.count() - timer.elapsed()));
    };

    if (!head.headers.contains("Host")) {
        head.headers.add("Host", "127.0.0.1:" + std::to_string(port));
    }
    if (!body.empty() && !head.headers.contains("Content-Length")) {
        head.headers.add("Content-Length", std::to_string(body.size()));
    }
    if (!head.headers.contains("Connection")) {
        head.headers.add("Connection", "close");
    }
    const std::string method = head.method;

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(remaining())) {
        result.error = "cannot connect to 127.0.0.1:" + std::to_string(port) + ": " +
                       socket.errorString().toStdString();
        return result;
    }
    const std::string wire = Http::serializeRequestHead(head) + body;
    socket.write(wire.data(), static_cast<qint64>(wire.size()));

    Http::ResponseParser parser;
    parser.setRequestMethod(method);
    Collector collector;
    while (!collector.complete()) {
        if (timer.elapsed() >= timeout.count()) {
            result.error = "no complete response within " + std::to_string(timeout.count()) +
                           " ms";
            return result;
        }
        const bool more = socket.bytesAvailable() > 0 || socket.waitForReadyRead(remaining());
        if (!more) {
            if (socket.state() != QAbstractSocket::ConnectedState) {
                // The peer closed: a close-delimited body ends here, anything else is truncated.
                const Http::FeedResult end = parser.finish(collector);
                if (end.status == Http::FeedStatus::Error || !collector.complete()) {
                    result.error = "the connection closed before a complete response";
                    return result;
                }
                break;
            }
            continue;
        }
        const QByteArray data = socket.readAll();
        std::string_view rest(data.constData(), static_cast<std::size_t>(data.size()));
        while (!rest.empty() && !collector.complete()) {
            const Http::FeedResult fed = parser.feed(rest, collector);
            if (fed.status == Http::FeedStatus::Error) {
                result.error = "malformed response: " + parser.error().reason;
                return result;
            }
            rest.remove_prefix(fed.consumed);
            if (fed.status == Http::FeedStatus::Upgraded || fed.consumed == 0) {
                break;
            }
        }
    }
    socket.abort();
    result.ok = true;
    result.head = collector.takeHead();
    result.body = collector.takeBody();
    return result;
}

} // namespace Torii::Scenarios
