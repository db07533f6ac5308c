#include "request_runner.h"

#include "distribution_tally.h"
#include "grpc_exchange.h"
#include "h2c_exchange.h"
#include "mirror_checks.h"
#include "request_checks.h"
#include "stream_requests.h"
#include "websocket_requests.h"

#include <QtCore/QByteArray>
#include <QtCore/QUrl>
#include <QtCore/QUuid>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <variant>

namespace Torii::Scenarios {

using Core::text;

namespace {

constexpr std::chrono::milliseconds kRequestTimeout{10000}; // the suite's RequestTimeout
constexpr int kMaxRedirects = 10;                           // Go's http.Client default

std::string freshUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

std::string label(const RequestCase &item)
{
    return item.request.method + ' ' + item.request.path;
}

bool isFollowedRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

struct Target
{
    std::string gateway; // namespace/name
    quint16 port = 0;
    std::string listenerProtocol; // of the listener on that port in the Gateway's manifest
};

struct Outcome
{
    SentSummary sent;
    HttpExchangeResult response;
    std::optional<Core::Text> skip;
};

class Sender
{
public:
    // `tls`: how to speak TLS to an https listener; null for http.
    Sender(const RequestCase &item, const TlsClientOptions *tls)
        : m_item(item)
        , m_tls(tls)
        , m_random(std::random_device{}())
    {}

    // `unique`: the value of the unique query parameter for this send ("" when none).
    Outcome send(quint16 port, const std::string &unique)
    {
        const SentRequest &r = m_item.request;
        Outcome out;
        out.sent.method = r.method;
        out.sent.scheme = m_tls ? "https" : "http"; // redirect.scheme's default
        out.sent.path = r.path;
        if (r.uniqueQueryParam) {
            out.sent.path += (r.path.find('?') == std::string::npos ? '?' : '&') +
                             r.uniqueQueryParam->name + '=' + unique;
        }
        Http::RequestHead head;
        head.method = r.method;
        head.target = out.sent.path;
        head.headers.add("Host", r.host.value_or("127.0.0.1:" + std::to_string(port)));
        for (const auto &[name, value] : r.headers) {
            head.headers.add(name, value);
        }
        std::string echoSet;
        for (const auto &[name, value] : r.echoSetHeaders) {
            echoSet += (echoSet.empty() ? "" : ",") + name + ':' + value;
        }
        head.headers.add("X-Echo-Set-Header", echoSet); // always sent (README, request)
        if (!r.randomHeader.empty() && std::uniform_int_distribution<int>(0, 1)(m_random) == 1) {
            head.headers.add(r.randomHeader,
                             std::to_string(std::uniform_int_distribution<int>(0, 9999)(m_random)));
        }
        std::string body = r.body;
        out.response = exchangeOnce(port, head, body);
        for (int hop = 0; hop < kMaxRedirects && !r.unfollowRedirect && out.response.ok &&
                          isFollowedRedirect(out.response.head.status);
             ++hop) {
            const Http::HeaderField *location = out.response.head.headers.find("Location");
            if (location == nullptr) {
                break;
            }
            const QString scheme = m_tls ? QStringLiteral("https") : QStringLiteral("http");
            const QUrl base(QStringLiteral("%1://127.0.0.1:%2%3")
                                .arg(scheme)
                                .arg(port)
                                .arg(QString::fromStdString(head.target)));
            const QUrl url = base.resolved(QUrl(QString::fromStdString(location->value)));
            const bool local = QUrl(QString::fromStdString(location->value)).isRelative() ||
                               (url.scheme() == scheme &&
                                url.host() == QLatin1String("127.0.0.1") && url.port() == port);
            if (!local) {
                out.skip = text(QT_TRANSLATE_NOOP("Diagnostics",
                                                  "cannot follow the redirect to %1: it leaves "
                                                  "the local gateway"),
                                {location->value});
                return out;
            }
            if (out.response.head.status == 303 ||
                ((out.response.head.status == 301 || out.response.head.status == 302) &&
                 head.method == "POST")) {
                head.method = "GET"; // as Go's client does
                body.clear();
                head.headers.remove("Content-Length");
            }
            head.target = url.path(QUrl::FullyEncoded).toStdString();
            if (url.hasQuery()) {
                head.target += '?' + url.query(QUrl::FullyEncoded).toStdString();
            }
            out.response = exchangeOnce(port, head, body);
        }
        return out;
    }

private:
    // protocol h2c: HTTP/2 with prior knowledge (h2c_exchange.h); else HTTP/1.1, TLS or not.
    HttpExchangeResult exchangeOnce(quint16 port, const Http::RequestHead &head,
                                    const std::string &body) const
    {
        if (m_item.request.protocol == "h2c") {
            return h2cExchange(port, head, body, kRequestTimeout);
        }
        return exchange(port, head, body, kRequestTimeout, m_tls);
    }

