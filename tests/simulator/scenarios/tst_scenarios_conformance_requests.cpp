// Every test of the conformance corpus (../shared/conformance/cases), run as `toriictl test
// --conformance` (without --status-only) runs it: the status half, then each HTTP request sent
// through the live local gateway (app/runtime's LiveEnvironment) and judged as the suite judges
// it. Any FAIL fails the test; a skip says why. At the end: passed/run per case file, and the
// skip reasons grouped with their counts.
#include "conformance_corpus.h"

#include "app/runtime/live_environment.h"
#include "simulator/scenarios/case_runner.h"
#include "simulator/scenarios/route_test_case.h"

#include <QtCore/QFileInfo>
#include <QtTest/QTest>

#include <map>
#include <memory>

using namespace Torii;
using namespace Torii::Scenarios;

class TestScenariosConformanceRequests : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        TORII_REQUIRE_SHARED("conformance/cases");
        RunnerOptions options;
        options.conformance = true;
        options.live = &m_live;
        m_runner = std::make_unique<CaseRunner>(options);
    }

    void cases_data() { m_corpus.addRows(); }

    void cases()
    {
        QFETCH(QString, file);
        QFETCH(int, index);
        QString error;
        const RouteTest *test = m_corpus.test(file, index, &error);
        if (!test) {
            QFAIL(qPrintable(error));
        }
        const CaseResult result = m_runner->run(*test);
        TestSupport::CorpusCounts &counts = m_files[QFileInfo(file).fileName()];
        const QString reason = QString::fromStdString(result.reason.english());
        switch (result.verdict) {
        case Verdict::Pass:
            ++counts.passed;
            return;
        case Verdict::Skip:
            ++counts.skipped;
            ++m_skipReasons[reason];
            QSKIP(qPrintable(reason));
        case Verdict::Fail:
            ++counts.failed;
            QFAIL(qPrintable(reason + TestSupport::itemLog(result)));
        }
    }

    void cleanupTestCase()
    {
        if (m_files.empty()) {
            return;
        }
        TestSupport::CorpusCounts total;
        qInfo("Conformance cases with requests, per file (passed/run; skipped not run):");
        for (const auto &[file, c] : m_files) {
            qInfo("  %-64s %2d/%-2d passed, %d skipped", qPrintable(file), c.passed,
                  c.passed + c.failed, c.skipped);
            total.passed += c.passed;
            total.failed += c.failed;
            total.skipped += c.skipped;
        }
        qInfo("  %-64s %2d/%-2d passed, %d skipped", "all", total.passed,
              total.passed + total.failed, total.skipped);
        qInfo("Skipped, by reason:");
        for (const auto &[reason, count] : m_skipReasons) {
            qInfo("  %3d  %s", count, qPrintable(reason));
        }
    }

private:
    Runtime::LiveEnvironment m_live; // declared before the runner, which points to it
    std::unique_ptr<CaseRunner> m_runner;
    TestSupport::ConformanceCorpus m_corpus;
    std::map<QString, TestSupport::CorpusCounts> m_files;
    std::map<QString, int> m_skipReasons;
};

QTEST_GUILESS_MAIN(TestScenariosConformanceRequests)
#include "tst_scenarios_conformance_requests.moc"
