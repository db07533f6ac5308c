#pragma once

// Torii::Gui::HierarchyView — the hierarchy graph of a workspace (engine/export's
// HierarchyLayout, laid out by Graphviz) drawn in a QGraphicsView: node boxes with the kind,
// name and status colour and glyph; edges along Graphviz's splines, coloured by status, refused
// ones dashed with the condition's reason as their label and tooltip; role lanes as labelled
// background bands. Zoom with the wheel or Ctrl++ / Ctrl+- (Ctrl+0 fits), pan by dragging, and
// export the view as SVG, PNG or the graph as DOT.
//
// Usage: setGraph(Export::layoutHierarchy(Export::buildHierarchyGraph(resources, result),
// {.roleLanes = true})); connect resourceActivated to open the object's form. Lay out off the
// GUI thread for large workspaces (layoutHierarchy is thread-safe); setGraph itself is quick.
// GUI thread only.

#include "engine/export/graph_layout.h"

#include <QtWidgets/QWidget>

class QGraphicsScene;
class QGraphicsView;
class QLabel;

namespace Torii::Gui {

class HierarchyGraphicsView;

class HierarchyView : public QWidget
{
    Q_OBJECT

public:
    explicit HierarchyView(QWidget *parent = nullptr);
    ~HierarchyView() override;

    // Replaces the drawing with this layout and fits it in the view.
    void setGraph(const Export::HierarchyLayout &layout);
    const Export::HierarchyLayout &graphLayout() const { return m_layout; }

    QGraphicsScene *scene() const { return m_scene; }
    QGraphicsView *graphicsView() const;
    // Items by their data(kItemRole): "node", "edge", "edge-label", "lane".
    int itemCount(const QString &role) const;
    double zoom() const;

    // Writes the view: by the file's suffix, .svg and .png draw the scene as shown, .dot writes
    // the graph's DOT text. False and `error` set when it cannot be written.
    bool exportTo(const QString &path, QString *error = nullptr) const;

public slots:
    void zoomIn();
    void zoomOut();
    void fitToView();
    void exportInteractively(); // asks for a file name

signals:
    // A node was clicked: the object (a listener's Gateway or ListenerSet). `ns` is empty for
    // cluster-scoped kinds.
    void resourceActivated(const QString &kind, const QString &ns, const QString &name);

private:
    friend class HierarchyGraphicsView;
    void activateAt(const QPointF &scenePos);
    void rebuildScene();

    Export::HierarchyLayout m_layout;
    QGraphicsScene *m_scene = nullptr;
    HierarchyGraphicsView *m_view = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace Torii::Gui