    const RequestCase &m_item;
    const TlsClientOptions *m_tls;
    std::mt19937 m_random;
};

ItemResult itemFor(const RequestCase &item, std::size_t index)
{
    ItemResult result;
    result.index = index;
    result.what = "request";
    result.subtest = item.subtest;
    result.mark = item.mark;
    return result;
}

CheckResult failed(const RequestCase &item, const Mismatch &m)
{
    return CheckResult{Verdict::Fail,
                       text(QT_TRANSLATE_NOOP("Diagnostics", "%1: %2: expected %3, got %4"),
                            {label(item), m.field, m.expected, m.got})};
}

CheckResult noResponse(const RequestCase &item, const std::string &error)
{
    return CheckResult{Verdict::Fail, text(QT_TRANSLATE_NOOP("Diagnostics", "%1: no response: %2"),
                                           {label(item), error})};
}

std::string answeredBy(const CapturedRequest &captured)
{
    return captured.pod.empty() ? std::string("the gateway") : captured.pod;
}

// One send judged; nullopt when it passed.
std::optional<CheckResult> judge(const RequestCase &item, const Outcome &outcome,
                                 CapturedRequest *capturedOut = nullptr)
{
    if (outcome.skip) {
        return CheckResult{Verdict::Skip, *outcome.skip};
    }
    if (outcome.response.peerSpokePlainText) {
        // Neither a pass nor a failure of the case: the listener is not an HTTPS one yet.
        return CheckResult{Verdict::Skip,
                           text(QT_TRANSLATE_NOOP("Diagnostics",
                                                  "%1: the HTTPS listener answered without TLS: "
                                                  "the local gateway does not terminate TLS yet"),
                                {label(item)})};
    }
    if (item.expect.connection) {
        const bool opened = !outcome.response.connectionFailed;
        if (*item.expect.connection == "handshake-fails" && (opened || outcome.response.ok)) {
            return CheckResult{
                Verdict::Fail,
                outcome.response.ok
                    ? text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "%1: expected the connection or TLS handshake to "
                                             "fail, got status %2"),
                           {label(item), std::to_string(outcome.response.head.status)})
                    : text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "%1: expected the connection or TLS handshake to "
                                             "fail, but it succeeded (%2)"),
                           {label(item), outcome.response.error})};
        }
        if (*item.expect.connection == "ok" && !opened) {
            return noResponse(item, outcome.response.error);
        }
        return std::nullopt;
    }
    if (!outcome.response.ok) {
        return noResponse(item, outcome.response.error);
    }
    const CapturedRequest captured = captureRequest(outcome.response, outcome.sent.method);
    if (auto mismatch = compareResponse(item, outcome.sent, outcome.response, captured)) {
        return failed(item, *mismatch);
    }
    if (capturedOut) {
        *capturedOut = captured;
    }
    return std::nullopt;
}

CheckResult runDistribution(const RequestCase &item, quint16 port, const TlsClientOptions *tls)
{
    const ExpectedDistribution &d = *item.expect.distribution;
    Sender sender(item, tls);
    const std::string caseUuid = freshUuid();
    std::string lastProblem;
    for (int attempt = 0; attempt < d.attempts; ++attempt) {
        const std::string roundUuid = freshUuid();
        DistributionTally tally(d);
        for (int i = 0; i < d.requests && !tally.failed(); ++i) {
            const std::string scope =
                item.request.uniqueQueryParam ? item.request.uniqueQueryParam->scope : "";
            const std::string unique =
                scope == "case" ? caseUuid : (scope == "round" ? roundUuid : freshUuid());
            const Outcome outcome = sender.send(port, unique);
            CapturedRequest captured;
            if (auto verdict = judge(item, outcome, &captured)) {
                // Each request must meet the rest of expect, or the attempt fails (weight.go);
                // a failure of that kind is not statistical, so no other attempt can mend it.
                return *verdict;
            }
            tally.count(backendOfPod(captured.pod));
        }
        lastProblem = tally.judge();
        if (lastProblem.empty()) {
            return distributionPassed(label(item), d, tally);
        }
    }
    return distributionFailed(label(item), d, lastProblem);
}

