// `toriictl serve DIR` honours the port map of DIR's torii.yaml (the studio settings,
// engine/workspace/studio_settings.h): the listener named there binds that local port on
// 127.0.0.1 and answers on it; the file itself is not read as a Kubernetes object; an error in
// it is reported with its position among the session's diagnostics. The studio's scenario hook
// (applyResources) swaps a changed design into the running gateway.
#include "app/runtime/serve_session.h"
#include "engine/workspace/studio_settings.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QTest>

using namespace Torii;

namespace {

bool write(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

const QByteArray kDesign = "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: torii}\n"
                           "spec: {controllerName: torii.dev/gateway-controller}\n---\n"
                           "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\n"
                           "metadata: {name: web, namespace: infra}\nspec:\n  gatewayClassName: torii\n"
                           "  listeners:\n  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}\n"
                           "---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                           "metadata: {name: app, namespace: infra}\nspec:\n  parentRefs: [{name: web}]\n"
                           "  rules:\n  - backendRefs: [{name: app, port: 8080}]\n";

// A port nothing listens on right now.
quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// The status line of GET / on 127.0.0.1:port.
QByteArray statusLine(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(3000)) {
        return {};
    }
    socket.write("GET / HTTP/1.1\r\nHost: app.example.com\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (socket.waitForReadyRead(3000)) {
        answer += socket.readAll();
        if (answer.contains("\r\n")) {
            break;
        }
    }
    return answer.left(answer.indexOf("\r\n"));
}

} // namespace

class TestServeSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesOnThePortOfTheSettings()
    {
        QTemporaryDir dir;
        QVERIFY(write(dir.filePath(QStringLiteral("design.yaml")), kDesign));
        const quint16 port = freePort();
        QVERIFY(port != 0);
        Workspace::StudioSettings settings;
        settings.ports.push_back({"infra/web", 80, port});
        QString error;
        QVERIFY(Workspace::writeStudioSettings(Workspace::studioSettingsPath(dir.path()), settings, &error));

        Runtime::ServeSession session;
        Runtime::ServeOptions options;
        options.anyPort = true; // the settings' entry wins over it
        QVERIFY2(session.start({dir.path().toStdString()}, options, &error), qPrintable(error));
        QCOMPARE(session.listeners().size(), std::size_t(1));
        QCOMPARE(session.listeners().front().localPort, port);
        QVERIFY(!Core::hasErrors(session.status().diagnostics));
        QCOMPARE(session.status().resources.size(), std::size_t(4)); // + the implicit Service
        QCOMPARE(statusLine(port), QByteArray("HTTP/1.1 200 OK"));

        // The studio's scenarios: a design without the route is swapped in; the port stays.
        std::vector<Model::Resource> resources = session.status().resources;
        std::erase_if(resources, [](const Model::Resource &r) { return r.kind == "HTTPRoute"; });
        std::string why;
        QVERIFY2(session.applyResources(std::move(resources), &why), why.c_str());
        QCOMPARE(session.listeners().front().localPort, port);
        QCOMPARE(statusLine(port), QByteArray("HTTP/1.1 404 Not Found"));
        session.stop();
    }

    void theCallersPortMapWinsAndErrorsAreReported()
    {
        QTemporaryDir dir;
        QVERIFY(write(dir.filePath(QStringLiteral("design.yaml")), kDesign));
        QVERIFY(write(dir.filePath(QStringLiteral("torii.yaml")),
                      "ports:\n- {gateway: infra/web, port: 80, localPort: 1}\n- {gateway: web, port: 80, localPort: 2}\n"));
        const quint16 port = freePort();
        Runtime::ServeSession session;
        Runtime::ServeOptions options;
        options.portMap[{"infra/web", 80}] = port; // --port-map on the command line
        QString error;
        QVERIFY2(session.start({dir.path().toStdString()}, options, &error), qPrintable(error));
        QCOMPARE(session.listeners().front().localPort, port);
        bool reported = false;
        for (const Core::Diagnostic &d : session.status().diagnostics) {
            if (d.code == "settings.name") {
                reported = d.line == 3 && QString::fromStdString(d.file).endsWith(QLatin1String("torii.yaml"));
            }
        }
        QVERIFY(reported);
        session.stop();
    }
};

QTEST_MAIN(TestServeSettings)
#include "tst_runtime_serve_settings.moc"
