// Bad input gets a clear error with file:line:col and a hint, or a bounded, correct result:
// never a crash, a hang or unbounded memory.
#include "engine/yaml/resource_reader.h"
#include "engine/yaml/yaml_loader.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <fstream>

using namespace Torii;

class TestYamlHostileInput : public QObject
{
    Q_OBJECT

    static const Core::Diagnostic &only(const Yaml::LoadResult &r)
    {
        static Core::Diagnostic none;
        return r.diagnostics.empty() ? none : r.diagnostics.front();
    }

private slots:
    void truncatedYaml()
    {
        const auto r =
            Yaml::loadText("spec:\n  rules:\n  - matches: [{path: {value: \"/a", "t.yaml");
        QVERIFY(r.fatal);
        QCOMPARE(only(r).code, std::string("yaml.syntax"));
        QVERIFY(only(r).line >= 3);
        QVERIFY(!only(r).hint.empty());
    }

    void tabsInIndentation()
    {
        const auto r = Yaml::loadText("spec:\n\trules: []\n", "tabs.yaml");
        QVERIFY(r.fatal);
        QCOMPARE(only(r).line, 2);
        QVERIFY2(only(r).hint.find("tabs") != std::string::npos, only(r).hint.c_str());
    }

    void binaryJunk()
    {
        std::string junk = "apiVersion: v1\nkind: ";
        junk += std::string("\x7f\x45\x4c\x46\x02\x01\x01\x00\xff\xfe", 10);
        const auto r = Yaml::loadText(junk, "a.out");
        QVERIFY(r.fatal);
        QCOMPARE(only(r).code, std::string("yaml.binary"));
        QCOMPARE(only(r).line, 2);
        QCOMPARE(only(r).column, 14); // the NUL after "\x7fELF\x02\x01\x01"
    }

    void invalidUtf8()
    {
        const auto r = Yaml::loadText("name: caf\xe9\n", "latin1.yaml");
        QVERIFY(r.fatal);
        QCOMPARE(only(r).code, std::string("yaml.binary"));
        QCOMPARE(only(r).column, 10);
    }

    void billionLaughs()
    {
        std::string bomb =
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; ++c) {
            bomb += std::string(1, c) + ": &" + c + " [";
            for (int i = 0; i < 9; ++i) {
                bomb += std::string(i ? "," : "") + '*' + prev;
            }
            bomb += "]\n";
            prev = c;
        }
        Yaml::LoadOptions options;
        options.maxNodes = 1000 * 1000;
        const auto r = Yaml::loadText(bomb, "bomb.yaml", options);
        QVERIFY(r.fatal);
        QCOMPARE(only(r).code, std::string("yaml.too-many-nodes"));
        QVERIFY(only(r).line > 1);
    }

    void deepNesting()
    {
        std::string deep(10000, '[');
        deep += std::string(10000, ']');
        const auto flow = Yaml::loadText(deep, "deep.yaml");
        QVERIFY(flow.fatal);
        QCOMPARE(only(flow).code, std::string("yaml.too-deep"));

        std::string block;
        for (int i = 0; i < 10000; ++i) {
            block += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
        }
        const auto blockResult = Yaml::loadText(block, "deep-block.yaml");
        QVERIFY(blockResult.fatal);
        QVERIFY(!blockResult.diagnostics.empty());
    }

    void tooLargeIsRefusedUnread()
    {
        Yaml::LoadOptions options;
        options.maxFileBytes = 1024;
        const auto r = Yaml::loadText(std::string(4096, '#'), "big.yaml", options);
        QVERIFY(r.fatal);
        QCOMPARE(only(r).code, std::string("yaml.too-large"));
    }

    // A real 50 MB manifest file (many objects) loads completely and correctly.
    void fiftyMegabytes()
    {
        QTemporaryDir dir;
        const std::string path = (dir.path() + QStringLiteral("/big.yaml")).toStdString();
        std::size_t written = 0;
        int objects = 0;
        {
            std::ofstream out(path);
            while (written < 50u * 1024u * 1024u) {
                std::string doc = "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-" +
                                  std::to_string(objects) + "\ndata:\n  blob: \"" +
                                  std::string(4000, 'x') + "\"\n";
                out << doc;
                written += doc.size();
                ++objects;
            }
        }
        const auto r = Yaml::readFile(path);
        QVERIFY(!r.fatal);
        QCOMPARE(static_cast<int>(r.resources.size()), objects);
        QCOMPARE(r.resources.back().name, "cm-" + std::to_string(objects - 1));
    }

    void missingFile()
    {
        const auto r = Yaml::loadFile("/nonexistent/torii.yaml");
        QVERIFY(r.fatal);
        QCOMPARE(only(r).code, std::string("io.read"));
    }

    void complexKeyIsReported()
    {
        const auto r = Yaml::loadText("? [a, b]\n: c\n", "k.yaml");
        QCOMPARE(only(r).code, std::string("yaml.complex-key"));
    }
};

QTEST_GUILESS_MAIN(TestYamlHostileInput)
#include "tst_yaml_hostile_input.moc"
