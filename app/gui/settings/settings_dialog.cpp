#include "settings_dialog.h"

#include "preferences.h"

#include "app/gui/lessons/lesson_catalog.h"

#include <QtCore/QDir>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

namespace Torii::Gui {

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
    , m_theme(new QComboBox(this))
    , m_guideFolder(new QLineEdit(this))
    , m_browse(new QPushButton(tr("Browse…"), this))
    , m_guideProblem(new QLabel(this))
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

    m_guideFolder->setObjectName(QStringLiteral("guideFolderEdit"));
    m_guideFolder->setText(QDir::toNativeSeparators(settings->guideFolder()));
    m_guideFolder->setPlaceholderText(tr("Found automatically"));
    m_guideFolder->setToolTip(tr("The folder that holds the guide's code blocks (01.yaml … "
                                 "33.yaml), for the Lessons view. Empty: $TORII_GUIDE_DIR or "
                                 "../shared/fixtures/seed beside the sources."));
    m_guideFolder->setClearButtonEnabled(true);
    m_browse->setObjectName(QStringLiteral("guideFolderBrowse"));
    m_guideProblem->setObjectName(QStringLiteral("guideFolderProblem"));
    m_guideProblem->setWordWrap(true);
    m_guideProblem->setFont(small);
    m_guideProblem->hide();
    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getExistingDirectory(
            this, tr("Choose the folder of the guide's code blocks"), m_guideFolder->text());
        if (!chosen.isEmpty()) {
            m_guideFolder->setText(QDir::toNativeSeparators(chosen));
        }
    });
    connect(m_guideFolder, &QLineEdit::textEdited, m_guideProblem, &QLabel::hide);
    auto *guideRow = new QHBoxLayout;
    guideRow->addWidget(m_guideFolder, 1);
    guideRow->addWidget(m_browse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), restartNote);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("&Guide folder:"), guideRow);
    form->addRow(QString(), m_guideProblem);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

void SettingsDialog::accept()
{
    Preferences *settings = Preferences::instance();
    const QString folder = QDir::fromNativeSeparators(m_guideFolder->text().trimmed());
    const QString problem =
        folder.isEmpty() ? QString() : LessonCatalog::guideFolderProblem(folder);
    if (!problem.isEmpty()) {
        m_guideProblem->setText(problem);
        m_guideProblem->show();
        m_guideFolder->setFocus();
        return; // nothing is kept until the folder is right (or emptied)
    }
    settings->setGuideFolder(folder.isEmpty() ? QString() : QDir::cleanPath(folder));
    settings->setLanguage(m_language->currentData().toString());
    settings->setTheme(themeFromName(m_theme->currentData().toString()));
    QDialog::accept();
}

} // namespace Torii::Gui
