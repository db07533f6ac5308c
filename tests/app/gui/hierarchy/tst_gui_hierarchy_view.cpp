// The hierarchy view drives the real widget offscreen: the demo's graph becomes one item per
// node, edge and lane; a refused route's edge carries its reason as a label; zoom and fit work;
// a click on a node emits resourceActivated with the object (a listener's Gateway); the view
// exports SVG, PNG and DOT. TORII_HIERARCHY_GRAB=path (the demo) and TORII_HIERARCHY_GRAB_REFUSED=path
// (a refused route) save a grab() of the view for a human to look at.
#include "app/gui/hierarchy/hierarchy_view.h"
#include "engine/controller/controller.h"
#include "engine/yaml/resource_reader.h"

#include <QtCore/QTemporaryDir>
#include <QtGui/QImage>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QGraphicsItem>
#include <QtWidgets/QGraphicsScene>
#include <QtWidgets/QGraphicsView>

using namespace Torii;

namespace {

Export::HierarchyLayout layoutOf(const Yaml::ReadResult &read, bool lanes = true)
{
    const Controller::ControllerResult result = Controller::reconcile(read.resources);
    return Export::layoutHierarchy(Export::buildHierarchyGraph(read.resources, result), {lanes});
}

Export::HierarchyLayout demoLayout()
{
    return layoutOf(Yaml::readPaths({std::string(TORII_SOURCE_DIR) + "/resources/demo"}));
}

const char *kRefused = R"(
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: torii}
spec: {controllerName: torii.dev/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: torii
  listeners:
  - {name: http, port: 80, protocol: HTTP}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: outsider, namespace: apps}
spec:
  parentRefs: [{name: gw, namespace: infra, sectionName: http}]
)";

QGraphicsItem *nodeItem(const Gui::HierarchyView &view, const std::string &id)
{
    for (QGraphicsItem *item : view.scene()->items()) {
        if (item->data(0).toString() == QLatin1String("node")) {
            const int index = item->data(1).toInt();
            if (view.graphLayout().graph.nodes[static_cast<std::size_t>(index)].id == id) {
                return item;
            }
        }
    }
    return nullptr;
}

void click(Gui::HierarchyView &view, QGraphicsItem *item)
{
    QGraphicsView *gv = view.graphicsView();
    const QPoint at = gv->mapFromScene(item->sceneBoundingRect().center());
    QTest::mouseClick(gv->viewport(), Qt::LeftButton, {}, at);
}

} // namespace

class TestGuiHierarchyView : public QObject
{
    Q_OBJECT

private slots:
    void sceneHasOneItemPerNodeEdgeAndLane()
    {
        const Export::HierarchyLayout layout = demoLayout();
        Gui::HierarchyView view;
        view.resize(1200, 800);
        view.setGraph(layout);
        QCOMPARE(view.itemCount(QStringLiteral("node")), int(layout.graph.nodes.size()));
        QCOMPARE(view.itemCount(QStringLiteral("edge")), int(layout.graph.edges.size()));
        QCOMPARE(view.itemCount(QStringLiteral("lane")), 3);
        QCOMPARE(view.itemCount(QStringLiteral("lane-label")), 3);
        int labelled = 0;
        for (const auto &e : layout.graph.edges) {
            labelled += e.label.empty() ? 0 : 1;
        }
        QCOMPARE(view.itemCount(QStringLiteral("edge-label")), labelled);

        view.setGraph(layoutOf(Yaml::readPaths({std::string(TORII_SOURCE_DIR) + "/resources/demo"}), false));
        QCOMPARE(view.itemCount(QStringLiteral("lane")), 0);
    }

