#include "websocket_client.h"

#include <QtCore/QByteArray>
#include <QtCore/QRandomGenerator>

#include <algorithm>

namespace Torii::Scenarios {

using Backends::WebSocketFrame;
using Backends::WebSocketFrameDecoder;

WebSocketClient::WebSocketClient(std::chrono::milliseconds timeout)
    : m_timeout(timeout)
{
    m_timer.start();
}

WebSocketClient::~WebSocketClient() = default;

int WebSocketClient::remaining() const
{
    return static_cast<int>(std::max<qint64>(1, m_timeout.count() - m_timer.elapsed()));
}

bool WebSocketClient::fail(std::string why)
{
    m_error = std::move(why);
    m_open = false;
    return false;
}

bool WebSocketClient::open(quint16 port, Http::RequestHead head, const TlsClientOptions *tls,
                           HttpExchangeResult *response)
{
    *response = HttpExchangeResult{};
    if (tls != nullptr) {
        m_noSigpipe.emplace();
    }
    m_stream = connectClientStream(port, tls, m_timer, m_timeout, response);
    if (!m_stream) {
        return fail(response->error);
    }
    QByteArray nonce(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(nonce.data()), 4);
    const std::string key = nonce.toBase64().toStdString();
    head.method = "GET";
    if (!head.headers.contains("Host")) {
        head.headers.add("Host", "127.0.0.1:" + std::to_string(port));
    }
    head.headers.set("Upgrade", "websocket");
    head.headers.set("Connection", "Upgrade");
    head.headers.set("Sec-WebSocket-Key", key);
    head.headers.set("Sec-WebSocket-Version", "13");
    if (!m_stream->write(Http::serializeRequestHead(head), remaining(), &response->error)) {
        response->connectionFailed = true;
        return fail(response->error);
    }
    std::string rest;
    readResponse(*m_stream, head.method, m_timer, m_timeout, response, &rest);
    if (!response->ok) {
        return fail(response->error);
    }
    const Http::ResponseHead &answer = response->head;
    if (answer.status != 101) {
        return fail("the server did not switch protocols: status " + std::to_string(answer.status));
    }
    const Http::HeaderField *accept = answer.headers.find("Sec-WebSocket-Accept");
    if (!answer.headers.hasToken("Upgrade", "websocket") ||
        !answer.headers.hasToken("Connection", "upgrade")) {
        return fail("the 101 answer lacks Upgrade: websocket or Connection: Upgrade");
    }
    const std::string expected = Backends::webSocketAcceptFor(key);
    if (accept == nullptr || accept->value != expected) {
        return fail("Sec-WebSocket-Accept is " +
                    (accept == nullptr ? std::string("absent") : '"' + accept->value + '"') +
                    ", expected \"" + expected + '"');
    }
    m_decoder.feed(rest);
    m_open = true;
    return true;
}

bool WebSocketClient::sendFrame(WebSocketFrame frame)
{
    Backends::WebSocketMaskKey mask;
    const quint32 bits = QRandomGenerator::global()->generate();
    for (std::size_t i = 0; i < mask.size(); ++i) {
        mask[i] = std::uint8_t(bits >> (8 * i));
    }
    std::string error;
    if (!m_stream->write(Backends::encodeWebSocketFrame(frame, &mask), remaining(), &error)) {
        return fail(error.empty() ? std::string("cannot send a frame") : error);
    }
    return true;
}

bool WebSocketClient::send(const WebSocketMessage &message)
{
    if (!m_open) {
        return fail(m_error.empty() ? "the connection is not open" : m_error);
    }
    WebSocketFrame frame;
    frame.opcode = message.binary ? WebSocketFrame::Binary : WebSocketFrame::Text;
    frame.payload = message.data;
    return sendFrame(std::move(frame));
}

WebSocketClient::Next WebSocketClient::nextFrame(WebSocketFrame *frame)
{
    for (;;) {
        switch (m_decoder.next(*frame)) {
        case WebSocketFrameDecoder::Status::TooLarge:
            fail("the server sent a frame over " + std::to_string(kMaxMessage) + " bytes");
            return Next::Failed;
        case WebSocketFrameDecoder::Status::Frame:
            return Next::Frame;
        case WebSocketFrameDecoder::Status::NeedMore:
            break;
        }
        if (m_timer.elapsed() >= m_timeout.count()) {
            fail("nothing more within " + std::to_string(m_timeout.count()) + " ms");
            return Next::Failed;
        }
        std::string data;
        std::string error;
        switch (m_stream->read(data, remaining(), &error)) {
        case ClientStream::Read::Data:
            m_decoder.feed(data);
            break;
        case ClientStream::Read::Idle:
            break;
        case ClientStream::Read::Closed:
            m_open = false;
            m_error = "the server closed the connection without a close frame";
            return Next::Closed;
        case ClientStream::Read::Error:
            fail("the connection failed: " + error);
            return Next::Failed;
        }
    }
}

bool WebSocketClient::receive(WebSocketMessage *message)
{
    if (!m_open) {
        return fail(m_error.empty() ? "the connection is not open" : m_error);
    }
    std::optional<WebSocketMessage> partial; // a fragmented message being assembled
    WebSocketFrame frame;
    for (;;) {
        if (nextFrame(&frame) != Next::Frame) {
            return false;
        }
        if (frame.masked) {
            return fail("the server sent a masked frame");
        }
        if (frame.rsv != 0) {
            return fail("the server set reserved bits without an extension");
        }
        if (frame.isControl()) {
            if (!frame.fin || frame.payload.size() > 125) {
                return fail("the server sent a fragmented or oversized control frame");
            }
            if (frame.opcode == WebSocketFrame::Ping) {
                WebSocketFrame pong;
                pong.opcode = WebSocketFrame::Pong;
                pong.payload = frame.payload;
                if (!sendFrame(std::move(pong))) {
                    return false;
                }
                continue;
            }
            if (frame.opcode == WebSocketFrame::Pong) {
                continue;
            }
            if (frame.opcode == WebSocketFrame::Close) {
                m_closedByPeer = true;
                m_closeCode = frame.payload.size() >= 2 ? (std::uint8_t(frame.payload[0]) << 8) |
                                                              std::uint8_t(frame.payload[1])
                                                        : 0;
                if (!m_closeSent) {
                    WebSocketFrame answer; // RFC 6455 5.5.1: echo the status code
                    answer.opcode = WebSocketFrame::Close;
                    answer.payload = frame.payload.substr(0, 2);
                    m_closeSent = sendFrame(std::move(answer));
                }
                m_open = false;
                m_error = "the server closed the connection (close code " +
                          std::to_string(m_closeCode) + ")";
                return false;
            }
            return fail("the server sent unknown control opcode " + std::to_string(frame.opcode));
        }
        if (frame.opcode == WebSocketFrame::Continuation) {
            if (!partial) {
                return fail("the server sent a continuation frame without a message to continue");
            }
            partial->data += frame.payload;
        } else if (frame.opcode == WebSocketFrame::Text || frame.opcode == WebSocketFrame::Binary) {
            if (partial) {
                return fail("the server began a new message inside a fragmented one");
            }
            partial = WebSocketMessage{frame.opcode == WebSocketFrame::Binary, frame.payload};
        } else {
            return fail("the server sent unknown data opcode " + std::to_string(frame.opcode));
        }
        if (partial->data.size() > kMaxMessage) {
            return fail("the server sent a message over " + std::to_string(kMaxMessage) + " bytes");
        }
        if (frame.fin) {
            *message = std::move(*partial);
            return true;
        }
    }
}

bool WebSocketClient::close()
{
    if (!m_open) {
        return m_closedByPeer;
    }
    WebSocketFrame frame;
    frame.opcode = WebSocketFrame::Close;
    frame.payload = std::string("\x03\xe8", 2); // 1000, normal closure
    if (!sendFrame(std::move(frame))) {
        return false;
    }
    m_closeSent = true;
    WebSocketMessage ignored;
    while (receive(&ignored)) {
    }
    return m_closedByPeer;
}

} // namespace Torii::Scenarios
