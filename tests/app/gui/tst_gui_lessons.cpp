// The Lessons view, offscreen: every block of the guide belongs to a lesson and loads; the YAML
// lessons' findings come from the real controller and validator (reasons observed on the guide's
// blocks); "Complete the example" makes a route Accepted and ResolvedRefs; the canary lesson's
// traffic through a real gateway on 127.0.0.1 splits as configured; the Japanese translator
// changes the titles. Without ../shared, a guide folder made here from the test's own YAML.
// Saves grabs for a human to look at (/tmp/lessons-en.png, /tmp/lessons-ja.png).

#include "tests/common/shared_corpus.h"

#include "app/gui/lessons/lesson_analysis.h"
#include "app/gui/lessons/lesson_catalog.h"
#include "app/gui/lessons/lesson_findings_model.h"
#include "app/gui/lessons/lessons_view.h"
#include "app/gui/models/listeners_model.h"
#include "app/gui/traffic/traffic_model.h"
#include "app/runtime/locale.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>

#include <set>

using namespace Torii;
using namespace Torii::Gui;

namespace {

QString guideDir()
{
    return Test::sharedPath(QStringLiteral("fixtures/seed"));
}

int lessonOf(const char *id)
{
    const int i = LessonCatalog::indexOf(QString::fromLatin1(id));
    if (i < 0) {
        qFatal("no lesson %s", id);
    }
    return i;
}

// The findings of a kind with a reason (conditions) or code (diagnostics) on an object.
int countFindings(const LessonAnalysis &a, const std::string &object,
                  const std::string &reasonOrCode)
{
    int n = 0;
    for (const LessonFinding &f : a.findings) {
        const bool reason = f.kind == LessonFinding::Kind::Condition && f.reason == reasonOrCode;
        const bool code = f.diagnostic.code == reasonOrCode;
        n += (reason || code) && (object.empty() || f.object == object) ? 1 : 0;
    }
    return n;
}

QString findingsText(const LessonAnalysis &a)
{
    QStringList lines;
    for (const LessonFinding &f : a.findings) {
        lines << QStringLiteral("%1 | %2 | %3")
                     .arg(QString::fromStdString(f.object), LessonFindingsModel::messageOf(f),
                          QString::fromStdString(f.diagnostic.code));
    }
    return lines.join(QLatin1Char('\n'));
}

bool allTrue(const std::vector<std::pair<std::string, std::string>> &conditions,
             const std::string &type)
{
    bool seen = false;
    for (const auto &[t, status] : conditions) {
        if (t == type) {
            seen = true;
            if (status != "True") {
                return false;
            }
        }
    }
    return seen;
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

} // namespace

class TestGuiLessons : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyBlockBelongsToOneLesson()
    {
        TORII_REQUIRE_SHARED(QStringLiteral("fixtures/seed"));
        const QMap<QString, QString> headings = LessonCatalog::headings(guideDir());
        QCOMPARE(headings.size(), 33); // INDEX.md lists 33 blocks
        std::multiset<QString> owned;
        for (const Lesson &lesson : LessonCatalog::lessons()) {
            for (const QString &b : lesson.blocks) {
                owned.insert(b);
            }
        }
        for (auto it = headings.begin(); it != headings.end(); ++it) {
            QVERIFY2(owned.count(it.key()) == 1, qPrintable(it.key()));
        }
        QCOMPARE(int(owned.size()), 33);

        // Every lesson loads its blocks (and context blocks) from the folder.
        int blocks = 0;
        for (int i = 0; i < int(LessonCatalog::lessons().size()); ++i) {
            const LessonAnalysis a = analyzeLesson(i, guideDir(), false);
            QVERIFY2(a.missingFiles.isEmpty(), qPrintable(a.missingFiles.join(QLatin1Char(' '))));
            for (const LessonBlock &b : a.blocks) {
                QVERIFY2(!b.text.trimmed().isEmpty(), qPrintable(b.file));
                blocks += b.context ? 0 : 1;
            }
            QVERIFY2(!a.findings.empty(), LessonCatalog::lessons()[std::size_t(i)].id);
        }
        QCOMPARE(blocks, 33);
    }

