#include "request_case.h"

#include <algorithm>
#include <set>

namespace Torii::Scenarios {

using Core::text;
using Model::Node;

namespace {

// Records the first reason only: one reason is what the SKIP line shows.
void unsupported(RequestCase &item, Core::Text reason)
{
    if (!item.unsupported) {
        item.unsupported = std::move(reason);
    }
}

void unknownField(RequestCase &item, const std::string &field)
{
    unsupported(item, text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "%1 is not supported by the request runner"),
                           {field}));
}

std::optional<std::string> optionalString(const Node &node)
{
    if (node.isNull()) {
        return std::nullopt;
    }
    return node.asString();
}

HeaderList headerMap(const Node &node)
{
    HeaderList out;
    for (const auto &entry : node.entries()) {
        out.emplace_back(entry.key, entry.value.asString());
    }
    return out;
}

std::vector<std::string> stringList(const Node &node)
{
    std::vector<std::string> out;
    for (const Node &item : node.items()) {
        out.push_back(item.asString());
    }
    return out;
}

ObjectRef objectRef(const Node &node, std::string kind)
{
    return ObjectRef{std::move(kind), node["namespace"].asString(), node["name"].asString()};
}

Action parseAction(const Node &node)
{
    Action action;
    action.raw = node;
    action.mark = node.mark();
    if (const Node *del = node.find("delete")) {
        action.type = Action::Type::Delete;
        action.target = objectRef(*del, (*del)["kind"].asString());
    } else if (const Node *patch = node.find("patch")) {
        action.type = Action::Type::Patch;
        action.target = objectRef(*patch, (*patch)["kind"].asString());
        for (const auto &entry : (*patch)["set"].entries()) {
            action.set.emplace_back(entry.key, entry.value);
        }
    } else if (const Node *fill = node.find("fillEndpointSlices")) {
        action.type = Action::Type::FillEndpointSlices;
        action.ns = (*fill)["namespace"].asString();
        action.endpointSliceNames = stringList((*fill)["names"]);
        action.fromPodsOf = (*fill)["fromPodsOf"].asString();
    }
    return action;
}

// request.grpc {service, method, request}: only with protocol grpc, and protocol grpc needs it.
// The request message must be empty (`{}`): the echo's EchoRequest has no fields.
void parseGrpcCall(const Node &node, RequestCase &item)
{
    SentRequest &r = item.request;
    const Node *grpc = node.find("grpc");
    if (r.protocol != "grpc") {
        if (grpc) {
            unknownField(item, "request.grpc without protocol grpc");
        }
        return;
    }
    if (!grpc) {
        unknownField(item, "protocol grpc without request.grpc");
        return;
    }
    r.grpcService = (*grpc)["service"].asString();
    r.grpcMethod = (*grpc)["method"].asString();
    if (r.grpcService.empty() || r.grpcMethod.empty()) {
        unknownField(item, "request.grpc " + grpc->toJson());
    }
    for (const auto &entry : grpc->entries()) {
        if (entry.key == "request") {
            if (!entry.value.isNull() && !entry.value.entries().empty()) {
                unknownField(item, "request.grpc.request " + entry.value.toJson());
            }
        } else if (entry.key != "service" && entry.key != "method") {
            unknownField(item, "request.grpc." + entry.key);
        }
    }
    for (const char *field : {"method", "path", "body", "echoSetResponseHeaders",
                              "uniqueQueryParam", "unfollowRedirect", "payload"}) {
        if (node.has(field)) {
            unknownField(item, std::string("request.") + field + " with protocol grpc");
        }
    }
}

// request.messages, each {text: "..."} or {binary: [byte, ...]}: only with protocol websocket,
// which in turn takes only what a WebSocket handshake carries.
void parseWebSocketMessages(const Node &node, RequestCase &item)
{
    SentRequest &r = item.request;
    const Node *messages = node.find("messages");
    if (r.protocol != "websocket") {
        if (messages) {
            unknownField(item, "request.messages without protocol websocket");
        }
        return;
    }
    for (const char *field : {"body", "echoSetResponseHeaders", "uniqueQueryParam", "randomHeader",
                              "unfollowRedirect", "payload", "grpc"}) {
        if (node.has(field)) {
            unknownField(item, std::string("request.") + field + " with protocol websocket");
        }
    }
    if (r.method != "GET") {
        unknownField(item, "request.method " + r.method + " with protocol websocket");
    }
    if (messages == nullptr) {
        return;
    }
    if (!messages->isList()) {
        unknownField(item, "request.messages " + messages->toJson());
        return;
    }
    for (const Node &entry : messages->items()) {
        const Node *textValue = entry.find("text");
        const Node *binary = entry.find("binary");
        Backends::WebSocketMessage message;
        bool valid = entry.isMap() && entry.entries().size() == 1 && (textValue || binary);
        if (valid && textValue) {
            valid = textValue->isString();
            message.data = valid ? textValue->asString() : std::string();
        } else if (valid) {
            message.binary = true;
            valid = binary->isList();
            for (const Node &byte : valid ? binary->items() : std::vector<Node>{}) {
                if (!byte.isInt() || byte.asInt() < 0 || byte.asInt() > 255) {
                    valid = false;
                    break;
                }
                message.data.push_back(char(std::uint8_t(byte.asInt())));
            }
        }
        if (!valid) {
            unknownField(item, "request.messages " + entry.toJson());
            continue;
        }
        r.messages.push_back(std::move(message));
    }
}

