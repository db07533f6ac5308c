// The Lessons view, offscreen: every block of the guide belongs to a lesson and loads; the YAML
// lessons' findings come from the real controller and validator (reasons observed on the guide's
// blocks); "Complete the example" makes a route Accepted and ResolvedRefs; the canary lesson's
// traffic through a real gateway on 127.0.0.1 splits as configured; the Japanese translator
// changes the titles. Without ../shared, a guide folder made here from the test's own YAML.
// The TCP and UDP lessons (11–14), completed, get their routes onto the guide's listeners (a
// namespace label, completed copies of Gateways) and chart their splits over the L4 sampler;
// the DNS rule is served and said why it is not charted; the basic HTTPRoute (08) runs over
// HTTPS with the development CA; a borrowed block's findings show in the borrowing lesson; the
// Settings dialog's guide folder round-trips and refuses a wrong folder; the findings' "where"
// goes through tr(). Nothing is cut, at the sizes the runs are shown and in a small window: the
// words above the blocks (the status line among them) and the chart's verdicts show their whole
// wrapped text, the verdicts do not cover the chart, every category label of the share chart is
// drawn whole; the status line changing between one and two lines moves nothing below it.
// With TORII_GRAB_DIR set, saves grabs there for a human to look at (lessons-en.png,
// lessons-ja.png, lessons-08-en.png, lessons-12-en.png, their -small twins and the -ja ones).

#include "tests/common/shared_corpus.h"

#include "app/gui/lessons/lesson_analysis.h"
#include "app/gui/lessons/lesson_catalog.h"
#include "app/gui/lessons/lesson_findings_model.h"
#include "app/gui/lessons/lessons_view.h"
#include "app/gui/models/listeners_model.h"
#include "app/gui/settings/preferences.h"
#include "app/gui/settings/settings_dialog.h"
#include "app/gui/traffic/traffic_charts.h"
#include "app/gui/traffic/traffic_model.h"
#include "app/gui/yamleditor/yaml_editor.h"
#include "app/runtime/locale.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTranslator>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QGraphicsTextItem>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>

#include <set>

using namespace Torii;
using namespace Torii::Gui;

