#include "migrate_view.h"

#include "migration_notes_model.h"

#include "app/gui/yamleditor/yaml_editor.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QEvent>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QTimer>
#include <QtGui/QTextBlock>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTableView>
#include <QtWidgets/QVBoxLayout>

namespace Torii::Gui {

namespace {

// Larger sources are refused with a message rather than read into the editor.
constexpr qint64 maxSourceBytes = 16 * 1024 * 1024;
// Typing pauses this long before the source is converted again.
constexpr int debounceMs = 300;

QString pastedName()
{
    return QStringLiteral("pasted");
}

} // namespace

MigrateView::MigrateView(QWidget *parent)
    : QWidget(parent)
    , m_source(new YamlEditor(this))
    , m_preview(new YamlEditor(this))
    , m_notes(new MigrationNotesModel(this))
    , m_notesView(new QTableView(this))
    , m_converter(new QComboBox(this))
    , m_converterLabel(new QLabel(this))
    , m_namespace(new QLineEdit(this))
    , m_gatewayClass(new QLineEdit(this))
    , m_backend(new QLineEdit(this))
    , m_tlsSecret(new QLineEdit(this))
    , m_open(new QPushButton(this))
    , m_add(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_provenance(new QLabel(this))
    , m_sourceTitle(new QLabel(this))
    , m_previewTitle(new QLabel(this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("migrateView"));
    m_source->setObjectName(QStringLiteral("migrateSource"));
    m_preview->setObjectName(QStringLiteral("migratePreview"));
    m_notesView->setObjectName(QStringLiteral("migrateNotes"));
    m_converter->setObjectName(QStringLiteral("migrateConverter"));
    m_add->setObjectName(QStringLiteral("migrateAdd"));
    m_namespace->setObjectName(QStringLiteral("migrateNamespace"));
    m_gatewayClass->setObjectName(QStringLiteral("migrateGatewayClass"));
    m_backend->setObjectName(QStringLiteral("migrateBackend"));
    m_tlsSecret->setObjectName(QStringLiteral("migrateTlsSecret"));
    m_preview->setReadOnly(true);
    m_source->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_sourceName = pastedName();

    // The converter: automatic, or one named (the combo's data is the converter's name).
    m_converter->addItem(QString(), QString());
    for (const Runtime::ConverterEntry &entry : Runtime::converters()) {
        m_converter->addItem(QString::fromLatin1(entry.name), QString::fromLatin1(entry.name));
    }
    m_converter->setSizeAdjustPolicy(QComboBox::AdjustToContents); // "Automatic (ingress)"
    m_converterLabel->setBuddy(m_converter);
    for (QLineEdit *edit : {m_namespace, m_gatewayClass, m_backend, m_tlsSecret}) {
        edit->setClearButtonEnabled(true);
        connect(edit, &QLineEdit::editingFinished, this, &MigrateView::convertNow);
    }

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_open);
    toolbar->addWidget(m_converterLabel);
    toolbar->addWidget(m_converter);
    toolbar->addWidget(m_namespace);
    toolbar->addWidget(m_gatewayClass);
    toolbar->addWidget(m_backend);
    toolbar->addWidget(m_tlsSecret);
    toolbar->addStretch(1);
    toolbar->addWidget(m_add);

    auto *sourcePane = new QWidget(this);
    auto *sourceLayout = new QVBoxLayout(sourcePane);
    sourceLayout->setContentsMargins(0, 0, 0, 0);
    sourceLayout->addWidget(m_sourceTitle);
    sourceLayout->addWidget(m_source);
    auto *previewPane = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewPane);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_previewTitle);
    previewLayout->addWidget(m_preview);
    m_provenance->setWordWrap(true);
    // Two lines (target ← source, then why) reserved, so the preview does not jump.
    m_provenance->setMinimumHeight(2 * fontMetrics().lineSpacing());
    m_provenance->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_provenance->setTextInteractionFlags(Qt::TextSelectableByMouse);
    previewLayout->addWidget(m_provenance);

    auto *sideBySide = new QSplitter(Qt::Horizontal, this);
    sideBySide->addWidget(sourcePane);
    sideBySide->addWidget(previewPane);
    sideBySide->setChildrenCollapsible(false);

    m_notesView->setModel(m_notes);
    m_notesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_notesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_notesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_notesView->setWordWrap(false);
    m_notesView->verticalHeader()->hide();
    m_notesView->horizontalHeader()->setSectionResizeMode(MigrationNotesModel::MessageColumn,
                                                          QHeaderView::Stretch);
    m_notesView->horizontalHeader()->setSectionResizeMode(MigrationNotesModel::LineColumn,
                                                          QHeaderView::ResizeToContents);

    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(sideBySide);
    vertical->addWidget(m_notesView);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 1);
    vertical->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(vertical, 1);
    layout->addWidget(m_status);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(debounceMs);
    connect(m_debounce, &QTimer::timeout, this, &MigrateView::convertNow);
    connect(m_source, &QPlainTextEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_converter, &QComboBox::activated, this, &MigrateView::convertNow);
    connect(m_open, &QPushButton::clicked, this, &MigrateView::chooseFile);
    connect(m_add, &QPushButton::clicked, this, [this] {
        if (!m_migration.conversion.objects.empty()) {
            Q_EMIT addToWorkspaceRequested(generatedYaml());
        }
    });
    connect(m_preview, &QPlainTextEdit::cursorPositionChanged, this,
            [this] { showProvenanceOfPreviewLine(true); });
    connect(m_notesView, &QAbstractItemView::activated, this, &MigrateView::activateNote);
    connect(m_notesView, &QAbstractItemView::clicked, this, &MigrateView::activateNote);
    connect(&m_watcher, &QFutureWatcher<Migration>::finished, this, [this] {
        if (m_rerun) { // the source changed meanwhile: this result is already stale
            m_rerun = false;
            startConversion();
            return;
        }
        showResult(m_watcher.result());
    });

    m_add->setEnabled(false);
    retranslate();
}

