// Load → canonical emit → load gives an equal model for every file of upstream's valid examples:
// the same document tree and the same typed objects.
#include "common/shared_corpus.h"

#include "engine/model/kinds/typed_object.h"
#include "engine/yaml/resource_reader.h"
#include "engine/yaml/yaml_emitter.h"

#include <QtTest/QTest>

using namespace Torii;

class TestConformanceRoundtrip : public QObject
{
    Q_OBJECT

private slots:
    void loadEmitLoadIsEqual_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::newRow("valid") << "validation/valid";
        QTest::newRow("valid-experimental") << "validation/valid-experimental";
    }

    void loadEmitLoadIsEqual()
    {
        QFETCH(QString, folder);
        TORII_REQUIRE_SHARED(folder);
        int files = 0;
        int objects = 0;
        Yaml::EmitOptions options;
        options.keepStatus = true;
        for (const QString &file : Test::yamlFilesUnder(Test::sharedPath(folder))) {
            const auto first = Yaml::readFile(file.toStdString());
            QVERIFY2(!first.fatal, qPrintable(file));
            std::vector<Model::Node> documents;
            for (const auto &r : first.resources) {
                documents.push_back(r.object);
            }
            const std::string emitted = Yaml::emitDocuments(documents, options);
            const auto second = Yaml::readText(emitted, "emitted.yaml");
            QVERIFY2(!second.fatal, emitted.c_str());
            QCOMPARE(second.resources.size(), first.resources.size());
            for (std::size_t i = 0; i < first.resources.size(); ++i) {
                const auto &a = first.resources[i];
                const auto &b = second.resources[i];
                QVERIFY2(a.object.equals(b.object),
                         qPrintable(file + QStringLiteral("\n") + QString::fromStdString(emitted)));
                const auto typedA = Model::decodeObject(a.group(), a.kind, a.object);
                const auto typedB = Model::decodeObject(b.group(), b.kind, b.object);
                QVERIFY2(typedA == typedB, qPrintable(file));
                ++objects;
            }
            ++files;
        }
        qInfo("%s: %d files, %d objects equal after load → emit → load", qPrintable(folder), files,
              objects);
        QVERIFY(files > 0);
    }
};

QTEST_GUILESS_MAIN(TestConformanceRoundtrip)
#include "tst_conformance_roundtrip.moc"
