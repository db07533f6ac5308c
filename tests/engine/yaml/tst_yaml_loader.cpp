#include "engine/yaml/resource_reader.h"
#include "engine/yaml/yaml_loader.h"

#include <QtTest/QTest>

using namespace Torii;
using Model::Node;

class TestYamlLoader : public QObject
{
    Q_OBJECT

private slots:
    void positionsOfKeysAndValues()
    {
        const auto r =
            Yaml::loadText("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n", "svc.yaml");
        QVERIFY(!r.fatal);
        QCOMPARE(r.documents.size(), std::size_t(1));
        const Node &root = r.documents[0].root;
        const Node::Entry *metadata = root.findEntry("metadata");
        QVERIFY(metadata);
        QCOMPARE(metadata->keyMark.line, 3u);
        QCOMPARE(metadata->keyMark.column, 1u);
        const Node::Entry *name = metadata->value.findEntry("name");
        QCOMPARE(name->keyMark.line, 4u);
        QCOMPARE(name->keyMark.column, 3u);
        QCOMPARE(name->value.mark().line, 4u);
        QCOMPARE(name->value.mark().column, 9u);
        QCOMPARE(name->value.str(), std::string("web"));
    }

    void scalars_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("json");
        QTest::newRow("int") << "v: 80"
                             << R"({"v":80})";
        QTest::newRow("quoted int stays a string") << "v: \"80\""
                                                   << R"({"v":"80"})";
        QTest::newRow("hex") << "v: 0x1F"
                             << R"({"v":31})";
        QTest::newRow("yaml 1.1 octal") << "v: 010"
                                        << R"({"v":8})";
        QTest::newRow("underscores") << "v: 1_000"
                                     << R"({"v":1000})";
        QTest::newRow("yes is true") << "v: yes"
                                     << R"({"v":true})";
        QTest::newRow("off is false") << "v: off"
                                      << R"({"v":false})";
        QTest::newRow("tilde") << "v: ~"
                               << R"({"v":null})";
        QTest::newRow("empty") << "v:"
                               << R"({"v":null})";
        QTest::newRow("float") << "v: 1.5"
                               << R"({"v":1.5})";
        QTest::newRow("version-like string") << "v: 1.2.3"
                                             << R"({"v":"1.2.3"})";
        QTest::newRow("duration string") << "v: 10s"
                                         << R"({"v":"10s"})";
        QTest::newRow("single quoted true") << "v: 'true'"
                                            << R"({"v":"true"})";
        QTest::newRow("block literal") << "v: |\n  a\n  b\n"
                                       << R"({"v":"a\nb\n"})";
        QTest::newRow("flow") << "v: {a: [1, x]}"
                              << R"({"v":{"a":[1,"x"]}})";
        QTest::newRow("merge key") << "b: &b {x: 1, z: 2}\nv:\n  <<: *b\n  z: 3"
                                   << R"({"b":{"x":1,"z":2},"v":{"z":3,"x":1}})";
        // kubectl (go-yaml v2) resolves keys too: the Norway problem, kept on purpose.
        QTest::newRow("yaml 1.1 key y") << "y: 1"
                                        << R"({"true":1})";
        QTest::newRow("name n is false") << "name: n"
                                         << R"({"name":false})";
    }

    void scalars()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, json);
        const auto r = Yaml::loadText(yaml.toStdString(), "t.yaml");
        QVERIFY2(!r.fatal, r.diagnostics.empty() ? "" : r.diagnostics[0].message.c_str());
        QCOMPARE(QString::fromStdString(r.documents.at(0).root.toJson()), json);
    }

    void multiDocumentAndList()
    {
        const char *text = "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n"
                           "---\n"
                           "# only a comment\n"
                           "---\n"
                           "apiVersion: v1\nkind: List\nitems:\n"
                           "- apiVersion: v1\n  kind: Namespace\n  metadata: {name: b}\n"
                           "- apiVersion: v1\n  kind: Namespace\n  metadata: {name: c}\n";
        const auto r = Yaml::readText(text, "ns.yaml");
        QVERIFY(!r.fatal);
        QCOMPARE(r.resources.size(), std::size_t(3));
        QCOMPARE(r.resources[0].name, std::string("a"));
        QCOMPARE(r.resources[2].name, std::string("c"));
        QCOMPARE(r.resources[2].source.listItem, 1);
        QCOMPARE(r.resources[2].source.mark.line, 13u);
    }

    void duplicateKeyIsAnError()
    {
        const auto r = Yaml::loadText("metadata:\n  name: a\n  name: b\n", "dup.yaml");
        QCOMPARE(r.diagnostics.size(), std::size_t(1));
        const auto &d = r.diagnostics[0];
        QCOMPARE(d.code, std::string("yaml.duplicate-key"));
        QCOMPARE(d.line, 3);
        QCOMPARE(d.column, 3);
        QVERIFY(d.message.find("line 2") != std::string::npos);
        QCOMPARE(d.file, std::string("dup.yaml"));
    }

    void upgradesOlderGatewayApiVersions_data()
    {
        QTest::addColumn<QString>("apiVersion");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("upgraded");
        QTest::newRow("HTTPRoute v1beta1") << "gateway.networking.k8s.io/v1beta1"
                                           << "HTTPRoute" << true;
        QTest::newRow("TLSRoute v1alpha2") << "gateway.networking.k8s.io/v1alpha2"
                                           << "TLSRoute" << true;
        QTest::newRow("TLSRoute v1alpha3") << "gateway.networking.k8s.io/v1alpha3"
                                           << "TLSRoute" << true;
        QTest::newRow("BackendTLSPolicy v1alpha3") << "gateway.networking.k8s.io/v1alpha3"
                                                   << "BackendTLSPolicy" << true;
        QTest::newRow("Gateway v1") << "gateway.networking.k8s.io/v1"
                                    << "Gateway" << false;
        QTest::newRow("core Service") << "v1"
                                      << "Service" << false;
    }

    void upgradesOlderGatewayApiVersions()
    {
        QFETCH(QString, apiVersion);
        QFETCH(QString, kind);
        QFETCH(bool, upgraded);
        const QString text =
            QStringLiteral("apiVersion: %1\nkind: %2\nmetadata: {name: x}\n").arg(apiVersion, kind);
        const auto r = Yaml::readText(text.toStdString(), "v.yaml");
        QCOMPARE(r.resources.size(), std::size_t(1));
        const auto &res = r.resources[0];
        QCOMPARE(!res.upgradedFrom.empty(), upgraded);
        QCOMPARE(r.diagnostics.size(), std::size_t(upgraded ? 1 : 0));
        if (upgraded) {
            QCOMPARE(res.apiVersion, std::string("gateway.networking.k8s.io/v1"));
            QCOMPARE(res.object["apiVersion"].str(), std::string("gateway.networking.k8s.io/v1"));
            // Still served (v1beta1): a lint. No longer served (v1alpha2/3): what the API server
            // would refuse.
            QCOMPARE(r.diagnostics[0].code,
                     std::string(apiVersion.endsWith("v1beta1") ? "lint.api-version"
                                                                : "api-version.unserved"));
            QCOMPARE(r.diagnostics[0].line, 1);
            QCOMPARE(r.diagnostics[0].column, 13);
        }
    }

    void notAnObject()
    {
        const auto r = Yaml::readText("- a\n- b\n", "list.yaml");
        QCOMPARE(r.resources.size(), std::size_t(0));
        QCOMPARE(r.diagnostics.size(), std::size_t(1));
        QCOMPARE(r.diagnostics[0].code, std::string("object.not-a-map"));
    }
};

QTEST_GUILESS_MAIN(TestYamlLoader)
#include "tst_yaml_loader.moc"
