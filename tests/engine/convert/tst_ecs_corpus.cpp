// Every task definition in ../shared/fixtures/ecs converts without an error, the objects pass
// our validation (what kubectl apply against the v1.6.1 CRDs would say), and golden files in
// tests/data/convert/ecs pin the output and the notes. TORII_UPDATE_GOLDEN=1 rewrites the goldens
// (review the diff before committing).

#include "common/shared_corpus.h"

#include "engine/convert/ecs/ecs_task_converter.h"
#include "engine/validation/validator.h"
#include "engine/yaml/yaml_emitter.h"

#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtTest/QTest>

using namespace Torii;

namespace {

Model::SourceRef sourceOf(const std::string &file)
{
    Model::SourceRef ref;
    ref.file = file;
    return ref;
}

QStringList taskDefinitionFiles(const QString &root)
{
    QStringList files;
    QDirIterator it(root, {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = QDir(root).relativeFilePath(path);
        if (!rel.startsWith(QLatin1String("alb/")) && !rel.startsWith(QLatin1String("LICENSES/"))) {
            files << rel;
        }
    }
    files.sort();
    return files;
}

std::string goldenText(const Convert::Conversion &c, const QString &rel)
{
    std::string out = "# " + rel.toStdString() +
                      " converted by tst_ecs_corpus (TORII_UPDATE_GOLDEN=1 regenerates).\n";
    out += Yaml::emitDocuments(c.objects);
    out += "# notes:\n";
    for (const auto &n : c.notes) {
        out += "# " + n.toCompilerStyle() + "\n";
    }
    return out;
}

} // namespace

class TstEcsCorpus : public QObject
{
    Q_OBJECT

private slots:
    void everyTaskDefinitionConverts_data();
    void everyTaskDefinitionConverts();
    void countsAll();
};

void TstEcsCorpus::everyTaskDefinitionConverts_data()
{
    QTest::addColumn<QString>("rel");
    const QString root = Test::sharedPath(QStringLiteral("fixtures/ecs"));
    for (const QString &rel : taskDefinitionFiles(root)) {
        QTest::newRow(qPrintable(rel)) << rel;
    }
}

void TstEcsCorpus::everyTaskDefinitionConverts()
{
    TORII_REQUIRE_SHARED(QStringLiteral("fixtures/ecs"));
    QFETCH(QString, rel);
    QFile file(Test::sharedPath(QStringLiteral("fixtures/ecs/") + rel));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const std::string display = "ecs/" + rel.toStdString();
    const Convert::Conversion c = Convert::Ecs::convertEcsText(
        std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), display);
    for (const auto &n : c.notes) {
        if (n.isError()) {
            qWarning("%s", n.toCompilerStyle().c_str());
        }
    }
    QVERIFY(c.usable());
    QVERIFY(!c.objects.empty());
    QVERIFY(!c.provenance.empty());
    for (const auto &p : c.provenance) {
        QVERIFY2(!p.explanation.isEmpty(), p.targetPath.c_str());
        QVERIFY2(p.sourcePointer.empty() || p.sourcePointer[0] == '/', p.sourcePointer.c_str());
    }

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

    const std::string actual = goldenText(c, rel);
    QString goldenName = rel;
    goldenName.replace(QLatin1Char('/'), QLatin1String("__"));
    goldenName.replace(QLatin1String(".json"), QLatin1String(".yaml"));
    const QString goldenPath = QStringLiteral(TORII_TEST_DATA_DIR "/convert/ecs/") + goldenName;
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

void TstEcsCorpus::countsAll()
{
    TORII_REQUIRE_SHARED(QStringLiteral("fixtures/ecs"));
    // 14 task-definition files plus the two in the SDK examples bundle (RegisterTaskDefinition's
    // sleep360, DescribeTaskDefinition's hello_world). The README's "19" counts files that are
    // not in the folder (container-ordering); a new fixture raises the count.
    const QString root = Test::sharedPath(QStringLiteral("fixtures/ecs"));
    int tasks = 0;
    for (const QString &rel : taskDefinitionFiles(root)) {
        const Convert::Conversion c =
            Convert::Ecs::convertEcsFile((root + QLatin1Char('/') + rel).toStdString());
        QVERIFY(c.usable());
        for (const auto &o : c.objects) {
            tasks += o["kind"].str() == "Deployment" ? 1 : 0;
        }
    }
    qInfo("task definitions converted: %d", tasks);
    QVERIFY(tasks >= 16);
}

QTEST_GUILESS_MAIN(TstEcsCorpus)
#include "tst_ecs_corpus.moc"
