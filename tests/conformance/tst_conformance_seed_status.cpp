// The guide's examples (../shared/fixtures/seed) get the status a real controller would give
// them. The guide names classes of other controllers, so the workspace setting "accept every
// class" is on, as a user loading the guide would set it.
#include "common/shared_corpus.h"

#include "app/runtime/status_run.h"

#include <QtTest/QTest>

using namespace Torii;
using Model::Node;

namespace {

const Node *statusOf(const Runtime::StatusRun &run, const std::string &kind, const std::string &name)
{
    for (std::size_t i = 0; i < run.resources.size(); ++i) {
        if (run.resources[i].kind == kind && run.resources[i].name == name) {
            const auto &status = run.controller.statuses.at(i);
            return status ? &*status : nullptr;
        }
    }
    return nullptr;
}

// "status/reason" of condition `type` in `conditions`, or "absent".
std::string condition(const Node &conditions, const std::string &type)
{
    for (const Node &c : conditions.items()) {
        if (c["type"].asString() == type) {
            return c["status"].asString() + '/' + c["reason"].asString();
        }
    }
    return "absent";
}

const Node &listener(const Node &status, const std::string &name)
{
    static const Node none;
    for (const Node &l : status["listeners"].items()) {
        if (l["name"].asString() == name) {
            return l;
        }
    }
    return none;
}

Runtime::StatusRun seed(std::initializer_list<const char *> files)
{
    std::vector<std::string> paths;
    for (const char *f : files) {
        paths.push_back(Test::sharedPath(QStringLiteral("fixtures/seed/") + QLatin1String(f))
                            .toStdString());
    }
    Controller::ControllerOptions options;
    options.acceptAllClasses = true;
    return Runtime::computeStatus(paths, options);
}

} // namespace

class TestConformanceSeedStatus : public QObject
{
    Q_OBJECT

private slots:
    // GatewayClass nginx points at an NginxGateway the guide never shows: accepted under "accept
    // every class", with a warning that its own controller would say InvalidParameters.
    void classWithUnreadableParameters()
    {
        TORII_REQUIRE_SHARED("fixtures/seed");
        const auto run = seed({"06.yaml"});
        const Node *status = statusOf(run, "GatewayClass", "nginx");
        QVERIFY(status);
        QCOMPARE(condition((*status)["conditions"], "Accepted"), std::string("True/Accepted"));
        const bool warned = std::any_of(run.diagnostics.begin(), run.diagnostics.end(), [](const auto &d) {
            return d.severity == Core::Severity::Warning
                   && d.message.find("InvalidParameters") != std::string::npos;
        });
        QVERIFY(warned);
    }

    // The production Gateway: a certificate in cert-manager with no ReferenceGrant, a second
    // certificate that is not in the guide, and an address Torii cannot serve.
    void productionGateway()
    {
        TORII_REQUIRE_SHARED("fixtures/seed");
        const auto run = seed({"06.yaml", "07.yaml", "08.yaml"});
        const Node *status = statusOf(run, "Gateway", "production-gateway");
        QVERIFY(status);
        QCOMPARE(condition((*status)["conditions"], "Accepted"), std::string("True/Accepted"));
        QCOMPARE(condition((*status)["conditions"], "Programmed"),
                 std::string("False/AddressNotUsable"));
        QCOMPARE(condition(listener(*status, "https")["conditions"], "ResolvedRefs"),
                 std::string("False/RefNotPermitted"));
        QCOMPARE(condition(listener(*status, "api-https")["conditions"], "ResolvedRefs"),
                 std::string("False/InvalidCertificateRef"));
        QCOMPARE(condition(listener(*status, "http")["conditions"], "ResolvedRefs"),
                 std::string("True/ResolvedRefs"));
    }

    // The basic HTTPRoute attaches to the https listener, but none of its Services is in the
    // guide: BackendNotFound, and every share answers 500.
    void routeWithoutServices()
    {
        TORII_REQUIRE_SHARED("fixtures/seed");
        const auto run = seed({"06.yaml", "07.yaml", "08.yaml"});
        const Node *status = statusOf(run, "HTTPRoute", "webapp-routes");
        QVERIFY(status);
        const Node &parents = (*status)["parents"];
        QCOMPARE(parents.size(), std::size_t(1));
        QCOMPARE(condition(parents.items()[0]["conditions"], "Accepted"), std::string("True/Accepted"));
        QCOMPARE(condition(parents.items()[0]["conditions"], "ResolvedRefs"),
                 std::string("False/BackendNotFound"));
        const auto table = run.controller.routeTables.at("gateway-system/production-gateway");
        const auto view = table->listener(443);
        QVERIFY(view && !view->hosts.empty());
        for (const auto &host : view->hosts) {
            for (const auto *route : host.routes) {
                for (const auto &backend : route->backends) {
                    QVERIFY(!backend.isValid());
                }
            }
        }
    }

    // Without "accept every class", the guide's classes belong to other controllers: Torii writes
    // no status at all, as a cluster without those controllers would show.
    void foreignClassesGetNoStatus()
    {
        TORII_REQUIRE_SHARED("fixtures/seed");
        const auto run = Runtime::computeStatus(
            {Test::sharedPath("fixtures/seed/06.yaml").toStdString(),
             Test::sharedPath("fixtures/seed/07.yaml").toStdString()});
        QVERIFY(!statusOf(run, "GatewayClass", "nginx"));
        QVERIFY(!statusOf(run, "Gateway", "production-gateway"));
    }
};

QTEST_GUILESS_MAIN(TestConformanceSeedStatus)
#include "tst_conformance_seed_status.moc"
