#include "request_runner.h"

#include "request_checks.h"

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
    explicit Sender(const RequestCase &item)
        : m_item(item)
        , m_random(std::random_device{}())
    {}

    // `unique`: the value of the unique query parameter for this send ("" when none).
    Outcome send(quint16 port, const std::string &unique)
    {
        const SentRequest &r = m_item.request;
        Outcome out;
        out.sent.method = r.method;
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
        out.response = exchange(port, head, body, kRequestTimeout);
        for (int hop = 0; hop < kMaxRedirects && !r.unfollowRedirect && out.response.ok &&
                          isFollowedRedirect(out.response.head.status);
             ++hop) {
            const Http::HeaderField *location = out.response.head.headers.find("Location");
            if (location == nullptr) {
                break;
            }
            const QUrl base(QStringLiteral("http://127.0.0.1:%1%2")
                                .arg(port)
                                .arg(QString::fromStdString(head.target)));
            const QUrl url = base.resolved(QUrl(QString::fromStdString(location->value)));
            const bool local = QUrl(QString::fromStdString(location->value)).isRelative() ||
                               (url.scheme() == QLatin1String("http") &&
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
            out.response = exchange(port, head, body, kRequestTimeout);
        }
        return out;
    }

private:
    const RequestCase &m_item;
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

std::string formatShare(double share)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", share);
    return buffer;
}

std::string shares(const std::vector<std::pair<std::string, double>> &backends)
{
    std::string out;
    for (const auto &[name, share] : backends) {
        out += (out.empty() ? "" : ", ") + name + ' ' + formatShare(share);
    }
    return out;
}

CheckResult runDistribution(const RequestCase &item, quint16 port)
{
    const ExpectedDistribution &d = *item.expect.distribution;
    Sender sender(item);
    const std::string caseUuid = freshUuid();
    std::string lastProblem;
    for (int attempt = 0; attempt < d.attempts; ++attempt) {
        const std::string roundUuid = freshUuid();
        std::map<std::string, int> counts;
        lastProblem.clear();
        for (int i = 0; i < d.requests && lastProblem.empty(); ++i) {
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
            const std::string backend = backendOfPod(captured.pod);
            const auto listed =
                std::find_if(d.backends.begin(), d.backends.end(),
                             [&](const auto &entry) { return entry.first == backend; });
            if (listed == d.backends.end() || listed->second <= 0.0) {
                lastProblem = "an answer from " + (backend.empty() ? "no backend" : backend);
            }
            ++counts[backend];
        }
        if (lastProblem.empty()) {
            for (const auto &[name, share] : d.backends) {
                const double observed = double(counts[name]) / double(d.requests);
                // The small epsilon keeps 0.35 vs 0.30 + 0.05 from failing on rounding alone.
                if (std::abs(observed - share) > d.tolerance + 1e-9) {
                    char buffer[96];
                    std::snprintf(buffer, sizeof buffer, "%s %d of %d (%.3f)", name.c_str(),
                                  counts[name], d.requests, observed);
                    lastProblem = buffer;
                    break;
                }
            }
        }
        if (lastProblem.empty()) {
            std::string seen;
            for (const auto &[name, count] : counts) {
                seen += (seen.empty() ? "" : ", ") + name + ' ' + std::to_string(count);
            }
            return CheckResult{Verdict::Pass,
                               text(QT_TRANSLATE_NOOP("Diagnostics",
                                                      "%1: distribution %2 of %3 answers is "
                                                      "within %4 of %5"),
                                    {label(item), seen, std::to_string(d.requests),
                                     formatShare(d.tolerance), shares(d.backends)})};
        }
    }
    return CheckResult{Verdict::Fail,
                       text(QT_TRANSLATE_NOOP("Diagnostics",
                                              "%1: distribution: no attempt of %2 met the shares "
                                              "%3 within %4; the last one saw %5"),
                            {label(item), std::to_string(d.attempts), shares(d.backends),
                             formatShare(d.tolerance), lastProblem})};
}

CheckResult runRepeated(const RequestCase &item, quint16 port)
{
    Sender sender(item);
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
        lastStatus = outcome.response.head.status;
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
    const std::optional<quint16> local = input.live->localPort(nsName, port);
    if (!local) {
        return CheckResult{Verdict::Skip,
                           text(QT_TRANSLATE_NOOP("Diagnostics",
                                                  "%1: listener port %2 of gateway %3 is not "
                                                  "served by the local gateway (it serves "
                                                  "accepted HTTP listeners only)"),
                                {label(item), std::to_string(port), nsName})};
    }
    return Target{nsName, *local};
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
            result.result = item.expect.distribution ? runDistribution(item, port)
                                                     : runRepeated(item, port);
        }
        results.push_back(std::move(result));
    }
    input.live->stop();
    return results;
}

} // namespace Torii::Scenarios
