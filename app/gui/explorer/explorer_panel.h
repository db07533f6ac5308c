#pragma once

// The Explorer dock: a filter box (Ctrl+F), the view switch (hierarchy / by kind and namespace)
// and the tree. Activating a row opens its file at its position.

#include <QtWidgets/QWidget>

class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace Torii::Gui {

class ExplorerModel;

class ExplorerPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ExplorerPanel(ExplorerModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    QLineEdit *filterBox() const { return m_filter; }
    // Selects (and shows) the first row of this object; false when it is not in the tree.
    bool selectResource(const QString &kind, const QString &ns, const QString &name);
    // Opens the current row as a double-click or Enter would.
    void activateCurrent();

Q_SIGNALS:
    void locationActivated(const QString &file, int line, int column);

private:
    void afterReset();
    void activate(const QModelIndex &index);

    ExplorerModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QComboBox *m_mode;
    QTreeView *m_view;
};

} // namespace Torii::Gui
