#include "request_mix.h"

#include "engine/model/node_reader.h"
#include "engine/yaml/yaml_loader.h"

#include <QtCore/QtGlobal>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace Torii::Traffic {

using Core::Severity;
using Core::text;
using Model::Node;

const char *toString(Protocol protocol)
{
    switch (protocol) {
    case Protocol::Http:
        return "http";
    case Protocol::Https:
        return "https";
    case Protocol::H2c:
        return "h2c";
    case Protocol::H2:
        return "h2";
    case Protocol::Grpc:
        return "grpc";
    case Protocol::Tcp:
        return "tcp";
    case Protocol::Udp:
        return "udp";
    case Protocol::Tls:
        return "tls";
    }
    return "?";
}

std::optional<Protocol> protocolFromString(const std::string &t)
{
    for (Protocol p : {Protocol::Http, Protocol::Https, Protocol::H2c, Protocol::H2, Protocol::Grpc,
                       Protocol::Tcp, Protocol::Udp, Protocol::Tls}) {
        if (t == toString(p)) {
            return p;
        }
    }
    return std::nullopt;
}

bool isStreamProtocol(Protocol protocol)
{
    return protocol == Protocol::Tcp || protocol == Protocol::Udp || protocol == Protocol::Tls;
}

std::string ListenerRef::toString() const
{
    return (ns.empty() ? std::string("*") : ns) + '/' +
           (gateway.empty() ? std::string("*") : gateway) + ':' +
           (port ? std::to_string(port) : std::string("*"));
}

double RequestMix::totalWeight() const
{
    return std::accumulate(templates.begin(), templates.end(), 0.0,
                           [](double sum, const RequestTemplate &t) { return sum + t.weight; });
}

namespace {

class MixParser : private Model::NodeReader
{
public:
    MixParser(std::string fileName, Core::Diagnostics &diagnostics)
        : NodeReader(std::move(fileName), diagnostics,
                     {"mix.type", "mix.unknown-field",
                      QT_TRANSLATE_NOOP("Diagnostics",
                                        "unknown field \"%1\" in the request mix is ignored")})
        , m_out(diagnostics)
    {}

    void parseRoot(const Node &root, RequestMix &mix)
    {
        if (!root.isMap() || !root["requests"].isList()) {
            error(root.mark(), "mix.shape",
                  text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "a request mix is a map with a `requests` list")));
            return;
        }
        warnUnknownKeys(root, {"requests"});
        for (const Node &item : root["requests"].items()) {
            RequestTemplate t;
            if (parseTemplate(item, t)) {
                mix.templates.push_back(std::move(t));
            }
        }
        if (mix.templates.empty() && !Core::hasErrors(diagnostics())) {
            error(root["requests"].mark(), "mix.empty",
                  text(QT_TRANSLATE_NOOP("Diagnostics", "the request mix has no requests")));
        } else if (!mix.templates.empty() && !(mix.totalWeight() > 0)) {
            error(root["requests"].mark(), "mix.weight",
                  text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "the weights of the request mix add up to 0")));
        }
    }

