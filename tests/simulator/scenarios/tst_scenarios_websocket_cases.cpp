// Torii's own WebSocket route tests (tests/simulator/scenarios/cases/, in the conformance case
// format) through the case runner against the real local gateway (app/runtime's live
// environment, the mock echo backends' /ws): both cases pass; the same objects with a wrong
// expectation fail (a refused handshake where 101 is expected, and 101 where a refusal is); a
// WebSocket over an HTTPS listener (wss://) passes; and `toriictl test` prints the cases' PASS
// lines and summary as it does for corpus cases.
#include "app/runtime/live_environment.h"
#include "engine/tls/certificate_authority.h"
#include "simulator/scenarios/case_runner.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

using namespace Torii;
using namespace Torii::Scenarios;

namespace {

const QString kCasesDir = QStringLiteral(TORII_WS_CASES_DIR);
const QString kManifestsDir = QStringLiteral(TORII_WS_MANIFESTS_DIR);
const QString kCaseFile = kCasesDir + QStringLiteral("/httproute-backend-protocol-websocket.yaml");
const QString kManifest =
    kManifestsDir + QStringLiteral("/httproute-backend-protocol-websocket.yaml");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

QString describe(const CaseResult &result)
{
    QString log = QString::fromStdString(result.reason.english());
    for (const ItemResult &item : result.items) {
        log += QStringLiteral("\n  %1 [%2] %3")
                   .arg(QString::fromLatin1(verdictName(item.result.verdict)),
                        QString::fromStdString(item.what),
                        QString::fromStdString(item.result.english()));
    }
    return log;
}

const ItemResult *requestItem(const CaseResult &result)
{
    for (const ItemResult &item : result.items) {
        if (item.what == "request") {
            return &item;
        }
    }
    return nullptr;
}

} // namespace

class TestWebSocketCases : public QObject
{
    Q_OBJECT

private:
    // Runs every test of `file` on the live gateway, by name.
    std::map<std::string, CaseResult> runFile(const QString &file, const QString &manifestsRoot)
    {
        std::map<std::string, CaseResult> out;
        const RouteTestFile parsed = parseRouteTestFile(file.toStdString());
        if (parsed.hasErrors()) {
            qWarning("%s", parsed.diagnostics.front().toCompilerStyle().c_str());
            return out;
        }
        RunnerOptions options;
        options.manifestsRoot = manifestsRoot.toStdString();
        options.live = &m_live;
        CaseRunner runner(options);
        for (const RouteTest &test : parsed.tests) {
            out[test.name] = runner.run(test);
        }
        return out;
    }

private slots:
    void ownCasesPass()
    {
        const auto results = runFile(kCaseFile, kManifestsDir);
        QCOMPARE(results.size(), std::size_t(2));
        for (const auto &[name, result] : results) {
            QVERIFY2(result.verdict == Verdict::Pass,
                     qPrintable(QString::fromStdString(name) + ": " + describe(result)));
            const ItemResult *request = requestItem(result);
            QVERIFY2(request != nullptr, name.c_str()); // the request half really ran
        }
        QCOMPARE(requestItem(results.at("HTTPRouteBackendProtocolWebSocket"))->result.english(),
                 std::string("ws /ws: status 101, 2 messages echoed unchanged"));
        QCOMPARE(requestItem(results.at("HTTPRouteBackendProtocolWebSocketUnmatchedPath"))
                     ->result.english(),
                 std::string("ws /ws: status 404"));
    }

