#include "role_switcher.h"

#include "app/gui/models/explorer_model.h"
#include "engine/workspace/workspace.h"

#include <QtGui/QHelpEvent>
#include <QtGui/QPainter>
#include <QtGui/QPainterPath>
#include <QtGui/QTextBlock>
#include <QtWidgets/QAbstractItemView>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QStyledItemDelegate>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QToolTip>
#include <QtWidgets/QTreeView>

#include <set>

namespace Torii::Gui {

namespace {

// The main window's property naming an editor's file (mainwindow/main_window.cpp).
const char *const kFileIndexProperty = "toriiFileIndex";
const char *const kGuardedProperty = "toriiRoleGuarded";

QString roleName(Export::Role role)
{
    return QString::fromStdString(Export::roleTitle(role).localized());
}

// A small padlock, drawn so it needs no icon theme (offscreen, Windows).
QIcon lockIcon(const QPalette &palette)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor color = palette.color(QPalette::WindowText);
    p.setPen(QPen(color, 3.5));
    p.drawArc(QRectF(9, 3, 14, 16), 0, 180 * 16);
    p.drawLine(QPointF(9, 11), QPointF(9, 15));
    p.drawLine(QPointF(23, 11), QPointF(23, 15));
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawRoundedRect(QRectF(5, 14, 22, 16), 3, 3);
    return QIcon(pixmap);
}

// The kind of an explorer row, or of the nearest row above it that has one (listeners belong
// to their Gateway, rules to their route).
QString kindOf(QModelIndex index)
{
    while (index.isValid()) {
        const QString kind = index.data(ExplorerModel::KindRole).toString();
        if (!kind.isEmpty()) {
            return kind;
        }
        index = index.parent();
    }
    return {};
}

class RoleDelegate : public QStyledItemDelegate
{
public:
    RoleDelegate(RoleSwitcher *switcher, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_switcher(switcher)
    {}

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (m_switcher->isGreyed(index)) {
            const QBrush grey = option->palette.brush(QPalette::Disabled, QPalette::Text);
            option->palette.setBrush(QPalette::Text, grey);
            option->palette.setBrush(QPalette::HighlightedText, grey);
            option->font.setItalic(true);
        }
    }

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override
    {
        const QString kind = kindOf(index);
        if (event->type() == QEvent::ToolTip && m_switcher->isForeign(kind)) {
            const QString tip = RoleSwitcher::tr("Owned by the %1: read-only while you act as the %2.")
                                    .arg(roleName(Export::roleOfKind(kind.toStdString())),
                                         roleName(*m_switcher->role()));
            QToolTip::showText(event->globalPos(), tip, view);
            return true;
        }
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    }

private:
    RoleSwitcher *m_switcher;
};

// Line ranges (0-based blocks, inclusive) of each YAML document of the text: documents are
// separated by "---" lines; a stretch with only comments and blank lines holds no document.
// A separator line belongs to the document after it.
std::vector<std::pair<int, int>> documentLines(const QTextDocument *document)
{
    std::vector<std::pair<int, int>> out;
    int start = 0;
    bool content = false;
    int line = 0;
    for (QTextBlock b = document->firstBlock(); b.isValid(); b = b.next(), ++line) {
        const QString text = b.text();
        if (text.startsWith(QLatin1String("---"))) {
            if (content) {
                out.push_back({start, line - 1});
            }
            start = line;
            content = false;
            continue;
        }
        const QString trimmed = text.trimmed();
        if (!trimmed.isEmpty() && !trimmed.startsWith(QLatin1Char('#')) && trimmed != QLatin1String("...")) {
            content = true;
        }
    }
    if (content) {
        out.push_back({start, line - 1});
    }
    return out;
}

} // namespace

RoleSwitcher::RoleSwitcher(Workspace::Workspace *workspace, QTabWidget *editors, QTreeView *explorer,
                           QWidget *parent)
    : QComboBox(parent)
    , m_workspace(workspace)
    , m_editors(editors)
    , m_explorer(explorer)
{
    setObjectName(QStringLiteral("roleSwitcher"));
    setToolTip(tr("Act as one role: what it may not edit becomes read-only"));
    addItem(tr("All roles"), -1);
    for (Export::Role role : Export::kRoles) {
        addItem(roleName(role), int(role));
    }
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    if (m_explorer) {
        m_explorer->setItemDelegate(new RoleDelegate(this, m_explorer));
    }
    connect(this, &QComboBox::currentIndexChanged, this, [this] {
        apply();
        Q_EMIT roleChanged();
    });
    connect(m_workspace, &Workspace::Workspace::analysisChanged, this, &RoleSwitcher::apply);
    connect(m_editors, &QTabWidget::currentChanged, this, &RoleSwitcher::apply);
}

std::optional<Export::Role> RoleSwitcher::role() const
{
    const int value = currentData().toInt();
    return value < 0 ? std::nullopt : std::optional<Export::Role>(Export::Role(value));
}

