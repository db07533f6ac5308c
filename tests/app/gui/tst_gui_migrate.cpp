// The Migrate view offscreen: a pasted Ingress becomes an HTTPRoute and a pasted ECS task
// definition a Deployment (the converter found by claim), the notes list has the converter's
// notes and a click on one selects its source line, selecting a generated line selects the
// source field it came from (provenance), a converter that reads nothing says so, and "Add to
// Workspace" hands over YAML that reads back as the same objects. Saves grabs for a human to
// look at (/tmp/migrate-en.png, /tmp/migrate-ja.png).
#include "app/gui/migrate/migrate_view.h"
#include "app/gui/migrate/migration_notes_model.h"
#include "app/gui/yamleditor/yaml_editor.h"
#include "app/runtime/converter_registry.h"
#include "app/runtime/locale.h"
#include "engine/yaml/yaml_emitter.h"
#include "engine/yaml/yaml_loader.h"

#include <QtCore/QTemporaryDir>
#include <QtGui/QTextBlock>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableView>

using namespace Torii;
using Gui::MigrateView;
using Gui::MigrationNotesModel;

namespace {

const char *const ingressYaml = R"(apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: web
  annotations:
    nginx.ingress.kubernetes.io/configuration-snippet: |
      more_set_headers "X-Frame-Options: DENY";
spec:
  ingressClassName: nginx
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /api
            pathType: Prefix
            backend:
              service:
                name: api
                port:
                  number: 8080
)";

const char *const ecsJson = R"({
  "family": "web_app",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx:1.25",
      "essential": true,
      "ulimits": [{"name": "nofile", "softLimit": 1024, "hardLimit": 2048}],
      "portMappings": [{"containerPort": 80, "protocol": "tcp"}]
    }
  ]
})";

const char *const albRulesJson =
    "{\"Rules\": [{\"Priority\": \"1\", \"Conditions\": [{\"Field\": \"path-pattern\", "
    "\"Values\": [\"/api/*\"]}], \"Actions\": [{\"Type\": \"fixed-response\"}]}]}";

// Waits for the view to show the conversion of its current source.
bool waitConverted(MigrateView &view, QSignalSpy &spy)
{
    return QTest::qWaitFor([&] { return !spy.isEmpty() && !view.isConverting(); }, 20000);
}

// The 1-based line of `editor` whose text contains `needle`, or 0.
int lineContaining(const QPlainTextEdit *editor, const QString &needle)
{
    for (QTextBlock b = editor->document()->begin(); b.isValid(); b = b.next()) {
        if (b.text().contains(needle)) {
            return b.blockNumber() + 1;
        }
    }
    return 0;
}

void putCursorOnLine(QPlainTextEdit *editor, int line)
{
    QTextCursor cursor(editor->document()->findBlockByNumber(line - 1));
    editor->setTextCursor(cursor);
}

} // namespace