    void findingsFromTheController()
    {
        TORII_REQUIRE_SHARED(QStringLiteral("fixtures/seed"));
        // 08: none of the route's Services exists in the guide.
        const LessonAnalysis basic = analyzeLesson(lessonOf("basic-httproute"), guideDir(), false);
        QVERIFY2(countFindings(basic, "HTTPRoute webapp/webapp-routes", "BackendNotFound") >= 1,
                 qPrintable(findingsText(basic)));
        // Written as v1beta1: the rewrite of toriictl upgrade finds it.
        bool oldVersion = false;
        for (const LessonFinding &f : basic.findings) {
            oldVersion = oldVersion ||
                         (f.kind == LessonFinding::Kind::ApiVersion &&
                          f.message.find("v1beta1") != std::string::npos && f.file == "08.yaml");
        }
        QVERIFY(oldVersion);
        bool missingNs = false;
        for (const LessonFinding &f : basic.findings) {
            missingNs = missingNs ||
                        (f.kind == LessonFinding::Kind::MissingNamespace && f.message == "webapp");
        }
        QVERIFY(missingNs);

        // 11: TCPRoute v1alpha2 is no longer served by the v1.6.1 standard CRDs (a warning);
        // its Gateway's v1beta1 still is (a note).
        const LessonAnalysis tcp = analyzeLesson(lessonOf("tcproute"), guideDir(), false);
        int unserved = 0, served = 0;
        for (const LessonFinding &f : tcp.findings) {
            if (f.kind == LessonFinding::Kind::ApiVersion) {
                unserved += f.severity == Core::Severity::Warning &&
                            f.object == "TCPRoute database-tcp-route";
                served += f.severity == Core::Severity::Info && f.object == "Gateway tcp-gateway";
            }
        }
        QVERIFY2(unserved == 1 && served == 1, qPrintable(findingsText(tcp)));

        // 07: a fixed address, a certificate in another namespace, a certificate never defined.
        const LessonAnalysis gateway = analyzeLesson(lessonOf("gateway"), guideDir(), false);
        const std::string gw = "Gateway gateway-system/production-gateway";
        QVERIFY2(countFindings(gateway, gw, "AddressNotUsable") == 1,
                 qPrintable(findingsText(gateway)));
        QVERIFY(countFindings(gateway, gw, "RefNotPermitted") >= 1);
        QVERIFY(countFindings(gateway, gw, "InvalidCertificateRef") >= 1);

        // 14: a sectionName the Gateway of section 13 does not have.
        const LessonAnalysis udp = analyzeLesson(lessonOf("udp-high-load"), guideDir(), false);
        QVERIFY2(countFindings(udp, "UDPRoute gaming/game-server-route", "NoMatchingParent") == 1,
                 qPrintable(findingsText(udp)));

        // 21: a parent Gateway in the route's own namespace, which the guide never defines.
        const LessonAnalysis ingress =
            analyzeLesson(lessonOf("ingress-migration"), guideDir(), false);
        QVERIFY2(countFindings(ingress, "21.yaml", "controller.parent-missing") >= 1,
                 qPrintable(findingsText(ingress)));
        QCOMPARE(QString::fromStdString(ingress.converterName), QStringLiteral("ingress"));
        QVERIFY(ingress.convertedYaml.find("kind: HTTPRoute") != std::string::npos);

        // 01: the diagram is not YAML.
        const LessonAnalysis hierarchy = analyzeLesson(lessonOf("hierarchy"), guideDir(), false);
        QVERIFY2(hierarchy.count(Core::Severity::Error) >= 1, qPrintable(findingsText(hierarchy)));

        // 04: the ECS task definition is converted, not applied.
        const LessonAnalysis ecs = analyzeLesson(lessonOf("ecs"), guideDir(), false);
        QCOMPARE(QString::fromStdString(ecs.converterName), QStringLiteral("ecs"));
        QVERIFY(ecs.convertedYaml.find("kind: Deployment") != std::string::npos);

        // 06: NginxGateway is another product's custom resource.
        const LessonAnalysis cls = analyzeLesson(lessonOf("gatewayclass"), guideDir(), false);
        bool unowned = false;
        for (const LessonFinding &f : cls.findings) {
            unowned = unowned || (f.kind == LessonFinding::Kind::Unowned &&
                                  f.object == "NginxGateway nginx-gateway-config");
        }
        QVERIFY2(unowned, qPrintable(findingsText(cls)));

        // Every reason the guide's YAML lessons produce has an explanation of its own.
        for (int i = 0; i < int(LessonCatalog::lessons().size()); ++i) {
            const LessonAnalysis a = analyzeLesson(i, guideDir(), false);
            for (const LessonFinding &f : a.findings) {
                if (f.kind == LessonFinding::Kind::Condition) {
                    QVERIFY2(
                        !LessonFindingsModel::reasonExplanation(QString::fromStdString(f.reason))
                             .isEmpty(),
                        f.reason.c_str());
                }
                QVERIFY(!LessonFindingsModel::explanationOf(f).isEmpty());
            }
        }
    }

