#include "serve_command.h"

#include "command.h"
#include "command_line.h"
#include "diagnostic_printer.h"

#include "app/runtime/design_watcher.h"
#include "app/runtime/serve_burst.h"
#include "app/runtime/serve_session.h"
#include "engine/tls/hostname_match.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFileInfo>
#include <QtCore/QRegularExpression>
#include <QtCore/QTimer>
#include <QtNetwork/QHostAddress>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>
#include <optional>

namespace Torii::Cli {

namespace {

std::atomic<bool> g_stopRequested{false};

void requestStop(int)
{
    g_stopRequested = true; // async-signal-safe; the event loop polls it
}

// For texts marked with QT_TRANSLATE_NOOP("toriictl", ...) elsewhere.
QString translated(const char *text)
{
    return QCoreApplication::translate("toriictl", text);
}

void print(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

void printError(const QString &text)
{
    std::fprintf(stderr, "toriictl serve: %s\n", text.toUtf8().constData());
}

const char *protocolName(RouteTable::ListenerProtocol p)
{
    return RouteTable::toString(p);
}

// "64k", "10m", "1g" (binary multiples) or plain bytes.
std::optional<std::uint64_t> parseByteSize(const QString &text)
{
    const auto m = QRegularExpression(QStringLiteral("^(\\d+)([kKmMgG]?)$")).match(text.trimmed());
    if (!m.hasMatch()) {
        return std::nullopt;
    }
    bool ok = false;
    const std::uint64_t n = m.captured(1).toULongLong(&ok);
    const QString unit = m.captured(2).toLower();
    const int shift = unit == QLatin1String("k")   ? 10
                      : unit == QLatin1String("m") ? 20
                      : unit == QLatin1String("g") ? 30
                                                   : 0;
    if (!ok || (shift && n > (std::uint64_t(1) << (63 - shift)))) {
        return std::nullopt;
    }
    return n << shift;
}

// The URL a listener is reached at: the bind address, bracketed when IPv6; 127.0.0.1 for a
// wildcard bind, where loopback works too.
QString urlHost(const std::string &bindAddress)
{
    const QHostAddress address(QString::fromStdString(bindAddress));
    if (address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6) {
        return QStringLiteral("127.0.0.1");
    }
    return address.protocol() == QAbstractSocket::IPv6Protocol
               ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
               : address.toString();
}

// A curl line that works against an HTTPS listener: the name its certificate carries resolved to
// the local port, and the development CA as trust anchor when it issued that certificate
// (otherwise the Secret's issuer is unknown here: --insecure).
QString httpsCurl(const Runtime::ServeSession &session, const Runtime::ServedListener &l,
                  const std::string &bindAddress)
{
    const QString host =
        QString::fromStdString(l.exampleHost.empty() ? "localhost" : l.exampleHost);
    // The listener the SNI `host` selects, as engine/tls chooses it.
    bool devCertificate = false;
    int best = -1;
    for (const Runtime::HttpsListenerNote &note : session.httpsNotes()) {
        if (note.gateway != l.gateway || note.port != l.port ||
            note.source == Runtime::HttpsListenerNote::Source::NotServed ||
            !Tls::listenerHostMatches(note.hostname, host.toStdString())) {
            continue;
        }
        const int rank = Tls::listenerHostSpecificity(note.hostname);
        if (rank > best) {
            best = rank;
            devCertificate =
                note.source == Runtime::HttpsListenerNote::Source::DevelopmentCertificate;
        }
    }
    const QString trust =
        devCertificate && session.developmentCa()
            ? QStringLiteral("--cacert %1")
                  .arg(QString::fromStdString(session.developmentCa()->certificatePath()))
            : QStringLiteral("--insecure");
    return QStringLiteral("curl %1 --resolve %2:%3:%4 https://%2:%3/")
        .arg(trust, host)
        .arg(l.localPort)
        .arg(urlHost(bindAddress).remove(QLatin1Char('[')).remove(QLatin1Char(']')));
}

// How each HTTPS listener is served: a development certificate, or why it is not served.
void printHttpsNotes(const Runtime::ServeSession &session)
{
    using Source = Runtime::HttpsListenerNote::Source;
    if (const Tls::DevelopmentCa *ca = session.developmentCa()) {
        print((ca->createdNow() ? QCoreApplication::translate(
                                      "toriictl", "development CA created: %1 (trust it once; "
                                                  "later runs reuse it)\n")
                                : QCoreApplication::translate("toriictl", "development CA: %1\n"))
                  .arg(QString::fromStdString(ca->certificatePath())));
    }
    for (const std::string &policy : session.systemTrustStandIns()) {
        print(QCoreApplication::translate(
                  "toriictl", "BackendTLSPolicy %1 (wellKnownCACertificates: System): the gateway "
                              "trusts the development CA beside the system store, standing in "
                              "for a public CA; its mock backends present certificates it "
                              "issued (a backend bound with --backend is checked against the "
                              "system store only)\n")
                  .arg(QString::fromStdString(policy)));
    }
    for (const Runtime::HttpsListenerNote &note : session.httpsNotes()) {
        const QString host = QString::fromStdString(note.hostname.empty() ? "*" : note.hostname);
        if (note.source == Source::DevelopmentCertificate) {
            print(QCoreApplication::translate(
                      "toriictl", "%1 (%2): served with a development certificate (%3)\n")
                      .arg(QString::fromStdString(note.listener), host,
                           QString::fromStdString(note.problem)));
        } else if (note.source == Source::NotServed) {
            print(QCoreApplication::translate(
                      "toriictl", "%1 (%2): not served: %3; --dev-ca serves it with a development "
                                  "certificate\n")
                      .arg(QString::fromStdString(note.listener), host,
                           QString::fromStdString(note.problem)));
        }
    }
}

void printListeners(const Runtime::ServeSession &session, const std::string &bindAddress,
                    const std::vector<std::string> &onlyGateways = {})
{
    QString curl;
    QString curlHttps;
    for (const Runtime::ServedListener &l : session.listeners()) {
        if (!onlyGateways.empty() &&
            std::find(onlyGateways.begin(), onlyGateways.end(), l.gateway) == onlyGateways.end()) {
            continue;
        }
        if (l.protocol == RouteTable::ListenerProtocol::HTTPS && l.localPort != 0) {
            print(QCoreApplication::translate("toriictl", "%1 listener %2 (%3) → %4\n")
                      .arg(QString::fromStdString(l.gateway))
                      .arg(l.port)
                      .arg(QLatin1String(protocolName(l.protocol)))
                      .arg(QStringLiteral("https://%1:%2")
                               .arg(urlHost(bindAddress))
                               .arg(l.localPort)));
            if (curlHttps.isEmpty()) {
                curlHttps = httpsCurl(session, l, bindAddress);
            }
            continue;
        }
        if (l.protocol == RouteTable::ListenerProtocol::HTTPS) {
            continue; // printHttpsNotes() says why
        }
        if (l.localPort == 0) {
            print(QCoreApplication::translate(
                      "toriictl",
                      "%1 listener %2 (%3): not served yet; Torii's gateway serves HTTP listeners "
                      "today, HTTPS, TLS, TCP and UDP arrive with the next parts of the live "
                      "gateway\n")
                      .arg(QString::fromStdString(l.gateway))
                      .arg(l.port)
                      .arg(QLatin1String(protocolName(l.protocol))));
            continue;
        }
        // L4 listeners carry no HTTP: their address is shown with the protocol as its scheme.
        const QString scheme = l.protocol == RouteTable::ListenerProtocol::TCP   ? "tcp"
                               : l.protocol == RouteTable::ListenerProtocol::UDP ? "udp"
                               : l.protocol == RouteTable::ListenerProtocol::TLS ? "tls"
                                                                                 : "http";
        const QString base =
            QStringLiteral("%1://%2:%3").arg(scheme, urlHost(bindAddress)).arg(l.localPort);
        print(QCoreApplication::translate("toriictl", "%1 listener %2 (%3) → %4\n")
                  .arg(QString::fromStdString(l.gateway))
                  .arg(l.port)
                  .arg(QLatin1String(protocolName(l.protocol)))
                  .arg(base));
        if (curl.isEmpty() && !l.grpcExamplePath.empty() && scheme == QLatin1String("http")) {
            // One unary gRPC call with an empty message (5 bytes of gRPC framing); the status
            // and the grpc-status trailer are shown (Debian has no grpcurl).
            curl = QStringLiteral("printf '\\0\\0\\0\\0\\0' | curl -s --http2-prior-knowledge "
                                  "-H 'content-type: application/grpc' -H 'te: trailers'%1 "
                                  "--data-binary @- -D - -o /dev/null %2%3")
                       .arg(l.exampleHost.empty()
                                ? QString()
                                : QStringLiteral(" -H 'Host: %1'")
                                      .arg(QString::fromStdString(l.exampleHost)))
                       .arg(base)
                       .arg(QString::fromStdString(l.grpcExamplePath));
        }
        if (curl.isEmpty() && !l.exampleHost.empty() && scheme == QLatin1String("http")) {
            curl = QStringLiteral("curl -H 'Host: %1' %2/")
                       .arg(QString::fromStdString(l.exampleHost))
                       .arg(base);
        }
    }
    if (!curl.isEmpty() && onlyGateways.empty()) {
        print(QCoreApplication::translate("toriictl", "try: %1\n").arg(curl));
    }
    if (!curlHttps.isEmpty() && onlyGateways.empty()) {
        print(QCoreApplication::translate("toriictl", "try: %1\n").arg(curlHttps));
    }
}

QString joined(const std::vector<std::string> &names)
{
    QStringList list;
    for (const std::string &n : names) {
        list << QString::fromStdString(n);
    }
    return list.join(QStringLiteral(", "));
}

// One line per reload (serve --watch), then the diagnostics of a rejected design on stderr and
// the new local addresses of gateways that were started or restarted.
void printReload(const Runtime::ReloadReport &report, const Runtime::ServeSession &session,
                 const std::string &bindAddress, bool afterRejection)
{
    using Outcome = Runtime::ReloadReport::Outcome;
    if (report.outcome == Outcome::Rejected) {
        print(QCoreApplication::translate(
                  "toriictl", "reload rejected: %1 error(s); still serving the last good design\n")
                  .arg(report.diagnostics.size()));
        const QByteArray text = diagnosticsAsText(report.diagnostics, false);
        std::fwrite(text.constData(), 1, static_cast<std::size_t>(text.size()), stderr);
        std::fflush(stderr);
        return;
    }
    if (report.outcome == Outcome::Unchanged) {
        print(afterRejection
                  ? QCoreApplication::translate("toriictl",
                                                "reloaded: the files read and validate again; the "
                                                "design served is unchanged\n")
                  : QCoreApplication::translate("toriictl",
                                                "reloaded: nothing that is served changed\n"));
        return;
    }
    QStringList parts;
    const auto add = [&parts](const char *text, const std::vector<std::string> &names) {
        if (!names.empty()) {
            parts << translated(text).arg(joined(names));
        }
    };
    add(QT_TRANSLATE_NOOP("toriictl", "routes added: %1"), report.routesAdded);
    add(QT_TRANSLATE_NOOP("toriictl", "routes removed: %1"), report.routesRemoved);
    add(QT_TRANSLATE_NOOP("toriictl", "routes changed: %1"), report.routesChanged);
    add(QT_TRANSLATE_NOOP("toriictl", "mock Services started: %1"),
        report.gateways.servicesStarted);
    add(QT_TRANSLATE_NOOP("toriictl", "mock Services stopped: %1"),
        report.gateways.servicesStopped);
    add(QT_TRANSLATE_NOOP("toriictl", "Gateways started: %1"), report.gateways.gatewaysStarted);
    add(QT_TRANSLATE_NOOP("toriictl", "Gateways stopped: %1"), report.gateways.gatewaysStopped);
    add(QT_TRANSLATE_NOOP("toriictl",
                          "listeners changed, restarted (open connections were closed): %1"),
        report.gateways.gatewaysRestarted);
    if (parts.isEmpty()) {
        parts << QCoreApplication::translate("toriictl", "no route changed");
    }
    print(QCoreApplication::translate("toriictl", "reloaded: %1\n")
              .arg(parts.join(QStringLiteral("; "))));
    if (!report.error.empty()) {
        printError(QCoreApplication::translate("toriictl", "reload: %1")
                       .arg(QString::fromStdString(report.error)));
    }
    std::vector<std::string> moved = report.gateways.gatewaysStarted;
    moved.insert(moved.end(), report.gateways.gatewaysRestarted.begin(),
                 report.gateways.gatewaysRestarted.end());
    if (!moved.empty()) {
        printListeners(session, bindAddress, moved);
    }
}

} // namespace

int runServe(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "toriictl", "Run the design as a live local gateway with mock backends."));
    parser.addHelpOption();
    const QCommandLineOption anyPort(
        QStringLiteral("any-port"),
        QCoreApplication::translate("toriictl", "Let the system choose the local ports."));
    const QCommandLineOption portOption(
        QStringLiteral("port"),
        QCoreApplication::translate(
            "toriictl",
            "Serve a Gateway listener port on this local port (0: let the system choose); "
            "repeatable. Default: port + 10000 below 1024, the same port otherwise."),
        QStringLiteral("NAMESPACE/GATEWAY:PORT=LOCALPORT"));
    const QCommandLineOption address(
        QStringLiteral("address"),
        QCoreApplication::translate("toriictl",
                                    "Bind the listeners to this address (default 127.0.0.1)."),
        QStringLiteral("addr"));
    const QCommandLineOption allowNonLoopback(
        QStringLiteral("allow-non-loopback"),
        QCoreApplication::translate("toriictl", "Allow an --address other machines can reach."));
    const QCommandLineOption maxHeaderBytes(
        QStringLiteral("max-header-bytes"),
        QCoreApplication::translate(
            "toriictl",
            "Largest request head (target and header fields) accepted; larger: 431. Default 64k, "
            "at most 80k."),
        QStringLiteral("bytes"));
    const QCommandLineOption maxBodyBytes(
        QStringLiteral("max-body-bytes"),
        QCoreApplication::translate("toriictl",
                                    "Largest request body accepted; larger: 413. Default 1g."),
        QStringLiteral("bytes"));
    const QCommandLineOption headerTimeout(
        QStringLiteral("header-timeout"),
        QCoreApplication::translate("toriictl", "Seconds a client has to send a request head once "
                                                "it began one; slower: 408. Default 30."),
        QStringLiteral("seconds"));
    const QCommandLineOption workers(
        QStringLiteral("workers"),
        QCoreApplication::translate("toriictl", "Worker threads per gateway, each with its own "
                                                "event loop and connections. Default 1."),
        QStringLiteral("n"));
    const QCommandLineOption watch(
        QStringLiteral("watch"),
        QCoreApplication::translate(
            "toriictl",
            "Reload when a file changes; a design that does not read or validate is not served, "
            "the last good one keeps running."));
    const QCommandLineOption duration(
        QStringLiteral("duration"),
        QCoreApplication::translate("toriictl", "Stop after this many seconds."),
        QStringLiteral("seconds"));
    const QCommandLineOption burst(
        QStringLiteral("burst"),
        QCoreApplication::translate(
            "toriictl", "Once serving, send this many requests of the default mix and a few "
                        "dozen connections or flows per TCP, UDP and TLS rule through the "
                        "gateway (within 5 s); the summary counts them."),
        QStringLiteral("n"));
    const QCommandLineOption backend = backendOption();
    const QCommandLineOption acceptAll(
        QStringLiteral("accept-all-classes"),
        QCoreApplication::translate(
            "toriictl",
            "Accept every GatewayClass, whatever its controllerName, and serve Gateways whose "
            "class is not loaded."));
    const QCommandLineOption devCa(
        QStringLiteral("dev-ca"),
        QCoreApplication::translate(
            "toriictl",
            "Serve HTTPS listeners whose certificateRefs do not resolve with certificates of the "
            "workspace's development CA (made once in .torii/dev-ca/, reused afterwards)."));
    const QCommandLineOption noImplicit(
        QStringLiteral("no-implicit-services"),
        QCoreApplication::translate(
            "toriictl",
            "Do not make up Services the routes name but the workspace lacks; their share answers "
            "500, as in a cluster."));
    parser.addOptions({anyPort, portOption, address, allowNonLoopback, maxHeaderBytes, maxBodyBytes,
                       headerTimeout, workers, watch, duration, backend, acceptAll, noImplicit,
                       devCa, burst});
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 QCoreApplication::translate("toriictl", "YAML files or folders."),
                                 QStringLiteral("FILE|DIR..."));
    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return ExitUnusable;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        print(parser.helpText());
        return ExitOk;
    }
    std::vector<std::string> paths;
    QStringList watchedPaths;
    for (const QString &p : parser.positionalArguments()) {
        if (!QFileInfo::exists(p)) {
            std::fprintf(
                stderr, "%s\n",
                qPrintable(
                    QCoreApplication::translate("toriictl", "%1: no such file or folder").arg(p)));
            return ExitUnusable;
        }
        paths.push_back(p.toStdString());
        watchedPaths << p;
    }
    if (paths.empty()) {
        std::fprintf(stderr, "%s\n",
                     qPrintable(QCoreApplication::translate(
                         "toriictl", "toriictl serve: name at least one file or folder")));
        return ExitUnusable;
    }
    Runtime::ServeOptions options;
    options.anyPort = parser.isSet(anyPort);
    options.controller.acceptAllClasses = parser.isSet(acceptAll);
    options.implicitServices = !parser.isSet(noImplicit);
    options.reloadable = parser.isSet(watch);
    options.developmentCa = parser.isSet(devCa);

    const QRegularExpression portRule(QStringLiteral("^([a-z0-9.-]+/[a-z0-9.-]+):(\\d+)=(\\d+)$"));
    for (const QString &rule : parser.values(portOption)) {
        const auto m = portRule.match(rule);
        const uint listenerPort = m.hasMatch() ? m.captured(2).toUInt() : 0;
        const uint local = m.hasMatch() ? m.captured(3).toUInt() : 65536;
        if (!m.hasMatch() || listenerPort < 1 || listenerPort > 65535 || local > 65535) {
            printError(QCoreApplication::translate(
                           "toriictl",
                           "--port wants NAMESPACE/GATEWAY:PORT=LOCALPORT (ports up to 65535, "
                           "LOCALPORT 0 lets the system choose), not \"%1\"")
                           .arg(rule));
            return ExitUnusable;
        }
        options.portMap[{m.captured(1).toStdString(), int(listenerPort)}] = quint16(local);
    }

    if (parser.isSet(address)) {
        const QHostAddress bind(parser.value(address));
        if (bind.isNull()) {
            printError(
                QCoreApplication::translate("toriictl", "--address wants an IP address, not \"%1\"")
                    .arg(parser.value(address)));
            return ExitUnusable;
        }
        if (!bind.isLoopback()) {
            if (!parser.isSet(allowNonLoopback)) {
                printError(QCoreApplication::translate(
                               "toriictl", "--address %1 is reachable from other machines; add "
                                           "--allow-non-loopback if that is what you want")
                               .arg(bind.toString()));
                return ExitUnusable;
            }
            std::fprintf(
                stderr, "%s\n",
                qPrintable(QCoreApplication::translate(
                               "toriictl", "warning: listening on %1: other machines can reach the "
                                           "gateway and its mock backends' answers")
                               .arg(bind.toString())));
        }
        options.bindAddress = bind.toString().toStdString();
    }

    if (parser.isSet(maxHeaderBytes)) {
        const auto n = parseByteSize(parser.value(maxHeaderBytes));
        // A head is held in memory while it is read: the limit is what bounds that.
        if (!n || *n == 0 || *n > 1024 * 1024) {
            printError(QCoreApplication::translate(
                           "toriictl", "--max-header-bytes wants a size from 1 to 1M, not \"%1\"")
                           .arg(parser.value(maxHeaderBytes)));
            return ExitUnusable;
        }
        options.limits.maxHeaderBytes = static_cast<std::size_t>(*n);
    }
    if (parser.isSet(maxBodyBytes)) {
        const auto n = parseByteSize(parser.value(maxBodyBytes));
        if (!n) {
            printError(QCoreApplication::translate(
                           "toriictl",
                           "--max-body-bytes wants a size such as 1048576, 512k, 10m or 1g, not "
                           "\"%1\"")
                           .arg(parser.value(maxBodyBytes)));
            return ExitUnusable;
        }
        options.limits.maxBodyBytes = *n;
    }

    if (parser.isSet(headerTimeout)) {
        bool ok = false;
        const double seconds = parser.value(headerTimeout).toDouble(&ok);
        if (!ok || !(seconds > 0) || seconds > 86400) {
            printError(QCoreApplication::translate(
                           "toriictl", "--header-timeout wants seconds above 0 (at most 86400), "
                                       "not \"%1\"")
                           .arg(parser.value(headerTimeout)));
            return ExitUnusable;
        }
        options.headerTimeout = std::chrono::milliseconds(static_cast<qint64>(seconds * 1000));
    }
    std::optional<Runtime::BurstOptions> burstOptions;
    if (parser.isSet(burst)) {
        bool ok = false;
        const qulonglong requests = parser.value(burst).toULongLong(&ok);
        if (!ok || requests > 100000) {
            printError(QCoreApplication::translate(
                           "toriictl", "--burst wants a number of requests from 0 to 100000, not "
                                       "\"%1\"")
                           .arg(parser.value(burst)));
            return ExitUnusable;
        }
        burstOptions.emplace();
        burstOptions->httpRequests = requests;
    }
    // A typo in --duration used to read as 0 and stop the gateway at once; say so instead.
    qint64 limitMs = -1;
    if (parser.isSet(duration)) {
        bool ok = false;
        const double seconds = parser.value(duration).toDouble(&ok);
        if (!ok || !(seconds >= 0) || seconds > 31536000) {
            printError(QCoreApplication::translate(
                           "toriictl", "--duration wants seconds, 0 or more, not \"%1\"")
                           .arg(parser.value(duration)));
            return ExitUnusable;
        }
        limitMs = static_cast<qint64>(seconds * 1000);
    }
    if (parser.isSet(workers)) {
        bool ok = false;
        const int n = parser.value(workers).toInt(&ok);
        if (!ok || n < 1 || n > 64) {
            printError(QCoreApplication::translate(
                           "toriictl", "--workers wants a whole number from 1 to 64, not \"%1\"")
                           .arg(parser.value(workers)));
            return ExitUnusable;
        }
        options.workers = n;
    }

    for (const QString &binding : parser.values(backend)) {
        const auto bound = backendBinding(binding);
        if (!bound) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate(
                                        "toriictl", "toriictl serve: --backend wants "
                                                    "NAMESPACE/NAME=127.0.0.1:PORT, not \"%1\"")
                                        .arg(binding)));
            return ExitUnusable;
        }
        options.realBackends[bound->first] = bound->second;
    }

    // Before anything is printed: a user (or a test) may signal as soon as it sees the table.
    g_stopRequested = false;
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);

    Runtime::ServeSession session;
    QString error;
    const bool started = session.start(paths, options, &error);
    const QByteArray diagnostics = diagnosticsAsText(session.status().diagnostics, false);
    std::fwrite(diagnostics.constData(), 1, static_cast<std::size_t>(diagnostics.size()), stderr);
    if (!started) {
        printError(error);
        return ExitUnusable;
    }
    for (const std::string &service : session.implicitServices()) {
        print(QCoreApplication::translate(
                  "toriictl",
                  "implicit Service %1: the workspace has no Service of that name; a mock backend "
                  "stands in\n")
                  .arg(QString::fromStdString(service)));
    }
    for (const auto &[key, local] : options.portMap) {
        const bool known = std::any_of(session.listeners().begin(), session.listeners().end(),
                                       [&key = key](const Runtime::ServedListener &l) {
                                           return l.gateway == key.first && l.port == key.second;
                                       });
        if (!known) {
            std::fprintf(
                stderr, "%s\n",
                qPrintable(QCoreApplication::translate(
                               "toriictl", "warning: --port %1:%2: the design has no such Gateway "
                                           "listener")
                               .arg(QString::fromStdString(key.first))
                               .arg(key.second)));
        }
    }
    printHttpsNotes(session);
    printListeners(session, options.bindAddress);

    std::unique_ptr<Runtime::DesignWatcher> watcher;
    bool lastRejected = false; // the next unchanged reload then says the files are good again
    if (parser.isSet(watch)) {
        watcher = std::make_unique<Runtime::DesignWatcher>(
            watchedPaths, [&session, &options, &lastRejected] {
                const Runtime::ReloadReport report = session.reload();
                printReload(report, session, options.bindAddress, lastRejected);
                lastRejected = report.outcome == Runtime::ReloadReport::Outcome::Rejected;
            });
        print(QCoreApplication::translate("toriictl", "watching %1 for changes\n")
                  .arg(watchedPaths.join(QStringLiteral(", "))));
    }
    print(QCoreApplication::translate("toriictl", "serving; Ctrl+C stops\n"));

    Runtime::ServeBurst traffic;
    bool burstPrinted = true;
    if (burstOptions) {
        traffic.start(session, *burstOptions);
        burstPrinted = false;
    }
    // What the burst sent, once it ended (the gateway's own counts come with the summary).
    auto printBurst = [&] {
        if (burstPrinted) {
            return;
        }
        burstPrinted = true;
        const Runtime::BurstReport &r = traffic.report();
        if (!r.error.empty()) {
            printError(QCoreApplication::translate("toriictl", "burst: %1")
                           .arg(QString::fromStdString(r.error)));
        }
        //: %1 requests sent, %2 of them answered, %3 seconds
        print(QCoreApplication::translate("toriictl",
                                          "burst: %1 HTTP request(s), %2 answered, in %3 s\n")
                  .arg(r.httpSent)
                  .arg(r.httpAnswered)
                  .arg(r.seconds, 0, 'f', 1));
        for (const Runtime::BurstStreamRule &rule : r.streams) {
            const QString name = QString::fromStdString(rule.rule);
            const QString protocol = QString::fromStdString(rule.protocol);
            //: %1 a route rule, %2 how many samples, %3 tcp, udp or tls, %4 how many answered
            print(rule.echo ? QCoreApplication::translate(
                                  "toriictl", "burst: %1: %2 %3 sample(s), %4 answered by the "
                                              "echo\n")
                                  .arg(name)
                                  .arg(rule.sent)
                                  .arg(protocol)
                                  .arg(rule.answered)
                            //: %1 a route rule, %2 how many samples, %3 tcp, udp or tls
                            : QCoreApplication::translate(
                                  "toriictl", "burst: %1: %2 %3 sample(s) (its backends do not "
                                              "answer the echo; the gateway still chose one for "
                                              "each)\n")
                                  .arg(name)
                                  .arg(rule.sent)
                                  .arg(protocol));
        }
    };

    QElapsedTimer clock;
    clock.start();
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (traffic.finished()) {
            printBurst();
        }
        if (g_stopRequested || (limitMs >= 0 && clock.elapsed() >= limitMs)) {
            QCoreApplication::quit();
        }
    });
    poll.start(100);
    QCoreApplication::exec();
    traffic.stop();
    if (traffic.finished()) {
        printBurst();
    }
    watcher.reset();
    session.stop();

    const Runtime::TrafficSummary summary = session.summary();
    print(QCoreApplication::translate("toriictl", "stopped after %1 s; %2 request(s) served\n")
              .arg(clock.elapsed() / 1000.0, 0, 'f', 1)
              .arg(summary.requests));
    for (const auto &[status, count] : summary.byStatus) {
        print(QStringLiteral("  %1 × %2\n").arg(status).arg(count));
    }
    for (const auto &[protocol, count] : summary.byStream) {
        print((protocol == "UDP"
                   ? QCoreApplication::translate("toriictl", "  %1 × %2 flow(s)\n")
                   : QCoreApplication::translate("toriictl", "  %1 × %2 connection(s)\n"))
                  .arg(QString::fromStdString(protocol))
                  .arg(count));
    }
    for (const auto &[name, count] : summary.byBackend) {
        print(QStringLiteral("  %1: %2 (%3%)\n")
                  .arg(QString::fromStdString(name))
                  .arg(count)
                  .arg(summary.requests ? 100.0 * count / summary.requests : 0.0, 0, 'f', 1));
    }
    return ExitOk;
}

} // namespace Torii::Cli
