#include "yaml_editor.h"

#include "yaml_completer.h"
#include "yaml_highlighter.h"

#include <QtGui/QFontDatabase>
#include <QtGui/QHelpEvent>
#include <QtGui/QKeyEvent>
#include <QtGui/QPainter>
#include <QtGui/QTextBlock>
#include <QtWidgets/QToolTip>

namespace Torii::Gui {

namespace {

class Gutter : public QWidget
{
public:
    explicit Gutter(YamlEditor *editor) : QWidget(editor), m_editor(editor) {}
    QSize sizeHint() const override { return QSize(m_editor->gutterWidth(), 0); }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintGutter(event); }

private:
    YamlEditor *m_editor;
};

QColor severityColor(Core::Severity severity)
{
    switch (severity) {
    case Core::Severity::Error:
        return QColor(0xd0, 0x32, 0x2f);
    case Core::Severity::Warning:
        return QColor(0xe0, 0x9a, 0x12);
    case Core::Severity::Info:
        break;
    }
    return QColor(0x2f, 0x6f, 0xd0);
}

} // namespace

YamlEditor::YamlEditor(QWidget *parent)
    : QPlainTextEdit(parent), m_gutter(new Gutter(this)), m_highlighter(new YamlHighlighter(document())),
      m_completer(new YamlCompleter(this))
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSizeF(qMax<qreal>(font.pointSizeF(), 10));
    setFont(font);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabChangesFocus(false);
    setTabStopDistance(QFontMetricsF(font).horizontalAdvance(QLatin1Char(' ')) * 2);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &YamlEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &YamlEditor::updateGutter);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &YamlEditor::refreshSelections);
    updateGutterWidth();
}

void YamlEditor::replaceText(const QString &text)
{
    const QString current = toPlainText();
    if (current == text) {
        return;
    }
    qsizetype prefix = 0;
    const qsizetype common = qMin(current.size(), text.size());
    while (prefix < common && current[prefix] == text[prefix]) {
        ++prefix;
    }
    qsizetype suffix = 0;
    while (suffix < common - prefix &&
           current[current.size() - 1 - suffix] == text[text.size() - 1 - suffix]) {
        ++suffix;
    }
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    cursor.setPosition(static_cast<int>(prefix));
    cursor.setPosition(static_cast<int>(current.size() - suffix), QTextCursor::KeepAnchor);
    cursor.insertText(text.mid(prefix, text.size() - suffix - prefix));
    cursor.endEditBlock();
}

void YamlEditor::setDiagnostics(Core::Diagnostics diagnostics)
{
    m_diagnostics = std::move(diagnostics);
    refreshSelections();
    m_gutter->update();
}

void YamlEditor::goTo(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1));
    if (!block.isValid()) {
        return;
    }
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                        qBound(0, column - 1, qMax(0, block.length() - 1)));
    setTextCursor(cursor);
    centerCursor();
    setFocus();
}

int YamlEditor::gutterWidth() const
{
    const int digits = QString::number(qMax(1, blockCount())).size();
    return 14 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * qMax(3, digits) + 8;
}

void YamlEditor::updateGutterWidth()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

void YamlEditor::updateGutter(const QRect &rect, int dy)
{
    if (dy) {
        m_gutter->scroll(0, dy);
    } else {
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    }
    if (rect.contains(viewport()->rect())) {
        updateGutterWidth();
    }
}

void YamlEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect cr = contentsRect();
    m_gutter->setGeometry(QRect(cr.left(), cr.top(), gutterWidth(), cr.height()));
}

void YamlEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_highlighter->updateColors(palette());
        refreshSelections();
    }
}

void YamlEditor::keyPressEvent(QKeyEvent *event)
{
    if (m_completer->isPopupVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore(); // the completer's popup takes them (insert, close)
            return;
        default:
            break;
        }
    }
    const Qt::KeyboardModifiers modifiers =
        event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
    if (event->key() == Qt::Key_Space && modifiers == Qt::ControlModifier) {
        m_completer->complete(YamlCompleter::Trigger::Explicit);
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
    if (!isReadOnly()) {
        m_completer->afterKeyPress(event->text(), modifiers != Qt::NoModifier);
    }
}

