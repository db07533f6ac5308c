#pragma once

// The YAML editor's completion popup: field names valid at the cursor and enum values after
// `key: ` (yaml_completion.h says what is offered), each with its type and the first sentence of
// its description. Opened with Ctrl+Space, or by itself after two letters of a key and after the
// `key: ` of a field with a fixed set of values; filtered as one types; Enter or Tab inserts the
// choice as one undo step (a key with `: `, or with the line break and indentation of an object or
// a list).

#include <QtCore/QObject>
#include <QtCore/QStringList>

class QCompleter;
class QPlainTextEdit;
class QStandardItemModel;
class QTreeView;
class QModelIndex;

namespace Torii::Gui {

class YamlCompleter : public QObject
{
    Q_OBJECT
public:
    explicit YamlCompleter(QPlainTextEdit *editor);

    enum class Trigger { Explicit, Typing };
    // Opens (or refreshes) the popup at the cursor; Typing opens it only where it is worth it
    // (see above) and refreshes it while it is open. False when nothing is offered.
    bool complete(Trigger trigger);
    // Called by the editor after it handled a key press, with the text the key typed.
    void afterKeyPress(const QString &typed, bool withModifier);
    bool isPopupVisible() const;
    void hidePopup();

    QTreeView *popup() const { return m_popup; }
    // The entries the popup shows now (filtered by the typed prefix), by name.
    QStringList shownEntries() const;
    // Inserts the shown entry named `text` (as Enter on it does); false when it is not shown.
    bool insertEntry(const QString &text);

private:
    void insert(const QModelIndex &index);

    QPlainTextEdit *m_editor;
    QStandardItemModel *m_model;
    QCompleter *m_completer;
    QTreeView *m_popup;
};

} // namespace Torii::Gui
