#include "settings_dialog.h"

#include "preferences.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QVBoxLayout>

namespace Torii::Gui {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
    , m_theme(new QComboBox(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Preferences"));
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_theme->setObjectName(QStringLiteral("themeBox"));

    Preferences *settings = Preferences::instance();
    for (const Preferences::LanguageChoice &choice : Preferences::languageChoices()) {
        m_language->addItem(choice.label, choice.code);
    }
    m_language->setCurrentIndex(qMax(0, m_language->findData(settings->language())));

    m_theme->addItem(tr("System"), themeName(Theme::System));
    m_theme->addItem(tr("Light"), themeName(Theme::Light));
    m_theme->addItem(tr("Dark"), themeName(Theme::Dark));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(themeName(settings->theme()))));

    auto *restartNote = new QLabel(tr("The language changes when Torii starts again."), this);
    restartNote->setObjectName(QStringLiteral("languageNote"));
    restartNote->setWordWrap(true);
    QFont small = restartNote->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    restartNote->setFont(small);

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), restartNote);
    form->addRow(tr("&Theme:"), m_theme);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(420, sizeHint().height());
}

void SettingsDialog::accept()
{
    Preferences *settings = Preferences::instance();
    settings->setLanguage(m_language->currentData().toString());
    settings->setTheme(themeFromName(m_theme->currentData().toString()));
    QDialog::accept();
}

} // namespace Torii::Gui
