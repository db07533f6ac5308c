#include "engine/yaml/yaml_emitter.h"
#include "engine/yaml/yaml_loader.h"

#include <QtTest/QTest>

using namespace Torii;
using Model::Node;

class TestYamlEmitter : public QObject
{
    Q_OBJECT

private slots:
    void canonicalOrderAndNoStatus()
    {
        const auto r = Yaml::loadText("spec: {b: 1, a: 2}\nstatus: {x: 1}\nkind: HTTPRoute\n"
                                      "metadata: {uid: u, annotations: {z: '1'}, name: web}\n"
                                      "apiVersion: gateway.networking.k8s.io/v1\n",
                                      "o.yaml");
        const std::string text = Yaml::emitDocument(r.documents.at(0).root);
        QCOMPARE(QString::fromStdString(text),
                 QStringLiteral("apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"
                                "metadata:\n  name: web\n  annotations:\n    z: \"1\"\nspec:\n"
                                "  a: 2\n  b: 1\n"));
        Yaml::EmitOptions withStatus;
        withStatus.keepStatus = true;
        QVERIFY(Yaml::emitDocument(r.documents.at(0).root, withStatus).find("status:") !=
                std::string::npos);
    }

    void stringsThatLookLikeOtherTypesStayStrings_data()
    {
        QTest::addColumn<QString>("value");
        for (const char *v : {"true", "yes", "8080", "0x10", "1.5", "null", "~", "", "on", "010",
                              "a: b", "# x", "- x", "multi\nline\n", "*", "&a", "@x", "'q'"}) {
            QTest::newRow(v) << QString::fromUtf8(v);
        }
    }

    void stringsThatLookLikeOtherTypesStayStrings()
    {
        QFETCH(QString, value);
        Node doc = Node::map();
        doc.set("v", Node::string(value.toStdString()));
        const std::string text = Yaml::emitDocument(doc);
        const auto back = Yaml::loadText(text, "rt.yaml");
        QVERIFY2(!back.fatal, text.c_str());
        QVERIFY2(back.documents.at(0).root["v"].isString(), text.c_str());
        QCOMPARE(back.documents.at(0).root["v"].str(), value.toStdString());
    }

    void multipleDocuments()
    {
        Node a = Node::map();
        a.set("kind", Node::string("A"));
        Node b = Node::map();
        b.set("kind", Node::string("B"));
        const auto back = Yaml::loadText(Yaml::emitDocuments({a, b}), "m.yaml");
        QCOMPARE(back.documents.size(), std::size_t(2));
        QCOMPARE(back.documents[1].root["kind"].str(), std::string("B"));
    }
};

QTEST_GUILESS_MAIN(TestYamlEmitter)
#include "tst_yaml_emitter.moc"
