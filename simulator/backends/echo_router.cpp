#include "echo_router.h"

#include "echo_answer.h"
#include "go_duration.h"

#include <QRegularExpression>
#include <QUrlQuery>
#include <algorithm>
#include <climits>

namespace Torii::Backends {

namespace {

// Wire texts stay English (and are not translated): they are what Go's server sends.
EchoAction plainText(int status, std::string body)
{
    EchoAction action;
    action.status = status;
    action.headers.add("Content-Type", "text/plain; charset=utf-8");
    action.body = std::move(body);
    return action;
}

EchoAction badRequest(const std::string &why)
{
    return plainText(400, why + '\n');
}

std::chrono::milliseconds clampedDelay(std::chrono::nanoseconds delay)
{
    // Negative waits nothing (Go's time.Sleep); QTimer takes an int of milliseconds.
    if (delay.count() <= 0) {
        return std::chrono::milliseconds(0);
    }
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(delay);
    return std::chrono::milliseconds(std::min<std::int64_t>(ms.count(), INT_MAX));
}

// The path used to choose a handler: no query, "//" collapsed (the echoed path is unchanged).
QString handlerPath(const QString &target)
{
    QString path = target.left(target.indexOf(u'?') < 0 ? target.size() : target.indexOf(u'?'));
    while (path.contains(QStringLiteral("//"))) {
        path.replace(QStringLiteral("//"), QStringLiteral("/"));
    }
    return path;
}

QUrlQuery queryOf(const QString &target)
{
    const qsizetype question = target.indexOf(u'?');
    return QUrlQuery(question < 0 ? QString() : target.mid(question + 1));
}

std::string queryValue(const QUrlQuery &query, const QString &key)
{
    return query.queryItemValue(key, QUrl::FullyDecoded).toStdString();
}

EchoAction statusAnswer(const QString &path)
{
    static const QRegularExpression threeDigits(QStringLiteral("^/status/([0-9]{3})$"));
    const QRegularExpressionMatch match = threeDigits.match(path);
    if (!match.hasMatch()) {
        return badRequest("invalid status code");
    }
    EchoAction action;
    action.status = match.captured(1).toInt();
    // A 1xx code is sent as if final (Go would send it as interim, then 200): a known gap.
    if (action.status < 100) {
        // Go's WriteHeader panics on such a code; the server recovers by closing the connection.
        action.kind = EchoAction::Kind::Close;
    }
    return action;
}

EchoAction echoAnswer(const Http::RequestHead &head, const EchoIdentity &identity,
                      const QUrlQuery &query)
{
    EchoAction action;
    if (query.hasQueryItem(QStringLiteral("delay"))) {
        const std::string text = queryValue(query, QStringLiteral("delay"));
        const auto delay = parseGoDuration(QString::fromStdString(text));
        if (!delay) {
            return badRequest("invalid delay: " + text);
        }
        action.delay = clampedDelay(*delay);
    }
    action.echoed = true;
    action.headers = echoSetHeaders(head.headers);
    action.headers.set("Content-Type", "application/json");
    action.headers.set("X-Content-Type-Options", "nosniff");
    const QByteArray json = echoJson(head, identity);
    action.body.assign(json.constData(), std::size_t(json.size()));
    return action;
}

EchoAction retryAnswer(const Http::RequestHead &head, const EchoIdentity &identity,
                       const QUrlQuery &query, RetryLedger &retries)
{
    const QString uuid = query.queryItemValue(QStringLiteral("uuid"), QUrl::FullyDecoded);
    const QString succeedAfterText =
        query.queryItemValue(QStringLiteral("succeedAfter"), QUrl::FullyDecoded);
    if (uuid.isEmpty() || succeedAfterText.isEmpty()) {
        return badRequest("missing uuid or succeedAfter");
    }
    bool ok = false;
    const int succeedAfter = succeedAfterText.toInt(&ok);
    if (!ok) {
        return badRequest("invalid succeedAfter");
    }
    int responseCode = 0;
    if (query.hasQueryItem(QStringLiteral("responseCode"))) {
        responseCode = query.queryItemValue(QStringLiteral("responseCode")).toInt(&ok);
        if (!ok || responseCode < 100 || responseCode > 999) {
            return badRequest("invalid responseCode");
        }
    }
    std::chrono::milliseconds delay{0};
    if (query.hasQueryItem(QStringLiteral("delayRetry"))) {
        const std::string text = queryValue(query, QStringLiteral("delayRetry"));
        const auto parsed = parseGoDuration(QString::fromStdString(text));
        if (!parsed) {
            return badRequest("invalid delayRetry: " + text);
        }
        delay = clampedDelay(*parsed);
    }
    if (retries.recordAttempt(uuid) > succeedAfter) {
        return echoAnswer(head, identity, query);
    }
    EchoAction failure;
    failure.delay = delay;
    if (responseCode != 0) {
        failure.status = responseCode;
    } else {
        failure.kind = EchoAction::Kind::Reset;
    }
    return failure;
}

} // namespace

EchoAction answerRequest(const Http::RequestHead &head, const EchoIdentity &identity,
                         RetryLedger &retries)
{
    // Go's server refuses these before any handler runs.
    const std::size_t hosts = head.headers.values("Host").size();
    if (hosts > 1) {
        return protocolErrorAction({400, "too many Host headers"});
    }
    if (hosts == 0 && head.versionMajor == 1 && head.versionMinor >= 1) {
        return protocolErrorAction({400, "missing required Host header"});
    }

    const QString target = QString::fromStdString(head.target);
    const QString path = handlerPath(target);
    const QUrlQuery query = queryOf(target);
    EchoAction action;
    if (path == u"/health") {
        action = plainText(200, "OK");
    } else if (path.startsWith(u"/status/")) {
        action = statusAnswer(path);
    } else if (path.startsWith(u"/retry/")) {
        action = retryAnswer(head, identity, query, retries);
    } else {
        // /ws with a WebSocket handshake never gets here (EchoConnection switches to
        // websocket_echo.h); a plain request to /ws is echoed like any other path.
        action = echoAnswer(head, identity, query);
    }
    // Later: a behaviour profile (latency, error rate) will adjust `action` here, the one place
    // every answer passes; it is deliberately not half-implemented now.
    action.closeAfter = action.closeAfter || !head.keepAlive;
    return action;
}

EchoAction protocolErrorAction(const Http::Error &error)
{
    std::string body =
        std::to_string(error.status) + ' ' + std::string(Http::reasonPhrase(error.status));
    if (!error.reason.empty()) {
        body += ": " + error.reason;
    }
    EchoAction action = plainText(error.status, body);
    action.headers.add("Connection", "close");
    action.closeAfter = true;
    return action;
}

} // namespace Torii::Backends
