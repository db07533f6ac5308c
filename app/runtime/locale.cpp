#include "locale.h"

#include "install_layout.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QLibraryInfo>
#include <QtCore/QLocale>
#include <QtCore/QStringList>
#include <QtCore/QTranslator>

namespace Torii::Runtime {

QString installTranslations(QCoreApplication &app, const QString &localeName)
{
    QString name = localeName;
    if (name.isEmpty()) {
        name = qEnvironmentVariable("TORII_LANG");
    }
    const QLocale locale = name.isEmpty() ? QLocale::system() : QLocale(name);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) {
        return QStringLiteral("en");
    }
    // An installed catalog (share/torii/translations) wins, so a package's translations can be
    // updated without a rebuild; the copy built into the binary serves the build tree.
    QStringList folders;
    if (const QString data = installedDataDir(); !data.isEmpty()) {
        folders << data + QStringLiteral("/translations");
    }
    folders << QStringLiteral(":/torii/i18n");
    auto *translator = new QTranslator(&app);
    bool loaded = false;
    for (const QString &folder : folders) {
        if ((loaded = translator->load(locale, QStringLiteral("torii"), QStringLiteral("_"), folder))) {
            break;
        }
    }
    if (loaded) {
        app.installTranslator(translator);
        // Qt's own texts (dialog buttons, context menus of line edits) come from Qt's catalog,
        // installed with Qt's translations package; without it they stay English.
        auto *qtTranslator = new QTranslator(&app);
        if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                               QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
            app.installTranslator(qtTranslator);
        } else {
            delete qtTranslator;
        }
        return locale.name().left(2);
    }
    delete translator;
    return QStringLiteral("en");
}

} // namespace Torii::Runtime
