// `toriictl serve --watch` as a user lives it: edit a route file while requests flow, and the next
// request goes to the new backend, on the same keep-alive connection; break the YAML or the
// schema and the last good design keeps serving while the diagnostic (file:line:col) is printed;
// fix it and it reloads. Editors that save by rename keep being watched.
#include "serve_harness.h"

#include <QtCore/QDir>
#include <QtCore/QSaveFile>
#include <QtCore/QTemporaryDir>

#include <csignal>

using namespace Torii::Test;

namespace {

const QByteArray kGateway = R"(apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: torii}
spec: {controllerName: torii.dev/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: torii
  listeners:
  - {name: http, port: 80, protocol: HTTP}
)";

QByteArray route(const QByteArray &service, const QByteArray &path = "/")
{
    return R"(apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: infra}
spec:
  parentRefs: [{name: edge}]
  hostnames: [watch.test]
  rules:
  - matches: [{path: {type: PathPrefix, value: ")" +
           path + R"("}}]
    backendRefs: [{name: )" +
           service + R"(, port: 8080}]
)";
}

// Writes in place (truncate + write), as simple editors and `echo >` do.
bool writeInPlace(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

// Writes a new file and renames it over the old one, as vim and most IDEs save.
bool writeByRename(const QString &path, const QByteArray &text)
{
    QSaveFile f(path);
    f.setDirectWriteFallback(false);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size() && f.commit();
}

// The pod that answered a GET on `connection`, "" when none did.
QString podVia(RawConnection &connection, const QByteArray &host = "watch.test",
               const QByteArray &path = "/")
{
    if (!connection.send("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n")) {
        return {};
    }
    const auto r = connection.read();
    return r && r->status == 200 ? r->json().value("pod").toString() : QString();
}

} // namespace

class TestServeWatch : public QObject
{
    Q_OBJECT

private slots:
    void reloadsOnEditKeepsLastGoodDesign()
    {
        QTemporaryDir dir;
        QVERIFY(writeInPlace(dir.filePath("gateway.yaml"), kGateway));
        QVERIFY(writeInPlace(dir.filePath("route.yaml"), route("svc-a")));
        ServeProcess serve;
        QVERIFY2(serve.start({"--watch", "--any-port", "--duration", "300", dir.path()}),
                 serve.output().constData());
        const quint16 port = serve.port(QStringLiteral("infra/edge"), 80);
        QVERIFY(port != 0);

        RawConnection kept(port); // one keep-alive connection across every reload
        QVERIFY(podVia(kept).startsWith(QStringLiteral("svc-a-")));

        // Saved by rename: reloaded; the same connection's next request goes to the new backend.
        qsizetype mark = serve.output().size();
        QVERIFY(writeByRename(dir.filePath("route.yaml"), route("svc-b")));
        QVERIFY2(serve.waitFor(QStringLiteral("reloaded:"), 10000, mark),
                 serve.output().constData());
        QByteArray line = serve.output().mid(mark);
        QVERIFY2(line.contains("routes changed: HTTPRoute infra/web"), line.constData());
        QVERIFY2(line.contains("mock Services started: infra/svc-b"), line.constData());
        QVERIFY2(line.contains("mock Services stopped: infra/svc-a"), line.constData());
        QVERIFY2(podVia(kept).startsWith(QStringLiteral("svc-b-")), serve.output().constData());
        RawConnection fresh(port);
        QVERIFY(podVia(fresh).startsWith(QStringLiteral("svc-b-")));

        // Broken YAML: rejected with the diagnostic's position; svc-b keeps answering.
        mark = serve.output().size();
        QVERIFY(
            writeInPlace(dir.filePath("route.yaml"), route("svc-c") + "  - matches: [unclosed\n"));
        QVERIFY2(serve.waitFor(QStringLiteral("reload rejected"), 10000, mark),
                 serve.output().constData());
        QVERIFY(serve.waitFor(QStringLiteral("route.yaml:"), 3000, mark));
        QVERIFY2(QRegularExpression(QStringLiteral("route\\.yaml:\\d+:\\d+: error"))
                     .match(QString::fromUtf8(serve.output().mid(mark)))
                     .hasMatch(),
                 serve.output().mid(mark).constData());
        QVERIFY(podVia(kept).startsWith(QStringLiteral("svc-b-")));

        // Put back as it was: good again, nothing served changes.
        mark = serve.output().size();
        QVERIFY(writeInPlace(dir.filePath("route.yaml"), route("svc-b")));
        QVERIFY2(serve.waitFor(QStringLiteral("reloaded: the files read and validate again"), 10000,
                               mark),
                 serve.output().constData());
        QVERIFY(podVia(kept).startsWith(QStringLiteral("svc-b-")));

        // Readable but invalid (a path that does not start with "/"): rejected too.
        mark = serve.output().size();
        QVERIFY(writeInPlace(dir.filePath("route.yaml"), route("svc-c", "nope")));
        QVERIFY2(serve.waitFor(QStringLiteral("reload rejected"), 10000, mark),
                 serve.output().constData());
        QVERIFY(podVia(kept).startsWith(QStringLiteral("svc-b-")));

        // Fixed: reloaded.
        mark = serve.output().size();
        QVERIFY(writeInPlace(dir.filePath("route.yaml"), route("svc-c")));
        QVERIFY2(serve.waitFor(QStringLiteral("reloaded:"), 10000, mark),
                 serve.output().constData());
        QVERIFY(podVia(kept).startsWith(QStringLiteral("svc-c-")));

        // A new file in the folder: its route is added.
        mark = serve.output().size();
        QVERIFY(writeInPlace(dir.filePath("extra.yaml"), route("svc-x")
                                                             .replace("name: web", "name: extra")
                                                             .replace("watch.test", "extra.test")));
        QVERIFY2(serve.waitFor(QStringLiteral("reloaded:"), 10000, mark),
                 serve.output().constData());
        QVERIFY(serve.output().mid(mark).contains("routes added: HTTPRoute infra/extra"));
        QVERIFY(podVia(kept, "extra.test").startsWith(QStringLiteral("svc-x-")));

        // A new listener: the Gateway restarts its listeners (said so); port 80 keeps its local
        // port.
        mark = serve.output().size();
        QVERIFY(writeByRename(dir.filePath("gateway.yaml"),
                              kGateway + "  - {name: alt, port: 8080, protocol: HTTP}\n"));
        QVERIFY2(serve.waitFor(QStringLiteral("infra/edge listener 8080"), 10000, mark),
                 serve.output().constData());
        QVERIFY(serve.output().mid(mark).contains("restarted"));
        QCOMPARE(serve.port(QStringLiteral("infra/edge"), 80), port);
        RawConnection alt(serve.port(QStringLiteral("infra/edge"), 8080));
        QVERIFY(podVia(alt).startsWith(QStringLiteral("svc-c-")));
        RawConnection again(port);
        QVERIFY(podVia(again).startsWith(QStringLiteral("svc-c-")));

        QCOMPARE(serve.stopWith(SIGTERM), 0);
    }

