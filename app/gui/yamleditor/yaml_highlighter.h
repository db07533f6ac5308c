#pragma once

// The built-in YAML highlighter (KSyntaxHighlighting is not packaged for Debian 12): comments,
// keys, quoted strings, numbers, booleans and null, anchors/aliases, document markers. Colours
// follow the palette, so a dark platform theme gets readable ones.

#include <QtGui/QSyntaxHighlighter>
#include <QtGui/QTextCharFormat>

namespace Torii::Gui {

class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit YamlHighlighter(QTextDocument *document);
    void updateColors(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key, m_string, m_number, m_keyword, m_comment, m_marker, m_anchor;
};

} // namespace Torii::Gui