CheckResult runRepeated(const RequestCase &item, quint16 port, const TlsClientOptions *tls,
                        const LiveEnvironment &live)
{
    Sender sender(item, tls);
    const std::string caseUuid = freshUuid();
    CapturedRequest captured;
    int lastStatus = 0;
    for (int i = 0; i < item.repeat; ++i) {
        const bool perAttempt =
            item.request.uniqueQueryParam && item.request.uniqueQueryParam->scope == "attempt";
        const Outcome outcome = sender.send(port, perAttempt ? freshUuid() : caseUuid);
        if (auto verdict = judge(item, outcome, &captured)) {
            return *verdict;
        }
        if (!item.expect.mirroredTo.empty()) {
            if (auto verdict =
                    checkMirroredTo(item.expect, label(item), outcome.sent.path, live)) {
                return *verdict;
            }
        }
        lastStatus = outcome.response.head.status;
    }
    if (item.expect.connection) {
        return CheckResult{Verdict::Pass,
                           text(QT_TRANSLATE_NOOP("Diagnostics", "%1: connection %2 as expected"),
                                {label(item), *item.expect.connection})};
    }
    if (item.repeat > 1) {
        return CheckResult{Verdict::Pass,
                           text(QT_TRANSLATE_NOOP("Diagnostics",
                                                  "%1: all %2 responses met the expectation"),
                                {label(item), std::to_string(item.repeat)})};
    }
    return CheckResult{Verdict::Pass, text(QT_TRANSLATE_NOOP("Diagnostics", "%1: status %2 from %3"),
                                           {label(item), std::to_string(lastStatus),
                                            answeredBy(captured)})};
}

// expect.mirrorDistribution (README, "Mirrors"): per round, a new request id and `requests`
// sends that must each meet the rest of `expect`; then the mirror backends' counts of that id
// must lie within their ranges. One passing round is enough. The suite's concurrency and its 2 s
// between rounds only save or spend time: each draw is independent, so neither changes a count.
CheckResult runMirrorDistribution(const RequestCase &item, quint16 port,
                                  const TlsClientOptions *tls, const LiveEnvironment &live)
{
    const ExpectedMirrorDistribution &d = *item.expect.mirrorDistribution;
    Sender sender(item, tls);
    MirrorRoundResult round;
    for (int r = 0; r < d.rounds; ++r) {
        const std::string roundUuid = freshUuid();
        std::string roundPath;
        for (int i = 0; i < d.requests; ++i) {
            const Outcome outcome = sender.send(port, roundUuid);
            if (auto verdict = judge(item, outcome)) {
                return *verdict; // not statistical: another round cannot mend it
            }
            roundPath = outcome.sent.path;
        }
        round = judgeMirrorRound(item.expect, roundPath, live);
        if (round.noLog) {
            return CheckResult{Verdict::Skip,
                               text(QT_TRANSLATE_NOOP("Diagnostics",
                                                      "%1: mirrorDistribution cannot be judged: "
                                                      "%2"),
                                    {label(item), round.problem})};
        }
        if (round.passed) {
            return CheckResult{Verdict::Pass,
                               text(QT_TRANSLATE_NOOP("Diagnostics",
                                                      "%1: mirrored %2 of %3 requests, within "
                                                      "the expected range"),
                                    {label(item), round.seen, std::to_string(d.requests)})};
        }
    }
    return CheckResult{Verdict::Fail,
                       text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "%1: mirrorDistribution: no round of %2 met the "
                                              "ranges; the last one: %3"),
                            {label(item), std::to_string(d.rounds), round.problem})};
}

// A value of a Secret or ConfigMap: stringData (Secret) or a plain `data` value (ConfigMap)
// as is, Secret `data` base64-decoded; nullopt when absent.
std::optional<std::string> objectValue(const Model::Resource &object, const std::string &key)
{
    const bool secret = object.kind == "Secret";
    if (secret) {
        if (const Model::Node *value = object.object["stringData"].find(key)) {
            return value->asString();
        }
    }
    const Model::Node *value = object.object["data"].find(key);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!secret) {
        return value->asString();
    }
    return QByteArray::fromBase64(QByteArray::fromStdString(value->asString())).toStdString();
}