MigrateView::~MigrateView()
{
    m_watcher.waitForFinished(); // the worker reads nothing of ours, but its result lands here
}

void MigrateView::retranslate()
{
    m_open->setText(tr("Open…"));
    m_open->setToolTip(tr("Open a file to convert (JSON or YAML)"));
    m_converterLabel->setText(tr("&Converter:"));
    const QString detected = QString::fromStdString(
        m_migration.detected ? m_migration.converterName : std::string());
    m_converter->setItemText(0, detected.isEmpty() ? tr("Automatic")
                                                   : tr("Automatic (%1)").arg(detected));
    m_converter->setItemData(0, tr("The converter whose input this is, found by reading it"),
                             Qt::ToolTipRole);
    for (int i = 1; i < m_converter->count(); ++i) {
        if (const Runtime::ConverterEntry *entry =
                Runtime::findConverter(m_converter->itemData(i).toString().toStdString())) {
            m_converter->setItemData(i, QString::fromStdString(Runtime::converterSummary(*entry)),
                                     Qt::ToolTipRole);
        }
    }
    m_namespace->setPlaceholderText(tr("Namespace"));
    m_namespace->setToolTip(tr("Namespace for input objects that name none (default: default)"));
    m_gatewayClass->setPlaceholderText(tr("Gateway class"));
    m_gatewayClass->setToolTip(tr("gatewayClassName of the generated Gateways"));
    m_backend->setPlaceholderText(tr("Backend"));
    m_backend->setToolTip(
        tr("OpenAPI 3: the Service every route forwards to, [NAMESPACE/]NAME[:PORT]"));
    m_tlsSecret->setPlaceholderText(tr("TLS Secret"));
    m_tlsSecret->setToolTip(tr("OpenAPI 3: the Secret of the HTTPS listeners, [NAMESPACE/]NAME"));
    m_add->setText(tr("Add to Workspace"));
    m_add->setToolTip(tr("Add the generated objects to the open workspace"));
    m_sourceTitle->setText(tr("Source"));
    m_previewTitle->setText(tr("Generated Gateway API objects"));
    m_source->setPlaceholderText(
        tr("Paste an ECS task definition, ALB rules, an Ingress, Istio objects or an OpenAPI 3 "
           "document here, or open a file."));
    m_preview->setPlaceholderText(tr("The converted objects appear here."));
    if (m_migration.converterName.empty() && m_migration.notes.empty()) {
        m_status->setText(QString());
    } else {
        m_status->setText(tr("objects: %1 · errors: %2 · warnings: %3")
                              .arg(m_migration.conversion.objects.size())
                              .arg(Core::countOf(m_migration.notes, Core::Severity::Error))
                              .arg(Core::countOf(m_migration.notes, Core::Severity::Warning)));
    }
    showProvenanceOfPreviewLine(false); // only the user's own selection moves the source's cursor
}

void MigrateView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

void MigrateView::setSourceText(const QString &text, const QString &name)
{
    m_sourceName = name.isEmpty() ? pastedName() : name;
    m_source->setPlainText(text);
    m_debounce->stop();
    convertNow();
}

