// Long work off the GUI thread and the traffic panel's sources, behaviour controls and exports,
// against the studio's live gateway (real sockets on 127.0.0.1):
// - the toolbar's Run starts the gateway on a worker: the window keeps processing events while it
//   starts, a busy bar shows, and a cancelled start leaves it stopped;
// - a scenario file played for a few seconds puts its steps in the model and the event list;
// - a backend's error rate set in the panel shows as counted errors, and lands in torii.yaml;
// - PNG/SVG/CSV exports are files that parse; the hierarchy is laid out on a worker;
// - a screenshot of the traffic panel after a scenario run (to /tmp, to look at).
#include "app/gui/hierarchy/hierarchy_view.h"
#include "app/gui/mainwindow/main_window.h"
#include "app/gui/run/live_run.h"
#include "app/gui/traffic/traffic_charts.h"
#include "app/gui/traffic/traffic_model.h"
#include "app/gui/traffic/traffic_panel.h"
#include "demo_workspace.h"
#include "traffic_table_sum.h"
#include "engine/workspace/workspace.h"

#include <QtCore/QXmlStreamReader>
#include <QtGui/QAction>
#include <QtGui/QImage>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QDoubleSpinBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QProgressBar>

using namespace Torii;
using Gui::TrafficModel;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

std::uint64_t errorsOf(const TrafficModel *model, const QString &backend)
{
    return TestSupport::tableSum(model, backend, TrafficModel::ErrorsColumn);
}

} // namespace

