#pragma once

// The toolbar's role switcher (UX.md, "Roles have colours"): All, Infrastructure provider,
// Cluster operator, Application developer (engine/export/roles.h decides which role writes each
// kind). Acting as a role, what that role may not edit is protected:
// - a file whose every object belongs to another role is read-only (its tab shows a lock and
//   says who owns it);
// - in a file mixing roles, the documents of other roles' objects refuse edits: while the cursor
//   or selection touches one, the editor is read-only (keyboard navigation still works), so
//   typing, pasting and dropping there do nothing while the role's own documents stay editable;
// - the explorer greys the rows of other roles' objects, with the owner in the tooltip.
// Objects of no role (Role::None) are editable by every role. "All" protects nothing.
//
// Thread: GUI thread.

#include "engine/export/roles.h"

#include <QtWidgets/QComboBox>

#include <map>
#include <optional>
#include <vector>

class QTabWidget;
class QTreeView;
class QModelIndex;
class QPlainTextEdit;

namespace Torii::Workspace {
class Workspace;
}

namespace Torii::Gui {

class RoleSwitcher : public QComboBox
{
    Q_OBJECT
public:
    // `editors`: the main window's editor tabs (each editor holds its file index in the
    // "toriiFileIndex" property); `explorer`: the explorer's tree.
    RoleSwitcher(Workspace::Workspace *workspace, QTabWidget *editors, QTreeView *explorer,
                 QWidget *parent = nullptr);

    // Empty: All.
    std::optional<Export::Role> role() const;
    void setRole(std::optional<Export::Role> role);

    // Whether the chosen role may not edit this object kind.
    bool isForeign(const QString &kind) const;
    // An explorer row of another role's object (or under one: a Gateway's listener); greyed.
    bool isGreyed(const QModelIndex &index) const;
    // Every object of the file belongs to another role (the file is read-only).
    bool isFileForeign(int fileIndex) const;
    // Documents (0-based) of the file whose objects all belong to another role.
    std::vector<int> foreignDocuments(int fileIndex) const;

    // Applies the role to every open editor and the explorer (also done on every change).
    void apply();

Q_SIGNALS:
    void roleChanged();

private:
    void guard(QPlainTextEdit *editor, int fileIndex);
    void updateEditable(QPlainTextEdit *editor);

    Workspace::Workspace *m_workspace;
    QTabWidget *m_editors;
    QTreeView *m_explorer;
};

} // namespace Torii::Gui
