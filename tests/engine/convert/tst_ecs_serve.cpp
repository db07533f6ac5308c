// The converted ECS output runs: for every task definition in ../shared/fixtures/ecs,
// `toriictl convert ecs` writes the objects, `toriictl serve` starts them (the Deployment's pods
// as mock backends), and a request to every HTTP listener of the generated Gateway is answered
// by the Service its HTTPRoute names. Black box over the real binary and real sockets on
// 127.0.0.1, with the serve tests' harness.

#include "common/shared_corpus.h"

#include "app/serve/serve_harness.h"
#include "engine/yaml/yaml_loader.h"

#include <QtCore/QDirIterator>
#include <QtCore/QTemporaryDir>

using namespace Torii;
using Torii::Test::RawConnection;
using Torii::Test::ServeProcess;

class TstEcsServe : public QObject
{
    Q_OBJECT

private slots:
    void convertedTaskDefinitionsServe_data();
    void convertedTaskDefinitionsServe();
};

void TstEcsServe::convertedTaskDefinitionsServe_data()
{
    QTest::addColumn<QString>("file");
    const QString root = Test::sharedPath(QStringLiteral("fixtures/ecs"));
    QDirIterator it(root, {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = QDir(root).relativeFilePath(path);
        if (!rel.startsWith(QLatin1String("alb/")) && !rel.startsWith(QLatin1String("LICENSES/"))) {
            files << rel;
        }
    }
    files.sort();
    for (const QString &rel : files) {
        QTest::newRow(qPrintable(rel)) << root + QLatin1Char('/') + rel;
    }
}

void TstEcsServe::convertedTaskDefinitionsServe()
{
    TORII_REQUIRE_SHARED(QStringLiteral("fixtures/ecs"));
    QFETCH(QString, file);

    QProcess convert;
    convert.setProgram(QStringLiteral(TORIICTL_PATH));
    convert.setArguments({QStringLiteral("convert"), QStringLiteral("ecs"), file});
    convert.start();
    QVERIFY(convert.waitForFinished(60000));
    const QByteArray yaml = convert.readAllStandardOutput();
    QVERIFY2(convert.exitCode() == 0, convert.readAllStandardError().constData());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString converted = dir.filePath(QStringLiteral("converted.yaml"));
    QFile out(converted);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(yaml);
    out.close();

    // What to ask: each HTTPRoute's Gateway listener and the Service it sends to.
    struct Expectation
    {
        QString gateway;
        int port = 0;
        QString service;
    };
    std::vector<Expectation> expectations;
    std::map<std::pair<std::string, std::string>, int> listenerPorts; // (gateway, name) → port
    const Yaml::LoadResult loaded = Yaml::loadText(yaml.toStdString(), "converted.yaml");
    QVERIFY(!loaded.fatal);
    for (const auto &doc : loaded.documents) {
        if (doc.root["kind"].str() == "Gateway") {
            for (const auto &l : doc.root.at("spec.listeners")->items()) {
                listenerPorts[{doc.root["metadata"]["name"].str(), l["name"].str()}] =
                    int(l["port"].asInt());
            }
        }
    }
    for (const auto &doc : loaded.documents) {
        if (doc.root["kind"].str() != "HTTPRoute") {
            continue;
        }
        const auto &parent = doc.root.at("spec.parentRefs")->items().at(0);
        const auto &backend = doc.root.at("spec.rules")->items().at(0)["backendRefs"].items().at(0);
        expectations.push_back(
            {QStringLiteral("default/") + QString::fromStdString(parent["name"].str()),
             listenerPorts[{parent["name"].str(), parent["sectionName"].str()}],
             QString::fromStdString(backend["name"].str())});
    }

    if (expectations.empty()) {
        // Torii serves HTTP listeners (TCP/UDP come later): nothing here to start.
        qInfo("%s exposes no HTTP port; nothing to serve", qPrintable(file));
        return;
    }
    ServeProcess serve;
    QVERIFY2(serve.start({QStringLiteral("--any-port"), QStringLiteral("--accept-all-classes"),
                          QStringLiteral("--duration"), QStringLiteral("300"), converted}),
             serve.output().constData());
    for (const Expectation &e : expectations) {
        const quint16 port = serve.port(e.gateway, e.port);
        QVERIFY2(port != 0,
                 qPrintable(e.gateway + QStringLiteral(" listener %1 not served\n").arg(e.port) +
                            QString::fromUtf8(serve.output())));
        RawConnection connection(port);
        QVERIFY(connection.connected());
        QVERIFY(connection.send("GET /ecs/check HTTP/1.1\r\nHost: app.example.com\r\n"
                                "Connection: close\r\n\r\n"));
        const auto response = connection.read();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        // The mock pods are named <service>-<hash>-<hash> (as tests/app/serve reads them).
        const QString pod = response->json().value(QStringLiteral("pod")).toString();
        QCOMPARE(pod.section(QLatin1Char('-'), 0, -3), e.service);
    }
}

QTEST_GUILESS_MAIN(TstEcsServe)
#include "tst_ecs_serve.moc"
