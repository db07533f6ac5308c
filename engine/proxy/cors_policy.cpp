#include "cors_policy.h"

#include <algorithm>
#include <optional>

namespace Torii::Proxy::Internal {

namespace {

struct Origin
{
    std::string scheme; // lower case
    std::string host;   // lower case; "*" or "*.suffix" in a pattern
    int port = 0;
};

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    });
    return out;
}

// "<scheme>://<host>[:<port>]" with scheme http or https; nullopt for anything else.
std::optional<Origin> parseOrigin(std::string_view text)
{
    const std::size_t sep = text.find("://");
    if (sep == std::string_view::npos) {
        return std::nullopt;
    }
    Origin out;
    out.scheme = lower(text.substr(0, sep));
    if (out.scheme == "http") {
        out.port = 80;
    } else if (out.scheme == "https") {
        out.port = 443;
    } else {
        return std::nullopt;
    }
    std::string_view rest = text.substr(sep + 3);
    std::string_view host = rest;
    // An IPv6 literal keeps its brackets; the port follows the closing one.
    const std::size_t searchFrom = (!rest.empty() && rest.front() == '[') ? rest.find(']') : 0;
    if (searchFrom == std::string_view::npos) {
        return std::nullopt;
    }
    const std::size_t colon = rest.find(':', searchFrom);
    if (colon != std::string_view::npos) {
        host = rest.substr(0, colon);
        const std::string_view portText = rest.substr(colon + 1);
        if (portText.empty() || portText.size() > 5) {
            return std::nullopt;
        }
        int port = 0;
        for (char c : portText) {
            if (c < '0' || c > '9') {
                return std::nullopt;
            }
            port = port * 10 + (c - '0');
        }
        if (port < 1 || port > 65535) {
            return std::nullopt;
        }
        out.port = port;
    }
    if (host.empty() || host.find('/') != std::string_view::npos) {
        return std::nullopt;
    }
    out.host = lower(host);
    return out;
}

bool hostMatches(const std::string &pattern, const std::string &host)
{
    if (pattern == "*") {
        return true;
    }
    if (pattern.size() > 2 && pattern[0] == '*' && pattern[1] == '.') {
        // "*" is greedy to the left: any number of labels, at least one character before ".".
        const std::string_view suffix = std::string_view(pattern).substr(1); // ".example.com"
        return host.size() > suffix.size() &&
               std::string_view(host).substr(host.size() - suffix.size()) == suffix;
    }
    return pattern == host;
}