    // Files named one by one (not a folder), saved by rename twice: each save is noticed.
    void namedFilesSavedByRename()
    {
        QTemporaryDir dir;
        const QString gateway = dir.filePath("gateway.yaml");
        const QString routeFile = dir.filePath("route.yaml");
        QVERIFY(writeInPlace(gateway, kGateway));
        QVERIFY(writeInPlace(routeFile, route("one")));
        ServeProcess serve;
        QVERIFY(serve.start({"--watch", "--any-port", "--duration", "300", gateway, routeFile}));
        const quint16 port = serve.port(QStringLiteral("infra/edge"), 80);
        RawConnection c(port);
        QVERIFY(podVia(c).startsWith(QStringLiteral("one-")));
        for (const QByteArray &service : {QByteArray("two"), QByteArray("three")}) {
            const qsizetype mark = serve.output().size();
            QVERIFY(writeByRename(routeFile, route(service)));
            QVERIFY2(serve.waitFor(QStringLiteral("reloaded:"), 10000, mark),
                     serve.output().constData());
            QVERIFY(podVia(c).startsWith(QString::fromLatin1(service + '-')));
        }
        // An unrelated file beside them is not a reload.
        const qsizetype mark = serve.output().size();
        QVERIFY(writeInPlace(dir.filePath(".route.yaml.swp"), "x"));
        QVERIFY(!serve.waitFor(QStringLiteral("reload"), 1500, mark));
        QCOMPARE(serve.stopWith(SIGTERM), 0);
    }
};

QTEST_GUILESS_MAIN(TestServeWatch)
#include "tst_serve_watch.moc"
