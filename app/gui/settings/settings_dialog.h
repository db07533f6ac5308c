#pragma once

// Edit ▸ Preferences…: the language (System, English, Japanese; applied when Torii starts again,
// as the dialog says) and the theme (System, Light, Dark; applied when the dialog is accepted).
// Reads and writes Preferences.

#include <QtWidgets/QDialog>

class QComboBox;

namespace Torii::Gui {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    QComboBox *languageBox() const { return m_language; }
    QComboBox *themeBox() const { return m_theme; }

    void accept() override; // keeps and applies the choices

private:
    QComboBox *m_language;
    QComboBox *m_theme;
};

} // namespace Torii::Gui