private:
    bool parseTemplate(const Node &item, RequestTemplate &t)
    {
        if (!item.isMap()) {
            error(item.mark(), "mix.shape",
                  text(QT_TRANSLATE_NOOP("Diagnostics", "each request of the mix is a map")));
            return false;
        }
        const int before = errorCount();
        warnUnknownKeys(item, {"name", "weight", "protocol", "listener", "method", "host", "path",
                               "headers", "cookies", "body", "grpc"});
        if (const Node *n = item.find("name")) {
            t.name = scalar(*n, "name");
        }
        if (const Node *w = item.find("weight")) {
            if (!w->isNumber() || !(w->asDouble() >= 0) || !std::isfinite(w->asDouble())) {
                error(w->mark(), "mix.weight",
                      text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "weight must be a number, 0 or more, not \"%1\""),
                           {w->asString()}));
            } else {
                t.weight = w->asDouble();
            }
        }
        if (const Node *p = item.find("protocol")) {
            const std::string name = scalar(*p, "protocol");
            const auto protocol = protocolFromString(name);
            if (!protocol) {
                error(p->mark(), "mix.protocol",
                      text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "unknown protocol \"%1\"; use http, https, h2c, h2, "
                                             "grpc, tcp, udp or tls"),
                           {name}));
            } else {
                t.protocol = *protocol;
            }
        }
        refuseFieldsOutsideProtocol(item, t.protocol);
        if (const Node *l = item.find("listener")) {
            parseListener(*l, t.listener);
        }
        if (const Node *m = item.find("method")) {
            t.method = scalar(*m, "method");
            const bool token =
                !t.method.empty() && std::all_of(t.method.begin(), t.method.end(), [](char c) {
                    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ||
                           c == '.' || c == '!' || c == '~';
                });
            if (!token) {
                error(m->mark(), "mix.method",
                      text(QT_TRANSLATE_NOOP("Diagnostics", "\"%1\" is not an HTTP method"),
                           {t.method}));
            }
        }
        if (const Node *h = item.find("host")) {
            t.host = scalar(*h, "host");
        }
        if (const Node *p = item.find("path")) {
            t.path = scalar(*p, "path");
            if (t.path.empty() || t.path[0] != '/') {
                error(p->mark(), "mix.path",
                      text(QT_TRANSLATE_NOOP("Diagnostics", "path must start with /, not \"%1\""),
                           {t.path}));
            }
        }
        if (const Node *h = item.find("headers")) {
            t.headers = pairs(*h, "headers");
        }
        if (const Node *c = item.find("cookies")) {
            t.cookies = pairs(*c, "cookies");
        }
        if (const Node *b = item.find("body")) {
            t.body = scalar(*b, "body");
        }
        if (const Node *g = item.find("grpc")) {
            parseGrpc(*g, t);
        }
        if (t.name.empty()) {
            t.name = defaultName(t);
        }
        return errorCount() == before;
    }

    // A field that means nothing for the line's protocol is an error at the field: a tcp line
    // with a path, or a grpc line with a body, would otherwise be sent without it, silently.
    void refuseFieldsOutsideProtocol(const Node &item, Protocol protocol)
    {
        std::vector<std::string> refused;
        if (isStreamProtocol(protocol)) {
            refused = {"method", "path", "headers", "cookies", "body", "grpc"};
            if (protocol != Protocol::Tls) {
                refused.push_back("host");
            }
        } else if (protocol == Protocol::Grpc) {
            refused = {"method", "path", "cookies", "body"};
        } else {
            refused = {"grpc"};
        }
        for (const Node::Entry &e : item.entries()) {
            if (std::find(refused.begin(), refused.end(), e.key) == refused.end()) {
                continue;
            }
            const char *hint =
                isStreamProtocol(protocol)
                    ? (protocol == Protocol::Tls
                           ? QT_TRANSLATE_NOOP("Diagnostics",
                                               "a tls line sends one echo sample; only listener "
                                               "and host (the SNI) apply")
                           : QT_TRANSLATE_NOOP("Diagnostics",
                                               "a tcp or udp line sends one echo sample; only "
                                               "listener applies"))
                : protocol == Protocol::Grpc
                    ? QT_TRANSLATE_NOOP("Diagnostics",
                                        "a grpc line makes one unary call: give grpc: {service, "
                                        "method}, host and headers (sent as metadata)")
                    : QT_TRANSLATE_NOOP("Diagnostics", "grpc applies to protocol: grpc only");
            error(e.keyMark, "mix.field-not-applicable",
                  text(QT_TRANSLATE_NOOP("Diagnostics", "%1 does not apply to protocol %2"),
                       {e.key, toString(protocol)}));
            m_out.back().hintText = text(hint);
            m_out.back().hint = m_out.back().hintText.english();
        }
    }

    void parseGrpc(const Node &g, RequestTemplate &t)
    {
        if (!g.isMap()) {
            error(g.mark(), "mix.grpc",
                  text(QT_TRANSLATE_NOOP("Diagnostics", "grpc is a map: {service, method}")));
            return;
        }
        warnUnknownKeys(g, {"service", "method"});
        auto name = [&](const char *field, std::string &out) {
            const Node *n = g.find(field);
            if (!n) {
                return;
            }
            const std::string value = scalar(*n, field);
            if (value.empty() || value.find('/') != std::string::npos ||
                std::any_of(value.begin(), value.end(),
                            [](char c) { return std::isspace(static_cast<unsigned char>(c)); })) {
                error(n->mark(), "mix.grpc",
                      text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "grpc.%1 must be a name without spaces or /, not "
                                             "\"%2\""),
                           {field, value}));
                return;
            }
            out = value;
        };
        name("service", t.grpcService);
        name("method", t.grpcMethod);
    }

    static std::string defaultName(const RequestTemplate &t)
    {
        const std::string host = t.host.empty() ? std::string("*") : t.host;
        if (isStreamProtocol(t.protocol)) {
            return std::string(toString(t.protocol)) + ' ' + t.listener.toString() +
                   (t.protocol == Protocol::Tls ? " sni " + host : std::string());
        }
        std::string name;
        if (t.protocol == Protocol::Grpc) {
            name = "grpc " + host + " /" + t.grpcService + '/' + t.grpcMethod;
        } else {
            name = (t.protocol == Protocol::H2c || t.protocol == Protocol::H2
                        ? std::string(toString(t.protocol)) + ' '
                        : std::string()) +
                   t.method + ' ' + host + t.path;
        }
        for (const auto &[header, value] : t.headers) {
            name += " " + header + "=" + value;
        }
        for (const auto &[cookie, value] : t.cookies) {
            name += " cookie " + cookie + "=" + value;
        }
        return name;
    }

    void parseListener(const Node &l, ListenerRef &ref)
    {
        if (!l.isMap()) {
            error(l.mark(), "mix.listener",
                  text(QT_TRANSLATE_NOOP("Diagnostics",
                                         "listener is a map: {namespace, gateway, port}")));
            return;
        }
        warnUnknownKeys(l, {"namespace", "gateway", "port"});
        if (const Node *n = l.find("namespace")) {
            ref.ns = scalar(*n, "namespace");
        }
        if (const Node *g = l.find("gateway")) {
            ref.gateway = scalar(*g, "gateway");
        }
        if (const Node *p = l.find("port")) {
            if (!p->isInt() || p->asInt() < 1 || p->asInt() > 65535) {
                error(p->mark(), "mix.port",
                      text(QT_TRANSLATE_NOOP("Diagnostics",
                                             "port must be a whole number from 1 to 65535, not "
                                             "\"%1\""),
                           {p->asString()}));
            } else {
                ref.port = static_cast<int>(p->asInt());
            }
        }
    }

    std::vector<std::pair<std::string, std::string>> pairs(const Node &n, const char *field)
    {
        std::vector<std::pair<std::string, std::string>> out;
        if (!n.isMap()) {
            error(n.mark(), "mix.type",
                  text(QT_TRANSLATE_NOOP("Diagnostics", "%1 must be a map of names to values"),
                       {field}));
            return out;
        }
        for (const Node::Entry &e : n.entries()) {
            if (e.key.empty()) {
                error(e.keyMark, "mix.type",
                      text(QT_TRANSLATE_NOOP("Diagnostics", "%1 has an empty name"), {field}));
                continue;
            }
            out.emplace_back(e.key, scalar(e.value, field));
        }
        return out;
    }

    Core::Diagnostics &m_out; // the reader's diagnostics, to add hints to
};

MixParseResult parseLoaded(Yaml::LoadResult loaded, const std::string &fileName)
{
    MixParseResult result;
    result.diagnostics = std::move(loaded.diagnostics);
    if (loaded.fatal || Core::hasErrors(result.diagnostics)) {
        return result;
    }
    if (loaded.documents.size() != 1) {
        Core::Diagnostic d = Core::makeDiagnostic(
            Severity::Error, "mix.shape",
            text(QT_TRANSLATE_NOOP("Diagnostics", "a request mix file holds one YAML document")));
        d.file = fileName;
        result.diagnostics.push_back(std::move(d));
        return result;
    }
    MixParser(fileName, result.diagnostics).parseRoot(loaded.documents[0].root, result.mix);
    return result;
}

} // namespace

MixParseResult parseMix(std::string_view text, const std::string &fileName)
{
    return parseLoaded(Yaml::loadText(text, fileName), fileName);
}

MixParseResult readMixFile(const std::string &path)
{
    return parseLoaded(Yaml::loadFile(path), path);
}

} // namespace Torii::Traffic
