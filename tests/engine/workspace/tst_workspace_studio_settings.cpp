// torii.yaml, the studio settings of a workspace: read with positions, written atomically and
// read back the same, skipped as a resource by the workspace and by toriictl's folder reading.
#include "engine/workspace/studio_settings.h"
#include "engine/workspace/workspace.h"
#include "engine/yaml/resource_reader.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace Torii;
using namespace Torii::Workspace;

namespace {

bool write(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

const Core::Diagnostic *findCode(const Core::Diagnostics &diagnostics, const std::string &code)
{
    for (const Core::Diagnostic &d : diagnostics) {
        if (d.code == code) {
            return &d;
        }
    }
    return nullptr;
}

// For failure messages: the first diagnostic, or nothing.
std::string first(const Core::Diagnostics &diagnostics)
{
    return diagnostics.empty() ? std::string() : diagnostics.front().toCompilerStyle();
}

} // namespace

class TestStudioSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEverySection()
    {
        const auto read = parseStudioSettings("ports:\n"
                                              "- {gateway: infra/gw, port: 80, localPort: 18080}\n"
                                              "backends:\n"
                                              "- {service: web/canary, latencyMs: 40, errorRate: 0.05, errorStatus: 502, down: true}\n"
                                              "mixes: [mixes/a.yaml]\n"
                                              "scenarios: [scenarios/b.yaml, /abs/c.yaml]\n",
                                              "torii.yaml");
        QVERIFY(read.ok());
        QVERIFY(read.diagnostics.empty());
        QCOMPARE(read.settings.ports.size(), std::size_t(1));
        QCOMPARE(read.settings.ports[0].gateway, std::string("infra/gw"));
        QCOMPARE(read.settings.ports[0].port, 80);
        QCOMPARE(read.settings.ports[0].localPort, 18080);
        const BackendSettings *b = read.settings.backend("web/canary");
        QVERIFY(b);
        QCOMPARE(b->latencyMs, 40.0);
        QCOMPARE(b->errorRate, 0.05);
        QCOMPARE(b->errorStatus, 502);
        QVERIFY(b->down);
        QCOMPARE(read.settings.mixes, std::vector<std::string>{"mixes/a.yaml"});
        QCOMPARE(read.settings.scenarios.size(), std::size_t(2));
    }

