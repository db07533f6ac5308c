// Every test of the conformance corpus (../shared/conformance/cases), run as `toriictl test
// --conformance --status-only` runs it: the status Torii's controller computes must meet every
// status assertion of every simulated case. Cluster-only cases and cases needing an unclaimed
// feature are skipped with the reason. At the end, passes per family (the file-name prefixes
// cases/FAMILIES.md groups the cases by: httproute, gateway, grpcroute, tlsroute, …).
#include "common/shared_corpus.h"

#include "simulator/scenarios/case_runner.h"
#include "simulator/scenarios/route_test_case.h"

#include <QtCore/QFileInfo>
#include <QtTest/QTest>

#include <map>
#include <memory>

using namespace Torii;
using namespace Torii::Scenarios;

namespace {

struct FamilyCounts
{
    int passed = 0;
    int failed = 0;
    int skipped = 0;
};

// "httproute-simple-same-namespace.yaml" → "httproute".
QString familyOf(const QString &file)
{
    const QString base = QFileInfo(file).completeBaseName();
    const int dash = base.indexOf(QLatin1Char('-'));
    return dash < 0 ? base : base.left(dash);
}

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

    void cases_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("index");
        const QString dir = Test::sharedPath(QStringLiteral("conformance/cases"));
        for (const QString &file : Test::yamlFilesUnder(dir)) {
            const RouteTestFile &parsed = parsedFile(file);
            if (parsed.tests.empty()) {
                // A file that did not parse still gets a row, which fails with its diagnostics.
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
        FamilyCounts &counts = m_families[familyOf(file)];
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
            QFAIL(qPrintable(reason + itemLog(result)));
        }
    }

    void cleanupTestCase()
    {
        if (m_families.empty()) {
            return;
        }
        FamilyCounts total;
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
    const RouteTestFile &parsedFile(const QString &file)
    {
        auto it = m_files.find(file);
        if (it == m_files.end()) {
            it = m_files.emplace(file, parseRouteTestFile(file.toStdString())).first;
        }
        return it->second;
    }

    std::unique_ptr<CaseRunner> m_runner;
    std::map<QString, RouteTestFile> m_files;
    std::map<QString, FamilyCounts> m_families;
};

QTEST_GUILESS_MAIN(TestScenariosConformanceStatus)
#include "tst_scenarios_conformance_status.moc"
