#include "matchers.h"

#include <re2/re2.h>

#include <initializer_list>

namespace Torii::RouteTable::Internal {
namespace {

char lowerAscii(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Header names are ASCII tokens: a byte-wise ASCII fold is the whole of case-insensitivity.
bool equalsLowered(std::string_view text, std::string_view lowered)
{
    if (text.size() != lowered.size()) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (lowerAscii(text[i]) != lowered[i]) {
            return false;
        }
    }
    return true;
}

bool fullMatch(const re2::RE2 &regex, std::string_view text)
{
    return re2::RE2::FullMatch(re2::StringPiece(text.data(), text.size()), regex);
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

// Decodes the %XX escape at raw[i] into `out` and advances `i`; a malformed escape is literal.
char nextDecoded(std::string_view raw, std::size_t &i)
{
    if (raw[i] == '%' && i + 2 < raw.size() && hexValue(raw[i + 1]) >= 0 &&
        hexValue(raw[i + 2]) >= 0) {
        const char c = static_cast<char>(hexValue(raw[i + 1]) * 16 + hexValue(raw[i + 2]));
        i += 3;
        return c;
    }
    return raw[i++];
}

// Compares a %-encoded query name with a plain one without building the decoded string.
bool decodedEquals(std::string_view raw, std::string_view expected)
{
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < raw.size()) {
        if (j == expected.size() || nextDecoded(raw, i) != expected[j]) {
            return false;
        }
        ++j;
    }
    return j == expected.size();
}

// The value of header `lowerName`, joined with "," when the header is repeated (a thread-local
// buffer keeps the lookup free of allocation after the first repeated header on a thread).
bool headerValue(std::span<const HeaderField> headers, std::string_view lowerName,
                 std::string_view &value)
{
    const HeaderField *first = nullptr;
    bool repeated = false;
    for (const HeaderField &header : headers) {
        if (equalsLowered(header.name, lowerName)) {
            if (first) {
                repeated = true;
                break;
            }
            first = &header;
        }
    }
    if (!first) {
        return false;
    }
    if (!repeated) {
        value = first->value;
        return true;
    }
    thread_local std::string joined;
    joined.clear();
    for (const HeaderField &header : headers) {
        if (equalsLowered(header.name, lowerName)) {
            if (&header != first) {
                joined += ',';
            }
            joined += header.value;
        }
    }
    value = joined;
    return true;
}

// The first value of query parameter `name`, %-decoded.
bool queryValue(std::string_view query, std::string_view name, std::string_view &value)
{
    std::size_t pos = 0;
    while (pos <= query.size()) {
        std::size_t amp = query.find('&', pos);
        if (amp == std::string_view::npos) {
            amp = query.size();
        }
        const std::string_view pair = query.substr(pos, amp - pos);
        const std::size_t eq = pair.find('=');
        if (!pair.empty() && decodedEquals(pair.substr(0, eq), name)) {
            const std::string_view raw =
                eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
            if (raw.find('%') == std::string_view::npos) {
                value = raw;
                return true;
            }
            thread_local std::string decoded;
            decoded.clear();
            for (std::size_t i = 0; i < raw.size();) {
                decoded += nextDecoded(raw, i);
            }
            value = decoded;
            return true;
        }
        pos = amp + 1;
    }
    return false;
}

std::string_view shown(std::string_view value)
{
    return value.empty() ? std::string_view("(empty)") : value;
}

// Collects why a match failed. On the lookup path (no `why`) the first failure ends evaluation.
class Verdict
{
public:
    explicit Verdict(std::string *why)
        : m_why(why)
    {}

