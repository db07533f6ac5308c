#include "request_checks.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QUrl>

#include <algorithm>

namespace Torii::Scenarios {

namespace {

std::string joinedValues(const std::vector<std::string> &values, const char *separator)
{
    std::string out;
    for (std::size_t i = 0; i < values.size(); ++i) {
        out += (i == 0 ? "" : separator) + values[i];
    }
    return out;
}

std::string withoutSpaces(std::string s)
{
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
}

std::string codes(const std::vector<int> &statuses)
{
    std::vector<std::string> out;
    for (int s : statuses) {
        out.push_back(std::to_string(s));
    }
    return out.size() == 1 ? out.front() : "one of " + joinedValues(out, ", ");
}

bool contains(const std::vector<int> &v, int x)
{
    return std::find(v.begin(), v.end(), x) != v.end();
}

std::string pathOnly(const std::string &target)
{
    return target.substr(0, target.find('?'));
}

std::optional<Mismatch> compareRedirect(const ExpectedRedirect &expected, const SentSummary &sent,
                                        const HttpExchangeResult &response)
{
    const Http::HeaderField *location = response.head.headers.find("Location");
    if (location == nullptr) {
        return Mismatch{"redirect", "a Location header", "none"};
    }
    const QUrl url(QString::fromStdString(location->value));
    const std::string scheme = url.scheme().toStdString();
    const std::string expectedScheme = expected.scheme.value_or(sent.scheme);
    if (scheme != expectedScheme) {
        return Mismatch{"redirect.scheme", expectedScheme, scheme + " (" + location->value + ")"};
    }
    if (expected.host && url.host().toStdString() != *expected.host) {
        return Mismatch{"redirect.host", *expected.host,
                        url.host().toStdString() + " (" + location->value + ")"};
    }
    const std::string port = url.port() < 0 ? std::string() : std::to_string(url.port());
    if (expected.port) {
        if (port != *expected.port) {
            return Mismatch{"redirect.port", *expected.port,
                            (port.empty() ? "none" : port) + " (" + location->value + ")"};
        }
    } else {
        const std::string defaultPort = scheme == "https" ? "443" : "80";
        if (!port.empty() && port != defaultPort) {
            return Mismatch{"redirect.port", "none or " + defaultPort,
                            port + " (" + location->value + ")"};
        }
    }
    const std::string path = url.path(QUrl::FullyEncoded).toStdString();
    const std::string expectedPath = expected.path.value_or(pathOnly(sent.path));
    if (path != expectedPath) {
        return Mismatch{"redirect.path", expectedPath, path + " (" + location->value + ")"};
    }
    return std::nullopt;
}

std::optional<Mismatch> compareResponseHeaders(const ExpectedResponse &expected,
                                               const Http::Headers &headers)
{
    auto normalized = [&](const std::string &s) {
        return expected.ignoreWhitespace ? withoutSpaces(s) : s;
    };
    for (const auto &[name, acceptable] : expected.headersOneOf) {
        const std::vector<std::string> values = headers.values(name);
        const std::string got = joinedValues(values, ",");
        const bool ok = !values.empty() &&
                        std::any_of(acceptable.begin(), acceptable.end(), [&](const auto &a) {
                            return normalized(a) == normalized(got);
                        });
        if (!ok) {
            return Mismatch{"response.headersOneOf." + name, joinedValues(acceptable, " | "),
                            values.empty() ? "absent" : got};
        }
    }
    for (const auto &[name, value] : expected.headers) {
        const std::vector<std::string> values = headers.values(name);
        const std::string got = joinedValues(values, ",");
        if (values.empty() || normalized(got) != normalized(value)) {
            return Mismatch{"response.headers." + name, value, values.empty() ? "absent" : got};
        }
    }
    for (const std::string &name : expected.absentHeaders) {
        if (headers.contains(name)) {
            return Mismatch{"response.absentHeaders." + name, "absent",
                            joinedValues(headers.values(name), ",")};
        }
    }
    return std::nullopt;
}

std::optional<Mismatch> compareReceived(const ExpectedRequest &expected,
                                        const std::string &expectedPath,
                                        const CapturedRequest &captured)
{
    if (expected.host && *expected.host != captured.host) {
        return Mismatch{"request.host", *expected.host, captured.host};
    }
    if (expectedPath != captured.path) {
        return Mismatch{"request.path", expectedPath,
                        captured.echo ? captured.path : "(not the echo JSON)"};
    }
    if (expected.method != captured.method) {
        return Mismatch{"request.method", expected.method, captured.method};
    }
    return std::nullopt;
}

std::optional<Mismatch> compareReceivedHeaders(const ExpectedRequest &expected,
                                               const CapturedRequest &captured)
{
    for (const auto &[name, value] : expected.headers) {
        const auto values = captured.header(name);
        if (!values) {
            return Mismatch{"request.headers." + name, value, "absent"};
        }
        if (joinedValues(*values, ",") != value) {
            return Mismatch{"request.headers." + name, value, joinedValues(*values, ",")};
        }
    }
    for (const std::string &name : expected.absentHeaders) {
        if (const auto values = captured.header(name)) {
            return Mismatch{"request.absentHeaders." + name, "absent", joinedValues(*values, ",")};
        }
    }
    return std::nullopt;
}

std::optional<Mismatch> compareSameBackend(const std::string &name,
                                           const CapturedRequest &captured)
{
    if (!captured.echo) {
        return Mismatch{"sameBackendAsHeader", "the echo JSON", "another body"};
    }
    const auto values = captured.header(name);
    if (!values || values->size() != 1) {
        return Mismatch{"sameBackendAsHeader." + name, "exactly one value",
                        values ? joinedValues(*values, ",") : "absent"};
    }
    if (values->front().empty() || captured.pod.rfind(values->front(), 0) != 0) {
        return Mismatch{"sameBackendAsHeader." + name, "a pod of " + values->front(),
                        captured.pod};
    }
    return std::nullopt;
}

} // namespace

std::optional<std::vector<std::string>> CapturedRequest::header(const std::string &name) const
{
    for (const auto &[key, values] : headers) {
        if (Http::equalsIgnoreCase(key, name)) {
            return values;
        }
    }
    return std::nullopt;
}

CapturedRequest captureRequest(const HttpExchangeResult &response, const std::string &sentMethod)
{
    CapturedRequest captured;
    captured.method = sentMethod;
    const Http::HeaderField *type = response.head.headers.find("Content-Type");
    if (type == nullptr || type->value != "application/json") {
        return captured;
    }
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromStdString(response.body));
    if (!document.isObject()) {
        return captured;
    }
    const QJsonObject echo = document.object();
    captured.echo = true;
    captured.path = echo.value(QStringLiteral("path")).toString().toStdString();
    captured.host = echo.value(QStringLiteral("host")).toString().toStdString();
    captured.method = echo.value(QStringLiteral("method")).toString().toStdString();
    captured.ns = echo.value(QStringLiteral("namespace")).toString().toStdString();
    captured.pod = echo.value(QStringLiteral("pod")).toString().toStdString();
    if (echo.value(QStringLiteral("tls")).isObject()) {
        captured.tlsServerName = echo.value(QStringLiteral("tls"))
                                     .toObject()
                                     .value(QStringLiteral("serverName"))
                                     .toString()
                                     .toStdString();
    }
    const QJsonObject headers = echo.value(QStringLiteral("headers")).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        std::vector<std::string> values;
        for (const QJsonValue &v : it.value().toArray()) {
            values.push_back(v.toString().toStdString());
        }
        captured.headers.emplace_back(it.key().toStdString(), std::move(values));
    }
    return captured;
}

