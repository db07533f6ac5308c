// `toriictl test` as a user runs it: the real binary on project-owned case files and manifests
// written to a temporary folder; its lines, its summary line, its exit codes and its JUnit file.
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run toriictl(const QStringList &arguments, const QString &workingDirectory)
{
    QProcess process;
    process.setWorkingDirectory(workingDirectory);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(TORIICTL_PATH), QStringList{QStringLiteral("test")} + arguments);
    process.waitForFinished(120000);
    return Run{process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
               QString::fromUtf8(process.readAllStandardError())};
}

void write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size()) {
        qFatal("cannot write %s", qPrintable(path));
    }
}

// A world of one class, one Gateway and one HTTPRoute, as Torii's own route tests would hold.
constexpr const char *kManifest = R"(apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: torii}
spec: {controllerName: torii.dev/gateway-controller}
---
apiVersion: v1
kind: Namespace
metadata: {name: shop}
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
metadata: {name: api, namespace: shop}
spec:
  ports: [{port: 8080}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: api, namespace: shop}
spec:
  parentRefs: [{name: web}]
  rules:
  - backendRefs: [{name: api, port: 8080}]
)";

constexpr const char *kCases = R"(tests:
- name: RouteAccepted
  manifests: [shop.yaml]
  status:
  - kind: HTTPRoute
    namespace: shop
    name: api
    check: routeCondition
    parents:
    - parentRef: {name: web}
      conditions:
      - {type: Accepted, status: "True", reason: Accepted}
- name: RouteRejected
  manifests: [shop.yaml]
  status:
  - kind: HTTPRoute
    namespace: shop
    name: api
    check: routeCondition
    parents:
    - parentRef: {name: web}
      conditions:
      - {type: Accepted, status: "False", reason: NotAllowedByListeners}
- name: NeedsACluster
  manifests: [shop.yaml]
  applicability: cluster-only
  notes: "Cluster-only: pods roll out. More prose."
- name: NeedsAFeature
  features: [Gateway, GatewayInfrastructurePropagation]
  manifests: [shop.yaml]
  status:
  - {kind: Gateway, namespace: shop, name: web, check: gatewayCondition, conditions: [{type: Accepted}]}
)";

// Status and requests on the same world: one request that must pass, one that must fail.
constexpr const char *kRequestCases = R"(tests:
- name: ApiAnswers
  manifests: [shop.yaml]
  status:
  - {kind: HTTPRoute, namespace: shop, name: api, check: routeCondition,
     parents: [{parentRef: {name: web}, conditions: [{type: Accepted, status: "True"}]}]}
  gateway: {namespace: shop, name: web}
  requests:
  - request: {path: /hello?x=1}
    expect: {status: 200, backend: api, namespace: shop}
- name: ApiIsNotElsewhere
  manifests: [shop.yaml]
  status:
  - {kind: HTTPRoute, namespace: shop, name: api, check: routeCondition,
     parents: [{parentRef: {name: web}, conditions: [{type: Accepted, status: "True"}]}]}
  gateway: {namespace: shop, name: web}
  requests:
  - request: {path: /}
    expect: {status: 200, backend: other, namespace: shop}
)";

} // namespace

class TestScenariosToriictlTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        write(m_dir.filePath("manifests/shop.yaml"), kManifest);
        write(m_dir.filePath("cases/shop.yaml"), kCases);
        write(m_dir.filePath("requests/shop.yaml"), kRequestCases);
        write(m_dir.filePath("bad/bad.yaml"), "tests:\n- name: a\n  manifests: []\n  status:\n"
                                              "  - {kind: Gateway, name: g, check: hasAdress}\n");
        write(m_dir.filePath("missing/cases/m.yaml"),
              "tests:\n- name: Missing\n  manifests: [nowhere.yaml]\n  status:\n"
              "  - {kind: Gateway, name: g, check: hasAddress}\n");
    }

    void statusOnly()
    {
        const Run run = toriictl({"--status-only", "--cases", "cases"}, m_dir.path());
        QCOMPARE(run.exitCode, 1);
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines[0], QStringLiteral("PASS RouteAccepted"));
        QCOMPARE(lines[1],
                 QStringLiteral("FAIL RouteRejected: HTTPRoute shop/api: expected condition "
                                "Accepted=False (reason NotAllowedByListeners) on the "
                                "status.parents entry for Gateway shop/web; it has Accepted=True "
                                "(Accepted), ResolvedRefs=True (ResolvedRefs)"));
        QCOMPARE(lines[2], QStringLiteral("SKIP NeedsACluster: cluster-only: pods roll out."));
        QCOMPARE(lines[3], QStringLiteral("SKIP NeedsAFeature: requires "
                                          "GatewayInfrastructurePropagation, which Torii does "
                                          "not claim"));
        QCOMPARE(lines[4], QStringLiteral("1 passed, 1 failed, 2 skipped"));
    }

    void withRequests()
    {
        const Run run = toriictl({"--cases", "requests", "--manifests-root", "manifests"},
                                 m_dir.path());
        QCOMPARE(run.exitCode, 1);
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QStringLiteral("PASS ApiAnswers"));
        QVERIFY2(lines[1].startsWith(QStringLiteral("FAIL ApiIsNotElsewhere: GET /: backend: "
                                                    "expected a pod of other, got api-")),
                 qPrintable(lines[1]));
        QCOMPARE(lines[2], QStringLiteral("1 passed, 1 failed, 0 skipped"));
    }

    void junit()
    {
        const QString report = m_dir.filePath("report.xml");
        const Run run = toriictl({"--status-only", "--cases", "cases/shop.yaml", "-o", "junit",
                                  report, "--manifests-root", "manifests"},
                                 m_dir.path());
        QCOMPARE(run.exitCode, 1);
        QFile f(report);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString xml = QString::fromUtf8(f.readAll());
        QVERIFY2(xml.contains("<testsuites name=\"toriictl test\" tests=\"4\" failures=\"1\" "
                              "errors=\"0\" skipped=\"2\""),
                 qPrintable(xml));
        QVERIFY(xml.contains("<testcase name=\"RouteRejected\" classname=\"shop\""));
        QVERIFY(xml.contains("<failure message=\"HTTPRoute shop/api: expected condition"));
        QVERIFY(xml.contains("<skipped message=\"cluster-only: pods roll out.\"/>"));
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("stderrContains");
        QTest::newRow("no cases") << QStringList{"--status-only"} << "--cases";
        QTest::newRow("no cases, with requests") << QStringList{} << "--cases";
        QTest::newRow("missing path")
            << QStringList{"--status-only", "--cases", "nowhere"} << "nowhere: no such file";
        QTest::newRow("bad case file") << QStringList{"--status-only", "--cases", "bad"}
                                       << "bad/bad.yaml:5:37: error: unknown check \"hasAdress\"";
        QTest::newRow("bad output")
            << QStringList{"--status-only", "--cases", "cases", "-o", "json"} << "-o junit FILE";
        QTest::newRow("unreadable manifest")
            << QStringList{"--status-only", "--cases", "missing/cases"} << "";
    }

    void refusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, stderrContains);
        const Run run = toriictl(arguments, m_dir.path());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(stderrContains), qPrintable(run.err));
    }

    void unreadableManifestIsReported()
    {
        const Run run = toriictl({"--status-only", "--cases", "missing/cases"}, m_dir.path());
        QVERIFY2(run.out.startsWith("FAIL Missing: cannot load manifest "), qPrintable(run.out));
        QVERIFY(run.out.endsWith("0 passed, 1 failed, 0 skipped\n"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestScenariosToriictlTest)
#include "tst_scenarios_toriictl_test.moc"
