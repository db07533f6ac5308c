#pragma once

// The form of one object, beside its YAML: the FormModel tree with typed editors, add / remove /
// move buttons for lists, the selected field's details and message, and the weights of the
// current rule's backendRefs as sliders.
//
// Two-way sync: a form edit becomes one text edit of the file (DocumentRewriter: the value's own
// characters when one scalar changed, else the object's document re-emitted), made through the
// file's YAML editor so it is one undo step and goes through the workspace's debounced analysis
// like typing; the form follows the workspace's analysis of the file (typing in the YAML updates
// the form once it is re-analyzed, with the diagnostics on their fields).

#include "document_rewriter.h"

#include "engine/model/node.h"

#include <QtWidgets/QWidget>

#include <functional>
#include <map>

class QLabel;
class QTreeView;
class QToolButton;

namespace Torii::Workspace {
class Workspace;
}

namespace Torii::Gui {

class FormModel;
class WeightsPanel;
class YamlEditor;

class ResourceForm : public QWidget
{
    Q_OBJECT
public:
    explicit ResourceForm(Workspace::Workspace *workspace, QWidget *parent = nullptr);

    // The editor showing a file (opened when needed); without one, edits go to the workspace
    // directly (no undo).
    using EditorProvider = std::function<YamlEditor *(int fileIndex)>;
    void setEditorProvider(EditorProvider provider) { m_editorProvider = std::move(provider); }

    // Shows the object whose document holds `line` (1-based) of the file; false when none does.
    bool showResourceAt(int fileIndex, int line);
    bool showResource(const QString &path, int line);
    // The form follows the cursor of this editor (when the user moves it there).
    void followEditor(YamlEditor *editor, int fileIndex);
    // The form shows the object selected in the Explorer's tree (not the selection a refresh of
    // the tree restores, which would close a field being edited).
    void followExplorer(QTreeView *explorer);
    void clearForm();

    // Appends a document to the file (through its editor: undoable) and shows it.
    bool appendResource(int fileIndex, const QString &yaml, QString *error = nullptr);
    // Writes `object` as the shown object's new content.
    bool applyObject(const Model::Node &object, QString *error = nullptr);

    FormModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    WeightsPanel *weights() const { return m_weights; }
    int fileIndex() const { return m_fileIndex; }
    int documentIndex() const { return m_document; }
    QString kind() const { return m_kind; }
    TextEdit::Kind lastEditKind() const { return m_lastEditKind; }
    QString statusText() const;

Q_SIGNALS:
    void edited(int fileIndex);

private:
    void reload();
    void setModelObject(const Model::Node &object);
    void updateButtons();
    void updateDetails();
    void updateWeights();
    void setStatus(const QString &text, bool error);

    Workspace::Workspace *m_workspace;
    EditorProvider m_editorProvider;
    FormModel *m_model;
    QTreeView *m_view;
    QLabel *m_header;
    QLabel *m_details;
    QLabel *m_status;
    WeightsPanel *m_weights;
    QToolButton *m_add;
    QToolButton *m_remove;
    QToolButton *m_up;
    QToolButton *m_down;
    int m_fileIndex = -1;
    int m_document = -1;
    QString m_kind;
    QString m_name;
    QString m_selectPath; // selected again after the model is rebuilt
    TextEdit::Kind m_lastEditKind = TextEdit::Kind::Minimal;
    bool m_explorerResetting = false;
};

} // namespace Torii::Gui
