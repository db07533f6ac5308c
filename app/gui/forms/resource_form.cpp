#include "resource_form.h"

#include "field_schema.h"
#include "form_delegate.h"
#include "form_model.h"
#include "weights_panel.h"

#include "app/gui/models/explorer_model.h"
#include "app/gui/settings/palettes.h"
#include "app/gui/yamleditor/yaml_editor.h"
#include "engine/validation/schema.h"
#include "engine/workspace/workspace.h"

#include <QtCore/QAbstractProxyModel>
#include <QtCore/QFileInfo>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtCore/QTimer>
#include <QtGui/QTextBlock>
#include <QtGui/QTextCursor>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QStyle>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QVBoxLayout>

namespace Torii::Gui {

namespace {

const Validation::SchemaNode *schemaFor(const Model::Resource &r)
{
    return FieldSchema::rootSchema(r.group(), r.version(), r.kind);
}

QSet<QString> expandedPaths(const QTreeView *view, const QModelIndex &parent = {})
{
    QSet<QString> paths;
    const QAbstractItemModel *model = view->model();
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex i = model->index(r, 0, parent);
        if (view->isExpanded(i)) {
            paths.insert(i.data(FormModel::FieldPathRole).toString());
            paths.unite(expandedPaths(view, i));
        }
    }
    return paths;
}

void restoreExpansion(QTreeView *view, const QSet<QString> &paths, const QModelIndex &parent = {})
{
    const QAbstractItemModel *model = view->model();
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex i = model->index(r, 0, parent);
        if (paths.contains(i.data(FormModel::FieldPathRole).toString())) {
            view->expand(i);
            restoreExpansion(view, paths, i);
        }
    }
}

} // namespace

ResourceForm::ResourceForm(Workspace::Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_model(new FormModel(this))
    , m_view(new QTreeView(this))
    , m_header(new QLabel(this))
    , m_details(new QLabel(this))
    , m_status(new QLabel(this))
    , m_weights(new WeightsPanel(this))
    , m_add(new QToolButton(this))
    , m_remove(new QToolButton(this))
    , m_up(new QToolButton(this))
    , m_down(new QToolButton(this))
{
    setObjectName(QStringLiteral("resourceForm"));
    m_view->setObjectName(QStringLiteral("formView"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new FormDelegate(m_view));
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::SelectedClicked);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setSectionResizeMode(FormModel::FieldColumn, QHeaderView::Interactive);
    m_view->header()->resizeSection(FormModel::FieldColumn, 200);
    m_view->header()->resizeSection(FormModel::ValueColumn, 180);
    m_view->header()->setStretchLastSection(true);
    m_header->setObjectName(QStringLiteral("formHeader"));
    m_header->setTextFormat(Qt::RichText);
    m_details->setObjectName(QStringLiteral("formDetails"));
    m_details->setWordWrap(true);
    // A few lines at most: the tree above keeps its room; the whole description is the tooltip.
    m_details->setMaximumHeight(m_details->fontMetrics().lineSpacing() * 5 + 4);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setObjectName(QStringLiteral("formStatus"));
    m_status->setWordWrap(true);
    m_weights->setObjectName(QStringLiteral("weightsPanel"));

    QStyle *s = style();
    const struct
    {
        QToolButton *button;
        const char *name;
        QString text;
        QIcon icon;
    } buttons[] = {
        {m_add, "formAdd", tr("Add"), s->standardIcon(QStyle::SP_FileDialogNewFolder)},
        {m_remove, "formRemove", tr("Remove"), s->standardIcon(QStyle::SP_TrashIcon)},
        {m_up, "formUp", tr("Move Up"), s->standardIcon(QStyle::SP_ArrowUp)},
        {m_down, "formDown", tr("Move Down"), s->standardIcon(QStyle::SP_ArrowDown)},
    };
    auto *bar = new QHBoxLayout;
    for (const auto &b : buttons) {
        b.button->setObjectName(QLatin1String(b.name));
        b.button->setText(b.text);
        b.button->setToolTip(b.text);
        b.button->setIcon(b.icon);
        b.button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        bar->addWidget(b.button);
    }
    bar->addStretch();
    m_add->setToolTip(tr("Add an item to the selected list or map, or write the selected field"));
    m_remove->setToolTip(tr("Remove the selected item or optional field"));
    connect(m_add, &QToolButton::clicked, this,
            [this] { m_model->addItem(m_view->currentIndex()); });
    connect(m_remove, &QToolButton::clicked, this,
            [this] { m_model->removeItem(m_view->currentIndex()); });
    connect(m_up, &QToolButton::clicked, this,
            [this] { m_model->moveItem(m_view->currentIndex(), -1); });
    connect(m_down, &QToolButton::clicked, this,
            [this] { m_model->moveItem(m_view->currentIndex(), 1); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_header);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_details);
    layout->addWidget(m_weights);
    layout->addWidget(m_status);

    connect(m_model, &FormModel::objectEdited, this,
            [this](const Model::Node &object, const QString &path) {
                m_selectPath = path;
                QString error;
                if (!applyObject(object, &error)) {
                    setStatus(error, true);
                }
            });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateButtons();
        updateDetails();
        updateWeights();
    });
    connect(m_weights, &WeightsPanel::weightChanged, this, [this](const QString &path, int weight) {
        m_model->setValueAt(path, Model::Node::integer(weight));
    });
    connect(m_workspace, &Workspace::Workspace::analysisChanged, this, [this](int index) {
        if (index == m_fileIndex) {
            reload();
        }
    });
    connect(m_workspace, &Workspace::Workspace::opened, this, &ResourceForm::clearForm);
    clearForm();
}