namespace {

// Lets the posted layout requests run: a label's new text reaches the window's layout one
// event round per level of nesting, and a grab or a geometry read before that sees the old
// geometry.
void settleLayouts()
{
    for (int round = 0; round < 12; ++round) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

// A grab for a human to look at, only when TORII_GRAB_DIR names a folder (tests write nowhere
// else).
void saveGrab(QWidget &widget, const char *name)
{
    settleLayouts();
    const QString dir = qEnvironmentVariable("TORII_GRAB_DIR");
    if (!dir.isEmpty()) {
        widget.grab().save(QDir(dir).filePath(QString::fromLatin1(name)));
    }
}

// Why `label` does not show its whole text (empty: it does): a word-wrapped label needs the
// height its text takes at the label's width.
QString cutLabel(const QLabel *label, const char *what)
{
    if (!label->isVisible() || label->text().isEmpty()) {
        return {};
    }
    const int needed = label->heightForWidth(label->width());
    if (label->height() >= needed) {
        return {};
    }
    return QStringLiteral("%1 is %2 px high, its text needs %3 at %4 px: %5")
        .arg(QLatin1String(what))
        .arg(label->height())
        .arg(needed)
        .arg(label->width())
        .arg(label->text().left(80));
}

// The category labels of a bar chart that are not drawn whole (Qt Charts draws an elided text
// instead, "…" or "...", or hides it).
QStringList elidedCategoryLabels(QChartView *view)
{
    const QList<QAbstractAxis *> axes = view->chart()->axes(Qt::Vertical);
    auto *axis = axes.isEmpty() ? nullptr : qobject_cast<QBarCategoryAxis *>(axes.constFirst());
    if (!axis) {
        return {QStringLiteral("no category axis")};
    }
    QStringList drawn;
    for (QGraphicsItem *item : view->scene()->items()) {
        auto *text = qgraphicsitem_cast<QGraphicsTextItem *>(item);
        if (text && text->isVisible()) {
            drawn << text->toPlainText();
        }
    }
    QStringList elided;
    for (const QString &category : axis->categories()) {
        if (!drawn.contains(category)) {
            elided << category;
        }
    }
    return elided;
}

// What the view cuts, once its layouts have settled (empty: nothing).
QString cutText(LessonsView &view)
{
    settleLayouts();
    QStringList cut = {cutLabel(view.titleLabel(), "the title"),
                       cutLabel(view.subtitleLabel(), "the guide's heading"),
                       cutLabel(view.textLabel(), "the lesson's text"),
                       cutLabel(view.statusLabel(), "the status line"),
                       cutLabel(view.trafficLabel(), "the traffic pane's text")};
    TrafficCharts *charts = view.charts();
    if (charts->isVisible()) {
        const QLabel *verdicts = charts->verdictLabel();
        cut << cutLabel(verdicts, "the verdicts");
        if (verdicts->geometry().top() < charts->shareView()->geometry().bottom()) {
            cut << QStringLiteral("the verdicts (from y %1) cover the chart (to y %2)")
                       .arg(verdicts->geometry().top())
                       .arg(charts->shareView()->geometry().bottom());
        }
        const QStringList elided = elidedCategoryLabels(charts->shareView());
        if (!elided.isEmpty()) {
            cut << QStringLiteral("chart labels not drawn whole (chart %1×%2): %3")
                       .arg(charts->shareView()->width())
                       .arg(charts->shareView()->height())
                       .arg(elided.join(QStringLiteral(" | ")));
        }
    }
    cut.removeAll(QString());
    return cut.join(QLatin1Char('\n'));
}

// The view at its run's size and in a small window (a dock): nothing cut; grabs of both.
void checkNothingCut(LessonsView &view, const char *grab, const char *smallGrab)
{
    QString cut = cutText(view);
    QVERIFY2(cut.isEmpty(), qPrintable(cut));
    saveGrab(view, grab);
    const QSize size = view.size();
    view.resize(960, 400); // as short as the view allows: its minimum height
    cut = cutText(view);
    QVERIFY2(cut.isEmpty(), qPrintable(cut));
    saveGrab(view, smallGrab);
    view.resize(size);
    settleLayouts();
}

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

// The Completion findings of an analysis: (route, fix) → (before reason, after status).
const LessonFinding *completionOf(const LessonAnalysis &a, const std::string &route,
                                  LessonFinding::Fix fix)
{
    for (const LessonFinding &f : a.findings) {
        if (f.kind == LessonFinding::Kind::Completion && f.object == route && f.fix == fix) {
            return &f;
        }
    }
    return nullptr;
}

// Runs lesson `id` completed in `view` and waits for its traffic to finish.
bool runCompleted(LessonsView &view, const char *id, QString *why)
{
    const int lesson = lessonOf(id);
    view.showLesson(lesson);
    if (!QTest::qWaitFor([&] { return !view.isAnalysing() && view.analysis().lesson == lesson; },
                         20000)) {
        *why = QStringLiteral("analysis");
        return false;
    }
    view.setCompleted(true);
    if (!QTest::qWaitFor([&] { return !view.isAnalysing() && view.analysis().completed; }, 20000)) {
        *why = QStringLiteral("completion");
        return false;
    }
    QSignalSpy finished(&view, &LessonsView::trafficFinished);
    if (!view.runTraffic()) {
        *why = view.statusLabel()->text();
        return false;
    }
    if (!finished.wait(90000) && finished.count() == 0) {
        *why = QStringLiteral("no end");
        return false;
    }
    if (!finished.first().at(0).toBool()) {
        *why = finished.first().at(1).toString();
        return false;
    }
    // A lesson with nothing to sample keeps its gateway for the user to try by hand: stop it.
    view.stopTraffic();
    return QTest::qWaitFor([&] { return !view.isRunning(); }, 10000);
}

int ruleNamed(const TrafficModel *model, const QString &part)
{
    for (int r = 0; r < model->ruleCount(); ++r) {
        if (model->ruleName(r).contains(part)) {
            return r;
        }
    }
    return -1;
}

// A translator that knows one text, to show a string goes through tr().
class OneTextTranslator : public QTranslator
{
public:
    OneTextTranslator(const char *source, QString translation)
        : m_source(source)
        , m_translation(std::move(translation))
    {}
    bool isEmpty() const override { return false; }
    QString translate(const char *, const char *source, const char *, int) const override
    {
        return QByteArray(source) == m_source ? m_translation : QString();
    }

private:
    QByteArray m_source;
    QString m_translation;
};

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
    void initTestCase()
    {
        // The guide folder setting goes to a settings file of the test's own.
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("torii-tests"));
    }

