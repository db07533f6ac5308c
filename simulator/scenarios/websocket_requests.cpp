#include "websocket_requests.h"

#include "request_checks.h"
#include "websocket_client.h"

#include <algorithm>
#include <chrono>

namespace Torii::Scenarios {

using Core::text;

namespace {

constexpr std::chrono::milliseconds kConversationTimeout{10000}; // the suite's RequestTimeout

std::string label(const RequestCase &item, const TlsClientOptions *tls)
{
    return std::string(tls ? "wss " : "ws ") + item.request.path;
}

// A message as a failure shows it: text quoted, binary as its byte values; long ones cut.
std::string describe(const WebSocketMessage &message)
{
    constexpr std::size_t kShown = 64;
    std::string out;
    if (!message.binary) {
        std::size_t end = std::min(kShown, message.data.size());
        while (end < message.data.size() && end > 0 &&
               (std::uint8_t(message.data[end]) & 0xc0) == 0x80) {
            --end; // never cut a UTF-8 sequence
        }
        out = "text \"" + message.data.substr(0, end) + '"';
    } else {
        out = "binary [";
        for (std::size_t i = 0; i < message.data.size() && i < kShown / 2; ++i) {
            out += (i ? ", " : "") + std::to_string(std::uint8_t(message.data[i]));
        }
        out += ']';
    }
    if (message.data.size() > (message.binary ? kShown / 2 : kShown)) {
        out += " (" + std::to_string(message.data.size()) + " bytes)";
    }
    return out;
}

std::string cut(const std::string &body)
{
    constexpr std::size_t kShown = 200;
    return body.size() > kShown ? body.substr(0, kShown) + "..." : body;
}

// One conversation judged; nullopt when it met the expectation. `status` gets the answer's.
std::optional<CheckResult> converse(const RequestCase &item, quint16 port,
                                    const TlsClientOptions *tls, int *status)
{
    const SentRequest &r = item.request;
    const std::string what = label(item, tls);
    Http::RequestHead head;
    head.method = "GET";
    head.target = r.path;
    head.headers.add("Host", r.host.value_or("127.0.0.1:" + std::to_string(port)));
    for (const auto &[name, value] : r.headers) {
        head.headers.add(name, value);
    }
    WebSocketClient client(kConversationTimeout);
    HttpExchangeResult response;
    const bool upgraded = client.open(port, head, tls, &response);
    if (response.peerSpokePlainText) {
        return CheckResult{
            Verdict::Skip,
            text(QT_TRANSLATE_NOOP("Diagnostics", "%1: the HTTPS listener answered without TLS: "
                                                  "the local gateway does not terminate TLS yet"),
                 {what})};
    }
    if (!response.ok) {
        return CheckResult{
            Verdict::Fail,
            text(QT_TRANSLATE_NOOP("Diagnostics", "%1: no response: %2"), {what, response.error})};
    }
    *status = response.head.status;
    SentSummary sent;
    sent.method = "GET";
    sent.path = r.path;
    sent.scheme = tls ? "https" : "http";
    const CapturedRequest captured = captureRequest(response, sent.method);
    if (auto mismatch = compareResponse(item, sent, response, captured)) {
        if (mismatch->field == "status" && response.head.status != 101) {
            return CheckResult{
                Verdict::Fail,
                text(QT_TRANSLATE_NOOP("Diagnostics", "%1: the WebSocket handshake was refused "
                                                      "with status %2 (expected %3): %4"),
                     {what, std::to_string(response.head.status), mismatch->expected,
                      cut(response.body)})};
        }
        return CheckResult{Verdict::Fail,
                           text(QT_TRANSLATE_NOOP("Diagnostics", "%1: %2: expected %3, got %4"),
                                {what, mismatch->field, mismatch->expected, mismatch->got})};
    }
    if (response.head.status != 101) {
        return std::nullopt; // an expected refusal (a 404 from a route that does not match)
    }
    if (!upgraded) {
        return CheckResult{
            Verdict::Fail,
            text(QT_TRANSLATE_NOOP("Diagnostics", "%1: invalid WebSocket handshake: %2"),
                 {what, client.error()})};
    }
    const std::vector<WebSocketMessage> &messages = r.messages;
    for (std::size_t i = 0; i < messages.size(); ++i) {
        const std::string number = std::to_string(i + 1);
        const std::string count = std::to_string(messages.size());
        if (!client.send(messages[i])) {
            return CheckResult{
                Verdict::Fail,
                text(QT_TRANSLATE_NOOP("Diagnostics", "%1: cannot send message %2 of %3: %4"),
                     {what, number, count, client.error()})};
        }
        if (!item.expect.echoedMessages) {
            continue;
        }
        WebSocketMessage received;
        if (!client.receive(&received)) {
            return CheckResult{
                Verdict::Fail,
                text(QT_TRANSLATE_NOOP("Diagnostics", "%1: message %2 of %3 (%4) did not come "
                                                      "back: %5"),
                     {what, number, count, describe(messages[i]), client.error()})};
        }
        if (!(received == messages[i])) {
            return CheckResult{
                Verdict::Fail,
                text(QT_TRANSLATE_NOOP("Diagnostics", "%1: message %2 of %3: sent %4, received "
                                                      "%5"),
                     {what, number, count, describe(messages[i]), describe(received)})};
        }
    }
    client.close(); // not judged: the suite's client closes without checking the answer
    return std::nullopt;
}

} // namespace

CheckResult runWebSocketRequest(const RequestCase &item, quint16 port, const TlsClientOptions *tls)
{
    int status = 0;
    for (int i = 0; i < item.repeat; ++i) {
        if (auto verdict = converse(item, port, tls, &status)) {
            return *verdict;
        }
    }
    const std::string what = label(item, tls);
    if (status == 101 && item.expect.echoedMessages) {
        return CheckResult{
            Verdict::Pass,
            text(QT_TRANSLATE_NOOP("Diagnostics", "%1: status 101, %2 messages echoed unchanged"),
                 {what, std::to_string(item.request.messages.size())})};
    }
    return CheckResult{Verdict::Pass, text(QT_TRANSLATE_NOOP("Diagnostics", "%1: status %2"),
                                           {what, std::to_string(status)})};
}

} // namespace Torii::Scenarios