class TestStudioRun : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY2(TestSupport::copyDemo(*m_dir), "resources/demo not found");
    }

    void toolbarStartsTheGatewayOffTheGuiThread()
    {
        auto window = TestSupport::openWindow(m_dir->path());
        QVERIFY(window);
        Gui::LiveRun *live = window->liveRun();
        QSignalSpy starting(live, &Gui::LiveRun::starting);
        QSignalSpy startedSpy(live, &Gui::LiveRun::started);

        window->action(QStringLiteral("actionRun"))->trigger();
        // trigger() returned at once: the gateway is starting on its worker, not running yet.
        QCOMPARE(starting.count(), 1);
        QVERIFY(live->isStarting());
        QVERIFY(!live->isRunning());
        QVERIFY(!window->action(QStringLiteral("actionRun"))->isEnabled());
        auto *busy = window->findChild<QProgressBar *>(QStringLiteral("runBusy"));
        QVERIFY(busy && busy->isVisible());
        // "started" comes through the event loop (queued from the worker), never inside trigger().
        // (A heartbeat timer used to check that the loop ticked in between; on a fast machine the
        // worker finished before the first tick, and queued signals are delivered before timers.)
        QCOMPARE(startedSpy.count(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(live->isRunning(), 20000);
        QCOMPARE(startedSpy.count(), 1);
        QVERIFY(!live->isStarting());
        QVERIFY(!busy->isVisible());
        QVERIFY(!live->listeners().empty());
        QVERIFY(!live->mockServices().empty());
        window->stopGateway();
        QVERIFY(!live->isRunning());

        // Cancelled while starting: stopped at once, and stays stopped when the worker is done.
        QSignalSpy stopped(live, &Gui::LiveRun::stopped);
        window->action(QStringLiteral("actionRun"))->trigger();
        QVERIFY(live->isStarting());
        live->cancelStart();
        QCOMPARE(stopped.count(), 1);
        QVERIFY(!live->isStarting());
        QVERIFY(window->action(QStringLiteral("actionRun"))->isEnabled());
        QSignalSpy started(live, &Gui::LiveRun::started);
        QTest::qWait(3000); // the abandoned start finishes on its worker meanwhile
        QCOMPARE(started.count(), 0);
        QVERIFY(!live->isRunning());
        // And a new start works while or after the abandoned one ends.
        window->action(QStringLiteral("actionRun"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(live->isRunning(), 20000);
        window->stopGateway();
    }

    void hierarchyIsLaidOutOnAWorker()
    {
        auto window = TestSupport::openWindow(m_dir->path());
        QVERIFY(window);
        auto *view = qobject_cast<Gui::HierarchyView *>(window->hierarchyView());
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(!view->isLayoutPending(), 20000);
        const int nodes = view->itemCount(QStringLiteral("node"));
        QVERIFY(nodes > 5);
        // Two graphs asked for in a row: the first one's layout is stale and never drawn.
        QSignalSpy finished(view, &Gui::HierarchyView::layoutFinished);
        Export::HierarchyGraph small;
        small.nodes.push_back(view->graphLayout().graph.nodes.front());
        view->layoutInBackground(small, {});
        view->layoutInBackground(view->graphLayout().graph, {});
        QVERIFY(view->isLayoutPending());
        QTRY_VERIFY_WITH_TIMEOUT(!view->isLayoutPending(), 20000);
        QTest::qWait(200);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(view->itemCount(QStringLiteral("node")), nodes);
    }

    void scenarioEventsReachTheModel()
    {
        // The demo's canary, compressed into seconds: weights at 0 s, the canary failing every
        // request at 0.5 s, and the rollback rule taking it out.
        const QString scenario = m_dir->filePath(QStringLiteral("fast-canary.scenario.yaml"));
        QVERIFY(writeFile(scenario, "steps:\n"
                                    "- at: 0s\n"
                                    "  weights: {route: webapp/ab-testing-route, rule: weighted,\n"
                                    "            backends: {webapp-stable: 50, webapp-canary: 50}}\n"
                                    "- at: 500ms\n"
                                    "  backend: {service: webapp/webapp-canary, errorRate: 1.0, status: 503}\n"
                                    "rollback:\n"
                                    "  backend: webapp/webapp-canary\n"
                                    "  route: webapp/ab-testing-route\n"
                                    "  rule: weighted\n"
                                    "  when: {errorRate: 0.5, window: 2s, minRequests: 5}\n"));
        auto window = TestSupport::openWindow(m_dir->path());
        QVERIFY(window);
        auto *panel = window->findChild<Gui::TrafficPanel *>(QStringLiteral("trafficPanel"));
        QVERIFY(panel);
        QString error;
        QVERIFY2(panel->chooseSourceFile(scenario, &error), qPrintable(error));
        auto *mix = panel->findChild<QComboBox *>(QStringLiteral("trafficMix"));
        QVERIFY(mix->currentText().contains(QStringLiteral("fast-canary")));
        // Kept in the workspace's torii.yaml.
        QCOMPARE(window->workspace()->studioSettings().scenarios,
                 std::vector<std::string>{"fast-canary.scenario.yaml"});

        QSignalSpy finished(panel, &Gui::TrafficPanel::runFinished);
        Gui::TrafficSettings settings;
        settings.concurrency = 4;
        settings.durationSeconds = 3.0;
        QVERIFY2(panel->startTraffic(settings, &error), qPrintable(error));
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.first().first().toBool());

        const auto &events = panel->model()->events();
        QStringList kinds;
        for (const auto &e : events) {
            kinds << e.kind;
        }
        QVERIFY2(kinds.count(QStringLiteral("step")) == 2, qPrintable(kinds.join(u',')));
        QVERIFY2(kinds.contains(QStringLiteral("rollback")), qPrintable(kinds.join(u',')));
        QCOMPARE(events.front().seconds, 0.0);
        QVERIFY(events.at(1).seconds >= 0.5);
        auto *list = panel->findChild<QListWidget *>(QStringLiteral("trafficEvents"));
        QCOMPARE(list->count(), int(events.size()));
        // The canary failed with 503 after 0.5 s: counted as errors of its row.
        QVERIFY(errorsOf(panel->model(), QStringLiteral("webapp/webapp-canary")) > 0);
        // The configured shares follow the swapped weights: after the rollback the canary's
        // weight in the weighted rule is 0 (in the workspace it is 5, and 100 in the header rule;
        // no canary row is configured at 0 % before the rollback), though it answered there.
        bool followed = false;
        const TrafficModel *model = panel->model();
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->index(r, TrafficModel::BackendColumn).data().toString() == QLatin1String("webapp/webapp-canary")
                && model->index(r, TrafficModel::RequestsColumn).data(TrafficModel::NumberRole).toDouble() > 0) {
                followed = followed
                           || model->index(r, TrafficModel::ConfiguredColumn).data(TrafficModel::NumberRole).toDouble() == 0.0;
            }
        }
        QVERIFY(followed);
        // Vertical markers on the requests/s chart, one per event.
        int markers = 0;
        for (QAbstractSeries *s : panel->charts()->rateView()->chart()->series()) {
            for (const auto &e : events) {
                markers += s->name() == e.text ? 1 : 0;
            }
        }
        QCOMPARE(markers, int(events.size()));
        // The run is over: the workspace's design and behaviour are served again.
        for (const auto &r : window->liveRun()->session()->status().resources) {
            if (r.kind == "HTTPRoute" && r.name == "ab-testing-route") {
                for (const auto &rule : r.object["spec"]["rules"].items()) {
                    if (rule["name"].str() == "weighted") {
                        QCOMPARE(rule["backendRefs"].items().at(0)["weight"].asInt(), std::int64_t(95));
                    }
                }
            }
        }

        // A look at it (QWidget::grab).
        window->resize(1600, 1000);
        auto *panels = window->findChild<QTabWidget *>(QStringLiteral("bottomTabs"));
        QVERIFY(panels);
        panels->setCurrentWidget(panel);
        if (auto *dock = window->findChild<QDockWidget *>(QStringLiteral("panelsDock"))) {
            dock->show();
            window->resizeDocks({dock}, {700}, Qt::Vertical);
        }
        QTest::qWait(300);
        QVERIFY(panel->width() > 600);
        QVERIFY(panel->grab().save(QStringLiteral("/tmp/torii-traffic-scenario.png")));
        window->stopGateway();
    }

    void errorRateFromThePanelIsCounted()
    {
        auto window = TestSupport::openWindow(m_dir->path());
        QVERIFY(window);
        auto *panel = window->findChild<Gui::TrafficPanel *>(QStringLiteral("trafficPanel"));
        QVERIFY(window->startGateway());
        auto *service = panel->findChild<QComboBox *>(QStringLiteral("behaviourService"));
        const QString stable = QStringLiteral("webapp/webapp-stable");
        QVERIFY(service->findText(stable) >= 0);

        // A short run first: no errors from the stable backend.
        QSignalSpy finished(panel, &Gui::TrafficPanel::runFinished);
        Gui::TrafficSettings settings;
        settings.concurrency = 4;
        settings.durationSeconds = 1.0;
        QString error;
        QVERIFY2(panel->startTraffic(settings, &error), qPrintable(error));
        QVERIFY(finished.wait(20000));
        QVERIFY(panel->model()->requestsOf(stable) > 0);
        QCOMPARE(errorsOf(panel->model(), stable), std::uint64_t(0));

        // Half its answers fail with 502, set through the controls.
        service->setCurrentIndex(service->findText(stable));
        panel->findChild<QDoubleSpinBox *>(QStringLiteral("behaviourErrorRate"))->setValue(50.0);
        panel->findChild<QSpinBox *>(QStringLiteral("behaviourErrorStatus"))->setValue(502);
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("behaviourApply")), Qt::LeftButton);
        const Workspace::BackendSettings *kept = window->workspace()->studioSettings().backend(stable.toStdString());
        QVERIFY(kept);
        QCOMPARE(kept->errorRate, 0.5);
        QCOMPARE(kept->errorStatus, 502);
        QVERIFY(readAll(m_dir->filePath(QStringLiteral("torii.yaml"))).contains("errorStatus: 502"));

        finished.clear();
        QVERIFY2(panel->startTraffic(settings, &error), qPrintable(error));
        QVERIFY(finished.wait(20000));
        const std::uint64_t requests = panel->model()->requestsOf(stable);
        const std::uint64_t errors = errorsOf(panel->model(), stable);
        QVERIFY(requests > 20);
        QVERIFY2(errors > requests / 5 && errors < requests, qPrintable(QStringLiteral("%1 of %2").arg(errors).arg(requests)));

        // Restarted, the gateway takes the behaviour from torii.yaml again.
        window->stopGateway();
        QVERIFY(window->startGateway());
        finished.clear();
        QVERIFY2(panel->startTraffic(settings, &error), qPrintable(error));
        QVERIFY(finished.wait(20000));
        QVERIFY(errorsOf(panel->model(), stable) > 0);
        window->stopGateway();
    }

    void exportsChartsAndData()
    {
        auto window = TestSupport::openWindow(m_dir->path());
        QVERIFY(window);
        auto *panel = window->findChild<Gui::TrafficPanel *>(QStringLiteral("trafficPanel"));
        panel->parentWidget()->show();
        QSignalSpy finished(panel, &Gui::TrafficPanel::runFinished);
        Gui::TrafficSettings settings;
        settings.concurrency = 2;
        settings.durationSeconds = 1.0;
        QString error;
        QVERIFY2(panel->startTraffic(settings, &error), qPrintable(error));
        QVERIFY(finished.wait(20000));
        // The histogram counts every answer with a status.
        std::uint64_t binned = 0;
        for (std::uint64_t n : panel->model()->latencyBins()) {
            binned += n;
        }
        QVERIFY(binned > 0);
        QVERIFY(binned <= panel->model()->totalRequests());

        QTemporaryDir out;
        for (int chart = 0; chart < 4; ++chart) {
            const QString png = out.filePath(QStringLiteral("chart%1.png").arg(chart));
            QVERIFY2(panel->exportChart(chart, png, &error), qPrintable(error));
            const QImage image(png);
            QVERIFY(!image.isNull() && image.width() > 100);
            const QString svg = out.filePath(QStringLiteral("chart%1.svg").arg(chart));
            QVERIFY2(panel->exportChart(chart, svg, &error), qPrintable(error));
            QXmlStreamReader xml(readAll(svg));
            int elements = 0;
            QString root;
            while (!xml.atEnd()) {
                if (xml.readNext() == QXmlStreamReader::StartElement) {
                    if (root.isEmpty()) {
                        root = xml.name().toString();
                    }
                    ++elements;
                }
            }
            QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
            QCOMPARE(root, QStringLiteral("svg"));
            QVERIFY(elements > 10);
        }
        QVERIFY(!panel->exportChart(0, out.filePath(QStringLiteral("chart.bmp")), &error));
        QVERIFY(!error.isEmpty());

        const QString csv = out.filePath(QStringLiteral("traffic.csv"));
        QVERIFY2(panel->exportCsv(csv, &error), qPrintable(error));
        const QList<QByteArray> lines = readAll(csv).split('\n');
        QCOMPARE(lines.first(), QByteArray("resolution_ms,dimension,key,start_ms,requests,none,1xx,2xx,3xx,4xx,5xx,"
                                           "bytes,p50_ms,p90_ms,p99_ms,p999_ms,max_ms"));
        int backendRows = 0;
        std::uint64_t requests = 0;
        for (const QByteArray &line : lines.mid(1)) {
            const QList<QByteArray> fields = line.split(',');
            if (fields.size() == 17 && fields[1] == "backend") {
                ++backendRows;
            }
            if (fields.size() == 17 && fields[1] == "rule") {
                requests += fields[4].toULongLong();
            }
        }
        QVERIFY(backendRows > 0);
        QCOMPARE(requests, panel->model()->totalRequests());
        window->stopGateway();
    }
};

QTEST_MAIN(TestStudioRun)
#include "tst_gui_studio_run.moc"
