#pragma once

// The YAML editor: a plain-text editor with a line-number gutter that also marks lines with
// diagnostics, wavy underlines at each diagnostic's position (ExtraSelections), the diagnostic's
// message as the tooltip, and the built-in YAML highlighter. It knows nothing of the workspace:
// the main window feeds it text and diagnostics.

#include "engine/core/diagnostic.h"

#include <QtWidgets/QPlainTextEdit>

namespace Torii::Gui {

class YamlHighlighter;

class YamlEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit YamlEditor(QWidget *parent = nullptr);

    void setDiagnostics(Core::Diagnostics diagnostics);
    const Core::Diagnostics &diagnostics() const { return m_diagnostics; }
    // Moves the cursor to a 1-based line and column and shows it.
    void goTo(int line, int column);

    int gutterWidth() const;
    void paintGutter(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);
    void refreshSelections();
    const Core::Diagnostic *diagnosticAt(int line, int column) const;

    QWidget *m_gutter;
    YamlHighlighter *m_highlighter;
    Core::Diagnostics m_diagnostics;
};

} // namespace Torii::Gui
