// torii [--lang en|ja] [WORKSPACE|FILES…]
// torii --screenshots DIR [--lang en|ja] [WORKSPACE]
#include "app/gui/mainwindow/main_window.h"
#include "app/gui/mainwindow/screenshot_tour.h"
#include "app/runtime/locale.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QSettings>
#include <QtWidgets/QApplication>
#include <QtWidgets/QMessageBox>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Torii"));
    QApplication::setOrganizationDomain(QStringLiteral("torii.dev"));
    QApplication::setApplicationName(QStringLiteral("torii"));
    QApplication::setApplicationVersion(QStringLiteral(TORII_VERSION));

    // The language must be known before any text is made: parse first, translate the help after.
    QCommandLineParser parser;
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("en|ja"), QStringLiteral("language"));
    const QCommandLineOption screenshots(QStringLiteral("screenshots"), QStringLiteral("DIR"),
                                         QStringLiteral("dir"));
    parser.addOptions({lang, screenshots});
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("paths"), QStringLiteral("WORKSPACE|FILES…"),
                                 QStringLiteral("[WORKSPACE|FILES…]"));
    parser.process(app);
    QString language = parser.value(lang);
    if (!language.isEmpty() && language != QLatin1String("en") && language != QLatin1String("ja")) {
        std::fprintf(stderr, "torii: --lang takes en or ja, not \"%s\"\n", qPrintable(language));
        return 2;
    }
    if (language.isEmpty()) {
        language = QSettings().value(QStringLiteral("language")).toString();
    }
    Torii::Runtime::installTranslations(app, language);

    const QStringList paths = parser.positionalArguments();
    if (parser.isSet(screenshots)) {
        if (paths.size() > 1) {
            std::fprintf(stderr, "torii: --screenshots takes one workspace folder\n");
            return 2;
        }
        return Torii::Gui::runScreenshotTour(parser.value(screenshots), paths.value(0));
    }

    Torii::Gui::MainWindow window;
    window.show();
    if (!paths.isEmpty()) {
        QString error;
        if (!window.openWorkspace(paths, &error)) {
            QMessageBox::warning(&window, QObject::tr("Torii"), error);
        }
    }
    return app.exec();
}