void parseRequest(const Node &node, RequestCase &item)
{
    static const std::set<std::string> known = {
        "gateway", "listenerPort", "protocol", "host",          "method",
        "path",    "headers",      "body",     "echoSetResponseHeaders",
        "uniqueQueryParam",        "randomHeader",              "unfollowRedirect",
        "sni",     "clientCertificate",         "payload", "grpc", "messages"};
    SentRequest &r = item.request;
    if (const Node *protocol = node.find("protocol")) {
        r.protocol = protocol->asString();
        if (r.protocol != "http" && r.protocol != "https" && r.protocol != "tcp" &&
            r.protocol != "udp" && r.protocol != "tls" && r.protocol != "grpc" &&
            r.protocol != "h2c" && r.protocol != "websocket") {
            unsupported(item, text(QT_TRANSLATE_NOOP("Diagnostics",
                                                     "protocol %1 not served yet"),
                                   {r.protocol}));
        }
    }
    for (const auto &entry : node.entries()) {
        if ((entry.key == "sni" || entry.key == "clientCertificate") && r.protocol != "https") {
            unknownField(item, "request." + entry.key + " without protocol https");
        } else if (known.count(entry.key) == 0) {
            unknownField(item, "request." + entry.key);
        }
    }
    if (const Node *gateway = node.find("gateway")) {
        r.gateway = objectRef(*gateway, "Gateway");
    }
    if (const Node *port = node.find("listenerPort")) {
        if (!port->isInt()) {
            unknownField(item, "request.listenerPort " + port->toJson());
        } else {
            r.listenerPort = static_cast<int>(port->asInt());
        }
    }
    r.host = optionalString(node["host"]);
    if (node.has("method")) {
        r.method = node["method"].asString();
    }
    if (node.has("path")) {
        r.path = node["path"].asString();
    }
    r.headers = headerMap(node["headers"]);
    r.body = node["body"].isNull() ? std::string() : node["body"].asString();
    r.echoSetHeaders = headerMap(node["echoSetResponseHeaders"]);
    if (const Node *unique = node.find("uniqueQueryParam")) {
        r.uniqueQueryParam = UniqueQueryParam{(*unique)["name"].asString(),
                                              (*unique)["scope"].isNull()
                                                  ? std::string("attempt")
                                                  : (*unique)["scope"].asString()};
    }
    r.randomHeader = node["randomHeader"].isNull() ? std::string()
                                                   : node["randomHeader"].asString();
    r.unfollowRedirect = node["unfollowRedirect"].asBool();
    r.sni = optionalString(node["sni"]);
    r.clientCertificate = optionalString(node["clientCertificate"]);
    r.payload = optionalString(node["payload"]);
    if (r.payload && (r.protocol == "http" || r.protocol == "https")) {
        unknownField(item, "request.payload with protocol " + r.protocol);
    }
    parseGrpcCall(node, item);
    parseWebSocketMessages(node, item);
}

bool isStreamProtocol(const std::string &protocol)
{
    return protocol == "tcp" || protocol == "udp" || protocol == "tls";
}

