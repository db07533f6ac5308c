#pragma once

// Edit ▸ Preferences…: the language (System, English, Japanese; applied when Torii starts again,
// as the dialog says), the theme (System, Light, Dark; applied when the dialog is accepted) and
// the Lessons view's guide folder (Browse…; empty: found automatically). A folder that is not
// the guide's (LessonCatalog::guideFolderProblem) keeps the dialog open with what is wrong.
// Reads and writes Preferences.

#include <QtWidgets/QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Torii::Gui {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    QComboBox *languageBox() const { return m_language; }
    QComboBox *themeBox() const { return m_theme; }
    QLineEdit *guideFolderEdit() const { return m_guideFolder; }
    QPushButton *guideFolderBrowse() const { return m_browse; }
    QLabel *guideFolderProblem() const { return m_guideProblem; }

    void accept() override; // keeps and applies the choices (not with a wrong guide folder)

private:
    QComboBox *m_language;
    QComboBox *m_theme;
    QLineEdit *m_guideFolder;
    QPushButton *m_browse;
    QLabel *m_guideProblem;
};

} // namespace Torii::Gui
