#include "preferences.h"

#include "app/gui/lessons/lesson_catalog.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QSettings>

namespace Torii::Gui {

namespace {

const char *kLanguageKey = "language"; // read by main() before any window exists
const char *kThemeKey = "theme";

} // namespace

Preferences::Preferences(QObject *parent)
    : QObject(parent)
{}

Preferences *Preferences::instance()
{
    static Preferences *settings = new Preferences(QCoreApplication::instance());
    return settings;
}

QString Preferences::language() const
{
    const QString language = QSettings().value(QLatin1String(kLanguageKey)).toString();
    return language == QLatin1String("en") || language == QLatin1String("ja") ? language
                                                                              : QString();
}

QList<Preferences::LanguageChoice> Preferences::languageChoices()
{
    return {{QString(), tr("System language")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("ja"), QStringLiteral("日本語")}};
}

void Preferences::setLanguage(const QString &language)
{
    if (language == this->language()) {
        return;
    }
    QSettings().setValue(QLatin1String(kLanguageKey), language);
    Q_EMIT languageChanged(language);
}

Theme Preferences::theme() const
{
    return themeFromName(QSettings().value(QLatin1String(kThemeKey)).toString());
}

void Preferences::setTheme(Theme theme)
{
    const bool changed = theme != this->theme();
    QSettings().setValue(QLatin1String(kThemeKey), themeName(theme));
    applyTheme(theme);
    if (changed) {
        Q_EMIT themeChanged(theme);
    }
}

QString Preferences::guideFolder() const
{
    return QSettings().value(LessonCatalog::settingsKey()).toString();
}

void Preferences::setGuideFolder(const QString &folder)
{
    if (folder == guideFolder()) {
        return;
    }
    if (folder.isEmpty()) {
        QSettings().remove(LessonCatalog::settingsKey());
    } else {
        QSettings().setValue(LessonCatalog::settingsKey(), folder);
    }
    Q_EMIT guideFolderChanged(folder);
}

void Preferences::applyStoredTheme()
{
    if (theme() != Theme::System) {
        applyTheme(theme());
    }
}

} // namespace Torii::Gui