// expect.mirroredTo and expect.mirrorDistribution (called once per key; idempotent).
void parseMirrors(const Node &expect, RequestCase &item)
{
    Expectation &e = item.expect;
    e.mirroredTo.clear();
    for (const Node &entry : expect["mirroredTo"].items()) {
        ExpectedMirror mirror{entry["backend"].asString(), entry["namespace"].asString(),
                              std::nullopt};
        if (entry["percent"].isNumber()) {
            mirror.percent = entry["percent"].asDouble();
        }
        if (mirror.backend.empty()) {
            unknownField(item, "expect.mirroredTo " + entry.toJson());
        }
        e.mirroredTo.push_back(std::move(mirror));
    }
    const Node *distribution = expect.find("mirrorDistribution");
    if (distribution == nullptr) {
        return;
    }
    ExpectedMirrorDistribution d;
    d.requests = static_cast<int>((*distribution)["requests"].asInt());
    d.rounds = (*distribution)["rounds"].isInt()
                   ? static_cast<int>((*distribution)["rounds"].asInt())
                   : 1;
    for (const auto &entry : (*distribution)["mirroredCount"].entries()) {
        d.counts.push_back({entry.key, entry.value["min"].asDouble(),
                            entry.value["max"].asDouble()});
    }
    if (d.requests <= 0 || d.rounds <= 0 || d.counts.empty()) {
        unknownField(item, "expect.mirrorDistribution " + distribution->toJson());
    }
    // A round is counted by its own request id; without one, earlier rounds would be counted too.
    if (!item.request.uniqueQueryParam || item.request.uniqueQueryParam->scope != "round") {
        unknownField(item, "expect.mirrorDistribution without uniqueQueryParam scope round");
    }
    e.mirrorDistribution = std::move(d);
}