    void shellCommandsAreExplained()
    {
        TORII_REQUIRE_SHARED(QStringLiteral("fixtures/seed"));
        const LessonAnalysis a = analyzeLesson(lessonOf("troubleshooting"), guideDir(), false);
        int commands = 0;
        for (const LessonFinding &f : a.findings) {
            QCOMPARE(f.kind, LessonFinding::Kind::Shell);
            QVERIFY2(!LessonCatalog::shellCheck(QString::fromStdString(f.message)).isEmpty(),
                     f.message.c_str());
            ++commands;
        }
        QCOMPARE(commands, 20); // the command lines of 28.sh … 31.sh
    }

    void completingTheExampleResolvesTheRoute()
    {
        TORII_REQUIRE_SHARED(QStringLiteral("fixtures/seed"));
        const std::string route = "HTTPRoute webapp/webapp-routes";
        const LessonAnalysis before = analyzeLesson(lessonOf("basic-httproute"), guideDir(), false);
        QVERIFY(allTrue(before.conditionsOf(route), "Accepted"));
        QVERIFY(!allTrue(before.conditionsOf(route), "ResolvedRefs"));

        const LessonAnalysis after = analyzeLesson(lessonOf("basic-httproute"), guideDir(), true);
        std::string reasons;
        const auto conditions = after.conditionsOf(route, &reasons);
        QVERIFY2(allTrue(conditions, "Accepted"), reasons.c_str());
        QVERIFY2(allTrue(conditions, "ResolvedRefs"), reasons.c_str());
        QCOMPARE(countFindings(after, route, "BackendNotFound"), 0);
        const std::set<std::string> added(after.completion.begin(), after.completion.end());
        QVERIFY(added.count("Namespace webapp"));
        QVERIFY(added.count("Service webapp/frontend-service"));
        QVERIFY(added.count("Service webapp/api-v2-service"));
        QVERIFY(after.completionYaml.find("kind: Service") != std::string::npos);
    }

