// toriictl status and routes as a user runs them: the real binary on a project-owned design,
// golden text (regenerate with TORII_UPDATE_GOLDEN=1 after checking the difference), YAML and
// JSON shapes, exit codes.
#include "common/toriictl_run.h"

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

class TestCliStatus : public QObject
{
    Q_OBJECT

private slots:
    void golden_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("golden");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("status") << QStringList{"status", "design.yaml"} << "status.txt" << 1;
        QTest::newRow("routes") << QStringList{"routes", "design.yaml"} << "routes.txt" << 0;
        QTest::newRow("explain header")
            << QStringList{"routes", "--explain", "GET", "http://shop.example.com/", "-H",
                           "x-beta: 1", "design.yaml"}
            << "explain-header.txt" << 0;
        QTest::newRow("explain 404")
            << QStringList{"routes", "--explain", "POST", "http://shop.example.com/checkout",
                           "design.yaml"}
            << "explain-404.txt" << 0;
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

    // -o json is a v1 List of the objects with their computed status.
    void jsonList()
    {
        const Run run = toriictl({"status", "-o", "json", "design.yaml"});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject list = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(list.value("kind").toString(), QStringLiteral("List"));
        const QJsonArray items = list.value("items").toArray();
        QCOMPARE(items.size(), 5);
        const QJsonObject blog = items.at(4).toObject();
        QCOMPARE(blog.value("metadata").toObject().value("name").toString(), QStringLiteral("blog"));
        const QJsonArray conditions = blog.value("status").toObject().value("parents").toArray()
                                          .at(0).toObject().value("conditions").toArray();
        bool notAllowed = false;
        for (const QJsonValue &c : conditions) {
            notAllowed = notAllowed
                         || (c.toObject().value("type") == QStringLiteral("Accepted")
                             && c.toObject().value("reason") == QStringLiteral("NotAllowedByListeners"));
        }
        QVERIFY(notAllowed);
    }

    // -o yaml: multi-document, each object with its status, kubectl's key order.
    void yamlDocuments()
    {
        const Run run = toriictl({"status", "-o", "yaml", "design.yaml"});
        QCOMPARE(run.out.count("\n---\n") + 1, 5);
        QVERIFY(run.out.startsWith("apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\n"));
        QVERIFY(run.out.contains("status:\n  conditions:\n"));
        QVERIFY(run.out.contains("reason: RefNotPermitted"));
    }
};

QTEST_GUILESS_MAIN(TestCliStatus)
#include "tst_cli_status.moc"