    void completingTheStreamLessons()
    {
        TORII_REQUIRE_SHARED(QStringLiteral("fixtures/seed"));
        using Fix = LessonFinding::Fix;
        // As written, every own route of 11–14 is off its listener; completed, each is Accepted.
        const std::map<std::string, std::vector<std::string>> routes = {
            {"tcproute", {"TCPRoute database/database-tcp-route"}},
            {"tcp-ha",
             {"TCPRoute database/ha-database-route", "TCPRoute cache/redis-cluster-route"}},
            {"udproute", {"UDPRoute dns-system/dns-udp-route"}},
            {"udp-high-load",
             {"UDPRoute gaming/game-server-route", "UDPRoute logging/syslog-route"}},
        };
        for (const auto &[id, names] : routes) {
            const LessonAnalysis before = analyzeLesson(lessonOf(id.c_str()), guideDir(), false);
            const LessonAnalysis after = analyzeLesson(lessonOf(id.c_str()), guideDir(), true);
            for (const std::string &route : names) {
                QVERIFY2(!allTrue(before.conditionsOf(route), "Accepted"), route.c_str());
                std::string reasons;
                QVERIFY2(allTrue(after.conditionsOf(route, &reasons), "Accepted"),
                         qPrintable(QString::fromStdString(route + ": " + reasons) + '\n' +
                                    findingsText(after)));
                QVERIFY2(allTrue(after.conditionsOf(route), "ResolvedRefs"), route.c_str());
                // The fix is offered as written and shown as done, before → after.
                int offered = 0, done = 0;
                for (const LessonFinding &f : before.findings) {
                    offered += f.kind == LessonFinding::Kind::Completion && f.object == route &&
                               f.afterStatus == "True" && f.status == "False";
                }
                for (const LessonFinding &f : after.findings) {
                    done += f.kind == LessonFinding::Kind::Completion && f.object == route &&
                            f.afterStatus == "True" && f.status == "False";
                    QVERIFY(!LessonFindingsModel::explanationOf(f).isEmpty());
                }
                QVERIFY2(offered >= 1 && done >= 1, route.c_str());
            }
        }
        // 12: the label the postgresql listener's selector wants on the namespace the completion
        // creates, and a copy of 11's Gateway whose redis listener also admits `cache`.
        const LessonAnalysis ha = analyzeLesson(lessonOf("tcp-ha"), guideDir(), true);
        const LessonFinding *label =
            completionOf(ha, "TCPRoute database/ha-database-route", Fix::NamespaceLabels);
        QVERIFY2(label, qPrintable(findingsText(ha)));
        QCOMPARE(label->reason, std::string("NotAllowedByListeners"));
        QCOMPARE(label->fixArgs.at(1), std::string("database.example.com/allowed=true"));
        QVERIFY(ha.completionYaml.find("database.example.com/allowed") != std::string::npos);
        const LessonFinding *redis =
            completionOf(ha, "TCPRoute cache/redis-cluster-route", Fix::ListenerNamespaces);
        QVERIFY(redis);
        QCOMPARE(redis->fixArgs.at(2), std::string("cache, gateway-system"));
        QCOMPARE(ha.replaced, std::vector<std::string>{"Gateway gateway-system/tcp-gateway"});
        // The copy is handed over (the context block is not), the guide's block is unchanged.
        QVERIFY(ha.completionYaml.find("kind: Gateway") != std::string::npos);
        // 11's own route is left out of 12 (context blocks give their parents only).
        QCOMPARE(ha.conditionsOf("TCPRoute database/database-tcp-route").size(), std::size_t(0));
        // 14: no listener game-udp on 13's Gateway: a completed copy adds one on the backend port.
        const LessonAnalysis udp = analyzeLesson(lessonOf("udp-high-load"), guideDir(), true);
        const LessonFinding *added =
            completionOf(udp, "UDPRoute gaming/game-server-route", Fix::ListenerAdded);
        QVERIFY2(added, qPrintable(findingsText(udp)));
        QCOMPARE(added->reason, std::string("NoMatchingParent"));
        QCOMPARE(added->fixArgs, (std::vector<std::string>{"gateway-system/udp-gateway", "game-udp",
                                                           "UDP", "7000", "gaming"}));
        QVERIFY(completionOf(udp, "UDPRoute logging/syslog-route", Fix::ListenerNamespaces));
    }