std::optional<Mismatch> compareResponse(const RequestCase &item, const SentSummary &sent,
                                        const HttpExchangeResult &response,
                                        const CapturedRequest &captured)
{
    const Expectation &e = item.expect;
    const int status = response.head.status;
    const bool implicitDefaults = !e.sameBackendAsHeader.has_value();
    if (e.statusNot200) {
        if (status == 200 || status == 408 || status == 504) {
            return Mismatch{"status", "not 200 (nor 408/504)", std::to_string(status)};
        }
        return std::nullopt;
    }
    if (implicitDefaults || e.statusGiven) {
        // 1. The two timeout codes are interchangeable, and then nothing else is compared.
        if ((status == 408 || status == 504) && (contains(e.statuses, 408) ||
                                                 contains(e.statuses, 504))) {
            return std::nullopt;
        }
        // 2.
        if (!contains(e.statuses, status)) {
            return Mismatch{"status", codes(e.statuses), std::to_string(status)};
        }
    }
    if (e.sameBackendAsHeader) {
        if (auto m = compareSameBackend(*e.sameBackendAsHeader, captured)) {
            return m;
        }
    }
    // 3. Only on 200 or 204.
    if (status == 200 || status == 204) {
        if (e.request || implicitDefaults) {
            // Absent expect.request: the request as sent (README, "expect", request).
            ExpectedRequest expected;
            if (e.request) {
                expected = *e.request;
            } else {
                expected.host = item.request.host;
                expected.method = sent.method;
                expected.headers = item.request.headers;
            }
            std::string expectedPath =
                (e.request && e.request->path) ? *e.request->path : sent.path;
            // uniqueQueryParam: the expected path includes it as well (README, request).
            if (e.request && e.request->path && item.request.uniqueQueryParam &&
                sent.path.size() > item.request.path.size() &&
                sent.path.compare(0, item.request.path.size(), item.request.path) == 0) {
                expectedPath += (expectedPath.find('?') == std::string::npos ? '?' : '&') +
                                sent.path.substr(item.request.path.size() + 1);
            }
            if (auto m = compareReceived(expected, expectedPath, captured)) {
                return m;
            }
            if (e.ns && *e.ns != captured.ns) {
                return Mismatch{"namespace", *e.ns, captured.ns};
            }
            if (auto m = compareReceivedHeaders(expected, captured)) {
                return m;
            }
        } else if (e.ns && *e.ns != captured.ns) {
            return Mismatch{"namespace", *e.ns, captured.ns};
        }
        if (auto m = compareResponseHeaders(e.response, response.head.headers)) {
            return m;
        }
        if (e.backend && captured.pod.rfind(*e.backend, 0) != 0) {
            return Mismatch{"backend", "a pod of " + *e.backend,
                            captured.pod.empty() ? "no echo pod" : captured.pod};
        }
        if (e.tlsServerName && captured.tlsServerName != e.tlsServerName) {
            return Mismatch{"tls.serverName", *e.tlsServerName,
                            captured.tlsServerName ? *captured.tlsServerName
                                                   : "no TLS to the backend"};
        }
    }
    // 4. Only on a redirect status, and only when the case states a redirect.
    static const std::vector<int> redirects{300, 301, 302, 303, 304, 305, 307, 308};
    if (e.redirect && contains(redirects, status)) {
        return compareRedirect(*e.redirect, sent, response);
    }
    return std::nullopt;
}

std::string backendOfPod(const std::string &pod)
{
    std::string out = pod;
    for (int i = 0; i < 2; ++i) {
        const auto dash = out.rfind('-');
        if (dash == std::string::npos) {
            return out;
        }
        out.resize(dash);
    }
    return out;
}

} // namespace Torii::Scenarios
