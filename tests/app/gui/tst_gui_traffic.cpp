// The Traffic panel against the studio's live gateway (real sockets on 127.0.0.1): a run of
// about a second is counted per backend in the chart's model, the counts agree with what the
// gateway itself served, the charts get the points, and a long run can be cancelled.
#include "app/gui/mainwindow/main_window.h"
#include "app/gui/run/live_run.h"
#include "app/gui/traffic/traffic_charts.h"
#include "app/gui/traffic/traffic_model.h"
#include "app/gui/traffic/traffic_panel.h"
#include "app/runtime/serve_session.h"
#include "demo_workspace.h"
#include "traffic_table_sum.h"

#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QXYSeries>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>

using namespace Torii;
using Gui::TrafficModel;

namespace {

// The sum of the Requests column over the rows of `backend`, as the table shows it.
std::uint64_t tableCount(const TrafficModel *model, const QString &backend)
{
    return TestSupport::tableSum(model, backend, TrafficModel::RequestsColumn);
}

} // namespace

class TestTraffic : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY2(TestSupport::copyDemo(*m_dir), "resources/demo not found");
    }

    void countsEveryAnswerPerBackend()
    {
        auto window = TestSupport::openWindow(m_dir->path());
        QVERIFY(window);
        auto *panel = window->findChild<Gui::TrafficPanel *>(QStringLiteral("trafficPanel"));
        QVERIFY(panel);
        QVERIFY(window->startGateway());

        QSignalSpy finished(panel, &Gui::TrafficPanel::runFinished);
        Gui::TrafficSettings settings;
        settings.concurrency = 4;
        settings.durationSeconds = 1.0;
        QString error;
        QVERIFY2(panel->startTraffic(settings, &error), qPrintable(error));
        QVERIFY(panel->isRunning());
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().toBool(), true);
        QVERIFY(!panel->isRunning());

        const TrafficModel *model = panel->model();
        QVERIFY(model->totalRequests() > 0);
        QVERIFY(model->points().size() >= 3); // a tick every 250 ms over about a second
        // The demo's canary rule splits 95/5 between stable and canary; the header rule sends
        // testers to the canary: both answer in any run of this length.
        const QString stable = QStringLiteral("webapp/webapp-stable");
        const QString canary = QStringLiteral("webapp/webapp-canary");
        QVERIFY(model->backends().contains(stable));
        QVERIFY(model->requestsOf(stable) > 0);
        QVERIFY(model->requestsOf(canary) > 0);

        // What the table counts is what the gateway served, backend by backend.
        const Runtime::TrafficSummary served = window->liveRun()->session()->summary();
        std::uint64_t attributed = 0;
        for (const QString &backend : model->backends()) {
            std::uint64_t gateway = 0; // the gateway counts "namespace/service:port"
            for (const auto &[key, count] : served.byBackend) {
                if (key.rfind(backend.toStdString() + ':', 0) == 0) {
                    gateway += std::uint64_t(count);
                }
            }
            QCOMPARE(model->requestsOf(backend), gateway);
            QCOMPARE(tableCount(model, backend), gateway);
            attributed += gateway;
        }
        QVERIFY(attributed > 0);
        QVERIFY(attributed <= model->totalRequests());

        // The charts were drawn from the model: a band per backend, and the latency lines.
        auto *charts = panel->charts();
        QVERIFY(!charts->rateView()->chart()->series().isEmpty());
        auto *p50 = qobject_cast<QXYSeries *>(charts->latencyView()->chart()->series().first());
        QVERIFY(p50);
        QCOMPARE(std::size_t(p50->count()), model->points().size());
        QVERIFY(charts->verdictLabel()->text().contains(QStringLiteral("ab-testing-route")));
        window->stopGateway();
    }

    void cancelsALongRun()
    {
        auto window = TestSupport::openWindow(m_dir->path());
        QVERIFY(window);
        auto *panel = window->findChild<Gui::TrafficPanel *>(QStringLiteral("trafficPanel"));
        QVERIFY(panel);
        // No gateway yet: the panel starts it (as the toolbar's Run would).
        QVERIFY(!window->liveRun()->isRunning());
        QSignalSpy finished(panel, &Gui::TrafficPanel::runFinished);
        Gui::TrafficSettings settings;
        settings.openLoop = true;
        settings.rate = 300;
        settings.durationSeconds = 60.0;
        QString error;
        QVERIFY2(panel->startTraffic(settings, &error), qPrintable(error));
        QVERIFY(window->liveRun()->isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(panel->model()->totalRequests() > 0, 10000);
        auto *cancel = panel->findChild<QPushButton *>(QStringLiteral("trafficCancel"));
        QVERIFY(cancel && cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QVERIFY(!panel->isRunning());
        QVERIFY(panel->model()->totalRequests() > 0);
        auto *state = panel->findChild<QLabel *>(QStringLiteral("trafficState"));
        QVERIFY(state && state->text().startsWith(QStringLiteral("Cancelled after")));
        // Another run; a start while it goes is refused.
        QVERIFY2(panel->startTraffic(settings, &error), qPrintable(error));
        QString second;
        QVERIFY(!panel->startTraffic(settings, &second));
        QVERIFY(!second.isEmpty());
        window->stopGateway(); // stopping the gateway cancels the run
        QVERIFY(finished.wait(10000));
    }
};

QTEST_MAIN(TestTraffic)
#include "tst_gui_traffic.moc"
