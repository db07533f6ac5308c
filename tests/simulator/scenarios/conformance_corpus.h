#pragma once

// What the two conformance-corpus tests share (status only, and with requests): one row per test
// of ../shared/conformance/cases, each case file parsed once, and the per-item log printed with
// a failure.

#include "common/shared_corpus.h"

#include "simulator/scenarios/case_runner.h"
#include "simulator/scenarios/route_test_case.h"

#include <QtCore/QFileInfo>
#include <QtTest/QTest>

#include <map>

namespace Torii::Scenarios::TestSupport {

struct CorpusCounts
{
    int passed = 0;
    int failed = 0;
    int skipped = 0;
};

inline QString itemLog(const CaseResult &result)
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

class ConformanceCorpus
{
public:
    const RouteTestFile &parsed(const QString &file)
    {
        auto it = m_parsed.find(file);
        if (it == m_parsed.end()) {
            it = m_parsed.emplace(file, parseRouteTestFile(file.toStdString())).first;
        }
        return it->second;
    }

    // Columns "file" and "index"; a file that did not parse still gets a row (index -1), which
    // fails with its diagnostics.
    void addRows()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("index");
        const QString dir = Test::sharedPath(QStringLiteral("conformance/cases"));
        for (const QString &file : Test::yamlFilesUnder(dir)) {
            const RouteTestFile &p = parsed(file);
            if (p.tests.empty()) {
                QTest::newRow(qPrintable(QFileInfo(file).fileName())) << file << -1;
            }
            for (std::size_t i = 0; i < p.tests.size(); ++i) {
                QTest::newRow(p.tests[i].name.c_str()) << file << static_cast<int>(i);
            }
        }
    }

    // The test of a row, or nullptr with `error` set to the file's diagnostics.
    const RouteTest *test(const QString &file, int index, QString *error)
    {
        const RouteTestFile &p = parsed(file);
        if (p.hasErrors() || index < 0) {
            QString text;
            for (const Core::Diagnostic &d : p.diagnostics) {
                text += QString::fromStdString(d.toCompilerStyle()) + QLatin1Char('\n');
            }
            *error = QStringLiteral("cannot read %1:\n%2").arg(file, text);
            return nullptr;
        }
        return &p.tests[static_cast<std::size_t>(index)];
    }

private:
    std::map<QString, RouteTestFile> m_parsed;
};

} // namespace Torii::Scenarios::TestSupport