void RoleSwitcher::setRole(std::optional<Export::Role> role)
{
    setCurrentIndex(findData(role ? int(*role) : -1));
}

bool RoleSwitcher::isForeign(const QString &kind) const
{
    const auto chosen = role();
    if (!chosen || kind.isEmpty()) {
        return false;
    }
    const Export::Role owner = Export::roleOfKind(kind.toStdString());
    return owner != Export::Role::None && owner != *chosen;
}

bool RoleSwitcher::isGreyed(const QModelIndex &index) const
{
    return isForeign(kindOf(index));
}

bool RoleSwitcher::isFileForeign(int fileIndex) const
{
    if (fileIndex < 0 || fileIndex >= m_workspace->fileCount()) {
        return false;
    }
    const auto &resources = m_workspace->file(fileIndex).analysis.resources;
    if (resources.empty()) {
        return false;
    }
    for (const Model::Resource &r : resources) {
        if (!isForeign(QString::fromStdString(r.kind))) {
            return false;
        }
    }
    return true;
}

std::vector<int> RoleSwitcher::foreignDocuments(int fileIndex) const
{
    std::vector<int> out;
    if (fileIndex < 0 || fileIndex >= m_workspace->fileCount()) {
        return out;
    }
    std::map<int, bool> foreignByDocument; // a document (a `kind: List`) may hold several objects
    for (const Model::Resource &r : m_workspace->file(fileIndex).analysis.resources) {
        const bool foreign = isForeign(QString::fromStdString(r.kind));
        auto [it, added] = foreignByDocument.emplace(r.source.document, foreign);
        if (!added) {
            it->second = it->second && foreign;
        }
    }
    for (const auto &[document, foreign] : foreignByDocument) {
        if (foreign && document >= 0) {
            out.push_back(document);
        }
    }
    return out;
}

void RoleSwitcher::apply()
{
    const auto chosen = role();
    for (int i = 0; i < m_editors->count(); ++i) {
        auto *editor = qobject_cast<QPlainTextEdit *>(m_editors->widget(i));
        const QVariant index = editor ? editor->property(kFileIndexProperty) : QVariant();
        if (!index.isValid()) {
            continue;
        }
        const int file = index.toInt();
        guard(editor, file);
        updateEditable(editor);
        const QString path = file < m_workspace->fileCount() ? m_workspace->file(file).path : QString();
        if (chosen && isFileForeign(file)) {
            std::set<QString> owners;
            for (const Model::Resource &r : m_workspace->file(file).analysis.resources) {
                owners.insert(roleName(Export::roleOfKind(r.kind)));
            }
            QStringList names(owners.begin(), owners.end());
            m_editors->setTabIcon(i, lockIcon(palette()));
            m_editors->setTabToolTip(i, path + QLatin1Char('\n')
                                            + tr("Owned by the %1: read-only while you act as the %2.")
                                                  .arg(names.join(QStringLiteral(", ")), roleName(*chosen)));
        } else if (chosen && !foreignDocuments(file).empty()) {
            m_editors->setTabIcon(i, QIcon());
            m_editors->setTabToolTip(i, path + QLatin1Char('\n')
                                            + tr("Mixed roles: the documents of other roles' objects refuse edits."));
        } else {
            m_editors->setTabIcon(i, QIcon());
            m_editors->setTabToolTip(i, path);
        }
    }
    if (m_explorer) {
        m_explorer->viewport()->update();
    }
}

void RoleSwitcher::guard(QPlainTextEdit *editor, int fileIndex)
{
    Q_UNUSED(fileIndex);
    if (editor->property(kGuardedProperty).toBool()) {
        return;
    }
    editor->setProperty(kGuardedProperty, true);
    connect(editor, &QPlainTextEdit::cursorPositionChanged, this, [this, editor] { updateEditable(editor); });
    connect(editor, &QPlainTextEdit::selectionChanged, this, [this, editor] { updateEditable(editor); });
}

void RoleSwitcher::updateEditable(QPlainTextEdit *editor)
{
    const int file = editor->property(kFileIndexProperty).toInt();
    bool readOnly = false;
    if (role()) {
        if (isFileForeign(file)) {
            readOnly = true;
        } else if (const std::vector<int> foreign = foreignDocuments(file); !foreign.empty()) {
            const QTextCursor cursor = editor->textCursor();
            const QTextDocument *document = editor->document();
            const int first = document->findBlock(cursor.selectionStart()).blockNumber();
            const int last = document->findBlock(cursor.selectionEnd()).blockNumber();
            const auto ranges = documentLines(document);
            for (int d : foreign) {
                if (d < int(ranges.size()) && ranges[std::size_t(d)].first <= last
                    && ranges[std::size_t(d)].second >= first) {
                    readOnly = true;
                }
            }
        }
    }
    if (editor->isReadOnly() == readOnly) {
        return;
    }
    editor->setReadOnly(readOnly);
    if (readOnly) {
        // Read-only, yet the cursor still moves with the keyboard (out of the protected part).
        editor->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    }
}

} // namespace Torii::Gui
