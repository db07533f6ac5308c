#pragma once

// Torii::Gui::HierarchyView — the hierarchy graph of a workspace (engine/export's
// HierarchyLayout, laid out by Graphviz) drawn in a QGraphicsView: node boxes with the kind,
// name and status colour and glyph; edges along Graphviz's splines, coloured by status, refused
// ones dashed with the condition's reason as their label and tooltip; role lanes as labelled
// background bands. Zoom with the wheel or Ctrl++ / Ctrl+- (Ctrl+0 fits), pan by dragging, and
// export the view as SVG, PNG or the graph as DOT.
//
// Usage: layoutInBackground(Export::buildHierarchyGraph(resources, result), {.roleLanes = true})
// (or setGraph with a layout made elsewhere); connect resourceActivated to open the object's form.
// Graphviz takes seconds on a thousand routes, so layoutInBackground runs it on the view's own
// one-thread pool: the window keeps answering, a busy bar shows while it works, and a graph asked
// for while one is being laid out replaces any other waiting one — when a layout ends, it is
// drawn only if no newer graph was asked for meanwhile (a stale layout is dropped).
// Drawing a thousand nodes takes a few hundred milliseconds, so a background layout's scene is
// built a few milliseconds at a time (a new scene, filled between events, then shown in place
// of the old one), and not at all while the view is hidden (it is built when shown, or when a
// caller asks for the scene). Far out, the items draw without text (level of detail).
// GUI thread only.

#include "engine/export/graph_layout.h"

#include <QtWidgets/QWidget>

#include <memory>
#include <optional>

class QElapsedTimer;
class QGraphicsScene;
class QGraphicsView;
class QLabel;
class QProgressBar;
class QThreadPool;

namespace Torii::Gui {

class HierarchyGraphicsView;

class HierarchyView : public QWidget
{
    Q_OBJECT
    // For tests and the benchmark: true from layoutInBackground until the latest graph is drawn.
    Q_PROPERTY(bool layoutPending READ isLayoutPending NOTIFY layoutFinished)

public:
    explicit HierarchyView(QWidget *parent = nullptr);
    ~HierarchyView() override;

    // Replaces the drawing with this layout and fits it in the view.
    void setGraph(const Export::HierarchyLayout &layout);
    const Export::HierarchyLayout &graphLayout() const { return m_layout; }
    // Lays `graph` out off the GUI thread and draws it when done (see the header comment).
    void layoutInBackground(Export::HierarchyGraph graph, const Export::LayoutOptions &options);
    // The same with the graph's DOT text (Export::toDot(graph, options)) made by the caller on a
    // worker: on a thousand routes it takes milliseconds the GUI thread should not spend.
    void layoutInBackground(Export::HierarchyGraph graph, const Export::LayoutOptions &options, std::string dot);
    bool isLayoutPending() const { return m_pendingGeneration != m_drawnGeneration; }

    QGraphicsScene *scene() const; // the drawing of the latest graph (built now if it waits)
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
    // The latest graph asked of layoutInBackground is drawn.
    void layoutFinished();

protected:
    void showEvent(QShowEvent *event) override;

private:
    friend class HierarchyGraphicsView;
    void activateAt(const QPointF &scenePos);
    void rebuildScene();
    // Builds m_layout's items into `scene`; with a deadline, stops once it passes and returns
    // false (call again to go on), else builds everything.
    // A background layout's scene being built in slices (or waiting for the view to be shown):
    // what is built so far, and where the next slice goes on.
    struct SceneBuild
    {
        std::unique_ptr<QGraphicsScene> owned; // a background build's new scene
        QGraphicsScene *scene = nullptr;       // where the items go
        int phase = 0; // lanes, edges, nodes, done
        std::size_t next = 0;
        int refused = 0;
    };
    bool buildItems(SceneBuild &build, const QElapsedTimer *clock, qint64 budgetNs);
    void buildSceneInSlices();
    void finishSceneNow() const; // a built or waiting scene is completed at once
    void showBuiltScene();
    void startLayout();
    void onLayoutDone(quint64 generation, Export::HierarchyLayout layout);

    struct LayoutJob
    {
        quint64 generation = 0;
        Export::HierarchyGraph graph;
        Export::LayoutOptions options;
    };
    std::unique_ptr<QThreadPool> m_pool; // one thread: Graphviz runs one layout at a time anyway
    std::optional<LayoutJob> m_waiting;  // asked for while another was being laid out
    bool m_layoutRunning = false;
    quint64 m_pendingGeneration = 0; // the latest graph asked for
    quint64 m_drawnGeneration = 0;   // the one drawn
    std::string m_askedDot;          // DOT text of the latest graph asked for
    QProgressBar *m_busy = nullptr;
    Export::HierarchyLayout m_layout;
    QGraphicsScene *m_scene = nullptr;
    std::unique_ptr<SceneBuild> m_build;
    bool m_sliceQueued = false;
    HierarchyGraphicsView *m_view = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace Torii::Gui