    void canaryTrafficAndScreenshot()
    {
        TORII_REQUIRE_SHARED(QStringLiteral("fixtures/seed"));
        LessonsView view;
        view.setGuideFolder(guideDir());
        view.resize(1500, 980);
        view.show();
        QSignalSpy analysed(&view, &LessonsView::analysed);
        view.showLesson(lessonOf("canary"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !view.isAnalysing() && view.analysis().lesson == lessonOf("canary"), 20000);
        QVERIFY(view.subtitleLabel()->text().contains(
            QStringLiteral("A/Bテストとカナリアデプロイメント")));
        QVERIFY(view.findingsModel()->rowCount() > 0);

        analysed.clear();
        view.completeButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!view.isAnalysing() && view.analysis().completed, 20000);
        QVERIFY(view.runButton()->isEnabled());

        QSignalSpy finished(&view, &LessonsView::trafficFinished);
        view.runButton()->click();
        QVERIFY(finished.wait(60000) || finished.count() == 1);
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));

        // The weighted rule: stable 95, canary 5, observed over at least 1,000 requests.
        const TrafficModel *model = view.trafficModel();
        int weighted = -1;
        for (int r = 0; r < model->ruleCount(); ++r) {
            if (model->ruleShares(r).size() == 2) {
                weighted = r;
            }
        }
        QVERIFY(weighted >= 0);
        std::uint64_t ruleRequests = 0;
        double stableObserved = -1, stableConfigured = -1;
        for (const auto &[backend, shares] : model->ruleShares(weighted)) {
            if (backend == QLatin1String("webapp/webapp-stable-service")) {
                stableObserved = shares.first;
                stableConfigured = shares.second;
            }
        }
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, TrafficModel::RuleColumn).data().toString() ==
                model->ruleName(weighted)) {
                ruleRequests += model->index(row, TrafficModel::RequestsColumn)
                                    .data(TrafficModel::NumberRole)
                                    .toULongLong();
            }
        }
        QVERIFY2(ruleRequests >= 1000, qPrintable(QString::number(ruleRequests)));
        // Shares may be fractions or percent: compare on the configured one's scale.
        const double scale = stableConfigured > 1.5 ? 100.0 : 1.0;
        QCOMPARE(qRound(stableConfigured / scale * 100), 95);
        QVERIFY2(qAbs(stableObserved / scale - 0.95) < 0.025,
                 qPrintable(QStringLiteral("observed %1").arg(stableObserved)));
        QCOMPARE(model->totalRequests(), std::uint64_t(2000));
        // The header and the cookie reached their own rules.
        QCOMPARE(model->ruleCount(), 3);

        QCoreApplication::processEvents();
        QVERIFY(view.grab().save(QStringLiteral("/tmp/lessons-en.png"))); // looked at by hand
        view.showLesson(lessonOf("basic-httproute"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !view.isAnalysing() && view.analysis().lesson == lessonOf("basic-httproute"), 20000);
        QVERIFY(view.grab().save(QStringLiteral("/tmp/lessons-en-basic.png")));
    }

    void streamLessonServesItsListeners()
    {
        TORII_REQUIRE_SHARED(QStringLiteral("fixtures/seed"));
        LessonsView view;
        view.setGuideFolder(guideDir());
        const int lesson = lessonOf("tcproute");
        view.showLesson(lesson);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isAnalysing() && view.analysis().lesson == lesson, 20000);
        QSignalSpy finished(&view, &LessonsView::trafficFinished);
        QVERIFY(view.runTraffic());
        QVERIFY(finished.wait(30000) || finished.count() == 1);
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        // The Gateway of 11.yaml: postgresql (5432) and redis (6379), both TCP, on 127.0.0.1.
        const auto &listeners = view.listenersModel()->listeners();
        int tcp = 0;
        for (const Runtime::ServedListener &l : listeners) {
            tcp += l.gateway == "gateway-system/tcp-gateway" && l.localPort != 0 ? 1 : 0;
        }
        QCOMPARE(tcp, 2);
        view.stopTraffic();
        QTRY_VERIFY_WITH_TIMEOUT(!view.isRunning(), 10000);
    }

    void tlsLessonChartsItsConnections()
    {
        // 15.yaml: a TLS Passthrough listener and a TLSRoute (SNI) to one Service. Run opens 200
        // TLS connections with the route's hostname as SNI through the lesson's gateway (the L4
        // sampler); the chart counts the echo backend that answered each. (The guide's weighted
        // TCP lesson, 12.yaml, attaches no route: its listeners do not allow the routes'
        // namespaces, so it has nothing to sample and lists its listeners, as
        // streamLessonServesItsListeners checks.)
        TORII_REQUIRE_SHARED(QStringLiteral("fixtures/seed"));
        LessonsView view;
        view.setGuideFolder(guideDir());
        const int lesson = lessonOf("tlsroute");
        view.showLesson(lesson);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isAnalysing() && view.analysis().lesson == lesson, 20000);
        view.completeButton()->click(); // the Services the guide never defines: mock backends
        QTRY_VERIFY_WITH_TIMEOUT(!view.isAnalysing() && view.analysis().completed, 20000);
        QSignalSpy finished(&view, &LessonsView::trafficFinished);
        QVERIFY(view.runTraffic());
        QVERIFY(finished.wait(60000) || finished.count() == 1);
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        const TrafficModel *model = view.trafficModel();
        QCOMPARE(model->totalRequests(), std::uint64_t(200));
        QCOMPARE(model->ruleCount(), 1);
        QVERIFY2(model->ruleName(0).contains(QLatin1String("TLSRoute secure-apps/secure-app-route")),
                 qPrintable(model->ruleName(0)));
        QCOMPARE(model->requestsOf(QStringLiteral("secure-apps/secure-app-service")),
                 std::uint64_t(200));
        const auto shares = model->ruleShares(0);
        QCOMPARE(shares.size(), std::size_t(1));
        QCOMPARE(shares.front().second.first, shares.front().second.second); // all of it
        QTRY_VERIFY_WITH_TIMEOUT(!view.isRunning(), 10000);
    }

    void withoutTheGuide()
    {
        // A guide folder of the test's own: a class, a Gateway and a route to a Service no one
        // defines, named as the basic HTTPRoute lesson's blocks.
        QTemporaryDir dir;
        QVERIFY(
            writeFile(dir.filePath(QStringLiteral("06.yaml")),
                      "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n"
                      "  name: demo\nspec:\n  controllerName: example.com/other\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("07.yaml")),
                          "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n"
                          "  name: gw\n  namespace: infra\nspec:\n  gatewayClassName: demo\n"
                          "  listeners:\n  - name: http\n    port: 80\n    protocol: HTTP\n"
                          "    allowedRoutes:\n      namespaces:\n        from: All\n"));
        QVERIFY(
            writeFile(dir.filePath(QStringLiteral("08.yaml")),
                      "apiVersion: gateway.networking.k8s.io/v1beta1\nkind: HTTPRoute\nmetadata:\n"
                      "  name: shop\n  namespace: apps\nspec:\n  parentRefs:\n  - name: gw\n"
                      "    namespace: infra\n  rules:\n  - backendRefs:\n    - name: cart\n"
                      "      port: 8080\n"));
        QVERIFY(LessonCatalog::isGuideFolder(dir.path()));
        const int lesson = lessonOf("basic-httproute");
        const LessonAnalysis a = analyzeLesson(lesson, dir.path(), false);
        QVERIFY(a.missingFiles.isEmpty());
        QCOMPARE(countFindings(a, "HTTPRoute apps/shop", "BackendNotFound"), 1);
        const LessonAnalysis done = analyzeLesson(lesson, dir.path(), true);
        QVERIFY(allTrue(done.conditionsOf("HTTPRoute apps/shop"), "ResolvedRefs"));

        // Another lesson's blocks are missing from this folder: said, not hidden.
        const LessonAnalysis other = analyzeLesson(lessonOf("canary"), dir.path(), false);
        QVERIFY(other.missingFiles.contains(QStringLiteral("10.yaml")));

        // No folder at all: the view says how to point at one and still shows the lesson.
        LessonsView view;
        view.setGuideFolder(dir.path());
        view.showLesson(lesson);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isAnalysing() && view.analysis().lesson == lesson, 20000);
        QVERIFY(view.findingsModel()->rowCount() >= 1);
        QVERIFY(!view.workspaceYaml().isEmpty());
        QSignalSpy open(&view, &LessonsView::addToWorkspaceRequested);
        view.openButton()->click();
        QCOMPARE(open.count(), 1);
        QVERIFY(open.first().at(0).toString().contains(QStringLiteral("name: shop")));
    }

    void noGuideFolder()
    {
        qputenv("TORII_GUIDE_DIR", "/nonexistent");
        LessonsView view;
        view.setGuideFolder(QStringLiteral("/nonexistent/folder"));
        view.showLesson(lessonOf("canary"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !view.isAnalysing() && view.analysis().lesson == lessonOf("canary"), 20000);
        QVERIFY(!view.textLabel()->text().isEmpty());
        QVERIFY(view.folderLabel()->text().contains(QStringLiteral("TORII_GUIDE_DIR")));
        QVERIFY(view.analysis().missingFiles.contains(QStringLiteral("10.yaml")));
        QVERIFY(view.statusLabel()->text().contains(QStringLiteral("10.yaml")));
        qunsetenv("TORII_GUIDE_DIR");
    }

    void japaneseTitles()
    {
        std::vector<QString> english;
        for (const Lesson &l : LessonCatalog::lessons()) {
            english.push_back(LessonCatalog::title(l));
        }
        QCOMPARE(Runtime::installTranslations(*QCoreApplication::instance(), QStringLiteral("ja")),
                 QStringLiteral("ja"));
        LessonsView view;
        if (QDir(guideDir()).exists()) {
            view.setGuideFolder(guideDir());
        }
        view.resize(1500, 980);
        view.show();
        view.showLesson(lessonOf("basic-httproute"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !view.isAnalysing() && view.analysis().lesson == lessonOf("basic-httproute"), 20000);
        QCoreApplication::processEvents();
        QVERIFY(view.grab().save(QStringLiteral("/tmp/lessons-ja.png"))); // looked at by hand
        int changed = 0;
        for (std::size_t i = 0; i < english.size(); ++i) {
            changed += LessonCatalog::title(LessonCatalog::lessons()[i]) != english[i] ? 1 : 0;
        }
        QCOMPARE(changed, int(english.size()));
    }
};

QTEST_MAIN(TestGuiLessons)
#include "tst_gui_lessons.moc"
