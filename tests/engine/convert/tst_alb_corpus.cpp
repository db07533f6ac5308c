// The ALB fixtures of ../shared/fixtures/ecs/alb convert without an error, the objects pass our
// validation, the priority-vs-precedence check reports where order matters (pinned with the
// output in tests/data/convert/alb; TORII_UPDATE_GOLDEN=1 rewrites them), and each finding's
// example request really is routed differently by the two orders.

#include "common/shared_corpus.h"

#include "engine/controller/controller.h"
#include "engine/convert/alb/alb_rule_converter.h"
#include "engine/routetable/route_table.h"
#include "engine/validation/validator.h"
#include "engine/yaml/yaml_emitter.h"
#include "engine/yaml/yaml_loader.h"

#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtTest/QTest>

using namespace Torii;
using namespace Torii::Convert::Alb;

namespace {

Model::SourceRef sourceOf(const std::string &file)
{
    Model::SourceRef ref;
    ref.file = file;
    return ref;
}

QStringList albFiles(const QString &root)
{
    QStringList files;
    QDirIterator it(root, {QStringLiteral("*.json"), QStringLiteral("*.yml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files << QDir(root).relativeFilePath(it.next());
    }
    files.sort();
    return files;
}

// The ALB rule Torii's own data plane picks for `request` on `listener`: the converted objects
// reconciled by engine/controller, the request looked up in the compiled RouteTable.
std::optional<std::size_t> dataPlaneRule(const AlbConversion &result, const std::string &listener,
                                         const ExampleRequest &request)
{
    std::vector<Model::Resource> resources;
    Model::Node cls = Model::Node::map();
    cls.set("apiVersion", Model::Node::string("gateway.networking.k8s.io/v1"));
    cls.set("kind", Model::Node::string("GatewayClass"));
    Model::Node meta = Model::Node::map();
    meta.set("name", Model::Node::string("torii"));
    cls.set("metadata", meta);
    Model::Node spec = Model::Node::map();
    spec.set("controllerName", Model::Node::string("torii.dev/gateway-controller"));
    cls.set("spec", spec);
    resources.push_back(Model::makeResource(cls, sourceOf("class")));
    int port = 0;
    std::string listenerName;
    for (const AlbListener &l : result.rules.listeners) {
        if (l.key == listener) {
            listenerName = l.name;
        }
    }
    for (const auto &o : result.conversion.objects) {
        resources.push_back(Model::makeResource(o, sourceOf("converted")));
        if (o["kind"].str() == "Gateway") {
            for (const auto &l : o.at("spec.listeners")->items()) {
                if (l["name"].str() == listenerName) {
                    port = int(l["port"].asInt());
                }
            }
        }
    }
    const auto reconciled = Controller::reconcile(resources);
    const auto table = reconciled.routeTables.find("default/alb");
    if (table == reconciled.routeTables.end()) {
        return std::nullopt;
    }
    RouteTable::Request req;
    req.method = request.method;
    req.host = request.host;
    req.path = request.path;
    for (std::size_t i = 0; i < request.query.size(); ++i) {
        req.path += (i == 0 ? "?" : "&") + request.query[i].first + "=" + request.query[i].second;
    }
    for (const auto &[k, v] : request.headers) {
        req.headers.push_back({k, v});
    }
    const auto m = table->second->lookup(port, req);
    if (!m.route) {
        return std::nullopt;
    }
    for (const GatewayRoute &r : result.routes) {
        if (r.name == m.route->source.name) {
            return r.rules.at(std::size_t(m.route->source.ruleIndex)).albRule;
        }
    }
    return std::nullopt;
}

} // namespace

class TstAlbCorpus : public QObject
{
    Q_OBJECT

private slots:
    void everyFixtureConverts_data();
    void everyFixtureConverts();
};

void TstAlbCorpus::everyFixtureConverts_data()
{
    QTest::addColumn<QString>("rel");
    QTest::addColumn<int>("findings");
    // Where order matters (the goldens hold the example requests). listener-conditions: the
    // host rule (10) and the header rule (20) come before the method rule (30) and the path rule
    // (40), which Gateway API finds more specific; 5 pairs. svc-prod: its priorities are
    // CloudFormation expressions, so file order is used, and "/*" comes before "/admin" and
    // "/superadmin" on both listeners; 4 pairs. svc-test: the rules differ by source-ip only
    // (noted as no equivalent), the same host and path: order does not change a thing.
    const QMap<QString, int> expected = {
        {QStringLiteral("aws-cdk/integ.alb.listener-conditions.js.snapshot/"
                        "aws-cdk-elbv2-alb-listener-conditions-integ.template.json"),
         5},
        {QStringLiteral("aws-cdk/integ.alb.two-target-groups.js.snapshot/Basic.template.json"), 0},
        {QStringLiteral("botocore/elbv2/2015-12-01/examples-1.json"), 0},
        {QStringLiteral("copilot-cli/svc-prod.stack.yml"), 4},
        {QStringLiteral("copilot-cli/svc-test.stack.yml"), 0},
    };
    const QString root = Test::sharedPath(QStringLiteral("fixtures/ecs/alb"));
    for (const QString &rel : albFiles(root)) {
        QTest::newRow(qPrintable(rel)) << rel << expected.value(rel, -1);
    }
}

void TstAlbCorpus::everyFixtureConverts()
{
    TORII_REQUIRE_SHARED(QStringLiteral("fixtures/ecs/alb"));
    QFETCH(QString, rel);
    QFETCH(int, findings);
    const std::string path =
        Test::sharedPath(QStringLiteral("fixtures/ecs/alb/") + rel).toStdString();
    const std::string display = "alb/" + rel.toStdString();
    QFile file(QString::fromStdString(path));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    // As toriictl convert reads a template: `!GetAtt X.Priority` is a call, not the text.
    Yaml::LoadOptions options;
    options.cloudFormationTags = true;
    Yaml::LoadResult loaded =
        Yaml::loadText(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                       display, options);
    QVERIFY(!loaded.fatal);
    QCOMPARE(loaded.documents.size(), std::size_t(1));
    const Model::Node &root = loaded.documents[0].root;
    QCOMPARE(claimAlbRules(root), Convert::Claim::Mine);
    const AlbConversion result = convertAlbRulesDetailed(root, display);
    const Convert::Conversion &c = result.conversion;
    for (const auto &n : c.notes) {
        if (n.isError()) {
            qWarning("%s", n.toCompilerStyle().c_str());
        }
    }
    QVERIFY(c.usable());
    QVERIFY(c.objects.size() >= 2);

    std::vector<Model::Resource> resources;
    for (const auto &o : c.objects) {
        resources.push_back(Model::makeResource(o, sourceOf(display)));
    }
    int errors = 0;
    for (const auto &d : Validation::validateAll(resources)) {
        if (d.isError()) {
            ++errors;
            qWarning("%s", d.toCompilerStyle().c_str());
        }
    }
    QCOMPARE(errors, 0);

    // Each finding is real: the request matches the ALB's rule first, and the converted routes
    // pick something else.
    for (const OrderFinding &f : result.findings) {
        QCOMPARE(albWinner(result.rules, f.listener, f.request), std::optional(f.albRule));
        QVERIFY(gatewayWinner(result.routes, f.listener, f.request) != std::optional(f.albRule));
        // Torii's data plane routes it as the check says.
        QCOMPARE(dataPlaneRule(result, f.listener, f.request), f.gatewayRule);
    }
    qInfo("%s: %d rules, %d routes, %d findings", qPrintable(rel), int(result.rules.rules.size()),
          int(result.routes.size()), int(result.findings.size()));
    if (findings >= 0) {
        QCOMPARE(int(result.findings.size()), findings);
    }

    std::string actual = "# " + rel.toStdString() +
                         " converted by tst_alb_corpus (TORII_UPDATE_GOLDEN=1 regenerates).\n";
    actual += Yaml::emitDocuments(c.objects);
    actual += "# notes:\n";
    for (const auto &n : c.notes) {
        actual += "# " + n.toCompilerStyle() + "\n";
    }
    QString goldenName = rel;
    goldenName.replace(QLatin1Char('/'), QLatin1String("__"));
    goldenName += QLatin1String(".yaml");
    const QString goldenPath = QStringLiteral(TORII_TEST_DATA_DIR "/convert/alb/") + goldenName;
    if (qEnvironmentVariable("TORII_UPDATE_GOLDEN") == QLatin1String("1")) {
        QFile out(goldenPath);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(actual.data(), static_cast<qint64>(actual.size()));
        return;
    }
    QFile golden(goldenPath);
    QVERIFY2(
        golden.open(QIODevice::ReadOnly),
        qPrintable(
            QStringLiteral("missing golden %1 (run with TORII_UPDATE_GOLDEN=1)").arg(goldenPath)));
    QCOMPARE(QString::fromStdString(actual), QString::fromUtf8(golden.readAll()));
}

QTEST_GUILESS_MAIN(TstAlbCorpus)
#include "tst_alb_corpus.moc"