class TestGuiMigrate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registryDetectsEachConverterByClaim()
    {
        std::vector<std::string> names;
        for (const Runtime::ConverterEntry &entry : Runtime::converters()) {
            names.push_back(entry.name);
        }
        QCOMPARE(names, (std::vector<std::string>{"ingress", "istio", "openapi3", "ecs", "alb"}));
        QVERIFY(!Runtime::findConverter("nope"));
        QVERIFY(!Runtime::converterSummary(*Runtime::findConverter("alb")).empty());

        const auto detected = [](const char *text) -> std::string {
            const Runtime::ReadInputs read = Runtime::readInputText(text, "in.yaml");
            const Runtime::ConverterEntry *entry = Runtime::detectConverter(read.inputs);
            return entry ? entry->name : "";
        };
        QCOMPARE(detected(ingressYaml), std::string("ingress"));
        QCOMPARE(detected(ecsJson), std::string("ecs"));
        QCOMPARE(detected(albRulesJson), std::string("alb"));
        QCOMPARE(detected("openapi: 3.0.3\ninfo: {title: shop, version: '1'}\npaths: {}\n"),
                 std::string("openapi3"));
        // Claimed as an error (Swagger 2): the converter that says why is still the one chosen.
        QCOMPARE(detected("swagger: '2.0'\ninfo: {title: shop, version: '1'}\npaths: {}\n"),
                 std::string("openapi3"));
        QCOMPARE(detected("apiVersion: networking.istio.io/v1beta1\nkind: VirtualService\n"
                          "metadata: {name: shop}\nspec: {hosts: [shop]}\n"),
                 std::string("istio"));
        QCOMPARE(detected("hello: world\n"), std::string());

        // kubectl's `kind: List` gives its items.
        const Runtime::ReadInputs list = Runtime::readInputText(
            "apiVersion: v1\nkind: List\nitems:\n- apiVersion: networking.k8s.io/v1\n  kind: Ingress\n"
            "  metadata: {name: a}\n- apiVersion: networking.k8s.io/v1\n  kind: Ingress\n"
            "  metadata: {name: b}\n",
            "list.yaml");
        QCOMPARE(list.inputs.size(), std::size_t(2));
        QCOMPARE(list.inputs[1].document["metadata"]["name"].asString(), std::string("b"));
        QCOMPARE(list.inputs[1].document["metadata"]["name"].mark().line, 9u);
        QVERIFY(Runtime::readInputText("{\"a\": [\n", "bad.json").unreadable);
    }

    void previewLinesMapToTargetPaths()
    {
        const Yaml::LoadResult route = Yaml::loadText(R"(apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: app, namespace: web}
spec:
  rules:
  - matches:
    - path: {type: PathPrefix, value: /x}
    backendRefs:
    - {name: a, port: 80}
)", "route.yaml");
        QCOMPARE(route.documents.size(), std::size_t(1));
        Gui::Migration m;
        m.conversion.objects = {route.documents[0].root};
        m.yaml = Yaml::emitDocuments(m.conversion.objects);
        m.lineTargets = Gui::mapPreviewLines(m.yaml, m.conversion.objects);
        const auto lineOf = [&](const std::string &needle) {
            const std::size_t at = m.yaml.find(needle);
            return at == std::string::npos
                       ? 0
                       : int(std::count(m.yaml.begin(), m.yaml.begin() + long(at), '\n')) + 1;
        };
        const auto pathAt = [&](int line) { return m.lineTargets.at(std::size_t(line - 1)).path; };
        QCOMPARE(m.lineTargets.at(0).resource, std::string("HTTPRoute web/app"));
        QCOMPARE(pathAt(lineOf("value: /x")), std::string("spec.rules[0].matches[0].path.value"));
        QCOMPARE(pathAt(lineOf("- name: a")), std::string("spec.rules[0].backendRefs[0].name"));
        QCOMPARE(pathAt(lineOf("matches:")), std::string("spec.rules[0].matches"));

        Convert::Provenance path;
        path.targetResource = "HTTPRoute web/app";
        path.targetPath = "spec.rules[0].matches[0].path";
        path.sourceMark = {7, 3};
        Convert::Provenance other = path;
        other.targetResource = "HTTPRoute web/other";
        other.targetPath = "spec.rules[0].matches[0].path.type";
        m.conversion.provenance = {other, path};
        const Convert::Provenance *p = m.provenanceAtLine(lineOf("type: PathPrefix")); // ancestor
        QVERIFY(p);
        QCOMPARE(p->targetResource, std::string("HTTPRoute web/app"));
        QCOMPARE(m.provenanceAtLine(lineOf("matches:")), p); // descendant
        QVERIFY(!m.provenanceAtLine(lineOf("kind: HTTPRoute"))); // nothing there
        QVERIFY(!m.provenanceAtLine(0));
        QVERIFY(!m.provenanceAtLine(10000));
    }

    void ingressBecomesHttpRouteWithProvenance()
    {
        MigrateView view;
        view.resize(1200, 760);
        view.show();
        QSignalSpy converted(&view, &MigrateView::converted);
        view.setSourceText(QString::fromUtf8(ingressYaml));
        QVERIFY(waitConverted(view, converted));

        QCOMPARE(QString::fromStdString(view.migration().converterName), QStringLiteral("ingress"));
        QVERIFY(view.migration().detected);
        QVERIFY(view.converterCombo()->itemText(0).contains(QStringLiteral("ingress")));
        const QString preview = view.previewEditor()->toPlainText();
        QVERIFY2(preview.contains(QStringLiteral("kind: HTTPRoute")), qPrintable(preview));
        QVERIFY(preview.contains(QStringLiteral("kind: Gateway")));

        // The configuration snippet has no equivalent: a note at its source line.
        QVERIFY(view.notesModel()->rowCount() > 0);
        const int snippetLine = lineContaining(view.sourceEditor(), QStringLiteral("configuration-snippet"));
        int snippetRow = -1;
        for (int row = 0; row < view.notesModel()->rowCount(); ++row) {
            if (view.notesModel()->index(row, 0).data(MigrationNotesModel::LineRole).toInt() == snippetLine) {
                snippetRow = row;
            }
        }
        QVERIFY2(snippetRow >= 0, "no note at the configuration-snippet line");
        QVERIFY(!view.notesModel()->index(snippetRow, MigrationNotesModel::MessageColumn)
                     .data(Qt::DecorationRole).isNull());
        QCOMPARE(view.notesModel()->index(snippetRow, MigrationNotesModel::LineColumn).data().toString()
                     .section(QLatin1Char(':'), 0, 0),
                 QString::number(snippetLine));

        // A click on the note selects its source line.
        putCursorOnLine(view.sourceEditor(), 1);
        view.notesView()->scrollTo(view.notesModel()->index(snippetRow, 0));
        const QRect rect = view.notesView()->visualRect(view.notesModel()->index(snippetRow, 0));
        QTest::mouseClick(view.notesView()->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(view.sourceEditor()->textCursor().blockNumber() + 1, snippetLine);

        // Selecting the generated path value selects the Ingress path it came from.
        const int generatedPath = lineContaining(view.previewEditor(), QStringLiteral("value: /api"));
        QVERIFY2(generatedPath > 0, qPrintable(preview));
        putCursorOnLine(view.previewEditor(), generatedPath);
        const QTextCursor source = view.sourceEditor()->textCursor();
        QCOMPARE(source.blockNumber() + 1, lineContaining(view.sourceEditor(), QStringLiteral("path: /api")));
        QVERIFY(source.hasSelection());

        // A line of another object selects something of its own source too (the host).
        const int hostname = lineContaining(view.previewEditor(), QStringLiteral("- shop.example.com"));
        QVERIFY(hostname > 0);
        putCursorOnLine(view.previewEditor(), hostname);
        QCOMPARE(view.sourceEditor()->textCursor().blockNumber() + 1,
                 lineContaining(view.sourceEditor(), QStringLiteral("host: shop.example.com")));

        QCoreApplication::processEvents(); // the layout makes room for "Automatic (ingress)"
        view.grab().save(QStringLiteral("/tmp/migrate-en.png")); // looked at by hand
    }

    void ecsTaskDefinitionBecomesDeployment()
    {
        MigrateView view;
        view.resize(1200, 760);
        QSignalSpy converted(&view, &MigrateView::converted);
        view.setSourceText(QString::fromUtf8(ecsJson), QStringLiteral("task.json"));
        QVERIFY(waitConverted(view, converted));

        QCOMPARE(QString::fromStdString(view.migration().converterName), QStringLiteral("ecs"));
        const QString preview = view.previewEditor()->toPlainText();
        QVERIFY2(preview.contains(QStringLiteral("kind: Deployment")), qPrintable(preview));
        // ulimits has no Kubernetes equivalent: a note at its line.
        const int ulimitsLine = lineContaining(view.sourceEditor(), QStringLiteral("\"ulimits\""));
        bool noteAtUlimits = false;
        for (int row = 0; row < view.notesModel()->rowCount(); ++row) {
            noteAtUlimits = noteAtUlimits ||
                            view.notesModel()->index(row, 0).data(MigrationNotesModel::LineRole).toInt() == ulimitsLine;
        }
        QVERIFY2(noteAtUlimits, "no note at the ulimits line");

        // The generated image line selects the task definition's "image" field.
        const int image = lineContaining(view.previewEditor(), QStringLiteral("image: nginx:1.25"));
        QVERIFY(image > 0);
        putCursorOnLine(view.previewEditor(), image);
        const QTextCursor source = view.sourceEditor()->textCursor();
        QCOMPARE(source.blockNumber() + 1, lineContaining(view.sourceEditor(), QStringLiteral("\"image\"")));
        QVERIFY(source.selectedText().contains(QStringLiteral("nginx:1.25")));

        // Add to Workspace carries YAML that reads back as the same objects.
        QSignalSpy added(&view, &MigrateView::addToWorkspaceRequested);
        QVERIFY(view.addButton()->isEnabled());
        QTest::mouseClick(view.addButton(), Qt::LeftButton);
        QCOMPARE(added.count(), 1);
        const std::string yaml = added.at(0).at(0).toString().toStdString();
        const Yaml::LoadResult read = Yaml::loadText(yaml, "added.yaml");
        QVERIFY(!read.fatal);
        QVERIFY(read.diagnostics.empty());
        QCOMPARE(read.documents.size(), view.migration().conversion.objects.size());
        bool deployment = false;
        for (std::size_t i = 0; i < read.documents.size(); ++i) {
            QVERIFY2(read.documents[i].root.equals(
                         Yaml::canonicalObject(view.migration().conversion.objects[i])),
                     read.documents[i].root.toJson().c_str());
            deployment = deployment || read.documents[i].root["kind"].asString() == "Deployment";
        }
        QVERIFY(deployment);
    }

    void theLastSourceWins()
    {
        MigrateView view;
        QSignalSpy converted(&view, &MigrateView::converted);
        view.setSourceText(QString::fromUtf8(ingressYaml));
        view.setSourceText(QString::fromUtf8(ecsJson)); // while the Ingress converts
        QVERIFY(waitConverted(view, converted));
        QCOMPARE(converted.count(), 1); // the stale Ingress result was never shown
        QCOMPARE(QString::fromStdString(view.migration().converterName), QStringLiteral("ecs"));
    }

    void aConverterThatReadsNothingSaysSo()
    {
        MigrateView view;
        QSignalSpy converted(&view, &MigrateView::converted);
        view.setSourceText(QString::fromUtf8(ingressYaml));
        QVERIFY(waitConverted(view, converted));
        converted.clear();
        const int ecs = view.converterCombo()->findData(QStringLiteral("ecs"));
        QVERIFY(ecs > 0);
        view.converterCombo()->setCurrentIndex(ecs);
        view.convertNow();
        QVERIFY(waitConverted(view, converted));
        QVERIFY(view.previewEditor()->toPlainText().isEmpty());
        QVERIFY(!view.addButton()->isEnabled());
        QCOMPARE(view.notesModel()->rowCount(), 1);
        QVERIFY(view.notesModel()->index(0, 0).data().toString().contains(QStringLiteral("ecs")));

        // Something no converter reads.
        converted.clear();
        view.converterCombo()->setCurrentIndex(0);
        view.setSourceText(QStringLiteral("hello: world\n"));
        QVERIFY(waitConverted(view, converted));
        QCOMPARE(view.notesModel()->rowCount(), 1);
        QCOMPARE(view.notesModel()->index(0, 0).data(MigrationNotesModel::SeverityRole).toInt(),
                 int(Core::Severity::Error));

        // Unparseable input: the reader's error, no objects.
        converted.clear();
        view.setSourceText(QStringLiteral("{\"family\": [\n"));
        QVERIFY(waitConverted(view, converted));
        QVERIFY(view.notesModel()->rowCount() >= 1);
        QVERIFY(view.migration().conversion.objects.empty());
    }

    void opensAFileAndRefusesAMissingOne()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shop-ingress.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(ingressYaml);
        file.close();
        MigrateView view;
        QSignalSpy converted(&view, &MigrateView::converted);
        QVERIFY(view.openFile(path));
        QVERIFY(waitConverted(view, converted));
        QCOMPARE(QString::fromStdString(view.migration().sourceName), path);
        QVERIFY(view.previewEditor()->toPlainText().contains(QStringLiteral("kind: HTTPRoute")));
        QVERIFY(!view.openFile(dir.filePath(QStringLiteral("missing.yaml"))));
    }

    void settingsReachTheConverter()
    {
        MigrateView view;
        QSignalSpy converted(&view, &MigrateView::converted);
        view.findChild<QLineEdit *>(QStringLiteral("migrateNamespace"))->setText(QStringLiteral("shop"));
        view.findChild<QLineEdit *>(QStringLiteral("migrateGatewayClass"))->setText(QStringLiteral("eg"));
        auto *backend = view.findChild<QLineEdit *>(QStringLiteral("migrateBackend"));
        backend->setText(QStringLiteral("petstore:8080"));
        view.setSourceText(QStringLiteral("openapi: 3.0.3\n"
                                          "info: {title: pets, version: '1'}\n"
                                          "servers: [{url: 'http://pets.example.com'}]\n"
                                          "paths:\n"
                                          "  /pets:\n"
                                          "    get: {responses: {'200': {description: ok}}}\n"));
        QVERIFY(waitConverted(view, converted));
        QCOMPARE(QString::fromStdString(view.migration().converterName), QStringLiteral("openapi3"));
        const QString preview = view.previewEditor()->toPlainText();
        QVERIFY2(preview.contains(QStringLiteral("kind: HTTPRoute")), qPrintable(preview));
        QVERIFY(preview.contains(QStringLiteral("name: petstore")));
        QVERIFY(preview.contains(QStringLiteral("namespace: shop")));
        QVERIFY(preview.contains(QStringLiteral("gatewayClassName: eg")));

        // A changed setting converts again when its field is left.
        converted.clear();
        backend->setText(QStringLiteral("catalog:80"));
        QMetaObject::invokeMethod(backend, "editingFinished");
        QVERIFY(waitConverted(view, converted));
        QVERIFY(view.previewEditor()->toPlainText().contains(QStringLiteral("name: catalog")));
    }

    void japaneseScreenshot()
    {
        QCOMPARE(Runtime::installTranslations(*QCoreApplication::instance(), QStringLiteral("ja")),
                 QStringLiteral("ja"));
        MigrateView view;
        view.resize(1200, 760);
        view.show();
        QSignalSpy converted(&view, &MigrateView::converted);
        view.setSourceText(QString::fromUtf8(ecsJson), QStringLiteral("task.json"));
        QVERIFY(waitConverted(view, converted));
        putCursorOnLine(view.previewEditor(),
                        lineContaining(view.previewEditor(), QStringLiteral("image: nginx:1.25")));
        QCoreApplication::processEvents();
        QVERIFY(view.grab().save(QStringLiteral("/tmp/migrate-ja.png"))); // looked at by hand
    }
};

QTEST_MAIN(TestGuiMigrate)
#include "tst_gui_migrate.moc"