// How the client speaks TLS to an https listener, as the suite's client does: server name =
// `sni`, else the Host without its port; trust = the certificates the case's setup made (every
// Secret's tls.crt and every ConfigMap's ca.crt among the loaded objects: the suite trusts the
// one its notes name, which is always among them; the name check still applies).
struct HttpsClient
{
    TlsClientOptions options;
    Core::Text problem; // set when the item cannot be sent (its client Secret is missing)
};

HttpsClient tlsOptionsFor(const ClusterState &cluster, const RequestCase &item)
{
    HttpsClient client;
    const SentRequest &r = item.request;
    std::string name = r.sni.value_or(r.host.value_or("127.0.0.1"));
    if (!r.sni) {
        const QUrl parsed(QStringLiteral("https://") + QString::fromStdString(name));
        if (parsed.isValid() && !parsed.host().isEmpty()) {
            name = parsed.host().toStdString(); // strips ":port" and IPv6 brackets
        }
    }
    client.options.serverName = name;
    for (const Model::Resource &object : cluster.resources()) {
        if (object.kind == "Secret" && object.group().empty()) {
            if (auto pem = objectValue(object, "tls.crt")) {
                client.options.trustedCertificates.push_back(*pem);
            }
        } else if (object.kind == "ConfigMap" && object.group().empty()) {
            if (auto pem = objectValue(object, "ca.crt")) {
                client.options.trustedCertificates.push_back(*pem);
            }
        }
    }
    if (r.clientCertificate) {
        const std::string &ref = *r.clientCertificate;
        const auto slash = ref.find('/');
        const std::string ns = slash == std::string::npos ? std::string() : ref.substr(0, slash);
        const std::string secretName = slash == std::string::npos ? ref : ref.substr(slash + 1);
        const Model::Resource *secret = cluster.find("Secret", ns, secretName);
        const auto certificate = secret ? objectValue(*secret, "tls.crt") : std::nullopt;
        const auto key = secret ? objectValue(*secret, "tls.key") : std::nullopt;
        if (!certificate || !key) {
            client.problem = text(QT_TRANSLATE_NOOP("Diagnostics",
                                                    "%1: client certificate Secret %2 is not "
                                                    "among the loaded objects or lacks tls.crt "
                                                    "and tls.key"),
                                  {label(item), ref});
            return client;
        }
        client.options.clientCertificate = *certificate;
        client.options.clientKey = *key;
    }
    return client;
}

// The Gateway and local port an item goes to, or the item's verdict when it cannot be sent.
std::variant<Target, CheckResult> resolveTarget(const RequestRunInput &input,
                                                const RequestCase &item)
{
    const std::optional<ObjectRef> gateway =
        item.request.gateway ? item.request.gateway : input.test->gateway;
    if (!gateway) {
        return CheckResult{Verdict::Fail,
                           text(QT_TRANSLATE_NOOP("Diagnostics",
                                                  "%1: no gateway to send to: neither the test "
                                                  "nor the request names one"),
                                {label(item)})};
    }
    const std::string nsName = (gateway->ns.empty() ? "default" : gateway->ns) + '/' +
                               gateway->name;
    const Model::Resource *object = input.cluster->find("Gateway", gateway->ns, gateway->name);
    if (object == nullptr) {
        return CheckResult{Verdict::Fail,
                           text(QT_TRANSLATE_NOOP("Diagnostics",
                                                  "%1: gateway %2 is not among the loaded "
                                                  "objects"),
                                {label(item), nsName})};
    }
    int port = 0;
    if (item.request.listenerPort) {
        port = *item.request.listenerPort;
    } else {
        const Model::Node &listeners = object->object["spec"]["listeners"];
        if (listeners.isList() && listeners.size() > 0) {
            port = static_cast<int>(listeners.items().front()["port"].asInt());
        }
    }
    std::string listenerProtocol;
    for (const Model::Node &listener : object->object["spec"]["listeners"].items()) {
        if (listener["port"].isInt() && listener["port"].asInt() == port) {
            listenerProtocol = listener["protocol"].asString();
            break;
        }
    }
    const std::optional<quint16> local = input.live->localPort(nsName, port);
    if (!local && item.request.protocol == "https" &&
        item.expect.connection == std::optional<std::string>("handshake-fails")) {
        // Nothing accepts connections there (the listener is not accepted, or has no usable
        // certificate): a client's handshake fails, which is what the item expects.
        return CheckResult{Verdict::Pass,
                           text(QT_TRANSLATE_NOOP("Diagnostics",
                                                  "%1: listener port %2 of gateway %3 is not "
                                                  "served, so the connection fails as expected"),
                                {label(item), std::to_string(port), nsName})};
    }
    if (!local) {
        return CheckResult{Verdict::Skip,
                           text(QT_TRANSLATE_NOOP("Diagnostics",
                                                  "%1: listener port %2 of gateway %3 is not "
                                                  "served by the local gateway (it serves "
                                                  "accepted HTTP listeners, and HTTPS listeners "
                                                  "with a usable certificate)"),
                                {label(item), std::to_string(port), nsName})};
    }
    return Target{nsName, *local, listenerProtocol};
}

} // namespace

