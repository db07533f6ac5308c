#pragma once

// The YAML editor: a plain-text editor with a line-number gutter that also marks lines with
// diagnostics, wavy underlines at each diagnostic's position (ExtraSelections), the diagnostic's
// message as the tooltip, the built-in YAML highlighter, and completion of field names and enum
// values from the CRD schemas (YamlCompleter). It knows nothing of the workspace: the main window
// feeds it text and diagnostics.

#include "engine/core/diagnostic.h"

#include <QtWidgets/QPlainTextEdit>

namespace Torii::Gui {

class YamlCompleter;
class YamlHighlighter;

class YamlEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit YamlEditor(QWidget *parent = nullptr);

    // Replaces the text by `text` as one undo step of the editor's history, changing only the
    // differing middle (the cursor and the scroll position stay where they were). For a change
    // made outside the editor (a reload from disk, a recovered journal): setPlainText() would
    // wipe the history, so neither that change nor the edits before it could be undone.
    void replaceText(const QString &text);

    void setDiagnostics(Core::Diagnostics diagnostics);
    const Core::Diagnostics &diagnostics() const { return m_diagnostics; }
    // Moves the cursor to a 1-based line and column and shows it.
    void goTo(int line, int column);

    YamlCompleter *completer() const { return m_completer; }

    int gutterWidth() const;
    void paintGutter(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);
    void refreshSelections();
    const Core::Diagnostic *diagnosticAt(int line, int column) const;

    QWidget *m_gutter;
    YamlHighlighter *m_highlighter;
    YamlCompleter *m_completer;
    Core::Diagnostics m_diagnostics;
};

} // namespace Torii::Gui
