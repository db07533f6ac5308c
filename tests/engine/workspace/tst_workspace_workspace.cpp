// The workspace: open, edit → re-analysis, atomic save, journal and crash recovery, changes on
// disk. Real files in a temporary folder.
#include "engine/validation/validator.h"
#include "engine/workspace/workspace.h"

#include <QtCore/QDir>

#include <algorithm>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Torii;

namespace {

const char *kRoute = R"(apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop
  namespace: web
spec:
  parentRefs:
  - name: gw
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /cart
    backendRefs:
    - name: cart
      port: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: cart
  namespace: web
spec:
  ports:
  - port: 8080
)";

const char *kGateway = R"(apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
spec:
  gatewayClassName: torii
  listeners:
  - name: http
    port: 80
    protocol: HTTP
)";

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Workspace::Checker validator()
{
    return [](const std::vector<Model::Resource> &r) { return Validation::validateAll(r); };
}

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString routes() const { return m_dir.filePath(QStringLiteral("routes.yaml")); }
    QString gateway() const { return m_dir.filePath(QStringLiteral("infra/gateway.yml")); }

private Q_SLOTS:
    void init()
    {
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
        writeFile(routes(), kRoute);
        writeFile(gateway(), kGateway);
        writeFile(m_dir.filePath(QStringLiteral("notes.txt")), "not yaml");
        writeFile(m_dir.filePath(QStringLiteral(".torii/recovery/old.yaml")), "kind: x");
    }

    void opensAFolderInPathOrder()
    {
        Workspace::Workspace ws;
        ws.setChecker(validator());
        QString error;
        QVERIFY2(ws.open({m_dir.path()}, &error), qPrintable(error));
        QCOMPARE(ws.fileCount(), 2); // .txt and .torii/ are not part of it
        QCOMPARE(ws.relativePath(0), QStringLiteral("infra/gateway.yml"));
        QCOMPARE(ws.relativePath(1), QStringLiteral("routes.yaml"));
        QCOMPARE(ws.file(1).analysis.resources.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(ws.file(1).analysis.resources[1].kind), QStringLiteral("Service"));
        QCOMPARE(ws.file(1).analysis.resources[1].source.document, 1);
        QVERIFY(ws.file(1).analysis.diagnostics.empty());
        QCOMPARE(ws.allResources().size(), std::size_t(3));
        QVERIFY(!ws.hasUnsavedChanges());
    }

    void opensFilesAndRejectsMissingOnes()
    {
        Workspace::Workspace ws;
        QString error;
        QVERIFY(ws.open({routes()}, &error));
        QCOMPARE(ws.fileCount(), 1);
        QCOMPARE(ws.root(), QFileInfo(m_dir.path()).canonicalFilePath());
        QVERIFY(!ws.open({m_dir.filePath(QStringLiteral("missing.yaml"))}, &error));
        QVERIFY(error.contains(QStringLiteral("missing.yaml")));
    }

    void anEditIsReanalyzedOffTheGuiThread()
    {
        Workspace::Workspace ws;
        ws.setChecker(validator());
        ws.setDelays(10, 10000, 100000);
        QString error;
        QVERIFY(ws.open({routes()}, &error));
        QSignalSpy analysed(&ws, &Workspace::Workspace::analysisChanged);
        QSignalSpy modified(&ws, &Workspace::Workspace::modifiedChanged);
        QString text = ws.file(0).text;
        text.replace(QStringLiteral("type: PathPrefix"), QStringLiteral("type: Prefix"));
        ws.setText(0, text);
        QCOMPARE(modified.count(), 1);
        QVERIFY(ws.file(0).isModified());
        QVERIFY(analysed.wait(5000));
        const Core::Diagnostics &d = ws.file(0).analysis.diagnostics;
        const auto enumError = std::find_if(d.begin(), d.end(), [](const Core::Diagnostic &x) {
            return x.isError() && x.fieldPath.find("path.type") != std::string::npos;
        });
        QVERIFY(enumError != d.end());
        QCOMPARE(enumError->line, 12);
        QCOMPARE(QString::fromStdString(enumError->file), ws.file(0).path);
        // Sorted by position.
        QVERIFY(std::is_sorted(d.begin(), d.end(), [](const Core::Diagnostic &a, const Core::Diagnostic &b) {
            return std::tie(a.line, a.column) < std::tie(b.line, b.column);
        }));
    }

    void staleAnalysisIsDropped()
    {
        Workspace::Workspace ws;
        ws.setChecker(validator());
        ws.setDelays(0, 10000, 100000);
        QString error;
        QVERIFY(ws.open({routes()}, &error));
        QString bad = ws.file(0).text;
        bad.replace(QStringLiteral("port: 8080\n---"), QStringLiteral("port: 99999\n---"));
        ws.setText(0, bad);
        ws.setText(0, QString::fromUtf8(kRoute)); // back to valid before the first result lands
        QTRY_COMPARE(ws.file(0).analyzedRevision, ws.file(0).revision);
        QVERIFY(ws.file(0).analysis.diagnostics.empty());
        QVERIFY(!ws.file(0).isModified());
    }

    void saveIsAtomicAndKeepsTheText()
    {
        Workspace::Workspace ws;
        QString error;
        QVERIFY(ws.open({m_dir.path()}, &error));
        const int index = ws.indexOf(routes());
        QVERIFY(index >= 0);
        // The user's order, comments and spacing survive: the text is written as edited.
        const QString edited = QStringLiteral("# comment kept\n") + ws.file(index).text;
        ws.setText(index, edited);
        const QFileInfo before(routes());
        QVERIFY(ws.save(index, &error));
        QCOMPARE(readFile(routes()), edited.toUtf8());
        QVERIFY(!ws.file(index).isModified());
        // QSaveFile renames a new file over the old one: nothing is ever half written.
        QVERIFY(QFileInfo(routes()).fileTime(QFileDevice::FileBirthTime) >= before.fileTime(QFileDevice::FileBirthTime));
        const QStringList leftovers = QDir(m_dir.path()).entryList({QStringLiteral("*.yaml.*")}, QDir::Files | QDir::Hidden);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QLatin1Char(','))));
    }

    void saveFailsClearlyOnAReadOnlyFolder()
    {
        Workspace::Workspace ws;
        QString error;
        QVERIFY(ws.open({routes()}, &error));
        ws.setText(0, QStringLiteral("kind: x\n"));
        QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        const bool saved = ws.save(0, &error);
        QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        if (saved) {
            QSKIP("running as root: permissions do not stop writes");
        }
        QVERIFY(error.contains(QStringLiteral("routes.yaml")));
        QCOMPARE(readFile(routes()), QByteArray(kRoute));
        QVERIFY(ws.file(0).isModified());
    }

    void killMidEditReopenEditsBack()
    {
        const QString edited = QString::fromUtf8(kRoute).replace(QStringLiteral("/cart"), QStringLiteral("/basket"));
        {
            auto *first = new Workspace::Workspace;
            first->setDelays(10, 20, 100000);
            QString error;
            QVERIFY(first->open({m_dir.path()}, &error));
            const int index = first->indexOf(routes());
            first->setText(index, edited);
            // The journal follows the edit after its debounce, without any save or close.
            QTRY_VERIFY(!QDir(first->recoveryDir()).entryList({QStringLiteral("*.json")}, QDir::Files).isEmpty());
            // No close(): the process "dies" here, the journal stays.
            delete first;
        }
        QCOMPARE(readFile(routes()), QByteArray(kRoute)); // the file itself was never touched
        Workspace::Workspace second;
        QString error;
        QVERIFY(second.open({m_dir.path()}, &error));
        const QList<Workspace::Recovery> recoveries = second.pendingRecoveries();
        QCOMPARE(recoveries.size(), 1);
        QCOMPARE(recoveries[0].fileIndex, second.indexOf(routes()));
        QCOMPARE(recoveries[0].text, edited);
        second.applyRecovery(recoveries[0]);
        QCOMPARE(second.file(recoveries[0].fileIndex).text, edited);
        QVERIFY(second.file(recoveries[0].fileIndex).isModified());
        QVERIFY(second.pendingRecoveries().isEmpty());
        QVERIFY(second.save(recoveries[0].fileIndex, &error));
        QCOMPARE(readFile(routes()), edited.toUtf8());
        second.close();
        Workspace::Workspace third;
        QVERIFY(third.open({m_dir.path()}, &error));
        QVERIFY(third.pendingRecoveries().isEmpty()); // saved: nothing left to recover
    }

    void aCleanCloseLeavesNoJournalAndAnOlderJournalIsNotOffered()
    {
        {
            Workspace::Workspace ws;
            QString error;
            QVERIFY(ws.open({m_dir.path()}, &error));
            ws.setText(0, QStringLiteral("kind: edited\n"));
            ws.flushJournal();
            ws.close();
        }
        Workspace::Workspace again;
        QString error;
        QVERIFY(again.open({m_dir.path()}, &error));
        QVERIFY(again.pendingRecoveries().isEmpty());

        {
            Workspace::Workspace ws;
            QVERIFY(ws.open({m_dir.path()}, &error));
            ws.setText(0, QStringLiteral("kind: edited\n"));
            ws.flushJournal();
        }
        // Someone saved the file after the journal was written: the journal is stale.
        QTest::qWait(20);
        writeFile(gateway(), QByteArray(kGateway) + "# later\n");
        Workspace::Workspace last;
        QVERIFY(last.open({m_dir.path()}, &error));
        QVERIFY(last.pendingRecoveries().isEmpty());
    }

    void changesOnDiskReloadOrAsk()
    {
        Workspace::Workspace ws;
        QString error;
        QVERIFY(ws.open({m_dir.path()}, &error));
        const int gw = ws.indexOf(gateway());
        const int rt = ws.indexOf(routes());
        QSignalSpy changedText(&ws, &Workspace::Workspace::textChanged);
        QSignalSpy conflict(&ws, &Workspace::Workspace::fileChangedOnDisk);

        // No edits: the disk's text is taken silently.
        writeFile(gateway(), QByteArray(kGateway).replace("port: 80", "port: 8080"));
        QTRY_VERIFY(ws.file(gw).text.contains(QStringLiteral("port: 8080")));
        QVERIFY(!ws.file(gw).isModified());
        QVERIFY(changedText.count() >= 1);

        // Unsaved edits: the workspace asks.
        ws.setText(rt, QStringLiteral("kind: mine\n"));
        writeFile(routes(), "kind: theirs\n");
        QTRY_COMPARE(conflict.count(), 1);
        QCOMPARE(ws.file(rt).text, QStringLiteral("kind: mine\n"));
        QVERIFY(ws.file(rt).changedOnDisk);
        ws.reloadFromDisk(rt);
        QCOMPARE(ws.file(rt).text, QStringLiteral("kind: theirs\n"));
        QVERIFY(!ws.file(rt).isModified());

        // Keep: the edit stays, and saving overwrites theirs.
        ws.setText(rt, QStringLiteral("kind: mine again\n"));
        writeFile(routes(), "kind: theirs again\n");
        QTRY_COMPARE(conflict.count(), 2);
        ws.keepEdits(rt);
        QVERIFY(ws.file(rt).isModified());
        QVERIFY(ws.save(rt, &error));
        QCOMPARE(readFile(routes()), QByteArray("kind: mine again\n"));
        // Our own save is not reported as someone else's change.
        QTest::qWait(200);
        QCOMPARE(conflict.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace_workspace.moc"
