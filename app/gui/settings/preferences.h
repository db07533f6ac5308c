#pragma once

// The studio's preferences, kept in QSettings: the language (applied at the next start, when the
// translations are installed), the theme (applied at once) and the Lessons view's guide folder
// (LessonCatalog::settingsKey(); the view hears the change). One object for the application,
// so the Settings dialog and the language menu read and write the same values and each hears
// when the other changed them.

#include "palettes.h"

#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QString>

namespace Torii::Gui {

class Preferences : public QObject
{
    Q_OBJECT
public:
    // The application's instance (created on first use, parented to the application). GUI thread.
    static Preferences *instance();

    // "" (the system's), "en" or "ja": the QSettings key "language" that main() reads at start.
    QString language() const;
    struct LanguageChoice
    {
        QString code; // as language() returns it
        QString label;
    };
    // The choices in the order menus show them; each language by its own name.
    static QList<LanguageChoice> languageChoices();
    void setLanguage(const QString &language);
    Theme theme() const;
    // Keeps the theme and applies it to the whole application.
    void setTheme(Theme theme);
    // Applies the kept theme (at start, before the first window is shown).
    void applyStoredTheme();
    // The guide folder chosen for the Lessons view, as kept ("" : none chosen, the view looks
    // for one: LessonCatalog::guideFolder). The caller validates (LessonCatalog::
    // guideFolderProblem); "" forgets the choice.
    QString guideFolder() const;
    void setGuideFolder(const QString &folder);

Q_SIGNALS:
    void languageChanged(const QString &language);
    void themeChanged(Torii::Gui::Theme theme);
    void guideFolderChanged(const QString &folder);

private:
    explicit Preferences(QObject *parent);
};

} // namespace Torii::Gui