    void refusedEdgeShowsItsReason()
    {
        Gui::HierarchyView view;
        view.setGraph(layoutOf(Yaml::readText(kRefused, "t.yaml")));
        bool found = false;
        for (QGraphicsItem *item : view.scene()->items()) {
            if (item->data(0).toString() != QLatin1String("edge-label")) {
                continue;
            }
            auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item);
            QVERIFY(text);
            if (text->text() == QLatin1String("NotAllowedByListeners")) {
                found = true;
                QVERIFY(text->toolTip().startsWith(QLatin1String("NotAllowedByListeners: ")));
            }
        }
        QVERIFY(found);
        if (qEnvironmentVariableIsSet("TORII_HIERARCHY_GRAB_REFUSED")) {
            view.resize(900, 300);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            view.fitToView();
            QApplication::processEvents();
            QVERIFY(view.grab().save(qEnvironmentVariable("TORII_HIERARCHY_GRAB_REFUSED")));
        }
    }

    void zoomAndFit()
    {
        Gui::HierarchyView view;
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setGraph(demoLayout());
        const double fitted = view.zoom();
        view.zoomIn();
        QVERIFY(view.zoom() > fitted);
        view.zoomOut();
        view.zoomOut();
        QVERIFY(view.zoom() < fitted);
        view.fitToView();
        QCOMPARE(view.zoom(), fitted);
    }

    void clickActivatesTheObject()
    {
        Gui::HierarchyView view;
        view.resize(1400, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setGraph(demoLayout());
        QSignalSpy spy(&view, &Gui::HierarchyView::resourceActivated);

        QGraphicsItem *route = nodeItem(view, "HTTPRoute/webapp/webapp-route");
        QVERIFY(route);
        click(view, route);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("HTTPRoute"));
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("webapp"));
        QCOMPARE(spy.at(0).at(2).toString(), QStringLiteral("webapp-route"));

        // A listener opens its Gateway.
        QGraphicsItem *listener = nodeItem(view, "Gateway/gateway-system/production-gateway#https");
        QVERIFY(listener);
        click(view, listener);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).toString(), QStringLiteral("Gateway"));
        QCOMPARE(spy.at(1).at(2).toString(), QStringLiteral("production-gateway"));

        // A GatewayClass is cluster-scoped: no namespace.
        QGraphicsItem *cls = nodeItem(view, "GatewayClass//torii");
        QVERIFY(cls);
        click(view, cls);
        QCOMPARE(spy.count(), 3);
        QVERIFY(spy.at(2).at(1).toString().isEmpty());

        // The empty background activates nothing.
        QTest::mouseClick(view.graphicsView()->viewport(), Qt::LeftButton, {}, QPoint(2, 2));
        QCOMPARE(spy.count(), 3);

        if (qEnvironmentVariableIsSet("TORII_HIERARCHY_GRAB")) {
            view.fitToView();
            QApplication::processEvents();
            QVERIFY(view.grab().save(qEnvironmentVariable("TORII_HIERARCHY_GRAB")));
        }
    }

    void exportsSvgPngAndDot()
    {
        QTemporaryDir dir;
        Gui::HierarchyView view;
        view.setGraph(demoLayout());
        QString error;
        QVERIFY2(view.exportTo(dir.filePath("g.svg"), &error), qPrintable(error));
        QFile svg(dir.filePath("g.svg"));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray svgText = svg.readAll();
        QVERIFY(svgText.contains("<svg"));
        QVERIFY(svgText.contains("production-gateway"));
        QVERIFY2(view.exportTo(dir.filePath("g.png"), &error), qPrintable(error));
        const QImage png(dir.filePath("g.png"));
        QVERIFY(!png.isNull());
        QVERIFY(png.width() > 200 && png.height() > 200);
        QVERIFY2(view.exportTo(dir.filePath("g.dot"), &error), qPrintable(error));
        QFile dot(dir.filePath("g.dot"));
        QVERIFY(dot.open(QIODevice::ReadOnly));
        QVERIFY(dot.readAll().startsWith("digraph hierarchy {"));
        QVERIFY(!view.exportTo(dir.filePath("g.bmpx"), &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestGuiHierarchyView)
#include "tst_gui_hierarchy_view.moc"