void ResourceForm::clearForm()
{
    m_fileIndex = -1;
    m_document = -1;
    m_kind.clear();
    m_name.clear();
    m_model->clear();
    m_weights->setRule(nullptr, {});
    m_header->setText(tr("Select an object in the Explorer or in the YAML to edit it here."));
    m_details->clear();
    m_status->clear();
    updateButtons();
}

bool ResourceForm::showResource(const QString &path, int line)
{
    return showResourceAt(m_workspace->indexOf(path), line);
}

bool ResourceForm::showResourceAt(int fileIndex, int line)
{
    if (fileIndex < 0 || fileIndex >= m_workspace->fileCount()) {
        return false;
    }
    // The last object starting at or before the line (documents are in order); above the first
    // object (its comments), the first.
    const auto &resources = m_workspace->file(fileIndex).analysis.resources;
    const Model::Resource *found = resources.empty() ? nullptr : &resources.front();
    for (const Model::Resource &r : resources) {
        if (static_cast<int>(r.source.mark.line) <= line) {
            found = &r;
        }
    }
    if (!found) {
        return false;
    }
    if (fileIndex == m_fileIndex && found->source.document == m_document && m_model->hasObject()) {
        return true;
    }
    m_fileIndex = fileIndex;
    m_document = found->source.document;
    m_kind = QString::fromStdString(found->kind);
    m_name = QString::fromStdString(found->name);
    m_selectPath.clear();
    m_model->clear();
    reload();
    m_view->expandToDepth(0);
    return true;
}

void ResourceForm::followEditor(YamlEditor *editor, int fileIndex)
{
    connect(editor, &QPlainTextEdit::cursorPositionChanged, this, [this, editor, fileIndex] {
        if (editor->hasFocus()) {
            showResourceAt(fileIndex, editor->textCursor().blockNumber() + 1);
        }
    });
}

void ResourceForm::followExplorer(QTreeView *explorer)
{
    // Connected after the Explorer's own handlers, so the flag spans the selection it restores.
    QAbstractItemModel *source = explorer->model();
    while (auto *proxy = qobject_cast<QAbstractProxyModel *>(source)) {
        source = proxy->sourceModel();
    }
    connect(source, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_explorerResetting = true; });
    connect(source, &QAbstractItemModel::modelReset, this, [this] { m_explorerResetting = false; });
    connect(explorer->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &index) {
                if (!m_explorerResetting &&
                    !index.data(ExplorerModel::KindRole).toString().isEmpty()) {
                    showResource(index.data(ExplorerModel::FileRole).toString(),
                                 index.data(ExplorerModel::LineRole).toInt());
                }
            });
}

