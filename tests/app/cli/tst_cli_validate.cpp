// toriictl validate as a user runs it: the real binary on project-owned files, compared with
// golden output, in English and Japanese, as text and JSON, with its exit codes.
#include "common/toriictl_run.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtTest/QTest>

namespace {

using Run = TestSupport::ToriictlRun;

Run toriictl(const QStringList &arguments)
{
    return TestSupport::runToriictl(arguments, QStringLiteral(TORII_TEST_DATA_DIR "/cli"));
}

} // namespace

class TestCliValidate : public QObject
{
    Q_OBJECT

private slots:
    void golden_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("golden");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("clean") << QStringList{"validate", "clean.yaml"} << "clean.txt" << 0;
        QTest::newRow("mistakes") << QStringList{"validate", "mistakes.yaml"} << "mistakes.txt"
                                  << 1;
        QTest::newRow("mistakes ja")
            << QStringList{"--lang", "ja", "validate", "mistakes.yaml"} << "mistakes.ja.txt" << 1;
        QTest::newRow("no lint") << QStringList{"validate", "--no-lint", "--no-hints",
                                                "mistakes.yaml"}
                                 << "mistakes-no-lint.txt" << 1;
        QTest::newRow("unparsable")
            << QStringList{"validate", "broken.yaml", "clean.yaml"} << "broken.txt" << 2;
    }

    void golden()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, golden);
        QFETCH(int, exitCode);
        const Run run = toriictl(arguments);
        QCOMPARE(run.exitCode, exitCode);
        const QString path = QStringLiteral(TORII_GOLDEN_DIR "/") + golden;
        if (qEnvironmentVariable("TORII_UPDATE_GOLDEN") == QLatin1String("1")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(run.out);
            return;
        }
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        QCOMPARE(QString::fromUtf8(run.out), QString::fromUtf8(f.readAll()));
    }

    void json()
    {
        const Run run = toriictl({"validate", "-o", "json", "mistakes.yaml"});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject root = QJsonDocument::fromJson(run.out).object();
        const QJsonArray diagnostics = root.value("diagnostics").toArray();
        QVERIFY(!diagnostics.isEmpty());
        bool unknownField = false;
        for (const QJsonValue &v : diagnostics) {
            const QJsonObject d = v.toObject();
            QCOMPARE(d.value("file").toString(), QStringLiteral("mistakes.yaml"));
            QVERIFY(d.value("line").toInt() > 0);
            unknownField = unknownField || (d.value("code").toString() == "schema.unknown-field" &&
                                            d.value("path").toString() == "spec.hostname" &&
                                            d.value("line").toInt() == 12);
        }
        QVERIFY(unknownField);
        QCOMPARE(root.value("summary").toObject().value("objects").toInt(), 1);
    }

    void badCommandLines_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{"frobnicate"};
        QTest::newRow("no file") << QStringList{"validate"};
        QTest::newRow("missing file") << QStringList{"validate", "nope.yaml"};
        QTest::newRow("bad format") << QStringList{"validate", "-o", "xml", "clean.yaml"};
    }

    void badCommandLines()
    {
        QFETCH(QStringList, arguments);
        const Run run = toriictl(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
    }

    void version()
    {
        const Run run = toriictl({"--version"});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith("toriictl "));
    }
};

QTEST_GUILESS_MAIN(TestCliValidate)
#include "tst_cli_validate.moc"
