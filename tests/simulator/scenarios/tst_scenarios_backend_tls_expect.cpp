// The request checks BackendTLSPolicy cases need (BackendTLSPolicySANValidation): expect.status
// "not-200" (at least 5 sends; any status but 200, 408 and 504) and, for HTTP, expect.tls.
// serverName compared with the echo answer's `tls` object (the SNI the gateway sent the backend),
// on 200 answers only.
#include "engine/yaml/yaml_loader.h"
#include "simulator/scenarios/request_case.h"
#include "simulator/scenarios/request_checks.h"

#include <QtTest/QTest>

using namespace Torii;
using namespace Torii::Scenarios;

namespace {

RequestCase item(const char *yaml)
{
    const auto loaded = Yaml::loadText(yaml, "inline.yaml");
    return parseRequestCases(loaded.documents.front().root).front();
}

HttpExchangeResult answer(int status, const std::string &body)
{
    HttpExchangeResult out;
    out.ok = true;
    out.head.status = status;
    out.head.headers.set("Content-Type", "application/json");
    out.body = body;
    return out;
}

std::optional<Mismatch> judge(const RequestCase &c, const HttpExchangeResult &response)
{
    SentSummary sent;
    sent.method = "GET";
    sent.path = c.request.path;
    return compareResponse(c, sent, response, captureRequest(response, "GET"));
}

const char *kEcho = R"({"path":"/p","host":"abc.example.com","method":"GET","namespace":"infra",)"
                    R"("pod":"tls-backend-x-y","headers":{},)";

} // namespace

class TestBackendTlsExpect : public QObject
{
    Q_OBJECT

private slots:
    void notOk()
    {
        const RequestCase c = item(R"(
- request: {listenerPort: 80, protocol: http, host: abc.example.com, path: /p}
  expect: {status: not-200}
)");
        QVERIFY(!c.unsupported);
        QVERIFY(c.expect.statusNot200);
        QCOMPARE(c.repeat, 5);
        QVERIFY(!judge(c, answer(502, "bad gateway")));
        QVERIFY(!judge(c, answer(500, "")));
        for (int status : {200, 408, 504}) {
            const auto m = judge(c, answer(status, "{}"));
            QVERIFY(m);
            QCOMPARE(m->field, std::string("status"));
        }
    }

    void tlsServerName()
    {
        const RequestCase c = item(R"(
- request: {listenerPort: 80, protocol: http, host: abc.example.com, path: /p}
  expect: {status: 200, namespace: infra, tls: {serverName: abc.example.com}}
)");
        QVERIFY(!c.unsupported);
        QCOMPARE(c.expect.tlsServerName.value_or(""), std::string("abc.example.com"));
        const std::string seen = std::string(kEcho) + R"("tls":{"serverName":"abc.example.com"}})";
        QVERIFY(!judge(c, answer(200, seen)));
        const std::string other = std::string(kEcho) + R"("tls":{"serverName":"dce.example.com"}})";
        const auto wrong = judge(c, answer(200, other));
        QVERIFY(wrong);
        QCOMPARE(wrong->field, std::string("tls.serverName"));
        QCOMPARE(wrong->got, std::string("dce.example.com"));
        const auto plain = judge(c, answer(200, std::string(kEcho) + R"("x":1})"));
        QVERIFY(plain);
        QCOMPARE(plain->got, std::string("no TLS to the backend"));
    }
};

QTEST_GUILESS_MAIN(TestBackendTlsExpect)
#include "tst_scenarios_backend_tls_expect.moc"