void YamlEditor::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    // The worst severity per line, for the mark.
    std::map<int, Core::Severity> marks;
    for (const Core::Diagnostic &d : m_diagnostics) {
        auto [it, inserted] = marks.emplace(d.line, d.severity);
        if (!inserted && static_cast<int>(d.severity) < static_cast<int>(it->second)) {
            it->second = d.severity;
        }
    }
    QTextBlock block = firstVisibleBlock();
    int number = block.blockNumber();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int lineHeight = fontMetrics().height();
    const int current = textCursor().blockNumber();
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const auto mark = marks.find(number + 1);
            if (mark != marks.end()) {
                painter.setRenderHint(QPainter::Antialiasing);
                painter.setPen(Qt::NoPen);
                painter.setBrush(severityColor(mark->second));
                const int d = qMin(10, lineHeight - 4);
                painter.drawEllipse(QRect(3, top + (lineHeight - d) / 2, d, d));
            }
            painter.setPen(number == current ? pal.color(QPalette::Text)
                                             : pal.color(QPalette::PlaceholderText));
            painter.drawText(0, top, m_gutter->width() - 6, lineHeight, Qt::AlignRight,
                             QString::number(number + 1));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
        ++number;
    }
}

void YamlEditor::refreshSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    {
        QTextEdit::ExtraSelection current;
        QColor line = palette().color(QPalette::Highlight);
        line.setAlpha(28);
        current.format.setBackground(line);
        current.format.setProperty(QTextFormat::FullWidthSelection, true);
        current.cursor = textCursor();
        current.cursor.clearSelection();
        selections << current;
    }
    for (const Core::Diagnostic &d : m_diagnostics) {
        const QTextBlock block = document()->findBlockByNumber(qMax(0, d.line - 1));
        if (!block.isValid() || d.line <= 0) {
            continue;
        }
        const QString text = block.text();
        int start = qBound(0, d.column - 1, static_cast<int>(text.size()));
        int end = start;
        // The token at the position: up to the next space (a value) or colon (a key).
        while (end < text.size() && !text[end].isSpace() && text[end] != QLatin1Char(':')) {
            ++end;
        }
        if (end == start) {
            // No token there (a missing field): underline the line's content.
            start = static_cast<int>(text.size() - text.trimmed().size() > 0 ? text.indexOf(text.trimmed()) : 0);
            end = static_cast<int>(text.size());
        }
        if (end == start) {
            end = start + 1;
        }
        QTextEdit::ExtraSelection s;
        s.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        s.format.setUnderlineColor(severityColor(d.severity));
        s.format.setToolTip(QString::fromStdString(d.localizedMessage()));
        s.cursor = QTextCursor(block);
        s.cursor.setPosition(block.position() + start);
        s.cursor.setPosition(block.position() + qMin(end, static_cast<int>(block.length() - 1)),
                             QTextCursor::KeepAnchor);
        selections << s;
    }
    setExtraSelections(selections);
}

const Core::Diagnostic *YamlEditor::diagnosticAt(int line, int column) const
{
    const Core::Diagnostic *best = nullptr;
    for (const Core::Diagnostic &d : m_diagnostics) {
        if (d.line == line && (!best || std::abs(d.column - column) < std::abs(best->column - column))) {
            best = &d;
        }
    }
    return best;
}

bool YamlEditor::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QPoint inViewport = viewport()->mapFromGlobal(help->globalPos());
        const QTextCursor cursor = cursorForPosition(inViewport);
        const bool inGutter = help->pos().x() < gutterWidth();
        const int line = inGutter ? cursorForPosition(QPoint(0, inViewport.y())).blockNumber() + 1
                                  : cursor.blockNumber() + 1;
        if (const Core::Diagnostic *d = diagnosticAt(line, cursor.positionInBlock() + 1)) {
            QString text = QString::fromStdString(d->localizedMessage());
            const std::string hint = d->localizedHint();
            if (!hint.empty()) {
                text += QStringLiteral("\n") + tr("Hint: %1").arg(QString::fromStdString(hint));
            }
            QToolTip::showText(help->globalPos(), text, this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QPlainTextEdit::event(event);
}

} // namespace Torii::Gui
