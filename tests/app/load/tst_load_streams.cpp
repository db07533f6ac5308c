// LoadRun's L4 rules: the default mix samples every TCPRoute, UDPRoute and TLSRoute rule the
// in-process gateways serve (simulator/traffic/stream_sampler.h), each sample a new connection or
// UDP flow to the mock echo backends, and reports them as rule rows with observed shares and the
// chi-square weight test, as for HTTP.
#include "app/runtime/load_run.h"
#include "simulator/traffic/stream_sampler.h"

#include <QtNetwork/QTcpServer>
#include <QtTest/QtTest>

#include <set>

using namespace Torii;

namespace {

std::string data(const char *name)
{
    return std::string(TORII_TEST_DATA_DIR) + "/load/" + name;
}

const Runtime::RuleLoad *rule(const Runtime::LoadReport &r, const std::string &key)
{
    for (const Runtime::RuleLoad &x : r.rules) {
        if (x.key == key) {
            return &x;
        }
    }
    return nullptr;
}

const Runtime::BackendLoad *backend(const Runtime::RuleLoad &r, const std::string &service)
{
    for (const Runtime::BackendLoad &b : r.backends) {
        if (b.service == service) {
            return &b;
        }
    }
    return nullptr;
}

// 400 samples of a two-backend split: each observed share within 0.07 of the configured one
// (3.5 standard deviations at 80/20) and the weight test not rejecting the weights. The gateway's
// draws are seeded, but the samples of three rules interleave across threads, so the per-rule
// sequence is not fixed: alpha 0.001 keeps a correct split from failing by chance.
void checkSplit(const Runtime::LoadReport &report, const std::string &key, const char *first,
                double firstShare, const char *second)
{
    const Runtime::RuleLoad *r = rule(report, key);
    QVERIFY2(r, key.c_str());
    QCOMPARE(r->requests, std::uint64_t(400));
    QCOMPARE(r->byClass[0], std::uint64_t(0)); // no failed sample
    QCOMPARE(r->unattributed, std::uint64_t(0));
    QCOMPARE(r->backends.size(), std::size_t(2));
    const Runtime::BackendLoad *a = backend(*r, first);
    const Runtime::BackendLoad *b = backend(*r, second);
    QVERIFY(a && b);
    QCOMPARE(a->ns, std::string("default"));
    QCOMPARE(a->requests + b->requests, std::uint64_t(400));
    QCOMPARE(a->configuredShare, firstShare);
    qInfo("%s: %s %llu, %s %llu, p = %g", key.c_str(), first, (unsigned long long)a->requests,
          second, (unsigned long long)b->requests, r->weightTest.pValue);
    QVERIFY(std::abs(a->share - firstShare) < 0.07);
    QVERIFY(r->weightTest.consistent);
    QVERIFY(r->latency.count() == 400);
}

} // namespace

class TstLoadStreams : public QObject
{
    Q_OBJECT

private slots:
    void rulesOfEveryL4Listener()
    {
        Runtime::StatusRun status =
            Runtime::computeStatus({data("l4-split.yaml")}, {}, [](auto &) {});
        std::vector<Traffic::StreamRule> rules;
        for (const auto &r : Traffic::streamRules(status.controller.routeTables)) {
            rules.push_back(r);
        }
        QCOMPARE(rules.size(), std::size_t(3));
        std::map<int, Traffic::StreamRule> byPort;
        for (const auto &r : rules) {
            byPort[r.port] = r;
        }
        QCOMPARE(byPort[9000].protocol, Traffic::StreamProtocol::Tcp);
        QCOMPARE(byPort[9001].protocol, Traffic::StreamProtocol::Udp);
        QCOMPARE(byPort[9443].protocol, Traffic::StreamProtocol::Tls);
        QCOMPARE(byPort[9443].serverName, std::string("secure.example.com"));
        QCOMPARE(byPort[9000].route->source.name, std::string("db"));
    }

