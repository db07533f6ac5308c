#pragma once

// The Explorer's tree (no widgets): either the hierarchy GatewayClass → Gateway → Listener →
// Route → rule → backend (routes under every listener they attach to, by their parentRefs), or a
// flat list by kind and namespace. Status icons come from the controller's conditions; the
// tooltip lists the conditions with their reasons.

#include "app/gui/models/resource_status.h"
#include "engine/controller/controller.h"
#include "engine/model/resource.h"

#include <QtCore/QAbstractItemModel>

#include <memory>
#include <vector>

namespace Torii::Gui {

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
    // `controller.statuses` is parallel to `resources`.
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
    void rebuild();
    void adopt(Item &current, Item &fresh); // `fresh` has the same shape: take its data
    void buildHierarchy(Item *root);
    void buildByKind(Item *root);

    Mode m_mode = Mode::Hierarchy;
    std::vector<Model::Resource> m_resources;
    std::vector<std::optional<Model::Node>> m_statuses;
    std::unique_ptr<Item> m_root;
};

} // namespace Torii::Gui