bool contains(const std::vector<std::string> &list, std::string_view value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::string joinList(const std::vector<std::string> &list)
{
    std::string out;
    for (const std::string &item : list) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

// Adds "Origin" to Vary unless it is already listed there (or Vary is "*").
void addVaryOrigin(Http::Headers &headers)
{
    if (headers.hasToken("Vary", "Origin") || headers.hasToken("Vary", "*")) {
        return;
    }
    headers.add("Vary", "Origin");
}

std::string headerValue(const Http::Headers &headers, std::string_view name)
{
    const Http::HeaderField *field = headers.find(name);
    return field ? field->value : std::string();
}

} // namespace

CorsPolicy::CorsPolicy(const RouteTable::Cors &cors)
    : m_cors(cors)
{}

const RouteTable::Cors *CorsPolicy::find(const std::vector<RouteTable::Filter> &filters)
{
    for (const RouteTable::Filter &filter : filters) {
        if (filter.type == RouteTable::Filter::Type::Cors) {
            return &filter.cors;
        }
    }
    return nullptr;
}

CorsPolicy::Kind CorsPolicy::classify(const Http::RequestHead &request) const
{
    if (!request.headers.contains("Origin")) {
        return Kind::NotCors;
    }
    if (request.method == "OPTIONS" && request.headers.contains("Access-Control-Request-Method")) {
        return Kind::Preflight;
    }
    return Kind::Actual;
}

bool CorsPolicy::originMatches(std::string_view pattern, std::string_view origin)
{
    if (pattern == "*") {
        return true;
    }
    const std::optional<Origin> want = parseOrigin(pattern);
    const std::optional<Origin> got = parseOrigin(origin);
    return want && got && want->scheme == got->scheme && want->port == got->port &&
           hostMatches(want->host, got->host);
}

bool CorsPolicy::allowsOrigin(std::string_view origin) const
{
    return std::any_of(m_cors.allowOrigins.begin(), m_cors.allowOrigins.end(),
                       [&](const std::string &pattern) { return originMatches(pattern, origin); });
}

std::string CorsPolicy::allowMethodsFor(const Http::RequestHead &request) const
{
    if (m_cors.allowMethods.empty()) {
        return {};
    }
    if (contains(m_cors.allowMethods, "*")) {
        // Never "*" with credentials (the spec); echoing the one requested method is valid in
        // both cases, so it is what Torii sends.
        return headerValue(request.headers, "Access-Control-Request-Method");
    }
    return joinList(m_cors.allowMethods);
}

std::string CorsPolicy::allowHeadersFor(const Http::RequestHead &request) const
{
    if (m_cors.allowHeaders.empty()) {
        return {};
    }
    if (contains(m_cors.allowHeaders, "*")) {
        const std::optional<std::string> requested =
            request.headers.joined("Access-Control-Request-Headers");
        if (requested && !requested->empty()) {
            return *requested;
        }
        // Nothing requested: "*" is allowed without credentials; with them the header is omitted.
        return m_cors.allowCredentials ? std::string() : std::string("*");
    }
    return joinList(m_cors.allowHeaders);
}

std::string CorsPolicy::exposeHeadersFor(const Http::Headers *response) const
{
    if (!contains(m_cors.exposeHeaders, "*")) {
        return joinList(m_cors.exposeHeaders);
    }
    if (!m_cors.allowCredentials) {
        return "*";
    }
    // "*" may not be sent with credentials: name the response's own fields instead (none are
    // known yet for a preflight, so nothing is sent then).
    std::vector<std::string> names;
    if (response) {
        for (const Http::HeaderField &field : response->fields) {
            const std::string name = lower(field.name);
            if (name.rfind("access-control-", 0) != 0 && !contains(names, name)) {
                names.push_back(name);
            }
        }
    }
    return joinList(names);
}

CorsPolicy::PreflightAnswer CorsPolicy::preflight(const Http::RequestHead &request) const
{
    PreflightAnswer answer;
    const std::string origin = headerValue(request.headers, "Origin");
    addVaryOrigin(answer.headers);
    answer.originAllowed = allowsOrigin(origin);
    if (!answer.originAllowed) {
        answer.status = 403;
        answer.explanation = "403 CORS preflight denied: origin \"" + origin +
                             "\" is not in allowOrigins (" + joinList(m_cors.allowOrigins) + ")\n";
        return answer;
    }
    answer.status = 200;
    answer.headers.add("Access-Control-Allow-Origin", origin);
    if (m_cors.allowCredentials) {
        answer.headers.add("Access-Control-Allow-Credentials", "true");
    }
    if (const std::string methods = allowMethodsFor(request); !methods.empty()) {
        answer.headers.add("Access-Control-Allow-Methods", methods);
    }
    if (const std::string headers = allowHeadersFor(request); !headers.empty()) {
        answer.headers.add("Access-Control-Allow-Headers", headers);
    }
    if (const std::string exposed = exposeHeadersFor(nullptr); !exposed.empty()) {
        answer.headers.add("Access-Control-Expose-Headers", exposed);
    }
    answer.headers.add("Access-Control-Max-Age", std::to_string(m_cors.maxAge.value_or(5)));
    answer.explanation =
        "200 CORS preflight answered by the gateway: origin \"" + origin + "\" is allowed\n";
    return answer;
}

void CorsPolicy::applyToResponse(const Http::RequestHead &request, Http::Headers &response) const
{
    if (classify(request) != Kind::Actual) {
        return;
    }
    applyToResponse(headerValue(request.headers, "Origin"), response);
}

void CorsPolicy::applyToResponse(std::string_view origin, Http::Headers &response) const
{
    // Named before any field is added here: "*" with credentials lists the upstream's fields.
    const std::string exposed = exposeHeadersFor(&response);
    addVaryOrigin(response);
    if (!allowsOrigin(origin)) {
        return;
    }
    response.set("Access-Control-Allow-Origin", std::string(origin));
    if (m_cors.allowCredentials) {
        response.set("Access-Control-Allow-Credentials", "true");
    } else {
        // The spec: without allowCredentials the header is omitted entirely.
        response.remove("Access-Control-Allow-Credentials");
    }
    if (!exposed.empty()) {
        response.set("Access-Control-Expose-Headers", exposed);
    }
}

} // namespace Torii::Proxy::Internal
