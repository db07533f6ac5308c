#include "routes_command.h"

#include "command.h"
#include "command_line.h"
#include "diagnostic_printer.h"

#include "app/runtime/route_text.h"
#include "app/runtime/status_run.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QUrl>

#include <cstdio>

namespace Torii::Cli {

namespace {

namespace RT = Torii::RouteTable;

QString filtersText(const std::vector<RT::Filter> &filters)
{
    QStringList parts;
    for (const RT::Filter &f : filters) {
        switch (f.type) {
        case RT::Filter::Type::RequestHeaderModifier:
            parts << QStringLiteral("RequestHeaderModifier");
            break;
        case RT::Filter::Type::ResponseHeaderModifier:
            parts << QStringLiteral("ResponseHeaderModifier");
            break;
        case RT::Filter::Type::RequestRedirect: {
            QStringList r;
            if (f.redirect.scheme) {
                r << QString::fromStdString(*f.redirect.scheme) + QStringLiteral("://");
            }
            if (f.redirect.hostname) {
                r << QString::fromStdString(*f.redirect.hostname);
            }
            if (f.redirect.port) {
                r << QStringLiteral(":%1").arg(*f.redirect.port);
            }
            if (f.redirect.path) {
                r << QString::fromStdString(f.redirect.path->value);
            }
            parts << QStringLiteral("RequestRedirect %1 %2").arg(f.redirect.statusCode).arg(r.join(QString()));
            break;
        }
        case RT::Filter::Type::UrlRewrite:
            parts << QStringLiteral("URLRewrite");
            break;
        case RT::Filter::Type::RequestMirror:
            parts << QStringLiteral("RequestMirror %1%").arg(f.mirror.percent);
            break;
        case RT::Filter::Type::Cors:
            parts << QStringLiteral("CORS");
            break;
        case RT::Filter::Type::Unsupported:
            parts << QStringLiteral("[500: %1]").arg(QString::fromStdString(f.unsupportedReason));
            break;
        }
    }
    return parts.isEmpty() ? QString() : QStringLiteral(" {") + parts.join(QStringLiteral("; ")) + QLatin1Char('}');
}

void printTable(QByteArray &out, const std::string &gateway, const RT::RouteTable &table)
{
    out += QStringLiteral("Gateway %1\n").arg(QString::fromStdString(gateway)).toUtf8();
    for (int port : table.ports()) {
        const auto view = table.listener(port);
        if (!view) {
            continue;
        }
        out += QStringLiteral("  port %1 (%2)\n").arg(port).arg(QLatin1String(RT::toString(view->protocol))).toUtf8();
        for (const auto &host : view->hosts) {
            out += QStringLiteral("    host %1\n").arg(QString::fromStdString(host.hostname)).toUtf8();
            int n = 0;
            for (const RT::HttpRoute *route : host.routes) {
                out += QStringLiteral("      %1. %2: %3%4 → %5\n")
                           .arg(++n)
                           .arg(Runtime::routeSourceText(route->source), Runtime::routeMatchText(route->match),
                                filtersText(route->filters), Runtime::routeBackendsText(route->backends))
                           .toUtf8();
            }
            for (const RT::StreamRoute *stream : host.streams) {
                out += QStringLiteral("      %1. %2 → %3\n")
                           .arg(++n)
                           .arg(Runtime::routeSourceText(stream->source), Runtime::routeBackendsText(stream->backends))
                           .toUtf8();
            }
        }
    }
}

} // namespace

int runRoutes(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("toriictl", "Show the compiled route table of every Gateway, in precedence order, and explain "
           "where a request lands."));
    parser.addHelpOption();
    const QCommandLineOption acceptAll(QStringLiteral("accept-all-classes"),
                                       QCoreApplication::translate("toriictl", "Accept every GatewayClass, whatever its controllerName, "
                                          "and serve Gateways whose class is not loaded."));
    const QCommandLineOption gatewayOption(QStringLiteral("gateway"),
                                           QCoreApplication::translate("toriictl", "Only this Gateway (namespace/name)."),
                                           QStringLiteral("ns/name"));
    const QCommandLineOption explain(QStringLiteral("explain"),
                                     QCoreApplication::translate("toriictl", "Explain where METHOD URL lands: give the method here and "
                                        "the URL as the first positional argument."),
                                     QStringLiteral("METHOD"));
    const QCommandLineOption header({QStringLiteral("H"), QStringLiteral("header")},
                                    QCoreApplication::translate("toriictl", "A request header for --explain, 'name: value'."),
                                    QStringLiteral("header"));
    parser.addOptions({acceptAll, gatewayOption, explain, header});
    parser.addPositionalArgument(QStringLiteral("paths"), QCoreApplication::translate("toriictl", "YAML files or folders."),
                                 QStringLiteral("[URL] FILE|DIR..."));
    if (const std::optional<int> stop = parseCommandLine(parser, arguments, "routes")) {
        return *stop;
    }
    QStringList positional = parser.positionalArguments();
    QUrl url;
    if (parser.isSet(explain)) {
        if (positional.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(QCoreApplication::translate("toriictl", "toriictl routes: --explain needs a URL")));
            return ExitUnusable;
        }
        url = QUrl(positional.takeFirst());
        if (!url.isValid() || url.host().isEmpty()) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate("toriictl", "toriictl routes: \"%1\" is not a URL such as "
                                       "http://shop.example.com/cart")
                                        .arg(url.toString())));
            return ExitUnusable;
        }
    }
    const std::optional<std::vector<std::string>> paths = existingPaths(
        positional, QCoreApplication::translate("toriictl", "toriictl routes: name at least one file or folder"));
    if (!paths) {
        return ExitUnusable;
    }
    Controller::ControllerOptions options;
    options.acceptAllClasses = parser.isSet(acceptAll);
    const Runtime::StatusRun run = Runtime::computeStatus(*paths, options);
    QByteArray out = diagnosticsAsText(run.diagnostics, false);
    const std::string only = parser.value(gatewayOption).toStdString();

    if (!parser.isSet(explain)) {
        for (const auto &[gateway, table] : run.controller.routeTables) {
            if (only.empty() || only == gateway) {
                printTable(out, gateway, *table);
            }
        }
        std::fwrite(out.constData(), 1, static_cast<std::size_t>(out.size()), stdout);
        return run.unreadable ? ExitUnusable : ExitOk;
    }

    RT::Request request;
    request.method = parser.value(explain).toUpper().toStdString();
    request.host = url.host().toStdString();
    request.path = url.path(QUrl::FullyEncoded).isEmpty() ? std::string("/")
                                                          : url.path(QUrl::FullyEncoded).toStdString();
    if (url.hasQuery()) {
        request.path += '?' + url.query(QUrl::FullyEncoded).toStdString();
    }
    for (const QString &h : parser.values(header)) {
        const int colon = h.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate("toriictl", "toriictl routes: header \"%1\" is not 'name: value'").arg(h)));
            return ExitUnusable;
        }
        request.headers.push_back({h.left(colon).trimmed().toLower().toStdString(),
                                   h.mid(colon + 1).trimmed().toStdString()});
    }
    const int port = url.port(url.scheme() == QLatin1String("https") ? 443 : 80);
    bool found = false;
    for (const auto &[gateway, table] : run.controller.routeTables) {
        if ((!only.empty() && only != gateway) || !table->listener(port)) {
            continue;
        }
        found = true;
        const RT::Explanation explanation = table->explain(port, request);
        out += QCoreApplication::translate("toriictl", "Gateway %1, port %2:").arg(QString::fromStdString(gateway)).arg(port).toUtf8() + '\n';
        for (const QString &line : Runtime::explanationLines(explanation)) {
            out += "  " + line.toUtf8() + '\n';
        }
    }
    if (!found) {
        out += QCoreApplication::translate("toriictl", "no Gateway has a listener on port %1").arg(port).toUtf8() + '\n';
    }
    std::fwrite(out.constData(), 1, static_cast<std::size_t>(out.size()), stdout);
    return run.unreadable ? ExitUnusable : ExitOk;
}

} // namespace Torii::Cli
