#include "yaml_completer.h"

#include "yaml_completion.h"

#include <QtCore/QRegularExpression>
#include <QtGui/QStandardItemModel>
#include <QtGui/QTextBlock>
#include <QtGui/QTextCursor>
#include <QtGui/QTextDocument>
#include <QtWidgets/QCompleter>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QTreeView>

namespace Torii::Gui {

namespace {

enum Column { NameColumn, TypeColumn, DescriptionColumn, ColumnCount };
constexpr int InsertionRole = Qt::UserRole + 1;

} // namespace

YamlCompleter::YamlCompleter(QPlainTextEdit *editor)
    : QObject(editor)
    , m_editor(editor)
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_completer(new QCompleter(this))
    , m_popup(new QTreeView)
{
    m_popup->setObjectName(QStringLiteral("yamlCompletionPopup"));
    m_popup->setHeaderHidden(true);
    m_popup->setRootIsDecorated(false);
    m_popup->setUniformRowHeights(true);
    m_popup->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_popup->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_popup->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_popup->header()->setStretchLastSection(true);
    m_popup->setTextElideMode(Qt::ElideRight);
    m_completer->setObjectName(QStringLiteral("yamlCompleter"));
    m_completer->setModel(m_model);
    m_completer->setPopup(m_popup); // the completer owns the popup from here on
    m_completer->setWidget(editor);
    m_completer->setCompletionColumn(NameColumn);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setMaxVisibleItems(12);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            &YamlCompleter::insert);
}

bool YamlCompleter::isPopupVisible() const
{
    return m_popup->isVisible();
}

void YamlCompleter::hidePopup()
{
    m_popup->hide();
}

void YamlCompleter::afterKeyPress(const QString &typed, bool withModifier)
{
    if (isPopupVisible()) {
        // Typing on refines the list (a space or a colon ends the word: the popup closes).
        if (typed == QLatin1String(" ") || typed == QLatin1String(":") || withModifier) {
            hidePopup();
        } else {
            complete(Trigger::Typing);
        }
        return;
    }
    if (withModifier || typed.size() != 1) {
        return;
    }
    const QChar c = typed.front();
    if (c.isLetterOrNumber() || c == QLatin1Char(' ')) {
        complete(Trigger::Typing);
    }
}

bool YamlCompleter::complete(Trigger trigger)
{
    const QTextCursor cursor = m_editor->textCursor();
    if (cursor.hasSelection() || m_editor->isReadOnly()) {
        hidePopup();
        return false;
    }
    if (trigger == Trigger::Typing && !isPopupVisible()) {
        // Most keystrokes open nothing: the line alone says so, before the document is read.
        static const QRegularExpression mayOpen(
            QStringLiteral(R"(^ *(- +)*[A-Za-z0-9_.\-/]{2,}$|: $)"));
        if (!mayOpen.match(cursor.block().text().left(cursor.positionInBlock())).hasMatch()) {
            return false;
        }
    }
    const YamlCompletionContext ctx =
        yamlCompletionContext(m_editor->document(), cursor.position());
    if (trigger == Trigger::Typing && !isPopupVisible()) {
        // By itself only after two letters of a key, or right after the `key: ` of an enum.
        const bool keyStarted =
            ctx.kind == YamlCompletionContext::Kind::Key && ctx.prefix.size() >= 2;
        const QString line = cursor.block().text().left(cursor.positionInBlock());
        const bool valueStarts = ctx.kind == YamlCompletionContext::Kind::Value &&
                                 ctx.prefix.isEmpty() && line.endsWith(QLatin1String(": "));
        if (!keyStarted && !valueStarts) {
            return false;
        }
    }
    const QList<YamlCompletionItem> items = yamlCompletions(ctx);
    if (items.isEmpty()) {
        hidePopup();
        return false;
    }
    const QColor dim = m_editor->palette().color(QPalette::PlaceholderText);
    m_model->removeRows(0, m_model->rowCount());
    for (const YamlCompletionItem &item : items) {
        auto *name = new QStandardItem(item.text);
        name->setData(item.insertion, InsertionRole);
        name->setToolTip(item.description);
        auto *type = new QStandardItem(item.type);
        type->setForeground(dim);
        auto *about = new QStandardItem(item.description);
        about->setForeground(dim);
        about->setToolTip(item.description);
        m_model->appendRow({name, type, about});
    }
    m_completer->setCompletionPrefix(ctx.prefix);
    if (m_completer->completionCount() == 0 ||
        (m_completer->completionCount() == 1 &&
         m_completer->currentCompletion().compare(ctx.prefix, Qt::CaseInsensitive) == 0 &&
         trigger == Trigger::Typing)) {
        hidePopup(); // nothing, or exactly what is typed already
        return false;
    }
    m_popup->setCurrentIndex(m_completer->completionModel()->index(0, 0));
    // Name and type in full; the description gets what is left (elided, whole in its tooltip).
    m_popup->resizeColumnToContents(NameColumn);
    m_popup->resizeColumnToContents(TypeColumn);
    const int fixed = m_popup->columnWidth(NameColumn) + m_popup->columnWidth(TypeColumn);
    int description = 0;
    for (const YamlCompletionItem &item : items) {
        description =
            qMax(description, m_popup->fontMetrics().horizontalAdvance(item.description) + 12);
    }
    description = qMin(description, m_popup->fontMetrics().averageCharWidth() * 70);
    const int width = fixed + qMax(0, description) +
                      m_popup->verticalScrollBar()->sizeHint().width() + 2 * m_popup->frameWidth() +
                      4;
    QRect rect = m_editor->cursorRect();
    rect.translate(m_editor->viewport()->geometry().topLeft());
    rect.setWidth(width);
    m_completer->complete(rect);
    return true;
}

QStringList YamlCompleter::shownEntries() const
{
    QStringList entries;
    const QAbstractItemModel *shown = m_completer->completionModel();
    for (int r = 0; r < shown->rowCount(); ++r) {
        entries << shown->index(r, NameColumn).data().toString();
    }
    return entries;
}

bool YamlCompleter::insertEntry(const QString &text)
{
    const QAbstractItemModel *shown = m_completer->completionModel();
    for (int r = 0; r < shown->rowCount(); ++r) {
        const QModelIndex i = shown->index(r, NameColumn);
        if (i.data().toString() == text) {
            hidePopup();
            insert(i);
            return true;
        }
    }
    return false;
}

void YamlCompleter::insert(const QModelIndex &index)
{
    const QString insertion = index.siblingAtColumn(NameColumn).data(InsertionRole).toString();
    if (insertion.isEmpty()) {
        return;
    }
    QTextCursor cursor = m_editor->textCursor();
    const YamlCompletionContext ctx =
        yamlCompletionContext(m_editor->document(), cursor.position());
    if (ctx.kind == YamlCompletionContext::Kind::None) {
        return;
    }
    // One undo step: the typed prefix, and the rest of the word when completing inside one,
    // replaced by the entry.
    int end = m_editor->textCursor().position();
    const QTextDocument *document = m_editor->document();
    while (end < document->characterCount() - 1) {
        const QChar c = document->characterAt(end);
        if (!c.isLetterOrNumber() && c != QLatin1Char('_') && c != QLatin1Char('-') &&
            c != QLatin1Char('.') && c != QLatin1Char('/')) {
            break;
        }
        ++end;
    }
    cursor.beginEditBlock();
    cursor.setPosition(ctx.prefixStart);
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    cursor.insertText(insertion);
    cursor.endEditBlock();
    m_editor->setTextCursor(cursor);
}

} // namespace Torii::Gui
