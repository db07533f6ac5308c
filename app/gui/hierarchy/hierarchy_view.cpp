#include "hierarchy_view.h"

#include "hierarchy_items.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QTimer>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>
#include <QtCore/QThreadPool>
#include <QtGui/QImage>
#include <QtGui/QKeySequence>
#include <QtGui/QPainter>
#include <QtGui/QShortcut>
#include <QtGui/QWheelEvent>
#include <QtSvg/QSvgGenerator>
#include <QtWidgets/QApplication>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QGraphicsScene>
#include <QtWidgets/QGraphicsSimpleTextItem>
#include <QtWidgets/QGraphicsView>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

namespace Torii::Gui {

// The QGraphicsView: wheel zoom, drag to pan, and a click (a press and release without moving)
// activates the node under the mouse.
class HierarchyGraphicsView : public QGraphicsView
{
public:
    HierarchyGraphicsView(QGraphicsScene *scene, HierarchyView *owner)
        : QGraphicsView(scene), m_owner(owner)
    {
        setDragMode(QGraphicsView::ScrollHandDrag);
        setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
        setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    }

    void zoomBy(double factor)
    {
        const double current = transform().m11();
        const double next = std::clamp(current * factor, 0.05, 8.0);
        scale(next / current, next / current);
    }

protected:
    void wheelEvent(QWheelEvent *event) override
    {
        const int delta = event->angleDelta().y();
        if (delta == 0) {
            QGraphicsView::wheelEvent(event);
            return;
        }
        zoomBy(std::pow(1.0015, delta));
        event->accept();
    }
    void mousePressEvent(QMouseEvent *event) override
    {
        m_pressPos = event->position().toPoint();
        QGraphicsView::mousePressEvent(event);
    }
    void mouseReleaseEvent(QMouseEvent *event) override
    {
        QGraphicsView::mouseReleaseEvent(event);
        if (event->button() == Qt::LeftButton &&
            (event->position().toPoint() - m_pressPos).manhattanLength() <
                QApplication::startDragDistance()) {
            m_owner->activateAt(mapToScene(event->position().toPoint()));
        }
    }

private:
    HierarchyView *m_owner;
    QPoint m_pressPos;
};

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace

HierarchyView::HierarchyView(QWidget *parent) : QWidget(parent)
{
    m_scene = new QGraphicsScene(this);
    m_view = new HierarchyGraphicsView(m_scene, this);
    m_summary = new QLabel(this);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    auto button = [this, bar](const QString &text, const QString &tip, auto slot) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, this, slot);
        bar->addWidget(b);
        return b;
    };
    button(tr("Zoom in"), tr("Zoom in (Ctrl++)"), &HierarchyView::zoomIn);
    button(tr("Zoom out"), tr("Zoom out (Ctrl+-)"), &HierarchyView::zoomOut);
    button(tr("Fit"), tr("Fit the graph in the view (Ctrl+0)"), &HierarchyView::fitToView);
    button(tr("Export…"), tr("Save the graph as SVG, PNG or DOT"), &HierarchyView::exportInteractively);
    bar->addStretch(1);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("hierarchyBusy"));
    m_busy->setRange(0, 0); // busy: Graphviz says nothing of its progress
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(12);
    m_busy->setTextVisible(false);
    m_busy->setToolTip(tr("Laying out the graph…"));
    m_busy->hide();
    bar->addWidget(m_busy);
    bar->addWidget(m_summary);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence::ZoomIn, &HierarchyView::zoomIn);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Equal), &HierarchyView::zoomIn);
    shortcut(QKeySequence::ZoomOut, &HierarchyView::zoomOut);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_0), &HierarchyView::fitToView);
}

HierarchyView::~HierarchyView()
{
    if (m_pool) {
        m_pool->waitForDone(); // the job posts to this object; its posted result dies with it
    }
}

void HierarchyView::layoutInBackground(Export::HierarchyGraph graph, const Export::LayoutOptions &options)
{
    std::string dot = Export::toDot(graph, options);
    layoutInBackground(std::move(graph), options, std::move(dot));
}