    void weightedTcpLessonChartsItsSplit()
    {
        // 12, completed: 200 connections per rule through the lesson's gateway; the observed
        // split of 90/10 and 34/33/33 against the weights (chi-square).
        TORII_REQUIRE_SHARED(QStringLiteral("fixtures/seed"));
        LessonsView view;
        view.setGuideFolder(guideDir());
        view.resize(1600, 1000);
        view.show();
        QString why;
        QVERIFY2(runCompleted(view, "tcp-ha", &why), qPrintable(why));
        const TrafficModel *model = view.trafficModel();
        QCOMPARE(model->ruleCount(), 2);
        QCOMPARE(model->totalRequests(), std::uint64_t(400));
        for (const char *rule :
             {"TCPRoute database/ha-database-route", "TCPRoute cache/redis-cluster-route"}) {
            const int r = ruleNamed(model, QString::fromLatin1(rule));
            QVERIFY2(r >= 0, rule);
            const Metrics::WeightTest test = model->weightTest(r);
            QCOMPARE(test.total, std::uint64_t(200));
            // The verdict at the model's level; a real weighted draw is random, so the bound
            // asserted is p > 0.001 (the verdict itself may say "not consistent" once in 100).
            QVERIFY2(test.pValue > 0.001, qPrintable(model->verdict(r)));
            QVERIFY(!model->verdict(r).isEmpty());
        }
        QVERIFY(model->requestsOf(QStringLiteral("database/postgresql-primary-service")) >
                model->requestsOf(QStringLiteral("database/postgresql-secondary-service")));
        QCOMPARE(model->requestsOf(QStringLiteral("cache/redis-cluster-node-1-service")) +
                     model->requestsOf(QStringLiteral("cache/redis-cluster-node-2-service")) +
                     model->requestsOf(QStringLiteral("cache/redis-cluster-node-3-service")),
                 std::uint64_t(200));
        QCoreApplication::processEvents();
        QVERIFY(!view.charts()->shareView()->isHidden());
        QCOMPARE(view.charts()->shareView()->chart()->axes(Qt::Vertical).size(), 1);
        checkNothingCut(view, "lessons-12-en.png", "lessons-12-en-small.png"); // looked at by hand
    }

    void tcpAndUdpLessonsRun()
    {
        TORII_REQUIRE_SHARED(QStringLiteral("fixtures/seed"));
        LessonsView view;
        view.setGuideFolder(guideDir());
        QString why;
        // 11: one route, one backend.
        QVERIFY2(runCompleted(view, "tcproute", &why), qPrintable(why));
        QCOMPARE(view.trafficModel()->ruleCount(), 1);
        QCOMPARE(
            view.trafficModel()->requestsOf(QStringLiteral("database/postgresql-primary-service")),
            std::uint64_t(200));
        // 14: the game servers 4 × 25 on the added listener, syslog on the completed one.
        QVERIFY2(runCompleted(view, "udp-high-load", &why), qPrintable(why));
        const TrafficModel *model = view.trafficModel();
        QCOMPARE(model->ruleCount(), 2);
        const int game = ruleNamed(model, QStringLiteral("UDPRoute gaming/game-server-route"));
        QVERIFY(game >= 0);
        QCOMPARE(model->weightTest(game).total, std::uint64_t(200));
        QCOMPARE(model->ruleShares(game).size(), std::size_t(4));
        QVERIFY2(model->weightTest(game).pValue > 0.001, qPrintable(model->verdict(game)));
        QCOMPARE(model->requestsOf(QStringLiteral("logging/fluentd-aggregator-service")),
                 std::uint64_t(200));
        // 13: the DNS rule is served (its route attaches once completed) and not charted: why.
        QVERIFY2(runCompleted(view, "udproute", &why), qPrintable(why));
        QCOMPARE(view.trafficModel()->totalRequests(), std::uint64_t(0));
        QVERIFY2(view.statusLabel()->text().contains(QStringLiteral("dns-udp-route")) &&
                     view.statusLabel()->text().contains(QStringLiteral("dig @127.0.0.1 -p ")),
                 qPrintable(view.statusLabel()->text()));
        bool dnsServed = false;
        for (const Runtime::ServedListener &l : view.listenersModel()->listeners()) {
            dnsServed = dnsServed || (l.port == 53 && l.localPort != 0);
        }
        QVERIFY(dnsServed);
    }