void ResourceForm::reload()
{
    if (m_fileIndex < 0 || m_fileIndex >= m_workspace->fileCount()) {
        clearForm();
        return;
    }
    const Workspace::WorkspaceFile &file = m_workspace->file(m_fileIndex);
    const auto &resources = file.analysis.resources;
    const Model::Resource *found = nullptr;
    for (const Model::Resource &r : resources) {
        if (r.source.document == m_document) {
            found = &r;
            break;
        }
    }
    // A document inserted or removed above: find the object again by kind and name.
    if (found && QString::fromStdString(found->kind) != m_kind) {
        found = nullptr;
        for (const Model::Resource &r : resources) {
            if (QString::fromStdString(r.kind) == m_kind &&
                QString::fromStdString(r.name) == m_name) {
                found = &r;
                m_document = r.source.document;
                break;
            }
        }
    }
    if (!found) {
        if (!file.analysis.unreadable) {
            clearForm();
        } else {
            setStatus(tr("The YAML cannot be read at the moment: fix it in the editor and the form "
                         "follows."),
                      true);
        }
        return;
    }
    m_kind = QString::fromStdString(found->kind);
    m_name = QString::fromStdString(found->name);
    const bool readOnly = found->source.listItem >= 0;
    m_model->setReadOnly(readOnly);
    m_header->setText(
        QStringLiteral("<b>%1</b> %2%3 · %4:%5%6")
            .arg(m_kind.toHtmlEscaped(),
                 found->ns.empty()
                     ? QString()
                     : QString::fromStdString(found->ns).toHtmlEscaped() + QLatin1Char('/'),
                 m_name.toHtmlEscaped(), QFileInfo(file.path).fileName().toHtmlEscaped())
            .arg(found->source.mark.line)
            .arg(readOnly ? tr(" (inside a List: edit it in the YAML)") : QString()));

    // The object's diagnostics: those of its lines, up to the next object's.
    const int first = static_cast<int>(found->source.mark.line);
    int next = std::numeric_limits<int>::max();
    for (const Model::Resource &r : resources) {
        if (static_cast<int>(r.source.mark.line) > first) {
            next = std::min(next, static_cast<int>(r.source.mark.line));
        }
    }
    std::multimap<std::string, QString> messages;
    for (const Core::Diagnostic &d : file.analysis.diagnostics) {
        if (d.line >= first && d.line < next && d.severity != Core::Severity::Info) {
            messages.emplace(d.fieldPath, QString::fromStdString(d.localizedMessage()));
        }
    }
    if (!m_model->hasObject() || !m_model->object().equals(found->object)) {
        setModelObject(found->object);
    }
    m_model->setDiagnostics(std::move(messages));
    updateDetails();
    updateWeights();
}

void ResourceForm::setModelObject(const Model::Node &object)
{
    const QSet<QString> expanded = m_model->hasObject() ? expandedPaths(m_view) : QSet<QString>();
    const Model::Resource probe = Model::makeResource(object, {});
    m_model->setObject(object, schemaFor(probe));
    restoreExpansion(m_view, expanded);
    if (!m_selectPath.isEmpty()) {
        QModelIndex i = m_model->indexForPath(m_selectPath);
        if (i.isValid()) {
            for (QModelIndex p = i.parent(); p.isValid(); p = p.parent()) {
                m_view->expand(p);
            }
            m_view->setCurrentIndex(i);
        }
    }
    updateButtons();
}

bool ResourceForm::applyObject(const Model::Node &object, QString *error)
{
    if (m_fileIndex < 0) {
        if (error) {
            *error = tr("No object is shown.");
        }
        return false;
    }
    const Workspace::WorkspaceFile &file = m_workspace->file(m_fileIndex);
    QString why;
    const std::optional<TextEdit> edit =
        rewriteObject(file.text, file.path, m_document, object, &why);
    if (!edit) {
        if (error) {
            *error = why;
        }
        return false;
    }
    m_lastEditKind = edit->kind;
    if (edit->from != edit->to || !edit->replacement.isEmpty()) {
        YamlEditor *editor = m_editorProvider ? m_editorProvider(m_fileIndex) : nullptr;
        if (editor && editor->toPlainText() == file.text) {
            // One history for form and YAML edits: the form's edit is an edit block of the
            // editor's QTextDocument, so it is one step among the typed ones, undone by Ctrl+Z in
            // the editor or Edit ▸ Undo, after which the form follows the text like after typing.
            // (A QUndoStack shared by both views would have to mirror every keystroke the
            // document already records, and two stacks over one text drift apart.)
            QTextCursor cursor(editor->document());
            cursor.beginEditBlock();
            cursor.setPosition(edit->from);
            cursor.setPosition(edit->to, QTextCursor::KeepAnchor);
            cursor.insertText(edit->replacement);
            cursor.endEditBlock();
        } else {
            m_workspace->setText(m_fileIndex, edit->apply(file.text));
        }
    }
    setStatus(edit->kind == TextEdit::Kind::Minimal
                  ? tr("Written into the YAML (only the value changed).")
                  : tr("Written into the YAML (the object's document was rewritten; comments "
                       "inside it are not kept)."),
              false);
    m_model->setWritten(object);
    // The model is rebuilt once the current edit (maybe inside a delegate) has returned.
    QTimer::singleShot(0, this, [this, object] {
        setModelObject(object);
        updateDetails();
        updateWeights();
    });
    Q_EMIT edited(m_fileIndex);
    return true;
}

