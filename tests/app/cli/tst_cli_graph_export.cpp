// toriictl graph and export as a user runs them: the real binary, golden DOT and YAML
// (regenerate with TORII_UPDATE_GOLDEN=1 after checking the difference), PNG/SVG output, the
// split modes into a folder, private keys only with --include-secrets, exit codes.
#include "common/toriictl_run.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

namespace {

using Run = TestSupport::ToriictlRun;

Run toriictl(const QStringList &arguments)
{
    return TestSupport::runToriictl(arguments, QStringLiteral(TORII_TEST_DATA_DIR "/cli"));
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const QString kDemo = QStringLiteral(TORII_SOURCE_DIR "/resources/demo");

} // namespace

class TestCliGraphExport : public QObject
{
    Q_OBJECT

private slots:
    void golden_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("golden");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("graph dot") << QStringList{"graph", "design.yaml"} << "graph.dot" << 0;
        QTest::newRow("graph roles") << QStringList{"graph", "--roles", "design.yaml"}
                                     << "graph-roles.dot" << 0;
        QTest::newRow("export") << QStringList{"export", "design.yaml"} << "export.yaml" << 0;
    }

    void golden()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, golden);
        QFETCH(int, exitCode);
        const Run run = toriictl(arguments);
        QCOMPARE(run.exitCode, exitCode);
        const QString path = QStringLiteral(TORII_GOLDEN_DIR "/") + golden;
        QFile f(path);
        if (qEnvironmentVariable("TORII_UPDATE_GOLDEN") == QLatin1String("1")) {
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(run.out);
            return;
        }
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        QCOMPARE(QString::fromUtf8(run.out), QString::fromUtf8(f.readAll()));
    }

    // The refused references of design.yaml are drawn dashed and labelled with their reasons.
    void graphShowsReasons()
    {
        const Run run = toriictl({"graph", "design.yaml"});
        QVERIFY(run.out.contains("label=\"NotAllowedByListeners\""));
        QVERIFY(run.out.contains("RefNotPermitted"));
        QVERIFY(run.out.contains("BackendNotFound"));
    }

    void graphRenders()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath("g.png");
        Run run = toriictl({"graph", "-o", "png", "--roles", "--output", png, kDemo});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(readAll(png).startsWith("\x89PNG\r\n"));
        run = toriictl({"graph", "-o", "svg", kDemo});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("<svg"));
        run = toriictl({"graph", "-o", "gif", kDemo});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("unknown output format"));
        QCOMPARE(toriictl({"graph", "no-such-file.yaml"}).exitCode, 2);
    }

    void exportSplitByRole()
    {
        QTemporaryDir dir;
        const Run run = toriictl({"export", "--split", "role", "--output", dir.path(), kDemo});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 (QStringList{"01-infrastructure-provider.yaml", "02-cluster-operator.yaml",
                              "03-application-developer.yaml"}));
        QVERIFY(readAll(dir.filePath("01-infrastructure-provider.yaml")).contains("kind: GatewayClass"));
        const QByteArray operatorFile = readAll(dir.filePath("02-cluster-operator.yaml"));
        QVERIFY(operatorFile.startsWith("apiVersion: v1\nkind: Namespace\n"));
        QVERIFY(!operatorFile.contains("tls.key"));
        QVERIFY(run.err.contains("export.secret-excluded"));
        QVERIFY(run.err.contains("wildcard-example-com-tls"));
    }

    void exportSplitByKindWithSecrets()
    {
        QTemporaryDir dir;
        const Run run = toriictl({"export", "--split", "kind", "--include-secrets", "--output",
                                  dir.path(), kDemo});
        QCOMPARE(run.exitCode, 0);
        const QStringList files = QDir(dir.path()).entryList(QDir::Files);
        QCOMPARE(files.first(), QStringLiteral("00-namespace.yaml"));
        QVERIFY(files.contains(QStringLiteral("02-secret.yaml")));
        QVERIFY(files.contains(QStringLiteral("07-httproute.yaml")));
        QVERIFY(readAll(dir.filePath("02-secret.yaml")).contains("tls.key"));
        QVERIFY(!run.err.contains("export.secret-excluded"));
    }

    void exportToOneFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("all.yaml");
        const Run run = toriictl({"export", "--output", file, "design.yaml"});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(readAll(file), toriictl({"export", "design.yaml"}).out);
    }

    void exportWarnsAndRefuses()
    {
        // Invalid objects: exported, but the cluster will reject them (exit 1).
        Run run = toriictl({"export", "mistakes.yaml"});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("export.rejected"));
        // Unreadable input: nothing is written.
        run = toriictl({"export", "broken.yaml"});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(toriictl({"export", "--split", "kind", "design.yaml"}).exitCode, 2);
        QCOMPARE(toriictl({"export", "--split", "team", "--output", "x", "design.yaml"}).exitCode, 2);
        QCOMPARE(toriictl({"export", "--channel", "beta", "design.yaml"}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliGraphExport)
#include "tst_cli_graph_export.moc"