void HierarchyView::layoutInBackground(Export::HierarchyGraph graph, const Export::LayoutOptions &options,
                                       std::string dot)
{
    // The status is recomputed after every analysis, mostly for edits that change nothing the
    // graph shows: the same DOT text is the same drawing, so Graphviz is spared.
    if (dot == m_askedDot) {
        return;
    }
    m_askedDot = std::move(dot);
    m_waiting = LayoutJob{++m_pendingGeneration, std::move(graph), options};
    m_busy->show();
    if (!m_layoutRunning) {
        startLayout();
    }
}

void HierarchyView::startLayout()
{
    if (!m_pool) {
        m_pool = std::make_unique<QThreadPool>();
        m_pool->setMaxThreadCount(1);
    }
    auto job = std::make_shared<LayoutJob>(std::move(*m_waiting));
    m_waiting.reset();
    m_layoutRunning = true;
    m_pool->start([this, job] {
        auto layout = std::make_shared<Export::HierarchyLayout>(
            Export::layoutHierarchy(std::move(job->graph), job->options));
        // Queued to this object: dropped by Qt if the view is gone (the destructor waits for us).
        QMetaObject::invokeMethod(
            this, [this, generation = job->generation, layout] { onLayoutDone(generation, std::move(*layout)); },
            Qt::QueuedConnection);
    });
}

void HierarchyView::onLayoutDone(quint64 generation, Export::HierarchyLayout layout)
{
    m_layoutRunning = false;
    if (generation == m_pendingGeneration) {
        m_layout = std::move(layout);
        m_build = std::make_unique<SceneBuild>();
        m_build->owned = std::make_unique<QGraphicsScene>();
        // No BSP index: building it for thousands of items at the first paint was one long stall;
        // the items never move, and a linear pass over them per paint is cheap.
        m_build->owned->setItemIndexMethod(QGraphicsScene::NoIndex);
        m_build->scene = m_build->owned.get();
        if (isVisible()) {
            buildSceneInSlices(); // drawn when complete (layoutFinished then)
        } else {
            // Nobody looks: built when shown or asked for. The layout itself is done.
            m_drawnGeneration = generation;
            m_busy->hide();
            Q_EMIT layoutFinished();
        }
    } // else: the design changed while Graphviz worked; the newer graph is waiting
    if (m_waiting) {
        startLayout();
    }
}

QGraphicsView *HierarchyView::graphicsView() const
{
    return m_view;
}

void HierarchyView::setGraph(const Export::HierarchyLayout &layout)
{
    m_layout = layout;
    rebuildScene();
    fitToView();
}

QGraphicsScene *HierarchyView::scene() const
{
    finishSceneNow();
    return m_scene;
}

void HierarchyView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_build) {
        buildSceneInSlices(); // a layout arrived while hidden
    }
}

namespace {

QString laneTitle(Export::Role role)
{
    switch (role) {
    case Export::Role::InfrastructureProvider:
        return HierarchyView::tr("Infrastructure provider");
    case Export::Role::ClusterOperator:
        return HierarchyView::tr("Cluster operator");
    case Export::Role::ApplicationDeveloper:
        return HierarchyView::tr("Application developer");
    case Export::Role::None:
        break;
    }
    return {};
}

} // namespace

void HierarchyView::rebuildScene()
{
    m_build.reset(); // a slice-built scene of an older layout is dropped
    m_scene->clear();
    SceneBuild build;
    build.scene = m_scene;
    buildItems(build, nullptr, 0);
}

void HierarchyView::buildSceneInSlices()
{
    if (!m_build || m_sliceQueued) {
        return;
    }
    QElapsedTimer clock;
    clock.start();
    constexpr qint64 kSliceNs = 6'000'000; // well inside one frame; input and paints run between
    if (buildItems(*m_build, &clock, kSliceNs)) {
        showBuiltScene();
        return;
    }
    m_sliceQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_sliceQueued = false;
        buildSceneInSlices();
    });
}

void HierarchyView::finishSceneNow() const
{
    auto *self = const_cast<HierarchyView *>(this);
    if (self->m_build) {
        self->buildItems(*self->m_build, nullptr, 0);
        self->showBuiltScene();
    }
}

void HierarchyView::showBuiltScene()
{
    std::unique_ptr<SceneBuild> build = std::move(m_build);
    QGraphicsScene *old = m_scene;
    m_scene = build->owned.release();
    m_scene->setParent(this);
    m_view->setScene(m_scene);
    old->deleteLater();
    fitToView();
    if (m_drawnGeneration != m_pendingGeneration && !m_layoutRunning && !m_waiting) {
        m_drawnGeneration = m_pendingGeneration;
        m_busy->hide();
        Q_EMIT layoutFinished();
    }
}

