#include "serve_command.h"

#include "command.h"
#include "diagnostic_printer.h"

#include "app/runtime/serve_session.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFileInfo>
#include <QtCore/QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>

namespace Torii::Cli {

namespace {

std::atomic<bool> g_stopRequested{false};

void requestStop(int)
{
    g_stopRequested = true; // async-signal-safe; the event loop polls it
}

void print(const QString &text)
{
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);
}

const char *protocolName(RouteTable::ListenerProtocol p)
{
    return RouteTable::toString(p);
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
    const QCommandLineOption duration(
        QStringLiteral("duration"),
        QCoreApplication::translate("toriictl", "Stop after this many seconds."),
        QStringLiteral("seconds"));
    const QCommandLineOption backend(
        QStringLiteral("backend"),
        QCoreApplication::translate("toriictl", "Send a Service's traffic to a real local app "
                                                "instead of a mock: NAMESPACE/NAME=127.0.0.1:PORT."),
        QStringLiteral("binding"));
    const QCommandLineOption acceptAll(
        QStringLiteral("accept-all-classes"),
        QCoreApplication::translate("toriictl", "Accept every GatewayClass, whatever its "
                                                "controllerName, and serve Gateways whose class "
                                                "is not loaded."));
    const QCommandLineOption noImplicit(
        QStringLiteral("no-implicit-services"),
        QCoreApplication::translate("toriictl", "Do not make up Services the routes name but the "
                                                "workspace lacks; their share answers 500, as in "
                                                "a cluster."));
    parser.addOptions({anyPort, duration, backend, acceptAll, noImplicit});
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 QCoreApplication::translate("toriictl", "YAML files or folders."),
                                 QStringLiteral("FILE|DIR..."));
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "toriictl serve: %s\n", qPrintable(parser.errorText()));
        return ExitUnusable;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        print(parser.helpText());
        return ExitOk;
    }
    std::vector<std::string> paths;
    for (const QString &p : parser.positionalArguments()) {
        if (!QFileInfo::exists(p)) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate("toriictl", "%1: no such file or folder")
                                        .arg(p)));
            return ExitUnusable;
        }
        paths.push_back(p.toStdString());
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
    for (const QString &binding : parser.values(backend)) {
        const int eq = binding.indexOf(QLatin1Char('='));
        const QString target = binding.mid(eq + 1);
        // Real backends stay on this machine unless a later option allows more (ARCHITECTURE.md).
        if (eq <= 0 || !binding.left(eq).contains(QLatin1Char('/'))
            || !(target.startsWith(QLatin1String("127.")) || target.startsWith(QLatin1String("localhost:")))) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate(
                                        "toriictl", "toriictl serve: --backend wants "
                                                    "NAMESPACE/NAME=127.0.0.1:PORT, not \"%1\"")
                                        .arg(binding)));
            return ExitUnusable;
        }
        options.realBackends[binding.left(eq).toStdString()] =
            target.startsWith(QLatin1String("localhost:"))
                ? "127.0.0.1:" + target.mid(10).toStdString()
                : target.toStdString();
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
        std::fprintf(stderr, "toriictl serve: %s\n", qPrintable(error));
        return ExitUnusable;
    }
    for (const std::string &service : session.implicitServices()) {
        print(QCoreApplication::translate("toriictl", "implicit Service %1: the workspace has no "
                                                      "Service of that name; a mock backend "
                                                      "stands in\n")
                  .arg(QString::fromStdString(service)));
    }
    QString curl;
    for (const Runtime::ServedListener &l : session.listeners()) {
        if (l.localPort == 0) {
            print(QCoreApplication::translate("toriictl",
                                              "%1 listener %2 (%3): not served yet; Torii's gateway "
                                              "serves HTTP listeners today, HTTPS, TLS, TCP and UDP "
                                              "arrive with the next parts of the live gateway\n")
                      .arg(QString::fromStdString(l.gateway))
                      .arg(l.port)
                      .arg(QLatin1String(protocolName(l.protocol))));
            continue;
        }
        print(QCoreApplication::translate("toriictl", "%1 listener %2 (%3) → http://127.0.0.1:%4\n")
                  .arg(QString::fromStdString(l.gateway))
                  .arg(l.port)
                  .arg(QLatin1String(protocolName(l.protocol)))
                  .arg(l.localPort));
        if (curl.isEmpty() && !l.exampleHost.empty()) {
            curl = QStringLiteral("curl -H 'Host: %1' http://127.0.0.1:%2/")
                       .arg(QString::fromStdString(l.exampleHost))
                       .arg(l.localPort);
        }
    }
    if (!curl.isEmpty()) {
        print(QCoreApplication::translate("toriictl", "try: %1\n").arg(curl));
    }
    print(QCoreApplication::translate("toriictl", "serving; Ctrl+C stops\n"));

    const qint64 limitMs = parser.isSet(duration)
                               ? static_cast<qint64>(parser.value(duration).toDouble() * 1000)
                               : -1;
    QElapsedTimer clock;
    clock.start();
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        if (g_stopRequested || (limitMs >= 0 && clock.elapsed() >= limitMs)) {
            QCoreApplication::quit();
        }
    });
    poll.start(100);
    QCoreApplication::exec();
    session.stop();

    const Runtime::TrafficSummary summary = session.summary();
    print(QCoreApplication::translate("toriictl", "stopped after %1 s; %2 request(s) served\n")
              .arg(clock.elapsed() / 1000.0, 0, 'f', 1)
              .arg(summary.requests));
    for (const auto &[status, count] : summary.byStatus) {
        print(QStringLiteral("  %1 × %2\n").arg(status).arg(count));
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