    void basicHttpRouteRunsOverHttps()
    {
        // 08: the route attaches only to the https listener of 07's Gateway, whose certificate
        // the guide never defines: served with the development CA's, trusted by the requests.
        TORII_REQUIRE_SHARED(QStringLiteral("fixtures/seed"));
        LessonsView view;
        view.setGuideFolder(guideDir());
        view.resize(1600, 1000);
        view.show();
        QString why;
        QVERIFY2(runCompleted(view, "basic-httproute", &why), qPrintable(why));
        const TrafficModel *model = view.trafficModel();
        QVERIFY2(model->totalRequests() >= 100, qPrintable(view.statusLabel()->text()));
        std::uint64_t answered = 0;
        for (const QString &backend : model->backends()) {
            answered += model->requestsOf(backend);
        }
        QCOMPARE(answered, model->totalRequests()); // every request answered by a backend
        // The 90/10 rule is among the rules the requests reached.
        int weighted = -1;
        for (int r = 0; r < model->ruleCount(); ++r) {
            weighted = model->ruleShares(r).size() == 2 ? r : weighted;
        }
        QVERIFY2(weighted >= 0, qPrintable(model->backends().join(QLatin1Char(' '))));
        QVERIFY(
            model->ruleName(weighted).contains(QStringLiteral("HTTPRoute webapp/webapp-routes")));
        QVERIFY(model->requestsOf(QStringLiteral("webapp/api-v1-service")) > 0);
        QVERIFY2(view.statusLabel()->text().contains(QStringLiteral("development CA")),
                 qPrintable(view.statusLabel()->text()));
        bool https = false;
        for (const Runtime::ServedListener &l : view.listenersModel()->listeners()) {
            https =
                https || (l.protocol == RouteTable::ListenerProtocol::HTTPS && l.localPort != 0);
        }
        QVERIFY(https);
        QCoreApplication::processEvents();
        checkNothingCut(view, "lessons-08-en.png", "lessons-08-en-small.png"); // looked at by hand
    }

