#include "http_exchange.h"

#include "client_stream.h"

#include <QtCore/QElapsedTimer>

#include <memory>

namespace Torii::Scenarios {

HttpExchangeResult exchange(quint16 port, Http::RequestHead head, const std::string &body,
                            std::chrono::milliseconds timeout, const TlsClientOptions *tls)
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

    std::optional<Tls::SigpipeBlock> noSigpipe;
    if (tls != nullptr) {
        noSigpipe.emplace();
    }
    const std::unique_ptr<ClientStream> stream =
        connectClientStream(port, tls, timer, timeout, &result);
    if (!stream) {
        return result;
    }
    const std::string wire = Http::serializeRequestHead(head) + body;
    if (!stream->write(wire, remaining(), &result.error)) {
        result.connectionFailed = true;
        return result;
    }

    readResponse(*stream, method, timer, timeout, &result);
    return result;
}

} // namespace Torii::Scenarios