bool HierarchyView::buildItems(SceneBuild &build, const QElapsedTimer *clock, qint64 budgetNs)
{
    QGraphicsScene *scene = build.scene;
    const bool dark = isDark(palette());
    const QColor text = palette().color(QPalette::Text);
    const auto outOfTime = [&] { return clock && clock->nsecsElapsed() > budgetNs; };

    if (build.phase == 0) {
        for (const Export::LaneBand &lane : m_layout.lanes) {
            auto *band = scene->addRect(QRectF(lane.x, lane.y, lane.width, lane.height),
                                        QPen(laneColor(lane.role, dark).darker(110), 0),
                                        laneColor(lane.role, dark));
            band->setData(kItemRole, QStringLiteral("lane"));
            band->setZValue(0);
            auto *title = scene->addSimpleText(laneTitle(lane.role));
            QFont f = title->font();
            f.setBold(true);
            f.setPointSizeF(9);
            title->setFont(f);
            title->setBrush(text);
            title->setPos(lane.x + 6, lane.y + 3);
            // A narrow lane (one small node): shrink the title rather than spill out of the band.
            const double available = lane.width - 12;
            if (title->boundingRect().width() > available && available > 0) {
                title->setScale(available / title->boundingRect().width());
            }
            title->setData(kItemRole, QStringLiteral("lane-label"));
            title->setZValue(0.5);
        }
        build.phase = 1;
        build.next = 0;
    }
    if (build.phase == 1) {
        for (; build.next < m_layout.edges.size(); ++build.next) {
            if (outOfTime()) {
                return false;
            }
            const std::size_t k = build.next;
            const Export::EdgePath &path = m_layout.edges[k];
            const Export::GraphEdge &edge = m_layout.graph.edges[k];
            build.refused += edge.status == Export::EdgeStatus::Refused ? 1 : 0;
            if (path.bezier.empty()) {
                continue;
            }
            auto *item = new HierarchyEdgeItem(edge, path, static_cast<int>(k), dark);
            scene->addItem(item);
            if (path.labelCenter && !edge.label.empty()) {
                auto *label = scene->addSimpleText(QString::fromStdString(edge.label));
                QFont f = label->font();
                f.setPointSizeF(7);
                label->setFont(f);
                label->setBrush(edgeColor(edge.status, edge.kind, dark));
                const QRectF r = label->boundingRect();
                label->setPos(path.labelCenter->x - r.width() / 2, path.labelCenter->y - r.height() / 2);
                label->setToolTip(item->toolTip());
                label->setData(kItemRole, QStringLiteral("edge-label"));
                label->setData(kItemIndex, static_cast<int>(k));
                label->setZValue(3);
            }
        }
        // Edges without a path (none drawn) still count as refused references.
        for (std::size_t k = m_layout.edges.size(); k < m_layout.graph.edges.size(); ++k) {
            build.refused += m_layout.graph.edges[k].status == Export::EdgeStatus::Refused ? 1 : 0;
        }
        build.phase = 2;
        build.next = 0;
    }
    if (build.phase == 2) {
        for (; build.next < m_layout.nodes.size(); ++build.next) {
            if (outOfTime()) {
                return false;
            }
            const std::size_t i = build.next;
            const Export::GraphNode &node = m_layout.graph.nodes[i];
            auto *item = new HierarchyNodeItem(node, m_layout.nodes[i], static_cast<int>(i), dark);
            QString tip = QStringLiteral("<b>%1</b> %2").arg(
                QString::fromStdString(node.kind).toHtmlEscaped(),
                QString::fromStdString(node.ns.empty() ? node.name : node.ns + "/" + node.name)
                    .toHtmlEscaped());
            if (node.role != Export::Role::None) {
                tip += QStringLiteral("<br>") + tr("Owner: %1").arg(laneTitle(node.role));
            }
            if (!node.statusSummary.empty()) {
                tip += QStringLiteral("<br>") + QString::fromStdString(node.statusSummary).toHtmlEscaped();
            }
            if (node.status == Export::NodeStatus::Missing) {
                tip += QStringLiteral("<br>") + tr("Referenced, but not in the workspace.");
            } else if (node.implicit) {
                tip += QStringLiteral("<br>") + tr("Made up by the studio; never exported.");
            }
            item->setToolTip(tip);
            scene->addItem(item);
        }
        build.phase = 3;
    }
    scene->setSceneRect(QRectF(0, 0, m_layout.width, m_layout.height).adjusted(-10, -10, 10, 10));
    m_summary->setText(tr("%n object(s)", nullptr, static_cast<int>(m_layout.nodes.size())) +
                       QStringLiteral(" · ") + tr("%n refused reference(s)", nullptr, build.refused));
    return true;
}

