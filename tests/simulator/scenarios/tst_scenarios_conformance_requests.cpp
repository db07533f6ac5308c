// Every test of the conformance corpus (../shared/conformance/cases), run as `toriictl test
// --conformance` (without --status-only) runs it: the status half, then each HTTP request sent
// through the live local gateway (app/runtime's LiveEnvironment) and judged as the suite judges
// it. Any FAIL fails the test; a skip says why. At the end: passed/run per case file, and the
// skip reasons grouped with their counts.
#include "common/shared_corpus.h"

#include "app/runtime/live_environment.h"
#include "simulator/scenarios/case_runner.h"
#include "simulator/scenarios/route_test_case.h"

#include <QtCore/QFileInfo>
#include <QtTest/QTest>

#include <map>
#include <memory>

using namespace Torii;
using namespace Torii::Scenarios;

namespace {

struct Counts
{
    int passed = 0;
    int failed = 0;
    int skipped = 0;
};

QString itemLog(const CaseResult &result)
{
    QString out;
    for (const ItemResult &item : result.items) {
        out += QStringLiteral("\n  %1 line %2: [%3] %4")
                   .arg(QString::fromLatin1(verdictName(item.result.verdict)))
                   .arg(item.mark.line)
                   .arg(QString::fromStdString(item.what),
                        QString::fromStdString(item.result.english()));
    }
    return out;
}

} // namespace

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

    void cases_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("index");
        const QString dir = Test::sharedPath(QStringLiteral("conformance/cases"));
        for (const QString &file : Test::yamlFilesUnder(dir)) {
            const RouteTestFile &parsed = parsedFile(file);
            if (parsed.tests.empty()) {
                QTest::newRow(qPrintable(QFileInfo(file).fileName())) << file << -1;
            }
            for (std::size_t i = 0; i < parsed.tests.size(); ++i) {
                QTest::newRow(parsed.tests[i].name.c_str()) << file << static_cast<int>(i);
            }
        }
    }

    void cases()
    {
        QFETCH(QString, file);
        QFETCH(int, index);
        const RouteTestFile &parsed = parsedFile(file);
        if (parsed.hasErrors() || index < 0) {
            QString text;
            for (const Core::Diagnostic &d : parsed.diagnostics) {
                text += QString::fromStdString(d.toCompilerStyle()) + QLatin1Char('\n');
            }
            QFAIL(qPrintable(QStringLiteral("cannot read %1:\n%2").arg(file, text)));
        }
        const CaseResult result = m_runner->run(parsed.tests[static_cast<std::size_t>(index)]);
        Counts &counts = m_files[QFileInfo(file).fileName()];
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
            QFAIL(qPrintable(reason + itemLog(result)));
        }
    }

    void cleanupTestCase()
    {
        if (m_files.empty()) {
            return;
        }
        Counts total;
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
    const RouteTestFile &parsedFile(const QString &file)
    {
        auto it = m_parsed.find(file);
        if (it == m_parsed.end()) {
            it = m_parsed.emplace(file, parseRouteTestFile(file.toStdString())).first;
        }
        return it->second;
    }

    Runtime::LiveEnvironment m_live; // declared before the runner, which points to it
    std::unique_ptr<CaseRunner> m_runner;
    std::map<QString, RouteTestFile> m_parsed;
    std::map<QString, Counts> m_files;
    std::map<QString, int> m_skipReasons;
};

QTEST_GUILESS_MAIN(TestScenariosConformanceRequests)
#include "tst_scenarios_conformance_requests.moc"