bool ResourceForm::appendResource(int fileIndex, const QString &yaml, QString *error)
{
    if (fileIndex < 0 || fileIndex >= m_workspace->fileCount()) {
        if (error) {
            *error = tr("Choose a file of the workspace to add the object to.");
        }
        return false;
    }
    const QString text = m_workspace->file(fileIndex).text;
    QString addition;
    if (!text.trimmed().isEmpty()) {
        if (!text.endsWith(QLatin1Char('\n'))) {
            addition += QLatin1Char('\n');
        }
        addition += QStringLiteral("---\n");
    }
    addition += yaml;
    YamlEditor *editor = m_editorProvider ? m_editorProvider(fileIndex) : nullptr;
    if (editor && editor->toPlainText() == text) {
        QTextCursor cursor(editor->document());
        cursor.movePosition(QTextCursor::End);
        cursor.beginEditBlock();
        cursor.insertText(addition);
        cursor.endEditBlock();
        editor->setTextCursor(cursor);
    } else {
        m_workspace->setText(fileIndex, text + addition);
    }
    m_workspace->analyzeNow(fileIndex);
    const auto &resources = m_workspace->file(fileIndex).analysis.resources;
    if (resources.empty()) {
        if (error) {
            *error = tr("The new object could not be read back.");
        }
        return false;
    }
    m_fileIndex = -1; // show it even when the same document index was shown before
    return showResourceAt(fileIndex, static_cast<int>(resources.back().source.mark.line));
}

void ResourceForm::updateButtons()
{
    const QModelIndex i = m_view->currentIndex();
    m_add->setEnabled(m_model->canAdd(i));
    m_remove->setEnabled(m_model->canRemove(i));
    m_up->setEnabled(m_model->canMove(i, -1));
    m_down->setEnabled(m_model->canMove(i, 1));
}

void ResourceForm::updateDetails()
{
    // The help line of the current row: its path and type, the CRD's description, the schema's
    // constraints, and its validation message when it has one.
    const QModelIndex i = m_view->currentIndex();
    if (!i.isValid()) {
        m_details->clear();
        return;
    }
    const QModelIndex field = i.siblingAtColumn(FormModel::FieldColumn);
    auto html = [](const QString &text) {
        return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    };
    QString text = QStringLiteral("<b>%1</b>")
                       .arg(field.data(FormModel::FieldPathRole).toString().toHtmlEscaped());
    if (const QString type = field.data(FormModel::TypeNameRole).toString(); !type.isEmpty()) {
        text += QStringLiteral(" <i>%1</i>").arg(type.toHtmlEscaped());
    }
    if (const QString about = field.data(FormModel::SummaryRole).toString(); !about.isEmpty()) {
        text += QStringLiteral("<br>") + html(about);
    }
    if (const QString constraints = field.data(FormModel::ConstraintsRole).toString();
        !constraints.isEmpty()) {
        text += QStringLiteral("<br>") + html(constraints);
    }
    const QString message = field.data(FormModel::DiagnosticRole).toString();
    if (!message.isEmpty()) {
        text += QStringLiteral("<br><span style='color:%1'>✕ %2</span>")
                    .arg(errorColor(palette()).name(), html(message));
    }
    m_details->setText(text);
}

void ResourceForm::updateWeights()
{
    if (!m_model->hasObject()) {
        m_weights->setRule(nullptr, {});
        return;
    }
    static const QRegularExpression rule(QStringLiteral("^spec\\.rules\\[(\\d+)\\]"));
    const QString path = m_view->currentIndex().data(FormModel::FieldPathRole).toString();
    const QRegularExpressionMatch m = rule.match(path);
    std::size_t n = m.hasMatch() ? m.captured(1).toUInt() : 0;
    if (!m.hasMatch() && m_weights->rulePath().startsWith(QLatin1String("spec.rules["))) {
        n = m_weights->rulePath().mid(11).chopped(1).toUInt(); // stay on the rule shown
    }
    const Model::Node &rules = m_model->object()["spec"]["rules"];
    if (!rules.isList() || n >= rules.items().size()) {
        m_weights->setRule(nullptr, {});
        return;
    }
    const Model::Node *refs = rules.items()[n].find("backendRefs");
    // Only a split is worth sliders: one backend gets everything whatever its weight.
    m_weights->setRule(refs && refs->isList() && refs->items().size() > 1 ? refs : nullptr,
                       QStringLiteral("spec.rules[%1]").arg(n));
}

void ResourceForm::setStatus(const QString &text, bool error)
{
    m_status->setText(error ? QStringLiteral("✕ ") + text : text);
    m_status->setStyleSheet(error ? QStringLiteral("color:%1").arg(errorColor(palette()).name())
                                  : QString());
}

QString ResourceForm::statusText() const
{
    return m_status->text();
}

} // namespace Torii::Gui
