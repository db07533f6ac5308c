// The guide Torii grew from (../shared/fixtures/seed, one code block per file): every YAML/JSON
// block loads, and Torii says what the guide deserves — its v1beta1/v1alpha2 objects are
// upgraded with a warning, its annotations that no implementation reads are flagged with the
// real field, and its ${...} placeholders are called out.
#include "common/shared_corpus.h"

#include "app/runtime/validation_run.h"

#include <QtCore/QFile>
#include <QtCore/QRegularExpression>
#include <QtTest/QTest>

using namespace Torii;

namespace {

// 1-based line numbers of the lines of `file` matching `re`.
QList<int> linesMatching(const QString &file, const QRegularExpression &re)
{
    QFile f(file);
    QList<int> lines;
    if (!f.open(QIODevice::ReadOnly)) {
        return lines;
    }
    int n = 0;
    while (!f.atEnd()) {
        ++n;
        if (re.match(QString::fromUtf8(f.readLine())).hasMatch()) {
            lines << n;
        }
    }
    return lines;
}

QStringList seedFiles()
{
    QStringList out;
    const QDir dir(Test::sharedPath("fixtures/seed"));
    for (const QString &name : dir.entryList({"*.yaml", "*.json"}, QDir::Files, QDir::Name)) {
        out << dir.filePath(name);
    }
    return out;
}

} // namespace

class TestConformanceSeed : public QObject
{
    Q_OBJECT

private slots:
    // Every block that holds manifests loads. A block that is not YAML at all (the guide's first
    // block is a diagram of the hierarchy, labelled yaml) gets a syntax error with a position
    // and a hint, as kubectl's parser (a libyaml port) would reject it too.
    void everyBlockLoads()
    {
        TORII_REQUIRE_SHARED("fixtures/seed");
        int objects = 0;
        int notYaml = 0;
        for (const QString &file : seedFiles()) {
            const auto run = Runtime::validatePaths({file.toStdString()});
            if (run.unreadable) {
                QFile f(file);
                QVERIFY(f.open(QIODevice::ReadOnly));
                QVERIFY2(!f.readAll().contains("apiVersion:"), qPrintable(file));
                const auto syntax =
                    std::find_if(run.diagnostics.begin(), run.diagnostics.end(),
                                 [](const auto &d) { return d.code == "yaml.syntax"; });
                QVERIFY(syntax != run.diagnostics.end());
                QVERIFY(syntax->line > 0 && !syntax->hint.empty());
                ++notYaml;
                continue;
            }
            objects += static_cast<int>(run.resources.size());
            qInfo("%s: %zu objects, %d errors, %d warnings", qPrintable(QFileInfo(file).fileName()),
                  run.resources.size(), Core::countOf(run.diagnostics, Core::Severity::Error),
                  Core::countOf(run.diagnostics, Core::Severity::Warning));
        }
        QVERIFY(objects > 40);
        QVERIFY(notYaml <= 1);
    }

    void olderVersionsAreUpgradedWithAWarning()
    {
        TORII_REQUIRE_SHARED("fixtures/seed");
        const QRegularExpression old(QStringLiteral(
            "^\\s*apiVersion:\\s*gateway\\.networking\\.k8s\\.io/(v1beta1|v1alpha2)\\s*$"));
        for (const QString &file : seedFiles()) {
            const QList<int> expected = linesMatching(file, old);
            const auto run = Runtime::validatePaths({file.toStdString()});
            QList<int> warned;
            for (const auto &d : run.diagnostics) {
                if (d.code == "lint.api-version" || d.code == "api-version.unserved") {
                    QCOMPARE(d.severity, Core::Severity::Warning);
                    warned << d.line;
                }
            }
            QCOMPARE(warned, expected);
        }
    }

    void annotationsThatDoNothingPointToTheRealField()
    {
        TORII_REQUIRE_SHARED("fixtures/seed");
        const QString file = Test::sharedPath("fixtures/seed/33.yaml");
        const QList<int> lines = linesMatching(
            file, QRegularExpression(QStringLiteral("gateway\\.networking\\.k8s\\.io/timeout:")));
        QCOMPARE(lines.size(), 1);
        const auto run = Runtime::validatePaths({file.toStdString()});
        bool found = false;
        int annotationWarnings = 0;
        for (const auto &d : run.diagnostics) {
            if (d.code != "lint.annotation") {
                continue;
            }
            ++annotationWarnings;
            if (d.fieldPath == "metadata.annotations.gateway.networking.k8s.io/timeout") {
                found = true;
                QCOMPARE(d.line, lines.first());
                QVERIFY2(d.hint.find("timeouts.request") != std::string::npos, d.hint.c_str());
            }
        }
        QVERIFY(found);
        // 33.yaml writes eight gateway.networking.k8s.io/ annotations; none does anything.
        QCOMPARE(annotationWarnings,
                 linesMatching(file, QRegularExpression(QStringLiteral(
                                         "^\\s+gateway\\.networking\\.k8s\\.io/[a-z-]+:")))
                     .size());
    }

    void placeholdersAreCalledOut_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("tracing request id") << "27.yaml";
        QTest::newRow("debug timestamp") << "32.yaml";
    }

    void placeholdersAreCalledOut()
    {
        TORII_REQUIRE_SHARED("fixtures/seed");
        QFETCH(QString, name);
        const QString file = Test::sharedPath("fixtures/seed/" + name);
        const QList<int> expected =
            linesMatching(file, QRegularExpression(QStringLiteral("\\$\\{[^}]+\\}")));
        QVERIFY(!expected.isEmpty());
        const auto run = Runtime::validatePaths({file.toStdString()});
        QList<int> flagged;
        for (const auto &d : run.diagnostics) {
            if (d.code == "lint.placeholder") {
                flagged << d.line;
            }
        }
        QCOMPARE(flagged, expected);
    }
};

QTEST_GUILESS_MAIN(TestConformanceSeed)
#include "tst_conformance_seed.moc"