void parseExpect(const Node &node, RequestCase &item)
{
    Expectation &e = item.expect;
    for (const auto &entry : node.entries()) {
        const std::string &key = entry.key;
        if (key == "mirroredTo" || key == "mirrorDistribution") {
            parseMirrors(node, item); // judged through the mock backends' request logs
        } else if (key == "tls") {
            // TCP echo over passthrough: the SNI the backend's TEST JSON reports. HTTP: the SNI
            // the gateway sent the backend (BackendTLSPolicy), from the echo's `tls` object.
            e.tlsServerName = optionalString(entry.value["serverName"]);
            for (const auto &field : entry.value.entries()) {
                if (field.key != "serverName") {
                    unknownField(item, "expect.tls." + field.key);
                }
            }
        } else if (key == "connection") {
            const std::string value = entry.value.asString();
            if (value != "ok" && value != "handshake-fails" &&
                !(value == "reset" && item.request.protocol == "tls")) {
                unknownField(item, "expect.connection " + entry.value.toJson());
            }
            e.connection = value;
        } else if (key == "echoedMessages") {
            if (item.request.protocol != "websocket" || !entry.value.isBool()) {
                unknownField(item, "expect.echoedMessages " + entry.value.toJson() +
                                       " with protocol " + item.request.protocol);
            } else if (entry.value.asBool() && item.request.messages.empty()) {
                unknownField(item, "expect.echoedMessages without request.messages");
            }
            e.echoedMessages = entry.value.asBool();
        } else if (item.request.protocol == "websocket" &&
                   (key == "distribution" || key == "sameBackendAsHeader" || key == "redirect")) {
            unknownField(item, "expect." + key + " with protocol websocket");
        } else if (key != "status" && key != "backend" && key != "namespace" &&
                   key != "request" && key != "response" && key != "redirect" &&
                   key != "distribution" && key != "sameBackendAsHeader" && key != "timing") {
            unknownField(item, "expect." + key);
        }
    }
    if (const Node *status = node.find("status")) {
        e.statusGiven = true;
        e.statuses.clear();
        std::vector<Node> codes{*status};
        if (item.request.protocol == "grpc") {
            // A gRPC status code name (FAMILIES.md §5), compared as the suite does.
            if (status->isList() || status->isInt() || status->asString().empty()) {
                unknownField(item, "expect.status " + status->toJson() + " with protocol grpc");
            } else {
                e.grpcStatus = status->asString();
            }
            codes.clear();
        } else if (status->isString() && status->asString() == "not-200") {
            // FAMILIES.md: 5 answers in a row with a status other than 200 (nor 408/504).
            e.statusNot200 = true;
            item.repeat = std::max(item.repeat, 5);
            codes.clear();
        } else if (status->isList()) {
            codes = status->items();
        }
        for (const Node &code : codes) {
            if (!code.isInt()) {
                // A gRPC status name, or a typo: not an HTTP status this runner can compare.
                unknownField(item, "expect.status " + code.toJson());
                continue;
            }
            e.statuses.push_back(static_cast<int>(code.asInt()));
        }
    }
    e.backend = optionalString(node["backend"]);
    e.ns = optionalString(node["namespace"]);
    if (item.request.protocol == "websocket") {
        if (e.connection || !e.mirroredTo.empty() || e.mirrorDistribution) {
            unknownField(item, "expect.connection, mirroredTo or mirrorDistribution with "
                               "protocol websocket");
        }
        if (!e.statusGiven) {
            e.statuses = {101}; // a WebSocket connection that opens: 101 Switching Protocols
        }
        const bool opens = std::find(e.statuses.begin(), e.statuses.end(), 101) != e.statuses.end();
        if (opens && (e.backend || e.ns)) {
            unsupported(item, text(QT_TRANSLATE_NOOP("Diagnostics",
                                                     "expect.backend and expect.namespace cannot "
                                                     "be judged on a WebSocket connection: the "
                                                     "echo's /ws endpoint does not name its pod"),
                                   {}));
        }
    }
    e.sameBackendAsHeader = optionalString(node["sameBackendAsHeader"]);
    if (const Node *request = node.find("request")) {
        ExpectedRequest expected;
        expected.host = optionalString((*request)["host"]);
        if (request->has("method")) {
            expected.method = (*request)["method"].asString();
        }
        expected.path = optionalString((*request)["path"]);
        expected.headers = headerMap((*request)["headers"]);
        expected.absentHeaders = stringList((*request)["absentHeaders"]);
        for (const auto &entry : request->entries()) {
            if (entry.key != "host" && entry.key != "method" && entry.key != "path" &&
                entry.key != "headers" && entry.key != "absentHeaders") {
                unknownField(item, "expect.request." + entry.key);
            }
        }
        e.request = std::move(expected);
    }
    if (const Node *response = node.find("response")) {
        e.response.headers = headerMap((*response)["headers"]);
        for (const auto &entry : (*response)["headersOneOf"].entries()) {
            e.response.headersOneOf.emplace_back(entry.key, stringList(entry.value));
        }
        e.response.absentHeaders = stringList((*response)["absentHeaders"]);
        e.response.ignoreWhitespace = (*response)["ignoreWhitespace"].asBool();
        for (const auto &entry : response->entries()) {
            if (entry.key == "isTLS" && isStreamProtocol(item.request.protocol)) {
                e.isTls = entry.value.asBool();
            } else if (entry.key == "isTLS") {
                unsupported(item, text(QT_TRANSLATE_NOOP("Diagnostics",
                                                         "expect.%1 needs TLS to the backends, "
                                                         "which the local gateway does not do "
                                                         "yet"),
                                       {"response.isTLS"}));
            } else if (entry.key != "headers" && entry.key != "headersOneOf" &&
                       entry.key != "absentHeaders" && entry.key != "ignoreWhitespace") {
                unknownField(item, "expect.response." + entry.key);
            }
        }
    }
    if (const Node *redirect = node.find("redirect")) {
        e.redirect = ExpectedRedirect{optionalString((*redirect)["scheme"]),
                                      optionalString((*redirect)["host"]),
                                      optionalString((*redirect)["port"]),
                                      optionalString((*redirect)["path"])};
    }
    if (const Node *distribution = node.find("distribution")) {
        ExpectedDistribution d;
        d.requests = static_cast<int>((*distribution)["requests"].asInt());
        d.attempts = (*distribution)["attempts"].isInt()
                         ? static_cast<int>((*distribution)["attempts"].asInt())
                         : ExpectedDistribution{}.attempts;
        d.tolerance = (*distribution)["tolerance"].asDouble();
        for (const auto &entry : (*distribution)["backends"].entries()) {
            d.backends.emplace_back(entry.key, entry.value.asDouble());
        }
        if (d.requests <= 0 || d.backends.empty()) {
            unknownField(item, "expect.distribution " + distribution->toJson());
        }
        e.distribution = std::move(d);
    }
}

} // namespace

std::vector<RequestCase> parseRequestCases(const Node &requests)
{
    std::vector<RequestCase> out;
    if (!requests.isList()) {
        return out;
    }
    for (const Node &node : requests.items()) {
        RequestCase item;
        item.mark = node.mark();
        item.subtest = node["subtest"].isNull() ? std::string() : node["subtest"].asString();
        item.notes = node["notes"].isNull() ? std::string() : node["notes"].asString();
        if (const Node *action = node.find("action")) {
            Action parsed = parseAction(*action);
            parsed.subtest = item.subtest;
            parsed.notes = item.notes;
            item.action = std::move(parsed);
            out.push_back(std::move(item));
            continue;
        }
        parseRequest(node["request"], item);
        parseExpect(node["expect"], item);
        if (node["repeat"].isInt()) {
            // Never fewer than expect.status not-200 needs.
            item.repeat = std::max(item.repeat, static_cast<int>(std::max<std::int64_t>(
                                                    1, node["repeat"].asInt())));
        }
        out.push_back(std::move(item));
    }
    return out;
}

} // namespace Torii::Scenarios
