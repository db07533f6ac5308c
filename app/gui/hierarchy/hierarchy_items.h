#pragma once

// The graphics items of the hierarchy view: a node box (kind, name, detail, status colour and
// glyph), an edge (the Graphviz spline with its arrow head, coloured by status, dashed when
// refused) and a role lane (a labelled background band). Item data(kItemRole) says which
// ("node", "edge", "edge-label", "lane") so tests and the view can tell them apart.

#include "engine/export/graph_layout.h"

#include <QtWidgets/QGraphicsItem>
#include <QtWidgets/QGraphicsPathItem>

namespace Torii::Gui {

inline constexpr int kItemRole = 0;      // QGraphicsItem::data key: "node", "edge", …
inline constexpr int kItemIndex = 1;     // index into the layout's nodes or edges

QColor statusColor(Export::NodeStatus status, bool dark);
QColor edgeColor(Export::EdgeStatus status, Export::EdgeKind kind, bool dark);
QColor laneColor(Export::Role role, bool dark);

class HierarchyNodeItem : public QGraphicsItem
{
public:
    HierarchyNodeItem(const Export::GraphNode &node, const Export::NodeBox &box, int index,
                      bool dark);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget) override;

    const Export::GraphNode &node() const { return m_node; }

private:
    Export::GraphNode m_node;
    QRectF m_rect;
    bool m_dark = false;
};

// The edge's path and arrow head.
class HierarchyEdgeItem : public QGraphicsPathItem
{
public:
    HierarchyEdgeItem(const Export::GraphEdge &edge, const Export::EdgePath &path, int index,
                      bool dark);
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget) override;

private:
    QPolygonF m_arrow;
};

} // namespace Torii::Gui
