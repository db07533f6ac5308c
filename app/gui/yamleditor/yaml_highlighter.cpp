#include "yaml_highlighter.h"

#include <QtCore/QRegularExpression>
#include <QtGui/QPalette>
#include <QtGui/QGuiApplication>

namespace Torii::Gui {

YamlHighlighter::YamlHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    updateColors(QGuiApplication::palette());
}

void YamlHighlighter::updateColors(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    m_key.setForeground(dark ? QColor(0x7c, 0xb7, 0xff) : QColor(0x1a, 0x4f, 0xa0));
    m_string.setForeground(dark ? QColor(0xa5, 0xd6, 0x8a) : QColor(0x2d, 0x7d, 0x2a));
    m_number.setForeground(dark ? QColor(0xf0, 0xb8, 0x6e) : QColor(0xa3, 0x4f, 0x00));
    m_keyword.setForeground(dark ? QColor(0xd7, 0x9b, 0xf5) : QColor(0x80, 0x2b, 0x9b));
    m_comment.setForeground(dark ? QColor(0x8a, 0x93, 0x9d) : QColor(0x6a, 0x73, 0x7d));
    m_comment.setFontItalic(true);
    m_marker.setForeground(m_keyword.foreground());
    m_marker.setFontWeight(QFont::Bold);
    m_anchor.setForeground(m_number.foreground());
    m_anchor.setFontItalic(true);
    rehighlight();
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral(R"(^(---|\.\.\.)(\s|$))"));
    static const QRegularExpression key(QStringLiteral(R"(^(\s*(?:-\s+)*)([^\s#'"{\[][^:#]*?|"[^"]*"|'[^']*')\s*:(\s|$))"));
    static const QRegularExpression value(QStringLiteral(R"(:\s+(.*)$|^\s*-\s+(.*)$)"));
    static const QRegularExpression number(QStringLiteral(R"(^[-+]?(0x[0-9a-fA-F]+|0o[0-7]+|\d+(\.\d+)?([eE][-+]?\d+)?)$)"));
    static const QRegularExpression keyword(QStringLiteral(R"(^(true|false|yes|no|on|off|null|~|True|False|Null|TRUE|FALSE|NULL)$)"));
    static const QRegularExpression anchor(QStringLiteral(R"([&*][A-Za-z0-9_-]+)"));

    // The comment: a # at the start or after a space, outside quotes.
    int commentAt = -1;
    QChar quote;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!quote.isNull()) {
            if (c == quote) {
                quote = QChar();
            }
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
        } else if (c == QLatin1Char('#') && (i == 0 || text[i - 1].isSpace())) {
            commentAt = i;
            break;
        }
    }
    const QString code = commentAt >= 0 ? text.left(commentAt) : text;
    if (commentAt >= 0) {
        setFormat(commentAt, text.size() - commentAt, m_comment);
    }
    if (const auto m = marker.match(code); m.hasMatch()) {
        setFormat(0, 3, m_marker);
        return;
    }
    int valueStart = -1;
    if (const auto m = key.match(code); m.hasMatch()) {
        setFormat(m.capturedStart(2), m.capturedLength(2), m_key);
        valueStart = m.capturedEnd(0);
    } else if (const auto v = value.match(code); v.hasMatch() && v.capturedStart(2) >= 0) {
        valueStart = v.capturedStart(2);
    }
    if (valueStart < 0 || valueStart >= code.size()) {
        return;
    }
    const QString rest = code.mid(valueStart);
    const QString trimmed = rest.trimmed();
    const int at = valueStart + static_cast<int>(rest.indexOf(trimmed));
    if (trimmed.isEmpty()) {
        return;
    }
    if (trimmed.startsWith(QLatin1Char('"')) || trimmed.startsWith(QLatin1Char('\''))) {
        setFormat(at, trimmed.size(), m_string);
    } else if (number.match(trimmed).hasMatch()) {
        setFormat(at, trimmed.size(), m_number);
    } else if (keyword.match(trimmed).hasMatch()) {
        setFormat(at, trimmed.size(), m_keyword);
    } else if (trimmed.startsWith(QLatin1Char('&')) || trimmed.startsWith(QLatin1Char('*'))) {
        const auto a = anchor.match(trimmed);
        setFormat(at, a.capturedLength(), m_anchor);
    } else if (trimmed == QLatin1String("|") || trimmed == QLatin1String(">")
               || trimmed == QLatin1String("|-") || trimmed == QLatin1String(">-")) {
        setFormat(at, trimmed.size(), m_keyword);
    }
}

} // namespace Torii::Gui
