// torii [--lang en|ja] [WORKSPACE|FILES…]
// torii --screenshots DIR [--lang en|ja] [WORKSPACE]
#include "app/gui/mainwindow/main_window.h"
#include "app/gui/mainwindow/screenshot_tour.h"
#include "app/gui/settings/preferences.h"
#include "app/runtime/locale.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QSettings>
#include <QtGui/QIcon>
#include <QtWidgets/QApplication>
#include <QtWidgets/QMessageBox>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

// --help and --version only print: they must work without a display (a terminal over ssh, and
// help2man when the build writes the man page), so no QApplication is made for them.
bool onlyPrints(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"-h", "--help", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], flag) == 0) {
                return true;
            }
        }
    }
    return false;
}

// The language must be known before any text is made, the help's included: --lang LANG or
// --lang=LANG, found before the parser (whose texts it translates) exists.
QString languageArgument(const QStringList &args)
{
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--lang") && i + 1 < args.size()) {
            return args[i + 1];
        }
        if (args[i].startsWith(QLatin1String("--lang="))) {
            return args[i].mid(7);
        }
    }
    return {};
}

} // namespace

int main(int argc, char *argv[])
{
    const bool gui = !onlyPrints(argc, argv);
    const std::unique_ptr<QCoreApplication> app =
        gui ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Torii"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("torii.dev"));
    QCoreApplication::setApplicationName(QStringLiteral("torii"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TORII_VERSION));
    if (gui) {
        // The installed desktop entry and icon (installer/): Wayland compositors match the
        // window to its entry by this name.
        QGuiApplication::setDesktopFileName(QStringLiteral("dev.torii.Torii"));
        QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("dev.torii.Torii")));
    }

    QString language = languageArgument(QCoreApplication::arguments());
    if (!language.isEmpty() && language != QLatin1String("en") && language != QLatin1String("ja")) {
        std::fprintf(stderr, "torii: --lang takes en or ja, not \"%s\"\n", qPrintable(language));
        return 2;
    }
    if (language.isEmpty()) {
        language = QSettings().value(QStringLiteral("language")).toString();
    }
    Torii::Runtime::installTranslations(*app, language);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "torii", "Torii, a studio for the Kubernetes Gateway API: design Gateways and routes, "
                 "check them as the API server would, and run them as a local gateway."));
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        QCoreApplication::translate("torii", "Language of the interface: en or ja (default: the one "
                                             "chosen in the studio, else the system's)."),
        QCoreApplication::translate("torii", "LANG"));
    const QCommandLineOption screenshots(
        QStringLiteral("screenshots"),
        QCoreApplication::translate("torii", "Save a PNG of each main view into DIR and quit; shows "
                                             "the demo workspace, or WORKSPACE when given."),
        QCoreApplication::translate("torii", "DIR"));
    parser.addOptions({lang, screenshots});
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("paths"),
        QCoreApplication::translate("torii", "A workspace folder, or YAML files to open."),
        QCoreApplication::translate("torii", "[WORKSPACE|FILE...]"));
    parser.process(*app);

    const QStringList paths = parser.positionalArguments();
    if (parser.isSet(screenshots)) {
        if (paths.size() > 1) {
            std::fprintf(stderr, "torii: --screenshots takes one workspace folder\n");
            return 2;
        }
        return Torii::Gui::runScreenshotTour(parser.value(screenshots), paths.value(0));
    }

    // The chosen theme (Preferences), before the first window; the screenshot tour above keeps
    // the platform's look so the README's pictures do not depend on who made them.
    Torii::Gui::Preferences::instance()->applyStoredTheme();
    Torii::Gui::MainWindow window;
    window.show();
    if (!paths.isEmpty()) {
        // Off the GUI thread, with progress and Cancel: a large workspace takes seconds.
        window.openWorkspaceInBackground(paths);
    }
    return app->exec();
}
