#pragma once

// Compact descriptors for route table tests, so that each data row reads like the spec's text.
//
// A row: "<label> <condition>..." where a condition is one of
//   exact:/p  prefix:/p  regex:<pattern>       path match (none: the rule's default, "/")
//   method:GET
//   header:name=value   header~name=<pattern>  (Exact / RegularExpression)
//   query:name=value    query~name=<pattern>
//   grpc:service/method grpc~service/method    (either part may be empty: any)
//   route:ns/name  rule:N  match:N  created:N  kind:GRPCRoute
// The label is stored in RouteSource::ruleName so that a result can be named.
//
// A request: "<METHOD> <path> [h:name=value]... [grpc] [host:name]".

#include "engine/routetable/route_table.h"

#include <QtCore/QString>
#include <QtCore/QStringList>

#include <string>

namespace Torii::RouteTable::TestSupport {

inline std::pair<std::string, std::string> splitOnce(const QString &text, QChar separator)
{
    const int at = text.indexOf(separator);
    if (at < 0) {
        return {text.toStdString(), std::string()};
    }
    return {text.left(at).toStdString(), text.mid(at + 1).toStdString()};
}

inline HttpRoute row(const QString &descriptor)
{
    HttpRoute route;
    route.source.kind = "HTTPRoute";
    route.source.ns = "default";
    route.source.name = "r";
    route.source.matchIndex = 0;
    const QStringList tokens = descriptor.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    route.source.ruleName = tokens.value(0).toStdString();
    RequestMatch &match = route.match;
    for (int i = 1; i < tokens.size(); ++i) {
        const QString &token = tokens[i];
        const int colon = token.indexOf(QLatin1Char(':'));
        const int tilde = token.indexOf(QLatin1Char('~'));
        const bool regex = tilde >= 0 && (colon < 0 || tilde < colon);
        const int cut = regex ? tilde : colon;
        const QString key = token.left(cut);
        const QString value = token.mid(cut + 1);
        const StringMatchType type =
            regex ? StringMatchType::RegularExpression : StringMatchType::Exact;
        if (key == QLatin1String("exact")) {
            match.path = PathMatch{PathMatchType::Exact, value.toStdString()};
        } else if (key == QLatin1String("prefix")) {
            match.path = PathMatch{PathMatchType::PathPrefix, value.toStdString()};
        } else if (key == QLatin1String("regex")) {
            match.path = PathMatch{PathMatchType::RegularExpression, value.toStdString()};
        } else if (key == QLatin1String("method")) {
            match.method = value.toStdString();
        } else if (key == QLatin1String("header")) {
            const auto [name, v] = splitOnce(value, QLatin1Char('='));
            match.headers.push_back(HeaderMatch{type, name, v});
        } else if (key == QLatin1String("query")) {
            const auto [name, v] = splitOnce(value, QLatin1Char('='));
            match.queryParams.push_back(QueryParamMatch{type, name, v});
        } else if (key == QLatin1String("grpc")) {
            const auto [service, method] = splitOnce(value, QLatin1Char('/'));
            match.grpcMethod = GrpcMethodMatch{type, service, method};
            route.source.kind = "GRPCRoute";
        } else if (key == QLatin1String("route")) {
            const auto [ns, name] = splitOnce(value, QLatin1Char('/'));
            route.source.ns = ns;
            route.source.name = name;
        } else if (key == QLatin1String("rule")) {
            route.source.ruleIndex = value.toInt();
        } else if (key == QLatin1String("match")) {
            route.source.matchIndex = value.toInt();
        } else if (key == QLatin1String("created")) {
            route.source.creationOrder = value.toLongLong();
        } else if (key == QLatin1String("kind")) {
            route.source.kind = value.toStdString();
        } else {
            qFatal("bad row token %s", qPrintable(token));
        }
    }
    return route;
}

inline Request request(const QString &descriptor, const std::string &host = "example.com")
{
    Request out;
    out.host = host;
    const QStringList tokens = descriptor.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    out.method = tokens.value(0).toStdString();
    out.path = tokens.value(1).toStdString();
    for (int i = 2; i < tokens.size(); ++i) {
        const QString &token = tokens[i];
        if (token.startsWith(QLatin1String("h:"))) {
            const auto [name, value] = splitOnce(token.mid(2), QLatin1Char('='));
            out.headers.push_back(HeaderField{name, value});
        } else if (token == QLatin1String("grpc")) {
            out.grpc = true;
        } else if (token.startsWith(QLatin1String("host:"))) {
            out.host = token.mid(5).toStdString();
        } else {
            qFatal("bad request token %s", qPrintable(token));
        }
    }
    return out;
}

// The label of the matched row, or "404".
inline QString labelOf(const HttpRoute *route)
{
    return route ? QString::fromStdString(route->source.ruleName) : QStringLiteral("404");
}

// Labels of one host entry's rows, in precedence order, joined with spaces.
inline QString labels(const std::vector<const HttpRoute *> &routes)
{
    QStringList out;
    for (const HttpRoute *route : routes) {
        out << labelOf(route);
    }
    return out.join(QLatin1Char(' '));
}

// One table on port 80 holding `rows` (descriptors separated by ';') under `hostnames`.
inline std::shared_ptr<const RouteTable> table(const QString &rows,
                                               const std::vector<std::string> &hostnames = {"*"},
                                               Core::Diagnostics *diagnostics = nullptr)
{
    RouteTableBuilder builder;
    builder.addListener(80, ListenerProtocol::HTTP);
    for (const QString &descriptor : rows.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        builder.addHttpRoute(80, hostnames, row(descriptor.trimmed()));
    }
    return builder.build(diagnostics);
}

} // namespace Torii::RouteTable::TestSupport
