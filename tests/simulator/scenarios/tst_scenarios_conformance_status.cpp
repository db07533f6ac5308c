// Every test of the conformance corpus (../shared/conformance/cases), run as `toriictl test
// --conformance --status-only` runs it: the status Torii's controller computes must meet every
// status assertion of every simulated case. Cluster-only cases and cases needing an unclaimed
// feature are skipped with the reason. At the end, passes per family (the file-name prefixes
// cases/FAMILIES.md groups the cases by: httproute, gateway, grpcroute, tlsroute, …).
#include "conformance_corpus.h"

#include "simulator/scenarios/case_runner.h"
#include "simulator/scenarios/route_test_case.h"

#include <QtCore/QFileInfo>
#include <QtTest/QTest>

#include <map>
#include <memory>

using namespace Torii;
using namespace Torii::Scenarios;

namespace {

// "httproute-simple-same-namespace.yaml" → "httproute".
QString familyOf(const QString &file)
{
    const QString base = QFileInfo(file).completeBaseName();
    const int dash = base.indexOf(QLatin1Char('-'));
    return dash < 0 ? base : base.left(dash);
}

} // namespace

class TestScenariosConformanceStatus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        TORII_REQUIRE_SHARED("conformance/cases");
        RunnerOptions options;
        options.conformance = true;
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
        TestSupport::CorpusCounts &counts = m_families[familyOf(file)];
        const QString reason = QString::fromStdString(result.reason.english());
        switch (result.verdict) {
        case Verdict::Pass:
            ++counts.passed;
            return;
        case Verdict::Skip:
            ++counts.skipped;
            QSKIP(qPrintable(reason));
        case Verdict::Fail:
            ++counts.failed;
            QFAIL(qPrintable(reason + TestSupport::itemLog(result)));
        }
    }

    void cleanupTestCase()
    {
        if (m_families.empty()) {
            return;
        }
        TestSupport::CorpusCounts total;
        qInfo("Conformance status checks per family (passed/run; skipped not run):");
        for (const auto &[family, c] : m_families) {
            qInfo("  %-18s %3d/%-3d passed, %d skipped", qPrintable(family), c.passed,
                  c.passed + c.failed, c.skipped);
            total.passed += c.passed;
            total.failed += c.failed;
            total.skipped += c.skipped;
        }
        qInfo("  %-18s %3d/%-3d passed, %d skipped", "all", total.passed,
              total.passed + total.failed, total.skipped);
    }

private:
    std::unique_ptr<CaseRunner> m_runner;
    TestSupport::ConformanceCorpus m_corpus;
    std::map<QString, TestSupport::CorpusCounts> m_families;
};

QTEST_GUILESS_MAIN(TestScenariosConformanceStatus)
#include "tst_scenarios_conformance_status.moc"
