// The three corpus cases whose steps are told only in their notes, run for real (status and
// requests on the live local gateway): TCPRouteMultipleRoutesAttachment and
// UDPRouteMultipleRoutesAttachment (a route created from code: both routes accepted, the
// listener counts 2, only the older route carries the traffic) and UDPRouteReferenceGrant (the
// grant deleted after the traffic check, then RefNotPermitted). Each must PASS, with the step
// performed where its notes place it. For the grant, the objects the gateway served are served
// again without the grant, and a datagram must then go unanswered (traffic refused), while the
// same datagram is answered with the grant.
#include "conformance_corpus.h"

#include "app/runtime/live_environment.h"
#include "simulator/scenarios/case_runner.h"
#include "simulator/scenarios/route_test_case.h"

#include <QtNetwork/QHostAddress>
#include <QtNetwork/QUdpSocket>
#include <QtTest/QTest>

#include <algorithm>
#include <memory>

using namespace Torii;
using namespace Torii::Scenarios;

namespace {

// The live environment, remembering what it was last asked to serve.
class RecordingEnvironment final : public Scenarios::LiveEnvironment
{
public:
    bool start(const std::vector<Model::Resource> &resources,
               const Controller::ControllerOptions &options, std::string *error) override
    {
        lastResources = resources;
        lastOptions = options;
        return live.start(resources, options, error);
    }
    std::optional<quint16> localPort(const std::string &gatewayNsName,
                                     int listenerPort) const override
    {
        return live.localPort(gatewayNsName, listenerPort);
    }
    void stop() override { live.stop(); }
    std::optional<int> echoedRequests(const std::string &serviceNsName,
                                      const std::string &target) const override
    {
        return live.echoedRequests(serviceNsName, target);
    }

    Runtime::LiveEnvironment live;
    std::vector<Model::Resource> lastResources;
    Controller::ControllerOptions lastOptions;
};

// One datagram to 127.0.0.1:port; true when any answer arrives within a second.
bool udpAnswered(quint16 port)
{
    QUdpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(1000)) {
        return false;
    }
    socket.write("gateway-api-conformance-udp-echo");
    return socket.waitForReadyRead(1000) && socket.pendingDatagramSize() >= 0;
}

} // namespace

class TestScenariosProseCases : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        TORII_REQUIRE_SHARED("conformance/cases");
        RunnerOptions options;
        options.conformance = true;
        options.live = &m_live;
        m_runner = std::make_unique<CaseRunner>(options);
    }

    void cases_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("step");
        QTest::addColumn<int>("requests");
        QTest::newRow("TCPRouteMultipleRoutesAttachment")
            << "tcproute-multiple-routes-attachment.yaml"
            << "applied create TCPRoute gateway-conformance-infra/tcproute-attach-newer" << 2;
        QTest::newRow("UDPRouteMultipleRoutesAttachment")
            << "udproute-multiple-routes-attachment.yaml"
            << "applied create UDPRoute gateway-conformance-infra/udproute-attach-newer" << 1;
        QTest::newRow("UDPRouteReferenceGrant")
            << "udproute-reference-grant.yaml"
            << "applied delete ReferenceGrant gateway-conformance-app-backend/udp-reference-grant"
            << 1;
    }

    void cases()
    {
        QFETCH(QString, file);
        QFETCH(QString, step);
        QFETCH(int, requests);
        const CaseResult result = run(file);
        QVERIFY2(result.verdict == Verdict::Pass,
                 qPrintable(QString::fromStdString(result.reason.english()) +
                            TestSupport::itemLog(result)));
        // The step was performed once, and the requests were sent (none skipped).
        const auto stepAt =
            std::find_if(result.items.begin(), result.items.end(), [&](const ItemResult &item) {
                return item.result.english() == step.toStdString();
            });
        QVERIFY2(stepAt != result.items.end(), qPrintable(TestSupport::itemLog(result)));
        qInfo("%s", qPrintable(TestSupport::itemLog(result)));
        const int sent = static_cast<int>(
            std::count_if(result.items.begin(), result.items.end(),
                          [](const ItemResult &item) { return item.what == "request"; }));
        QCOMPARE(sent, requests);
        // Where the notes place the step: before the item noted "after the newer route is
        // created" (so before the requests), or after the traffic check.
        const auto firstRequest =
            std::find_if(result.items.begin(), result.items.end(),
                         [](const ItemResult &item) { return item.what == "request"; });
        if (file.startsWith(QLatin1String("udproute-reference-grant"))) {
            QVERIFY(stepAt > firstRequest);
            // Then the last status item, the one that expects RefNotPermitted, passed.
            const ItemResult &last = result.items.back();
            QCOMPARE(last.what, std::string("routeCondition"));
            QCOMPARE(last.subtest, std::string("UDPRoute has ResolvedRefs=False with reason "
                                               "RefNotPermitted after deleting the "
                                               "ReferenceGrant"));
            QVERIFY(last.result.verdict == Verdict::Pass);
        } else {
            QVERIFY(stepAt < firstRequest);
        }
    }

    // UDPRouteReferenceGrant's objects, as the gateway served them, with and without the grant.
    void trafficRefusedWithoutTheGrant()
    {
        const CaseResult result = run(QStringLiteral("udproute-reference-grant.yaml"));
        QVERIFY(result.verdict == Verdict::Pass);
        std::vector<Model::Resource> served = m_live.lastResources;
        std::string error;
        QVERIFY2(m_live.live.start(served, m_live.lastOptions, &error), error.c_str());
        std::optional<quint16> port =
            m_live.live.localPort("gateway-conformance-infra/udp-gateway-reference-grant", 5300);
        QVERIFY(port);
        QVERIFY(udpAnswered(*port));
        const auto grant = std::find_if(served.begin(), served.end(), [](const Model::Resource &r) {
            return r.kind == "ReferenceGrant" && r.name == "udp-reference-grant";
        });
        QVERIFY(grant != served.end());
        served.erase(grant);
        QVERIFY2(m_live.live.start(served, m_live.lastOptions, &error), error.c_str());
        port = m_live.live.localPort("gateway-conformance-infra/udp-gateway-reference-grant", 5300);
        // Refused either way: the listener served with no backend behind the route, or not
        // served at all.
        QVERIFY(!port || !udpAnswered(*port));
        m_live.live.stop();
    }

private:
    CaseResult run(const QString &file)
    {
        const QString path =
            Test::sharedPath(QStringLiteral("conformance/cases/")) + QLatin1Char('/') + file;
        QString error;
        const RouteTest *test = m_corpus.test(path, 0, &error);
        if (test == nullptr) {
            qFatal("%s", qPrintable(error));
        }
        return m_runner->run(*test);
    }

    RecordingEnvironment m_live; // declared before the runner, which points to it
    std::unique_ptr<CaseRunner> m_runner;
    TestSupport::ConformanceCorpus m_corpus;
};

QTEST_GUILESS_MAIN(TestScenariosProseCases)
#include "tst_scenarios_prose_cases.moc"
