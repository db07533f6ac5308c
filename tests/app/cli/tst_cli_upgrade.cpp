// toriictl upgrade as a user runs it, on real files: only the apiVersion text changes (comments,
// order, quoting, flow style and `kind: List` items kept), FILE.bak holds the original, --dry-run
// prints a unified diff and writes nothing, a second run has nothing to do, unreadable YAML is
// refused untouched. Also the rewrite itself (engine/convert/version_upgrade_rewrite.h).
#include "engine/convert/version_upgrade_rewrite.h"

#include "common/toriictl_run.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

namespace {

using Run = TestSupport::ToriictlRun;

Run toriictl(const QStringList &arguments)
{
    return TestSupport::runToriictl(arguments);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

const QByteArray kOld = R"(# Edge gateway — owned by the platform team
apiVersion: gateway.networking.k8s.io/v1beta1   # keep this comment
kind: Gateway
metadata:
  name: edge
spec:
  gatewayClassName: example
  listeners:
  - {name: http, port: 80, protocol: HTTP}
---
apiVersion: "gateway.networking.k8s.io/v1alpha2"
kind: TCPRoute
metadata: {name: db}
spec:
  rules: [{backendRefs: [{name: db, port: 5432}]}]
---
apiVersion: v1
kind: List
items:
- {apiVersion: 'gateway.networking.k8s.io/v1alpha2', kind: TLSRoute, metadata: {name: t}, spec: {}}
- apiVersion: gateway.networking.k8s.io/v1
  kind: HTTPRoute
  metadata: {name: already}
---
apiVersion: networking.istio.io/v1beta1
kind: Gateway
metadata: {name: not-ours}
)";

QByteArray expectedNew()
{
    QByteArray s = kOld;
    s.replace("gateway.networking.k8s.io/v1beta1   #", "gateway.networking.k8s.io/v1   #");
    s.replace("\"gateway.networking.k8s.io/v1alpha2\"", "\"gateway.networking.k8s.io/v1\"");
    s.replace("'gateway.networking.k8s.io/v1alpha2'", "'gateway.networking.k8s.io/v1'");
    return s;
}

} // namespace

class TestCliUpgrade : public QObject
{
    Q_OBJECT

private slots:
    void rewriteEditsOnlyTheVersionText()
    {
        const auto r = Torii::Convert::rewriteApiVersions(kOld.toStdString(), "in.yaml");
        QVERIFY(r.problems.empty());
        QCOMPARE(r.edits.size(), std::size_t(3));
        QCOMPARE(QByteArray::fromStdString(r.text), expectedNew());
        QCOMPARE(r.edits[0].line, 2);
        QCOMPARE(r.edits[0].kind, std::string("Gateway"));
        QCOMPARE(r.edits[1].line, 11);
        QCOMPARE(r.edits[2].line, 20);
        QCOMPARE(r.edits[2].kind, std::string("TLSRoute"));
        QCOMPARE(r.edits[2].to, std::string("gateway.networking.k8s.io/v1"));
    }

    void jsonAndFlowStyleOnOneLine()
    {
        const std::string json =
            R"({"apiVersion": "gateway.networking.k8s.io/v1beta1", "kind": "HTTPRoute", "metadata": {"name": "a"}})"
            "\n";
        const auto r = Torii::Convert::rewriteApiVersions(json, "in.json");
        QCOMPARE(r.edits.size(), std::size_t(1));
        QCOMPARE(
            r.text,
            std::string(
                R"({"apiVersion": "gateway.networking.k8s.io/v1", "kind": "HTTPRoute", "metadata": {"name": "a"}})"
                "\n"));
        const std::string twoOnALine =
            "apiVersion: v1\nkind: List\nitems: [{apiVersion: gateway.networking.k8s.io/v1beta1, "
            "kind: Gateway, "
            "metadata: {name: a}}, {apiVersion: gateway.networking.k8s.io/v1beta1, kind: "
            "HTTPRoute, metadata: "
            "{name: b}}]\n";
        const auto r2 = Torii::Convert::rewriteApiVersions(twoOnALine, "in.yaml");
        QCOMPARE(r2.edits.size(), std::size_t(2));
        QVERIFY(r2.text.find("v1beta1") == std::string::npos);
    }

