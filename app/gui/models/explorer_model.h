#pragma once

// The Explorer's tree (no widgets): either the hierarchy GatewayClass → Gateway → Listener →
// Route → rule → backend (routes under every listener they attach to, by their parentRefs), or a
// flat list by kind and namespace. Status icons come from the controller's conditions; the
// tooltip lists the conditions with their reasons.
//
// The rows of a large design take tens of milliseconds to build, so the studio builds them on
// its status worker (buildSnapshot: a pure function, any thread) and hands the finished rows of
// both modes to the model on the GUI thread (setSnapshot), which only adopts them: in place when
// every row stays where it was (selection, expansion and scroll are kept, only the changed rows
// repaint), else with a model reset. Switching the mode swaps the trees without rebuilding.

#include "app/gui/models/resource_status.h"
#include "engine/controller/controller.h"
#include "engine/model/resource.h"

#include <QtCore/QAbstractItemModel>

#include <memory>
#include <vector>

namespace Torii::Gui {

struct ExplorerSnapshot; // the rows of both modes, see buildSnapshot

class ExplorerModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class Mode { Hierarchy, ByKind };
    enum Role {
        FileRole = Qt::UserRole + 1, // absolute path of the file holding the item
        LineRole,                    // 1-based, 0 unknown
        ColumnRole,
        KindRole,      // the object's kind ("" for group rows)
        NamespaceRole, // the object's namespace ("default" when unset)
        NameRole,
        StateRole, // StatusState as int
    };

    explicit ExplorerModel(QObject *parent = nullptr);
    ~ExplorerModel() override;

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // Every row of the shown mode, at any depth (the Explorer folds a large tree further).
    int totalRowCount() const;
    // The rows of both modes for these objects (`controller.statuses` parallel to them). Any
    // thread: it reads only its arguments.
    static std::shared_ptr<ExplorerSnapshot> buildSnapshot(const std::vector<Model::Resource> &resources,
                                                           const Controller::ControllerResult &controller);
    // GUI thread: shows the snapshot's rows (consumed: its rows move into the model).
    void setSnapshot(std::shared_ptr<ExplorerSnapshot> snapshot);
    // Both at once, on this thread (tests, small designs).
    void setResources(std::vector<Model::Resource> resources,
                      const Controller::ControllerResult &controller);

    // The first row showing this object (in the hierarchy: its topmost occurrence).
    QModelIndex findResource(const QString &kind, const QString &ns, const QString &name) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    struct Item;

private:
    void adopt(Item &current, Item &fresh); // `fresh` has the same shape: take its data
    Item *shown() const;

    Mode m_mode = Mode::Hierarchy;
    std::unique_ptr<Item> m_hierarchy; // the rows of each mode; the shown one is the model's
    std::unique_ptr<Item> m_byKind;
};

} // namespace Torii::Gui