int HierarchyView::itemCount(const QString &role) const
{
    finishSceneNow();
    int count = 0;
    for (const QGraphicsItem *item : m_scene->items()) {
        count += item->data(kItemRole).toString() == role ? 1 : 0;
    }
    return count;
}

double HierarchyView::zoom() const
{
    return m_view->transform().m11();
}

void HierarchyView::zoomIn()
{
    m_view->zoomBy(1.25);
}

void HierarchyView::zoomOut()
{
    m_view->zoomBy(0.8);
}

void HierarchyView::fitToView()
{
    if (m_scene->sceneRect().isEmpty()) {
        return;
    }
    m_view->fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
    // Never blow a small graph up beyond its natural size.
    if (m_view->transform().m11() > 1.5) {
        m_view->resetTransform();
        m_view->scale(1.5, 1.5);
    }
}

void HierarchyView::activateAt(const QPointF &scenePos)
{
    finishSceneNow();
    for (QGraphicsItem *item : m_scene->items(scenePos)) {
        auto *node = dynamic_cast<HierarchyNodeItem *>(item);
        if (!node) {
            continue;
        }
        const Export::GraphNode &n = node->node();
        if (n.kind == "Listener") {
            // A listener is a part of its Gateway or ListenerSet: open that.
            if (const Export::GraphNode *owner = m_layout.graph.node(n.parentId)) {
                emit resourceActivated(QString::fromStdString(owner->kind),
                                       QString::fromStdString(owner->ns),
                                       QString::fromStdString(owner->name));
            }
            return;
        }
        emit resourceActivated(QString::fromStdString(n.kind), QString::fromStdString(n.ns),
                               QString::fromStdString(n.name));
        return;
    }
}

bool HierarchyView::exportTo(const QString &path, QString *error) const
{
    finishSceneNow();
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QRectF source = m_scene->sceneRect();
    if (suffix == QLatin1String("dot")) {
        QSaveFile file(path);
        const QByteArray dot = QByteArray::fromStdString(
            Export::toDot(m_layout.graph, {!m_layout.lanes.empty()}));
        if (file.open(QIODevice::WriteOnly) && file.write(dot) == dot.size() && file.commit()) {
            return true;
        }
        if (error) {
            *error = file.errorString();
        }
        return false;
    }
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(source.size().toSize());
        generator.setViewBox(QRectF(QPointF(0, 0), source.size()));
        generator.setTitle(tr("Resource hierarchy"));
        QPainter painter;
        if (!painter.begin(&generator)) {
            if (error) {
                *error = tr("cannot write %1").arg(path);
            }
            return false;
        }
        painter.fillRect(QRectF(QPointF(0, 0), source.size()), palette().color(QPalette::Base));
        m_scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
        painter.end();
        return true;
    }
    if (suffix == QLatin1String("png")) {
        const double scale = 2.0; // crisp on high-DPI screens and in documents
        QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
        image.fill(palette().color(QPalette::Base));
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        m_scene->render(&painter, QRectF(QPointF(0, 0), image.size()), source);
        painter.end();
        if (image.save(path, "PNG")) {
            return true;
        }
        if (error) {
            *error = tr("cannot write %1").arg(path);
        }
        return false;
    }
    if (error) {
        *error = tr("unknown format \"%1\": use .svg, .png or .dot").arg(suffix);
    }
    return false;
}

void HierarchyView::exportInteractively()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the hierarchy"), QStringLiteral("hierarchy.svg"),
        tr("SVG image (*.svg);;PNG image (*.png);;Graphviz DOT (*.dot)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!exportTo(path, &error)) {
        QMessageBox::warning(this, tr("Export the hierarchy"),
                             tr("The graph could not be saved: %1").arg(error));
    }
}

} // namespace Torii::Gui