    // The same objects and requests with the expectations swapped: each case must fail.
    void wrongExpectationsFail()
    {
        QByteArray cases = readAll(kCaseFile);
        QVERIFY(!cases.isEmpty());
        QVERIFY(cases.contains("status: 101\n      echoedMessages: true"));
        QVERIFY(cases.contains("status: 404\n"));
        cases.replace("status: 101\n      echoedMessages: true",
                      "status: 999\n      echoedMessages: true");
        cases.replace("status: 404\n", "status: 101\n");
        cases.replace("status: 999\n", "status: 404\n");
        QVERIFY(m_dir.isValid());
        const QString file = m_dir.filePath(QStringLiteral("swapped.yaml"));
        QVERIFY(writeAll(file, cases));
        const auto results = runFile(file, kManifestsDir);
        QCOMPARE(results.size(), std::size_t(2));
        const CaseResult &echo = results.at("HTTPRouteBackendProtocolWebSocket");
        QVERIFY2(echo.verdict == Verdict::Fail, qPrintable(describe(echo)));
        QVERIFY2(QString::fromStdString(echo.reason.english())
                     .contains("ws /ws: status: expected 404, got 101"),
                 qPrintable(describe(echo)));
        const CaseResult &unmatched = results.at("HTTPRouteBackendProtocolWebSocketUnmatchedPath");
        QVERIFY2(unmatched.verdict == Verdict::Fail, qPrintable(describe(unmatched)));
        QVERIFY2(QString::fromStdString(unmatched.reason.english())
                     .contains("ws /ws: the WebSocket handshake was refused with status 404 "
                               "(expected 101)"),
                 qPrintable(describe(unmatched)));
    }

    // protocol websocket toward an HTTPS listener: wss://, the listener's certificate trusted.
    void overAnHttpsListener()
    {
        const Tls::PemPair leaf =
            Tls::selfSignedCertificate("ws.example.com", {"DNS:ws.example.com"});
        QByteArray manifest = readAll(kManifest);
        const QByteArray http = "    allowedRoutes: {namespaces: {from: Same}}\n";
        QVERIFY(manifest.contains(http));
        manifest.replace(http, http + "  - name: https\n    port: 443\n    protocol: HTTPS\n"
                                      "    allowedRoutes: {namespaces: {from: Same}}\n"
                                      "    tls: {certificateRefs: [{name: ws-cert}]}\n");
        manifest += "---\napiVersion: v1\nkind: Secret\n"
                    "metadata: {name: ws-cert, namespace: gateway-conformance-infra}\n"
                    "type: kubernetes.io/tls\ndata:\n  tls.crt: " +
                    QByteArray::fromStdString(leaf.certificate).toBase64() +
                    "\n  tls.key: " + QByteArray::fromStdString(leaf.privateKey).toBase64() + "\n";
        QVERIFY(m_dir.isValid());
        const QString manifests = m_dir.filePath(QStringLiteral("wss-manifests"));
        QVERIFY(QDir().mkpath(manifests));
        QVERIFY(writeAll(manifests + QStringLiteral("/wss.yaml"), manifest));
        const QByteArray cases = R"(tests:
- name: WebSocketOverHttps
  features: [Gateway, HTTPRoute, HTTPRouteBackendProtocolWebSocket]
  manifests: [wss.yaml]
  applicability: simulated
  gateway: {namespace: gateway-conformance-infra, name: same-namespace}
  requests:
  - request:
      protocol: websocket
      listenerPort: 443
      host: ws.example.com
      path: /ws
      messages: [{text: "over TLS"}, {binary: [9, 8, 7]}]
    expect: {echoedMessages: true}
)";
        const QString file = m_dir.filePath(QStringLiteral("wss.yaml"));
        QVERIFY(writeAll(file, cases));
        const auto results = runFile(file, manifests);
        QCOMPARE(results.size(), std::size_t(1));
        const CaseResult &result = results.begin()->second;
        QVERIFY2(result.verdict == Verdict::Pass, qPrintable(describe(result)));
        QCOMPARE(requestItem(result)->result.english(),
                 std::string("wss /ws: status 101, 2 messages echoed unchanged"));
    }

    void toriictlPrintsThePassLines()
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(TORIICTL_PATH),
                      {QStringLiteral("test"), QStringLiteral("--cases"), kCasesDir});
        QVERIFY(process.waitForFinished(120000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(process.exitCode() == 0,
                 qPrintable(out + QString::fromUtf8(process.readAllStandardError())));
        QCOMPARE(out, QStringLiteral("PASS HTTPRouteBackendProtocolWebSocket\n"
                                     "PASS HTTPRouteBackendProtocolWebSocketUnmatchedPath\n"
                                     "2 passed, 0 failed, 0 skipped\n"));
    }

private:
    Runtime::LiveEnvironment m_live;
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestWebSocketCases)
#include "tst_scenarios_websocket_cases.moc"