std::vector<ItemResult> runRequests(const RequestRunInput &input)
{
    std::vector<ItemResult> results;
    const std::vector<RequestCase> items = parseRequestCases(input.test->requests);
    if (items.empty()) {
        return results;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].unsupported) {
            ItemResult skipped = itemFor(items[i], i);
            skipped.result = CheckResult{Verdict::Skip, *items[i].unsupported};
            results.push_back(std::move(skipped));
            return results;
        }
    }
    std::string error;
    if (!input.live->start(input.cluster->resources(), input.controller, &error)) {
        ItemResult failedStart = itemFor(items.front(), 0);
        failedStart.what = "serve";
        failedStart.result =
            CheckResult{Verdict::Fail, text(QT_TRANSLATE_NOOP("Diagnostics",
                                                              "cannot start the local gateway: "
                                                              "%1"),
                                            {error})};
        results.push_back(std::move(failedStart));
        return results;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
        const RequestCase &item = items[i];
        if (item.action) {
            ItemResult applied = input.applyAction(*item.action, i);
            const bool ok = applied.result.verdict == Verdict::Pass;
            results.push_back(std::move(applied));
            if (!ok) {
                break;
            }
            if (!input.live->start(input.cluster->resources(), input.controller, &error)) {
                ItemResult failedStart = itemFor(item, i);
                failedStart.what = "serve";
                failedStart.result = CheckResult{
                    Verdict::Fail,
                    text(QT_TRANSLATE_NOOP("Diagnostics", "cannot start the local gateway: %1"),
                         {error})};
                results.push_back(std::move(failedStart));
                break;
            }
            continue;
        }
        ItemResult result = itemFor(item, i);
        const auto target = resolveTarget(input, item);
        if (const CheckResult *verdict = std::get_if<CheckResult>(&target)) {
            result.result = *verdict;
        } else {
            const quint16 port = std::get<Target>(target).port;
            std::optional<HttpsClient> tls;
            // protocol websocket toward an HTTPS listener: wss://, trusting as for https.
            const bool wss = item.request.protocol == "websocket" &&
                             std::get<Target>(target).listenerProtocol == "HTTPS";
            if (item.request.protocol == "https" || item.request.protocol == "tls" || wss) {
                tls = tlsOptionsFor(*input.cluster, item);
            }
            const bool stream = item.request.protocol == "tcp" ||
                                item.request.protocol == "udp" || item.request.protocol == "tls";
            if (tls && !tls->problem.isEmpty()) {
                result.result = CheckResult{Verdict::Fail, tls->problem};
            } else if (stream) {
                // TCPRoute, UDPRoute, TLSRoute (stream_requests.h).
                result.result = runStreamRequest(item, port, tls ? &tls->options : nullptr);
            } else if (item.request.protocol == "grpc") {
                result.result = runGrpcRequest(item, port); // GRPCRoute (grpc_exchange.h)
            } else if (item.request.protocol == "websocket") {
                // HTTPRouteBackendProtocolWebSocket (websocket_requests.h)
                result.result = runWebSocketRequest(item, port, tls ? &tls->options : nullptr);
            } else {
                const TlsClientOptions *options = tls ? &tls->options : nullptr;
                result.result =
                    item.expect.mirrorDistribution
                        ? runMirrorDistribution(item, port, options, *input.live)
                    : item.expect.distribution ? runDistribution(item, port, options)
                                               : runRepeated(item, port, options, *input.live);
            }
        }
        results.push_back(std::move(result));
    }
    input.live->stop();
    return results;
}

} // namespace Torii::Scenarios