    // Records a failed condition; true when the caller should stop at once.
    bool fail(std::initializer_list<std::string_view> parts)
    {
        m_ok = false;
        if (!m_why) {
            return true;
        }
        if (!m_why->empty()) {
            m_why->append("; ");
        }
        for (std::string_view part : parts) {
            m_why->append(part);
        }
        return false;
    }
    bool ok() const { return m_ok; }

private:
    std::string *m_why;
    bool m_ok = true;
};

bool holds(const CompiledString &condition, std::string_view actual)
{
    if (condition.type == StringMatchType::Exact) {
        return actual == condition.value;
    }
    return condition.regex && fullMatch(*condition.regex, actual);
}

std::string_view verbOf(const CompiledString &condition)
{
    return condition.type == StringMatchType::Exact ? " is not " : " does not match ";
}

} // namespace

bool CompiledMatch::grpcExactBoth() const
{
    return grpcService && grpcMethod && grpcService->type == StringMatchType::Exact &&
           grpcMethod->type == StringMatchType::Exact;
}

RequestView makeRequestView(const RequestRef &request)
{
    RequestView view;
    view.method = request.method;
    view.headers = request.headers;
    view.grpc = request.grpc;
    std::string_view target = request.path;
    target = target.substr(0, target.find('#'));
    const std::size_t question = target.find('?');
    view.path = target.substr(0, question);
    if (question != std::string_view::npos) {
        view.query = target.substr(question + 1);
    }
    if (view.path.empty()) {
        view.path = "/";
    }
    const std::string_view path = view.path;
    const std::size_t slash = path.size() > 1 ? path.find('/', 1) : std::string_view::npos;
    if (path[0] == '/' && slash != std::string_view::npos && slash > 1 && slash + 1 < path.size() &&
        path.find('/', slash + 1) == std::string_view::npos) {
        view.grpcPathValid = true;
        view.grpcService = path.substr(1, slash - 1);
        view.grpcMethod = path.substr(slash + 1);
    }
    return view;
}

std::string normalizePrefix(std::string_view value)
{
    if (value.empty()) {
        return "/";
    }
    if (value.size() > 1 && value.back() == '/') {
        value.remove_suffix(1);
    }
    return std::string(value);
}

bool prefixMatches(std::string_view key, std::string_view path)
{
    if (key == "/") {
        return !path.empty() && path[0] == '/';
    }
    return path.size() >= key.size() && path.compare(0, key.size(), key) == 0 &&
           (path.size() == key.size() || path[key.size()] == '/');
}

bool evaluate(const CompiledMatch &match, const RequestView &request, std::string *why)
{
    if (why) {
        why->clear();
    }
    if (!match.isValid()) {
        if (why) {
            *why = match.invalidReason;
        }
        return false;
    }
    Verdict verdict(why);
    if (match.grpcRow && !request.grpc &&
        verdict.fail({"not a gRPC request (GRPCRoute rows match gRPC requests only)"})) {
        return false;
    }
    if (match.hasPath) {
        bool pathHolds = false;
        std::string_view verb = " is not ";
        switch (match.pathType) {
        case PathMatchType::Exact:
            pathHolds = request.path == match.pathValue;
            break;
        case PathMatchType::PathPrefix:
            pathHolds = prefixMatches(match.prefixKey, request.path);
            verb = " is not under ";
            break;
        case PathMatchType::RegularExpression:
            pathHolds = match.pathRegex && fullMatch(*match.pathRegex, request.path);
            verb = " does not match ";
            break;
        }
        if (!pathHolds && verdict.fail({"path ", request.path, verb, toString(match.pathType), " ",
                                        match.pathValue})) {
            return false;
        }
    }
    if (match.method && request.method != *match.method &&
        verdict.fail({"method ", shown(request.method), " is not ", *match.method})) {
        return false;
    }
    if ((match.grpcService || match.grpcMethod) && !request.grpcPathValid) {
        if (verdict.fail({"path ", request.path, " is not a gRPC path /service/method"})) {
            return false;
        }
    } else {
        const CompiledString *service = match.grpcService ? &*match.grpcService : nullptr;
        const CompiledString *method = match.grpcMethod ? &*match.grpcMethod : nullptr;
        if (service && !holds(*service, request.grpcService) &&
            verdict.fail(
                {"gRPC service ", shown(request.grpcService), verbOf(*service), service->value})) {
            return false;
        }
        if (method && !holds(*method, request.grpcMethod) &&
            verdict.fail(
                {"gRPC method ", shown(request.grpcMethod), verbOf(*method), method->value})) {
            return false;
        }
    }
    for (const CompiledString &header : match.headers) {
        std::string_view value;
        if (!headerValue(request.headers, header.name, value)) {
            if (verdict.fail({"header ", header.name, ": missing"})) {
                return false;
            }
        } else if (!holds(header, value) &&
                   verdict.fail({"header ", header.name, ": ", shown(value), verbOf(header),
                                 header.value})) {
            return false;
        }
    }
    for (const CompiledString &param : match.queryParams) {
        std::string_view value;
        if (!queryValue(request.query, param.name, value)) {
            if (verdict.fail({"query ?", param.name, ": missing"})) {
                return false;
            }
        } else if (!holds(param, value) && verdict.fail({"query ?", param.name, ": ", shown(value),
                                                         verbOf(param), param.value})) {
            return false;
        }
    }
    if (verdict.ok() && why) {
        *why = "matches";
    }
    return verdict.ok();
}

} // namespace Torii::RouteTable::Internal