    void tcpUdpAndTlsSplitsMatchTheirWeights()
    {
        Runtime::LoadOptions options;
        options.generator.requestLimit = 50; // the design has no HTTP route: unused
        options.gatewaySeed = 4242;
        options.streamSamples = 400;
        options.alpha = 0.001;
        Runtime::LoadRun run;
        QString error;
        QVERIFY2(run.prepare({data("l4-split.yaml")}, options, &error), qPrintable(error));
        QVERIFY2(run.run({}, &error), qPrintable(error));
        const Runtime::LoadReport &report = run.report();
        QCOMPARE(report.streamSamples, std::uint64_t(1200));
        QCOMPARE(report.requests, std::uint64_t(1200));
        QVERIFY2(report.failures.empty(),
                 report.failures.empty() ? "" : report.failures.begin()->first.c_str());
        QCOMPARE(report.errors, std::uint64_t(0));
        QVERIFY(report.unsampledStreams.empty());
        checkSplit(report, "TCPRoute default/db rule 0", "db-primary", 0.8, "db-replica");
        checkSplit(report, "UDPRoute default/dns rule 0", "dns-a", 0.5, "dns-b");
        checkSplit(report, "TLSRoute default/secure rule 0", "secure-v1", 0.5, "secure-v2");
        QVERIFY(report.elapsedSeconds > 0.0);
    }

    void rulesNoEchoAnswersAreListedNotSampled()
    {
        // The demo workspace's L4 backends: CoreDNS (a DNS mock) does not answer the echo's
        // TEST, so its rule is listed as not sampled instead of counting a failure per sample.
        // PostgreSQL and the TLS tenant run images of their own, which the TCP echo stands in
        // for (stream_backends.h): their samples name the endpoint that answered.
        Runtime::LoadOptions options;
        options.generator.requestLimit = 20;
        options.generator.connections = 2;
        options.streamSamples = 10;
        Runtime::LoadRun run;
        QString error;
        QVERIFY2(run.prepare({std::string(TORII_SOURCE_DIR) + "/resources/demo"}, options, &error),
                 qPrintable(error));
        QVERIFY2(run.run({}, &error), qPrintable(error));
        const Runtime::LoadReport &report = run.report();
        const std::set<std::string> unsampled(report.unsampledStreams.begin(),
                                              report.unsampledStreams.end());
        QCOMPARE(unsampled, (std::set<std::string>{"UDPRoute data/coredns rule 0"}));
        QVERIFY(!rule(report, "UDPRoute data/coredns rule 0"));
        QCOMPARE(report.streamSamples, std::uint64_t(20));
        QCOMPARE(report.requests, std::uint64_t(40));
        for (const auto &[key, service] :
             {std::pair<std::string, const char *>{"TCPRoute data/postgres rule 0",
                                                   "postgres-primary"},
              {"TLSRoute webapp/tenant-a rule 0", "tenant-a"}}) {
            const Runtime::RuleLoad *r = rule(report, key);
            QVERIFY2(r, key.c_str());
            QCOMPARE(r->requests, std::uint64_t(10));
            QCOMPARE(r->byClass[0], std::uint64_t(0)); // no failed sample
            QCOMPARE(r->unattributed, std::uint64_t(0));
            const Runtime::BackendLoad *b = backend(*r, service);
            QVERIFY2(b, service);
            QCOMPARE(b->requests, std::uint64_t(10));
        }
    }

    void targetLeavesL4RulesUnsampled()
    {
        // With --target the gateway is not ours and is one HTTP port: the L4 rules are listed,
        // not sampled, and a design with nothing else to send is an error.
        Runtime::LoadOptions options;
        options.target = std::make_pair(std::string("127.0.0.1"), quint16(1));
        Runtime::LoadRun run;
        QString error;
        QVERIFY(!run.prepare({data("l4-split.yaml")}, options, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(run.report().unsampledStreams.size(), std::size_t(3));
    }

    void failedSamplesKeepTheirReason()
    {
        // Nothing listens on a port just released: the sample fails, with why, within its
        // deadline.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const quint16 port = server.serverPort();
        server.close();
        Traffic::StreamTarget target;
        target.protocol = Traffic::StreamProtocol::Tcp;
        target.port = port;
        target.samples = 3;
        Traffic::StreamSampler sampler({target});
        std::vector<Traffic::StreamSample> seen;
        sampler.run([&](const Traffic::StreamSample &s) { seen.push_back(s); });
        QCOMPARE(seen.size(), std::size_t(3));
        for (const auto &s : seen) {
            QVERIFY(s.backend.empty());
            QVERIFY2(s.error.find("cannot connect") != std::string::npos, s.error.c_str());
        }
        // A target none of whose first five samples was answered is given up.
        target.samples = 20;
        Traffic::StreamSampler giveUp({target}, {1, std::chrono::milliseconds(1000)});
        int reported = 0;
        giveUp.run([&](const Traffic::StreamSample &) { ++reported; });
        QCOMPARE(reported, 5);
    }
};

QTEST_GUILESS_MAIN(TstLoadStreams)
#include "tst_load_streams.moc"
