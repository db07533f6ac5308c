#include "command.h"
#include "convert_command.h"
#include "export_command.h"
#include "graph_command.h"
#include "routes_command.h"
#include "load_command.h"
#include "portability_command.h"
#include "serve_command.h"
#include "status_command.h"
#include "test_command.h"
#include "upgrade_command.h"
#include "validate_command.h"

#include "app/runtime/locale.h"

#include <QtCore/QCoreApplication>

#include <cstdio>

namespace {

void printUsage(FILE *to)
{
    const QString usage = QCoreApplication::translate(
        "toriictl",
        "Usage: toriictl [--lang LANG] COMMAND [OPTIONS] ...\n"
        "\n"
        "Torii, a studio for the Kubernetes Gateway API, without the window.\n"
        "\n"
        "Commands:\n"
        "  validate FILE|DIR...   check manifests as the API server with the v1.6.1 CRDs would\n"
        "  status FILE|DIR...     show the status a Gateway controller would report\n"
        "  routes FILE|DIR...     show the compiled route tables; --explain METHOD URL\n"
        "  serve FILE|DIR...      run the design as a live local gateway with mock backends\n"
        "  load FILE|DIR...       send traffic through the design; split, errors, latency\n"
        "  test --cases FILE|DIR  run route tests: status, and requests through the live gateway\n"
        "  graph FILE|DIR...      draw the resource hierarchy (DOT, SVG or PNG); --roles for lanes\n"
        "  export FILE|DIR...     write kubectl-ready YAML: one file, per role or per kind\n"
        "  convert SOURCE FILE... turn Ingress (and other tools' configuration) into Gateway API\n"
        "  upgrade FILE|DIR...    rewrite v1beta1/v1alpha2/v1alpha3 objects to v1 in place (.bak kept)\n"
        "  portability FILE|DIR   list the features used and the implementations that pass them\n"
        "\n"
        "Options:\n"
        "  --lang LANG            language of messages (en, ja); default: the system's\n"
        "  --version              print the version\n"
        "  -h, --help             print this help\n"
        "\n"
        "Run 'toriictl COMMAND --help' for the options of a command.\n");
    std::fputs(usage.toUtf8().constData(), to);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("toriictl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TORII_VERSION));

    QStringList args = QCoreApplication::arguments();
    QString lang;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--lang") && i + 1 < args.size()) {
            lang = args[i + 1];
            args.remove(i, 2);
            break;
        }
        if (args[i].startsWith(QLatin1String("--lang="))) {
            lang = args[i].mid(7);
            args.remove(i);
            break;
        }
    }
    Torii::Runtime::installTranslations(app, lang);

    if (args.size() < 2 || args[1] == QLatin1String("-h") || args[1] == QLatin1String("--help") ||
        args[1] == QLatin1String("help")) {
        printUsage(args.size() < 2 ? stderr : stdout);
        return args.size() < 2 ? Torii::Cli::ExitUnusable : Torii::Cli::ExitOk;
    }
    if (args[1] == QLatin1String("--version") || args[1] == QLatin1String("version")) {
        std::printf("toriictl %s (Gateway API v1.6.1)\n", TORII_VERSION);
        return Torii::Cli::ExitOk;
    }
    const QString command = args[1];
    const QStringList rest = QStringList{QStringLiteral("toriictl ") + command} + args.mid(2);
    if (command == QLatin1String("validate")) {
        return Torii::Cli::runValidate(rest);
    }
    if (command == QLatin1String("status")) {
        return Torii::Cli::runStatus(rest);
    }
    if (command == QLatin1String("load")) {
        return Torii::Cli::runLoad(rest);
    }
    if (command == QLatin1String("serve")) {
        return Torii::Cli::runServe(rest);
    }
    if (command == QLatin1String("routes")) {
        return Torii::Cli::runRoutes(rest);
    }
    if (command == QLatin1String("test")) {
        return Torii::Cli::runTest(rest);
    }
    if (command == QLatin1String("graph")) {
        return Torii::Cli::runGraph(rest);
    }
    if (command == QLatin1String("export")) {
        return Torii::Cli::runExport(rest);
    }
    if (command == QLatin1String("convert")) {
        return Torii::Cli::runConvert(rest);
    }
    if (command == QLatin1String("upgrade")) {
        return Torii::Cli::runUpgrade(rest);
    }
    if (command == QLatin1String("portability")) {
        return Torii::Cli::runPortability(rest);
    }
    std::fprintf(stderr, "%s\n",
                 QCoreApplication::translate("toriictl", "toriictl: unknown command \"%1\"")
                     .arg(command)
                     .toUtf8()
                     .constData());
    printUsage(stderr);
    return Torii::Cli::ExitUnusable;
}
