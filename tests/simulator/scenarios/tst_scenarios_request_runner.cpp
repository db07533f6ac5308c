// The request half of the runner on project-owned cases and manifests (written to a temporary
// folder), served by the real live environment (app/runtime): routing by path and by header to
// two backends, a 404, a redirect, header modifiers, a weighted split judged by its distribution;
// cases that must FAIL (wrong backend, wrong status, wrong header, a mirror that never arrives)
// and must SKIP (another protocol, a mirror backend without a request log); mirror checks through
// the mock backends' request logs; and the comparison rules of request_checks.h on hand-made
// responses.
#include "app/runtime/live_environment.h"
#include "simulator/scenarios/case_runner.h"
#include "simulator/scenarios/request_checks.h"

#include "common/shared_corpus.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <memory>

using namespace Torii;
using namespace Torii::Scenarios;

namespace {

constexpr const char *kShop = R"(apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: torii}
spec: {controllerName: torii.dev/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: shop}
spec:
  gatewayClassName: torii
  listeners:
  - {name: http, port: 80, protocol: HTTP}
---
apiVersion: v1
kind: Service
metadata: {name: store-v1, namespace: shop}
spec: {ports: [{port: 8080}]}
---
apiVersion: v1
kind: Service
metadata: {name: store-v2, namespace: shop}
spec: {ports: [{port: 8080}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: store-v1, namespace: shop}
spec: {replicas: 2}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: store-v2, namespace: shop}
spec: {replicas: 1}
---
apiVersion: v1
kind: Service
metadata: {name: store-v3, namespace: shop}
spec: {ports: [{port: 8080}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: mirror, namespace: shop}
spec:
  parentRefs: [{name: web}]
  hostnames: [mirror.example.com]
  rules:
  - filters:
    - type: RequestMirror
      requestMirror: {backendRef: {name: store-v3, port: 8080}}
    backendRefs: [{name: store-v1, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: paths, namespace: shop}
spec:
  parentRefs: [{name: web}]
  hostnames: [shop.example.com]
  rules:
  - matches: [{path: {type: PathPrefix, value: /v2}}]
    backendRefs: [{name: store-v2, port: 8080}]
  - matches: [{headers: [{name: env, value: canary}]}]
    backendRefs: [{name: store-v2, port: 8080}]
  - matches: [{path: {type: Exact, value: /old}}]
    filters:
    - type: RequestRedirect
      requestRedirect: {hostname: new.example.com, statusCode: 301}
  - matches: [{path: {type: PathPrefix, value: /mod}}]
    filters:
    - type: RequestHeaderModifier
      requestHeaderModifier: {set: [{name: X-Added, value: "yes"}], remove: [X-Drop]}
    - type: ResponseHeaderModifier
      responseHeaderModifier: {add: [{name: X-Resp, value: one}]}
    backendRefs: [{name: store-v1, port: 8080}]
  - backendRefs: [{name: store-v1, port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: split, namespace: shop}
spec:
  parentRefs: [{name: web}]
  hostnames: [split.example.com]
  rules:
  - backendRefs:
    - {name: store-v1, port: 8080, weight: 80}
    - {name: store-v2, port: 8080, weight: 20}
)";

constexpr const char *kAccepted = R"(
  status:
  - {check: routeParents, kind: HTTPRoute, namespace: shop, name: paths,
     parents: [{parentRef: {group: gateway.networking.k8s.io, kind: Gateway, name: web},
                conditions: [{type: Accepted, status: "True", reason: Accepted}]}]}
  - {check: routeParents, kind: HTTPRoute, namespace: shop, name: split,
     parents: [{parentRef: {group: gateway.networking.k8s.io, kind: Gateway, name: web},
                conditions: [{type: Accepted, status: "True", reason: Accepted}]}]}
  gateway: {namespace: shop, name: web}
)";

// One test per entry: name, then its `requests` list (indented for the file).
struct Case
{
    const char *name;
    const char *requests;
};

const Case kCases[] = {
    {"ShopRouting", R"(
  - request: {host: shop.example.com, path: /}
    expect: {status: 200, backend: store-v1, namespace: shop}
  - request: {host: shop.example.com, path: /v2/items?x=1}
    expect: {backend: store-v2, namespace: shop}
  - request: {host: shop.example.com, path: /, headers: {env: canary}}
    expect: {backend: store-v2, namespace: shop}
  - request: {host: other.example.com, path: /}
    expect: {status: 404}
  - request: {host: shop.example.com, path: /old?q=1, unfollowRedirect: true}
    expect: {status: 301, redirect: {host: new.example.com, path: /old}}
  - request: {host: shop.example.com, path: /mod, headers: {X-Drop: a},
              echoSetResponseHeaders: {X-Echoed: e}}
    expect:
      backend: store-v1
      namespace: shop
      request: {path: /mod, headers: {X-Added: "yes"}, absentHeaders: [X-Drop]}
      response: {headers: {X-Resp: one, X-Echoed: e}}
  - request: {host: shop.example.com, path: /, uniqueQueryParam: {name: id, scope: attempt}}
    repeat: 5
    expect: {backend: store-v1, namespace: shop}
)"},
    {"ShopWeightedSplit", R"(
  - request: {host: split.example.com, path: /}
    expect:
      namespace: shop
      distribution: {requests: 400, backends: {store-v1: 0.8, store-v2: 0.2},
                     tolerance: 0.08, attempts: 3}
)"},
    {"WrongBackend", R"(
  - request: {host: shop.example.com, path: /}
    expect: {backend: store-v2, namespace: shop}
)"},
    {"WrongStatus", R"(
  - request: {host: other.example.com, path: /}
    expect: {status: 200, namespace: shop}
)"},
    {"WrongRequestHeader", R"(
  - request: {host: shop.example.com, path: /mod}
    expect:
      namespace: shop
      request: {path: /mod, headers: {X-Added: "no"}}
)"},
    {"WrongShares", R"(
  - request: {host: split.example.com, path: /}
    expect:
      namespace: shop
      distribution: {requests: 200, backends: {store-v1: 0.2, store-v2: 0.8},
                     tolerance: 0.05, attempts: 2}
)"},
    {"OtherProtocol", R"(
  - request: {host: shop.example.com, path: /}
    expect: {backend: store-v1, namespace: shop}
  - request: {protocol: quic, host: shop.example.com}
    expect: {status: 200}
)"},
    // store-v3 is only a mirror target: it is served (so it has a request log), but the local
    // gateway does not mirror yet, so the mirror never arrives. When the data plane calls
    // MirrorPolicy, this row's verdict becomes PASS.
    {"Mirrored", R"(
  - request: {host: mirror.example.com, path: /m,
              uniqueQueryParam: {name: gateway-api-conformance-request-id, scope: case}}
    expect: {backend: store-v1, namespace: shop, mirroredTo: [{backend: store-v3, namespace: shop}]}
)"},
    // The request log itself, through the live environment: the main backend logged each target.
    {"EchoLogSeesBackend", R"(
  - request: {host: shop.example.com, path: /seen,
              uniqueQueryParam: {name: gateway-api-conformance-request-id, scope: case}}
    repeat: 2
    expect: {backend: store-v1, namespace: shop, mirroredTo: [{backend: store-v1, namespace: shop}]}
)"},
    {"MirrorCountInRange", R"(
  - request: {host: shop.example.com, path: /count,
              uniqueQueryParam: {name: gateway-api-conformance-request-id, scope: round}}
    expect:
      backend: store-v1
      namespace: shop
      mirroredTo: [{backend: store-v1, namespace: shop}]
      mirrorDistribution: {requests: 20, rounds: 1, mirroredCount: {store-v1: {min: 20, max: 20}}}
)"},
    {"MirrorCountTooHigh", R"(
  - request: {host: shop.example.com, path: /count,
              uniqueQueryParam: {name: gateway-api-conformance-request-id, scope: round}}
    expect:
      backend: store-v1
      namespace: shop
      mirroredTo: [{backend: store-v1, namespace: shop}]
      mirrorDistribution: {requests: 20, rounds: 2, mirroredCount: {store-v1: {min: 1, max: 5}}}
)"},
    {"MirrorNotServed", R"(
  - request: {host: shop.example.com, path: /}
    expect: {backend: store-v1, namespace: shop, mirroredTo: [{backend: nowhere, namespace: shop}]}
)"},
};

HttpExchangeResult jsonResponse(int status, const std::string &body)
{
    HttpExchangeResult r;
    r.ok = true;
    r.head.status = status;
    r.head.headers.add("Content-Type", "application/json");
    r.body = body;
    return r;
}

} // namespace

class TestScenariosRequestRunner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile manifest(m_dir.filePath(QStringLiteral("shop.yaml")));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write(kShop);
        manifest.close();
        std::string text = "tests:\n";
        for (const Case &c : kCases) {
            text += std::string("- name: ") + c.name +
                    "\n  applicability: simulated\n  manifests: [shop.yaml]" + kAccepted +
                    "  requests:" + c.requests;
        }
        const std::string path = m_dir.filePath(QStringLiteral("shop-cases.yaml")).toStdString();
        QFile cases(QString::fromStdString(path));
        QVERIFY(cases.open(QIODevice::WriteOnly));
        cases.write(text.c_str());
        cases.close();
        m_file = parseRouteTestFile(path);
        QVERIFY2(!m_file.hasErrors(), m_file.diagnostics.empty()
                                          ? ""
                                          : m_file.diagnostics.front().toCompilerStyle().c_str());
        RunnerOptions options;
        options.manifestsRoot = m_dir.path().toStdString();
        options.live = &m_live;
        m_runner = std::make_unique<CaseRunner>(options);
    }

    void runs_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("reason"); // a fragment of the case's reason
        QTest::addColumn<int>("requestItems");
        QTest::newRow("paths, header, 404, redirect, modifiers, repeat")
            << "ShopRouting" << "PASS" << "" << 7;
        QTest::newRow("weighted split") << "ShopWeightedSplit" << "PASS" << "" << 1;
        QTest::newRow("wrong backend") << "WrongBackend" << "FAIL"
                                       << "backend: expected a pod of store-v2, got store-v1-"
                                       << 1;
        QTest::newRow("wrong status") << "WrongStatus" << "FAIL"
                                      << "status: expected 200, got 404" << 1;
        QTest::newRow("wrong request header")
            << "WrongRequestHeader" << "FAIL"
            << "request.headers.X-Added: expected no, got yes" << 1;
        QTest::newRow("wrong shares") << "WrongShares" << "FAIL"
                                      << "distribution: no attempt of 2 met" << 1;
        // Nothing is sent when one item cannot be: never half-checked.
        QTest::newRow("other protocol") << "OtherProtocol" << "SKIP" << "protocol quic not served yet"
                                        << 1;
        // The gateway applies RequestMirror: the mirror backend's log has the request.
        QTest::newRow("mirror applied") << "Mirrored" << "PASS" << "" << 1;
        QTest::newRow("request log via the live environment")
            << "EchoLogSeesBackend" << "PASS" << "" << 1;
        QTest::newRow("mirror count in range") << "MirrorCountInRange" << "PASS" << "" << 1;
        QTest::newRow("mirror count too high")
            << "MirrorCountTooHigh" << "FAIL"
            << "mirrorDistribution: no round of 2 met the ranges; the last one: store-v1 got 20, "
               "expected 1..5"
            << 1;
        QTest::newRow("mirror backend not served")
            << "MirrorNotServed" << "SKIP" << "mirror backend shop/nowhere keeps no request log"
            << 1;
    }

    void runs()
    {
        QFETCH(QString, name);
        QFETCH(QString, verdict);
        QFETCH(QString, reason);
        QFETCH(int, requestItems);
        const RouteTest *test = nullptr;
        for (const RouteTest &t : m_file.tests) {
            test = t.name == name.toStdString() ? &t : test;
        }
        QVERIFY(test != nullptr);
        const CaseResult result = m_runner->run(*test);
        QString log;
        int requests = 0;
        for (const ItemResult &item : result.items) {
            requests += item.what == "request" ? 1 : 0;
            log += QStringLiteral("\n  %1 [%2] %3")
                       .arg(QString::fromLatin1(verdictName(item.result.verdict)),
                            QString::fromStdString(item.what),
                            QString::fromStdString(item.result.english()));
        }
        QVERIFY2(QString::fromLatin1(verdictName(result.verdict)) == verdict, qPrintable(log));
        QVERIFY2(QString::fromStdString(result.reason.english()).contains(reason),
                 qPrintable(QString::fromStdString(result.reason.english()) + log));
        QCOMPARE(requests, requestItems);
    }

    void statusOnlySendsNothing()
    {
        RunnerOptions options;
        options.manifestsRoot = m_dir.path().toStdString();
        CaseRunner statusOnly(options);
        for (const RouteTest &t : m_file.tests) {
            if (t.name == "WrongBackend") {
                const CaseResult result = statusOnly.run(t);
                QCOMPARE(result.verdict, Verdict::Pass);
                for (const ItemResult &item : result.items) {
                    QVERIFY(item.what != "request");
                }
            }
        }
    }

    void compare_data()
    {
        QTest::addColumn<QString>("expect");   // the `expect` of a GET /a request, as YAML
        QTest::addColumn<int>("status");       // of the response
        QTest::addColumn<bool>("json");        // the response is the echo JSON
        QTest::addColumn<QString>("mismatch"); // the field that differs, "" when none
        const QString echo = QStringLiteral("echo");
        QTest::newRow("as sent") << "{namespace: ns, backend: b}" << 200 << true << "";
        QTest::newRow("504 for 408") << "{status: 408}" << 504 << false << "";
        QTest::newRow("namespace equality") << "{namespace: other}" << 200 << true << "namespace";
        QTest::newRow("not checked on 500") << "{status: 500, namespace: other}" << 500 << true
                                            << "";
        QTest::newRow("gateway answered: path \"\"")
            << "{namespace: \"\", request: {path: \"\"}}" << 200 << false << "";
        QTest::newRow("echo is not the gateway")
            << "{namespace: ns, request: {path: \"\"}}" << 200 << true << "request.path";
        QTest::newRow("backend prefix") << "{namespace: ns, backend: c}" << 200 << true
                                        << "backend";
        QTest::newRow("received as sent: header")
            << "{namespace: ns}" << 200 << true << "request.headers.X-Sent";
    }

    void compare()
    {
        QFETCH(QString, expect);
        QFETCH(int, status);
        QFETCH(bool, json);
        QFETCH(QString, mismatch);
        // The last row's request sends a header the echo below did not receive.
        const bool sendsHeader = QString::fromLatin1(QTest::currentDataTag()).contains("header");
        const std::string text = std::string("tests:\n- name: T\n  applicability: simulated\n"
                                             "  manifests: []\n  requests:\n  - request: "
                                             "{path: /a") +
                                 (sendsHeader ? ", headers: {X-Sent: v}" : "") +
                                 "}\n    expect: " + expect.toStdString() + "\n";
        const RouteTestFile file = parseRouteTestText(text, "compare.yaml");
        QVERIFY(!file.hasErrors() && file.tests.size() == 1);
        const std::vector<RequestCase> items = parseRequestCases(file.tests.front().requests);
        QCOMPARE(items.size(), std::size_t(1));
        HttpExchangeResult response = jsonResponse(
            status, R"({"path": "/a", "host": "h", "method": "GET", "namespace": "ns",
                       "pod": "b-123-456", "headers": {"X-Other": ["1"]}})");
        if (!json) {
            response.head.headers.set("Content-Type", "text/plain");
        }
        const CapturedRequest captured = captureRequest(response, "GET");
        const auto m = compareResponse(items.front(), SentSummary{"GET", "/a"}, response,
                                       captured);
        QCOMPARE(QString::fromStdString(m ? m->field : std::string()), mismatch);
    }

    // The corpus's mirror, CORS and retry cases are read in full (nothing the runner cannot
    // judge), so flipping their features to live in claimed_features.cpp is all they need.
    void corpusHttpFeatureCasesParse_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("mirrored");      // items with mirroredTo
        QTest::addColumn<int>("distributions"); // items with mirrorDistribution
        QTest::newRow("mirror") << "httproute-request-mirror.yaml" << 2 << 0;
        QTest::newRow("multiple mirrors") << "httproute-request-multiple-mirrors.yaml" << 2 << 0;
        QTest::newRow("percentage mirror") << "httproute-request-percentage-mirror.yaml" << 3 << 3;
        QTest::newRow("cors") << "httproute-cors.yaml" << 0 << 0;
        QTest::newRow("retry") << "httproute-retry.yaml" << 0 << 0;
    }
    void corpusHttpFeatureCasesParse()
    {
        TORII_REQUIRE_SHARED(QStringLiteral("conformance/cases"));
        QFETCH(QString, file);
        QFETCH(int, mirrored);
        QFETCH(int, distributions);
        const RouteTestFile parsed = parseRouteTestFile(
            Test::sharedPath(QStringLiteral("conformance/cases/") + file).toStdString());
        QVERIFY(!parsed.hasErrors() && !parsed.tests.empty());
        int withMirrors = 0;
        int withDistribution = 0;
        for (const RouteTest &test : parsed.tests) {
            for (const RequestCase &item : parseRequestCases(test.requests)) {
                if (item.unsupported) {
                    QFAIL(qPrintable(QString::fromStdString(item.unsupported->english())));
                }
                withMirrors += item.expect.mirroredTo.empty() ? 0 : 1;
                if (item.expect.mirrorDistribution) {
                    ++withDistribution;
                    const auto &d = *item.expect.mirrorDistribution;
                    QCOMPARE(d.requests, 500);
                    QCOMPARE(d.rounds, 5);
                    QCOMPARE(d.counts.size(), std::size_t(1));
                    QCOMPARE(d.counts.front().backend, std::string("infra-backend-v2"));
                    QVERIFY(d.counts.front().min < d.counts.front().max);
                }
            }
        }
        QCOMPARE(withMirrors, mirrored);
        QCOMPARE(withDistribution, distributions);
    }

    void backendOfPodName()
    {
        QCOMPARE(backendOfPod("infra-backend-v1-abc12-xyz34"), std::string("infra-backend-v1"));
        QCOMPARE(backendOfPod("plain"), std::string("plain"));
    }

private:
    QTemporaryDir m_dir;
    RouteTestFile m_file;
    Runtime::LiveEnvironment m_live; // declared before the runner, which points to it
    std::unique_ptr<CaseRunner> m_runner;
};

QTEST_GUILESS_MAIN(TestScenariosRequestRunner)
#include "tst_scenarios_request_runner.moc"