bool MigrateView::openFile(const QString &path)
{
    QFile file(path);
    if (file.size() > maxSourceBytes) {
        m_status->setText(tr("%1 is larger than %2 MiB").arg(path).arg(maxSourceBytes >> 20));
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        m_status->setText(tr("Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    setSourceText(QString::fromUtf8(file.readAll()), path);
    return true;
}

void MigrateView::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a file to convert"), QString(),
        tr("Configuration (*.json *.yaml *.yml);;All files (*)"));
    if (!path.isEmpty()) {
        openFile(path);
    }
}

Runtime::ConvertSettings MigrateView::settings() const
{
    Runtime::ConvertSettings s;
    s.defaultNamespace = m_namespace->text().trimmed().toStdString();
    s.gatewayClass = m_gatewayClass->text().trimmed().toStdString();
    s.backend = m_backend->text().trimmed().toStdString();
    s.tlsSecret = m_tlsSecret->text().trimmed().toStdString();
    return s;
}

void MigrateView::convertNow()
{
    m_debounce->stop();
    if (m_watcher.isRunning()) {
        m_rerun = true; // the result in flight is stale: convert again when it lands
        return;
    }
    startConversion();
}

void MigrateView::startConversion()
{
    const QString text = m_source->toPlainText();
    if (text.trimmed().isEmpty()) {
        showResult(Migration{});
        return;
    }
    m_status->setText(tr("Converting…"));
    m_watcher.setFuture(QtConcurrent::run(
        &migrate, text.toStdString(), m_sourceName.toStdString(),
        m_converter->currentData().toString().toStdString(), settings()));
}

void MigrateView::showResult(Migration result)
{
    m_migration = std::move(result);
    m_updatingPreview = true; // the cursor's move to the top is not the user selecting a line
    m_preview->setPlainText(generatedYaml());
    m_updatingPreview = false;
    m_notes->setNotes(m_migration.notes);
    // The source's own notes underlined where they point (other files' notes have no place here).
    Core::Diagnostics inSource;
    for (const Core::Diagnostic &note : m_migration.notes) {
        if (note.file == m_migration.sourceName && note.line > 0) {
            inSource.push_back(note);
        }
    }
    m_source->setDiagnostics(std::move(inSource));
    m_add->setEnabled(!m_migration.conversion.objects.empty());
    retranslate();
    Q_EMIT converted();
}

void MigrateView::showProvenanceOfPreviewLine(bool selectInSource)
{
    if (m_updatingPreview) {
        return;
    }
    const int line = m_preview->textCursor().blockNumber() + 1;
    const Convert::Provenance *p =
        m_migration.yaml.empty() ? nullptr : m_migration.provenanceAtLine(line);
    if (!p) {
        m_provenance->setText(m_migration.yaml.empty()
                                  ? QString()
                                  : tr("Select a line of the generated objects to see where it "
                                       "came from."));
        return;
    }
    QString where = QString::fromStdString(p->sourcePointer);
    if (p->sourceMark.isValid()) {
        where = tr("line %1, column %2").arg(p->sourceMark.line).arg(p->sourceMark.column) +
                (where.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(where));
    }
    //: Migrate view: generated field ← where in the source it came from. Keep the arrow.
    QString text = tr("%1 ← %2").arg(QString::fromStdString(p->targetPath), where);
    if (!p->explanation.isEmpty()) {
        text += QLatin1Char('\n') + QString::fromStdString(p->explanation.localized());
    }
    m_provenance->setText(text);
    if (selectInSource && p->sourceMark.isValid() && p->sourceFile == m_migration.sourceName) {
        selectSource(static_cast<int>(p->sourceMark.line), static_cast<int>(p->sourceMark.column));
    }
}

// Selects the source from `column` to the end of `line` (1-based), the field and its value.
void MigrateView::selectSource(int line, int column)
{
    const QTextBlock block = m_source->document()->findBlockByNumber(line - 1);
    if (!block.isValid()) {
        return;
    }
    QTextCursor cursor(block);
    const int start = qBound(0, column - 1, static_cast<int>(block.length() - 1));
    cursor.setPosition(block.position() + block.length() - 1);
    cursor.setPosition(block.position() + start, QTextCursor::KeepAnchor);
    m_source->setTextCursor(cursor);
    m_source->ensureCursorVisible();
}

void MigrateView::activateNote(const QModelIndex &index)
{
    const int line = index.data(MigrationNotesModel::LineRole).toInt();
    if (line <= 0) {
        return;
    }
    const int row = index.row();
    if (row >= 0 && static_cast<std::size_t>(row) < m_migration.notes.size() &&
        m_migration.notes[static_cast<std::size_t>(row)].file != m_migration.sourceName) {
        return;
    }
    selectSource(line, qMax(1, index.data(MigrationNotesModel::ColumnRole).toInt()));
    m_source->setFocus();
}

} // namespace Torii::Gui