    void unifiedDiffHasContextAndHunks()
    {
        const std::string before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n";
        std::string after = before;
        after[2] = 'B';  // line 2
        after[22] = 'L'; // line 12
        const std::string diff = Torii::Convert::unifiedDiff(before, after, "a/x", "b/x");
        QCOMPARE(QString::fromStdString(diff),
                 QStringLiteral("--- a/x\n+++ b/x\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n"
                                "@@ -9,4 +9,4 @@\n i\n j\n k\n-l\n+L\n"));
        QVERIFY(Torii::Convert::unifiedDiff(before, before, "a", "b").empty());
    }

    void upgradesInPlaceWithBackup()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("design.yaml"));
        writeAll(file, kOld);
        const Run run = toriictl({QStringLiteral("upgrade"), dir.path()});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(readAll(file), expectedNew());
        QCOMPARE(readAll(file + QStringLiteral(".bak")), kOld);
        QVERIFY2(run.out.contains(QByteArray(file.toUtf8() + ":2: Gateway edge: apiVersion "
                                                             "gateway.networking.k8s.io/v1beta1 → "
                                                             "gateway.networking.k8s.io/v1")),
                 run.out.constData());
        QVERIFY(run.out.contains(":20: TLSRoute t:"));
        QVERIFY(run.out.contains("3 object(s) in 1 file(s) upgraded"));
        // The result reads as the same design, and a second run has nothing to do.
        const Run again = toriictl({QStringLiteral("upgrade"), file});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(again.out.contains("nothing to upgrade"));
        QCOMPARE(readAll(file), expectedNew());
    }

    void dryRunPrintsADiffAndWritesNothing()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("design.yaml"));
        writeAll(file, kOld);
        const Run run = toriictl({QStringLiteral("upgrade"), QStringLiteral("--dry-run"), file});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(readAll(file), kOld);
        QVERIFY(!QFile::exists(file + QStringLiteral(".bak")));
        QVERIFY(run.out.startsWith(QByteArray("--- " + file.toUtf8() + "\n+++ " + file.toUtf8())));
        QVERIFY(run.out.contains(
            "\n-apiVersion: gateway.networking.k8s.io/v1beta1   # keep this comment\n"
            "+apiVersion: gateway.networking.k8s.io/v1   # keep this comment\n"));
        QVERIFY(run.err.contains("would be upgraded"));
        // The diff applies with patch(1) to give exactly what the real run writes.
        if (!QStandardPaths::findExecutable(QStringLiteral("patch")).isEmpty()) {
            const QString diff = dir.filePath(QStringLiteral("d.patch"));
            writeAll(diff, run.out);
            QProcess p;
            p.setWorkingDirectory(QStringLiteral("/"));
            p.start(QStringLiteral("patch"), {QStringLiteral("-s"), file, diff});
            QVERIFY(p.waitForFinished(30000));
            QCOMPARE(p.exitCode(), 0);
            QCOMPARE(readAll(file), expectedNew());
        }
    }

    void refusesUnreadableYamlUntouched()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("broken.yaml"));
        const QByteArray broken = "apiVersion: gateway.networking.k8s.io/v1beta1\nkind: [Gateway\n";
        writeAll(file, broken);
        const Run run = toriictl({QStringLiteral("upgrade"), file});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("error"));
        QCOMPARE(readAll(file), broken);
        QVERIFY(!QFile::exists(file + QStringLiteral(".bak")));
    }

    void commandLineErrors()
    {
        QCOMPARE(toriictl({QStringLiteral("upgrade")}).exitCode, 2);
        QCOMPARE(
            toriictl({QStringLiteral("upgrade"), QStringLiteral("/no/such/file.yaml")}).exitCode,
            2);
    }
};

QTEST_GUILESS_MAIN(TestCliUpgrade)
#include "tst_cli_upgrade.moc"