    void borrowedFindingsAreShown()
    {
        TORII_REQUIRE_SHARED(QStringLiteral("fixtures/seed"));
        // 08 borrows 07's Gateway: its https listener's certificate is in another namespace
        // without a ReferenceGrant (and never defined).
        const LessonAnalysis basic = analyzeLesson(lessonOf("basic-httproute"), guideDir(), false);
        const LessonFinding *borrowed = nullptr;
        for (const LessonFinding &f : basic.findings) {
            if (f.reason == "RefNotPermitted" &&
                f.object == "Gateway gateway-system/production-gateway") {
                borrowed = &f;
            }
            // Only the listener the route names, not the Gateway's others.
            QVERIFY2(f.whereKind != LessonFinding::Where::Listener || f.whereName == "https",
                     f.whereName.c_str());
        }
        QVERIFY2(borrowed, qPrintable(findingsText(basic)));
        QCOMPARE(borrowed->borrowedFrom, std::string("07.yaml"));
        QCOMPARE(borrowed->whereName, std::string("https"));
        LessonFindingsModel model;
        model.setFindings(basic.findings);
        bool marked = false;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex object = model.index(row, LessonFindingsModel::ObjectColumn);
            if (object.data(LessonFindingsModel::BorrowedRole).toString() ==
                QLatin1String("07.yaml")) {
                marked =
                    marked || object.data().toString().contains(QStringLiteral("from 07.yaml"));
            }
        }
        QVERIFY(marked);
        // And its own lesson still lists it, not as borrowed.
        const LessonAnalysis gateway = analyzeLesson(lessonOf("gateway"), guideDir(), false);
        bool own = false;
        for (const LessonFinding &f : gateway.findings) {
            own = own || (f.reason == "RefNotPermitted" && f.borrowedFrom.empty());
        }
        QVERIFY(own);
        // 12 borrows 11's Gateway but not 11's route.
        const LessonAnalysis ha = analyzeLesson(lessonOf("tcp-ha"), guideDir(), false);
        for (const LessonFinding &f : ha.findings) {
            QVERIFY2(f.object != "TCPRoute database/database-tcp-route" &&
                         f.object != "TCPRoute database-tcp-route",
                     qPrintable(findingsText(ha)));
        }
    }

    void whereGoesThroughTr()
    {
        LessonFinding f;
        f.kind = LessonFinding::Kind::Condition;
        f.whereKind = LessonFinding::Where::Listener;
        f.whereName = "https";
        f.type = "Programmed";
        f.status = "False";
        f.reason = "Invalid";
        QCOMPARE(LessonFindingsModel::whereOf(f), QStringLiteral("listener https"));
        OneTextTranslator translator("listener %1", QStringLiteral("リスナー %1"));
        QCoreApplication::installTranslator(&translator);
        QCOMPARE(LessonFindingsModel::whereOf(f), QStringLiteral("リスナー https"));
        QVERIFY(LessonFindingsModel::messageOf(f).startsWith(QStringLiteral("リスナー https")));
        QCoreApplication::removeTranslator(&translator);
        f.whereKind = LessonFinding::Where::Parent;
        f.whereName = "gateway-system/tcp-gateway";
        f.whereSection = "redis";
        QCOMPARE(LessonFindingsModel::whereOf(f),
                 QStringLiteral("parent gateway-system/tcp-gateway, listener redis"));
    }

    void settingsGuideFolder()
    {
        QTemporaryDir wrong;
        QTemporaryDir partial;
        QVERIFY(writeFile(partial.filePath(QStringLiteral("08.yaml")), "kind: x\n"));
        Preferences::instance()->setGuideFolder(QString());
        LessonsView view;
        {
            // An empty folder: refused, the dialog stays open and says what is wrong.
            SettingsDialog dialog;
            dialog.guideFolderEdit()->setText(wrong.path());
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Rejected));
            QVERIFY(!dialog.guideFolderProblem()->isHidden());
            QVERIFY2(dialog.guideFolderProblem()->text().contains(QStringLiteral("none of")),
                     qPrintable(dialog.guideFolderProblem()->text()));
            QVERIFY(Preferences::instance()->guideFolder().isEmpty());
            // A folder with some blocks only: which are missing.
            dialog.guideFolderEdit()->setText(partial.path());
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Rejected));
            QVERIFY2(dialog.guideFolderProblem()->text().contains(QStringLiteral("33.yaml")),
                     qPrintable(dialog.guideFolderProblem()->text()));
            // A file.
            dialog.guideFolderEdit()->setText(partial.filePath(QStringLiteral("08.yaml")));
            dialog.accept();
            QVERIFY(dialog.guideFolderProblem()->text().contains(QStringLiteral("not a folder")));
            dialog.guideFolderEdit()->setText(partial.filePath(QStringLiteral("nothing")));
            dialog.accept();
            QVERIFY(dialog.guideFolderProblem()->text().contains(QStringLiteral("does not exist")));
        }
        if (!QDir(guideDir()).exists()) {
            QSKIP("the guide's blocks (../shared) are not here: the round trip needs them");
        }
        {
            SettingsDialog dialog;
            dialog.guideFolderEdit()->setText(guideDir());
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        // One setting: the key the view reads, and the view follows at once.
        QCOMPARE(QSettings().value(LessonCatalog::settingsKey()).toString(),
                 QDir::cleanPath(guideDir()));
        QCOMPARE(view.guideFolder(), QDir::cleanPath(QDir(guideDir()).absolutePath()));
        QVERIFY(view.folderLabel()->text().contains(QStringLiteral("settings")));
        {
            SettingsDialog dialog; // shows what is kept
            QCOMPARE(QDir::fromNativeSeparators(dialog.guideFolderEdit()->text()),
                     QDir::cleanPath(guideDir()));
            dialog.guideFolderEdit()->clear(); // empty: found automatically again
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        QVERIFY(!QSettings().contains(LessonCatalog::settingsKey()));
    }

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
        saveGrab(view, "lessons-en.png"); // looked at by hand
        view.showLesson(lessonOf("basic-httproute"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !view.isAnalysing() && view.analysis().lesson == lessonOf("basic-httproute"), 20000);
        saveGrab(view, "lessons-en-basic.png");
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
        // TCP lesson, 12.yaml, attaches no route as written: its listeners do not allow the
        // routes' namespaces; weightedTcpLessonChartsItsSplit runs it completed.)
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
        QVERIFY2(
            model->ruleName(0).contains(QLatin1String("TLSRoute secure-apps/secure-app-route")),
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

    void statusLineMovesNothing()
    {
        // A status of one line or of two: the blocks under it stay where they are. A longer one
        // grows the line and shows whole.
        LessonsView view;
        view.resize(1200, 800);
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(
            !view.isAnalysing() && view.analysis().lesson == view.currentLesson(), 20000);
        QLabel *status = view.statusLabel();
        const auto blocksTop = [&] {
            settleLayouts();
            return view.blockEditor()->mapTo(&view, QPoint()).y();
        };
        // The lines a text takes at the status line's width.
        const auto lines = [status](const QString &text) {
            const QFontMetrics metrics = status->fontMetrics();
            return qRound(
                double(metrics
                           .boundingRect(QRect(0, 0, status->contentsRect().width(), 100000),
                                         Qt::TextWordWrap, text)
                           .height()) /
                metrics.lineSpacing());
        };
        const QString oneLine = QStringLiteral("Computing the status…");
        QCOMPARE(lines(oneLine), 1);
        status->setText(oneLine);
        const int top = blocksTop();
        QString twoLines = QStringLiteral("Findings:");
        while (lines(twoLines) < 2) {
            twoLines += QStringLiteral(" 1 error · 2 warnings");
        }
        QCOMPARE(lines(twoLines), 2);
        status->setText(twoLines);
        QCOMPARE(blocksTop(), top);
        QString manyLines = twoLines;
        for (int i = 0; i < 3; ++i) {
            manyLines += QLatin1Char(' ') + twoLines;
        }
        status->setText(manyLines);
        QVERIFY(blocksTop() > top);
        const QString cut = cutLabel(status, "the status line");
        QVERIFY2(cut.isEmpty(), qPrintable(cut));
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
        saveGrab(view, "lessons-ja.png"); // looked at by hand
        if (QDir(guideDir()).exists()) {
            // The runs of 08 and 12 in Japanese, for a human to look at.
            QString why;
            QVERIFY2(runCompleted(view, "basic-httproute", &why), qPrintable(why));
            checkNothingCut(view, "lessons-08-ja.png", "lessons-08-ja-small.png");
            if (QTest::currentTestFailed()) {
                return;
            }
            QVERIFY2(runCompleted(view, "tcp-ha", &why), qPrintable(why));
            checkNothingCut(view, "lessons-12-ja.png", "lessons-12-ja-small.png");
            if (QTest::currentTestFailed()) {
                return;
            }
        }
        int changed = 0;
        for (std::size_t i = 0; i < english.size(); ++i) {
            changed += LessonCatalog::title(LessonCatalog::lessons()[i]) != english[i] ? 1 : 0;
        }
        QCOMPARE(changed, int(english.size()));
    }

private:
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(TestGuiLessons)
#include "tst_gui_lessons.moc"
