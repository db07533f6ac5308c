#include "export_dialog.h"

#include "app/gui/export/text_diff.h"
#include "app/gui/yamleditor/yaml_highlighter.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>
#include <QtGui/QFontDatabase>
#include <QtGui/QSyntaxHighlighter>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QStyle>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QVBoxLayout>

namespace Torii::Gui {

namespace {

// Colours a unified diff: added lines green, removed red, hunk headers grey.
class DiffHighlighter : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString &text) override
    {
        QTextCharFormat format;
        if (text.startsWith(QLatin1Char('+'))) {
            format.setForeground(QColor(0x1a, 0x7f, 0x37));
            format.setBackground(QColor(0x1a, 0x7f, 0x37, 30));
        } else if (text.startsWith(QLatin1Char('-'))) {
            format.setForeground(QColor(0xcf, 0x22, 0x2e));
            format.setBackground(QColor(0xcf, 0x22, 0x2e, 30));
        } else if (text.startsWith(QLatin1String("@@"))) {
            format.setForeground(QColor(0x57, 0x60, 0x6a));
        } else {
            return;
        }
        setFormat(0, int(text.size()), format);
    }
};

QPlainTextEdit *makeReadOnlyText(const QString &objectName, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return edit;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

ExportDialog::ExportDialog(std::vector<Model::Resource> resources, Core::Diagnostics validation,
                           const QString &targetDirectory, QWidget *parent)
    : QDialog(parent)
    , m_resources(std::move(resources))
    , m_validation(std::move(validation))
    , m_split(new QComboBox(this))
    , m_target(new QLineEdit(targetDirectory, this))
    , m_includeSecrets(new QCheckBox(tr("Include Secrets with private keys"), this))
    , m_secretsWarning(new QLabel(this))
    , m_files(new QListWidget(this))
    , m_views(new QTabWidget(this))
    , m_preview(makeReadOnlyText(QStringLiteral("exportPreview"), this))
    , m_diff(makeReadOnlyText(QStringLiteral("exportDiff"), this))
    , m_warnings(new QListWidget(this))
    , m_summary(new QLabel(this))
    , m_export(nullptr)
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export for kubectl"));
    m_split->setObjectName(QStringLiteral("exportSplit"));
    m_split->addItem(tr("One file"), int(Export::SplitMode::None));
    m_split->addItem(tr("One file per role"), int(Export::SplitMode::Role));
    m_split->addItem(tr("One file per kind"), int(Export::SplitMode::Kind));
    m_target->setObjectName(QStringLiteral("exportTarget"));
    m_includeSecrets->setObjectName(QStringLiteral("exportIncludeSecrets"));
    m_includeSecrets->setChecked(false);
    m_secretsWarning->setObjectName(QStringLiteral("exportSecretsWarning"));
    m_secretsWarning->setWordWrap(true);
    m_secretsWarning->setText(tr("⚠ Private keys will be written in clear text into the exported files. "
                                 "Anyone who can read them, or the repository they are committed to, can "
                                 "impersonate these hosts."));
    m_secretsWarning->setStyleSheet(QStringLiteral("color: #b35900;"));
    m_secretsWarning->setVisible(false);
    m_files->setObjectName(QStringLiteral("exportFiles"));
    m_warnings->setObjectName(QStringLiteral("exportWarnings"));
    m_warnings->setWordWrap(true);
    m_warnings->setIconSize(QSize(16, 16));
    m_summary->setObjectName(QStringLiteral("exportSummary"));
    new YamlHighlighter(m_preview->document());
    new DiffHighlighter(m_diff->document());
    m_views->addTab(m_preview, tr("Preview"));
    m_views->addTab(m_diff, tr("Changes on disk"));

    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export into"), m_target->text());
        if (!dir.isEmpty()) {
            setTargetDirectory(dir);
        }
    });
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(m_target, 1);
    targetRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("Files:"), m_split);
    form->addRow(tr("Into folder:"), targetRow);
    form->addRow(QString(), m_includeSecrets);
    form->addRow(QString(), m_secretsWarning);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Files to write:"), left));
    leftLayout->addWidget(m_files, 1);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_views);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);

    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(split);
    auto *warningsBox = new QWidget(this);
    auto *warningsLayout = new QVBoxLayout(warningsBox);
    warningsLayout->setContentsMargins(0, 0, 0, 0);
    warningsLayout->addWidget(new QLabel(tr("Warnings:"), warningsBox));
    warningsLayout->addWidget(m_warnings);
    vertical->addWidget(warningsBox);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_export = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(QStringLiteral("exportWrite"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::exportClicked);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(vertical, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(1000, 700);

    connect(m_split, &QComboBox::currentIndexChanged, this, &ExportDialog::recompute);
    connect(m_includeSecrets, &QCheckBox::toggled, this, [this](bool on) {
        m_secretsWarning->setVisible(on);
        recompute();
    });
    connect(m_target, &QLineEdit::textChanged, this, [this] { showFile(m_files->currentRow()); });
    connect(m_files, &QListWidget::currentRowChanged, this, &ExportDialog::showFile);
    recompute();
}

void ExportDialog::setSplit(Export::SplitMode split)
{
    m_split->setCurrentIndex(m_split->findData(int(split)));
}

void ExportDialog::setIncludeSecrets(bool include)
{
    m_includeSecrets->setChecked(include);
}

void ExportDialog::setTargetDirectory(const QString &directory)
{
    m_target->setText(directory);
}

QString ExportDialog::targetDirectory() const
{
    return m_target->text().trimmed();
}

void ExportDialog::recompute()
{
    Export::ExportOptions options;
    options.split = Export::SplitMode(m_split->currentData().toInt());
    options.includeSecrets = m_includeSecrets->isChecked();
    m_result = Export::exportManifests(m_resources, m_validation, options);

    const int keep = std::max(0, m_files->currentRow());
    m_files->clear();
    for (const Export::ExportFile &f : m_result.files) {
        auto *item = new QListWidgetItem(QString::fromStdString(f.name), m_files);
        item->setToolTip(tr("%n object(s)", nullptr, int(f.objects.size())));
    }
    m_warnings->clear();
    for (const Core::Diagnostic &d : m_result.warnings) {
        QString text = QString::fromStdString(d.localizedMessage());
        if (!d.file.empty()) {
            text = QStringLiteral("%1:%2: %3").arg(QFileInfo(QString::fromStdString(d.file)).fileName()).arg(d.line).arg(text);
        }
        auto *item = new QListWidgetItem(style()->standardIcon(d.isError() ? QStyle::SP_MessageBoxCritical
                                                                            : QStyle::SP_MessageBoxWarning),
                                         text, m_warnings);
        const std::string hint = d.localizedHint();
        if (!hint.empty()) {
            item->setToolTip(QString::fromStdString(hint));
        }
    }
    if (m_result.warnings.empty()) {
        m_warnings->addItem(tr("No warnings: the cluster should accept every object as written."));
    }
    m_summary->setText(tr("%1 object(s) in %2 file(s); %3 left out.")
                           .arg(m_result.exported.size())
                           .arg(m_result.files.size())
                           .arg(m_result.excluded.size()));
    m_export->setEnabled(!m_result.files.empty());
    if (m_files->count() > 0) {
        m_files->setCurrentRow(std::min(keep, m_files->count() - 1));
    } else {
        m_preview->clear();
        m_diff->clear();
    }
}

void ExportDialog::showFile(int index)
{
    if (index < 0 || index >= int(m_result.files.size())) {
        return;
    }
    const Export::ExportFile &file = m_result.files[std::size_t(index)];
    const QString text = QString::fromStdString(file.text);
    m_preview->setPlainText(text);
    const QString path = QDir(targetDirectory()).filePath(QString::fromStdString(file.name));
    if (!QFile::exists(path)) {
        m_diff->setPlainText(tr("%1 does not exist yet: the whole file is new.").arg(path));
        return;
    }
    const TextDiff diff = diffLines(readText(path), text);
    if (diff.tooLarge) {
        m_diff->setPlainText(tr("The files are too large to compare here (more than %1 lines).").arg(TextDiff::kMaxLines));
    } else if (diff.identical()) {
        m_diff->setPlainText(tr("%1 already holds exactly this text: writing it changes nothing.").arg(path));
    } else {
        m_diff->setPlainText(tr("%1: %2 line(s) added, %3 removed").arg(path).arg(diff.added).arg(diff.removed)
                             + QLatin1Char('\n') + diff.lines.join(QLatin1Char('\n')));
    }
}

bool ExportDialog::writeFiles(QString *error)
{
    const QString dir = targetDirectory();
    if (dir.isEmpty()) {
        *error = tr("Choose a folder to export into.");
        return false;
    }
    if (!QDir().mkpath(dir)) {
        *error = tr("Cannot create the folder %1.").arg(dir);
        return false;
    }
    for (const Export::ExportFile &f : m_result.files) {
        const QString path = QDir(dir).filePath(QString::fromStdString(f.name));
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly)
            || out.write(f.text.data(), qint64(f.text.size())) != qint64(f.text.size()) || !out.commit()) {
            *error = tr("Cannot write %1: %2").arg(path, out.errorString());
            return false;
        }
    }
    showFile(m_files->currentRow()); // the diff now shows no change
    return true;
}

void ExportDialog::exportClicked()
{
    QString error;
    if (!writeFiles(&error)) {
        QMessageBox::warning(this, tr("Export failed"), error);
        return;
    }
    m_summary->setText(tr("Wrote %n file(s) to %1.", nullptr, int(m_result.files.size())).arg(targetDirectory()));
}

} // namespace Torii::Gui