    void errorsHavePositions_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("port out of range") << QByteArray("ports:\n- gateway: infra/gw\n  port: 80\n  localPort: 70000\n")
                                           << "settings.range" << 4 << 14;
        QTest::newRow("gateway not ns/name") << QByteArray("ports:\n- {gateway: gw, port: 80, localPort: 1}\n")
                                             << "settings.name" << 2 << 13;
        QTest::newRow("error rate above 1") << QByteArray("backends:\n- service: a/b\n  errorRate: 2\n")
                                            << "settings.range" << 3 << 14;
        QTest::newRow("down not a bool") << QByteArray("backends:\n- service: a/b\n  down: maybe\n")
                                         << "settings.type" << 3 << 9;
        QTest::newRow("service missing") << QByteArray("backends:\n- {latencyMs: 5}\n") << "settings.required" << 2 << 3;
        QTest::newRow("not a map") << QByteArray("- a\n- b\n") << "settings.shape" << 1 << 1;
        QTest::newRow("mixes not a list") << QByteArray("mixes: a.yaml\n") << "settings.type" << 1 << 8;
        QTest::newRow("yaml syntax") << QByteArray("ports: [\n") << "" << 0 << 0;
    }
    void errorsHavePositions()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, code);
        QFETCH(int, line);
        QFETCH(int, column);
        const auto read = parseStudioSettings(text.toStdString(), "/w/torii.yaml");
        QVERIFY(!read.ok());
        if (code.isEmpty()) {
            QVERIFY(read.diagnostics.front().line > 0); // the YAML reader's own error
            return;
        }
        const Core::Diagnostic *d = findCode(read.diagnostics, code.toStdString());
        QVERIFY2(d, first(read.diagnostics).c_str());
        QCOMPARE(d->file, std::string("/w/torii.yaml"));
        QCOMPARE(d->line, line);
        QCOMPARE(d->column, column);
        QVERIFY(!d->localizedMessage().empty());
    }

    void unknownKeysWarn()
    {
        const auto read = parseStudioSettings("ports: []\ncolour: blue\n", "torii.yaml");
        QVERIFY(read.ok());
        const Core::Diagnostic *d = findCode(read.diagnostics, "settings.unknown-field");
        QVERIFY(d);
        QCOMPARE(d->severity, Core::Severity::Warning);
        QCOMPARE(d->line, 2);
    }

    void roundTripsThroughTheFile()
    {
        QTemporaryDir dir;
        StudioSettings settings;
        settings.ports.push_back({"gateway-system/production-gateway", 80, 18080});
        settings.ports.push_back({"a/b", 8443, 28443});
        settings.setBackend({"webapp/webapp-canary", 12.5, 0.25, 500, false});
        settings.setBackend({"webapp/\"odd\"", 0, 0, 503, true});
        settings.mixes = {"mixes/shop mix.yaml"};
        settings.scenarios = {"../elsewhere/canary.yaml"};
        const QString path = studioSettingsPath(dir.path());
        QString error;
        QVERIFY2(writeStudioSettings(path, settings, &error), qPrintable(error));
        const auto read = readStudioSettings(path);
        QVERIFY2(read.ok(), first(read.diagnostics).c_str());
        QVERIFY(read.settings == settings);
        // Back to defaults: the entry goes away.
        settings.setBackend({"webapp/webapp-canary", 0, 0, 503, false});
        QCOMPARE(settings.backends.size(), std::size_t(1));
        // Nothing: an empty map, read back as empty settings.
        QVERIFY(writeStudioSettings(path, {}, &error));
        const auto empty = readStudioSettings(path);
        QVERIFY(empty.ok());
        QVERIFY(empty.settings.isEmpty());
        // A missing file is no settings and no error.
        const auto missing = readStudioSettings(dir.filePath(QStringLiteral("nope/torii.yaml")));
        QVERIFY(missing.ok() && missing.diagnostics.empty() && missing.settings.isEmpty());
    }

    void theWorkspaceReadsItAndDoesNotTakeItForObjects()
    {
        QTemporaryDir dir;
        QVERIFY(write(dir.filePath(QStringLiteral("gateway.yaml")),
                      "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: torii\n"
                      "spec:\n  controllerName: torii.dev/gateway-controller\n"));
        QVERIFY(write(dir.filePath(QStringLiteral("torii.yaml")), "mixes: [m.yaml]\nports:\n- {gateway: x, port: 1, localPort: 2}\n"));
        Workspace::Workspace workspace;
        QString error;
        QVERIFY2(workspace.open({dir.path()}, &error), qPrintable(error));
        QCOMPARE(workspace.fileCount(), 1);
        QCOMPARE(workspace.studioSettings().mixes, std::vector<std::string>{"m.yaml"});
        // Its error is among the workspace's problems, at its place in torii.yaml.
        const Core::Diagnostics all = workspace.allDiagnostics();
        const Core::Diagnostic *d = findCode(all, "settings.name");
        QVERIFY(d);
        QVERIFY(QString::fromStdString(d->file).endsWith(QLatin1String("torii.yaml")));
        QCOMPARE(d->line, 3);

        // Written from the studio: atomically, whole, and read again at the next open.
        StudioSettings changed = workspace.studioSettings();
        changed.setBackend({"web/api", 30, 0, 503, false});
        QVERIFY2(workspace.setStudioSettings(changed, &error), qPrintable(error));
        QVERIFY(!findCode(workspace.allDiagnostics(), "settings.name"));
        Workspace::Workspace again;
        QVERIFY(again.open({dir.path()}, &error));
        QVERIFY(again.studioSettings() == changed);

        // toriictl's folder reading skips it too.
        const auto read = Yaml::readPaths({dir.path().toStdString()});
        QCOMPARE(read.resources.size(), std::size_t(1));
        QVERIFY(!Core::hasErrors(read.diagnostics));
    }
};

QTEST_MAIN(TestStudioSettings)
#include "tst_workspace_studio_settings.moc"
