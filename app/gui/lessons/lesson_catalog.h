#pragma once

// The Lessons view's catalog: one lesson per section of the seed guide that has code blocks.
// The texts here are our own (titles and teaching texts, translated through the "LessonCatalog"
// context like every other string); the guide's blocks are never copied into the project: they
// are read at run time from the guide folder (guideFolder()), and the guide's own section
// headings come from that folder's INDEX.md.
//
// A lesson names its own blocks (what it teaches: findings are listed for their objects), the
// context blocks it loads for their parents (the guide's routes attach to the Gateway of another
// section), the blocks another tool's converter reads (an Ingress, an ECS task definition), and
// the traffic it can run.
//
// Thread: lessons() and the translators are reentrant; guideFolder() reads QSettings and the
// environment (GUI thread).

#include <QtCore/QCoreApplication>
#include <QtCore/QMap>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <vector>

namespace Torii::Gui {

enum class LessonTraffic {
    None,
    Http,   // the default mix: one request per route hostname and rule match
    Canary, // requests with and without the canary header and the A/B cookie
    Tcp,
    Udp,
    Tls,
};

struct Lesson
{
    const char *id;    // stable: "canary"
    const char *title; // QT_TRANSLATE_NOOP("LessonCatalog", …): LessonCatalog::title()
    const char *text;  // what the section shows and what to look at
    QStringList blocks;
    QStringList context;  // loaded for their objects (parents), findings not listed
    QStringList converts; // blocks a converter of app/runtime/converter_registry reads
    LessonTraffic traffic = LessonTraffic::None;

    bool routesHttp() const
    {
        return traffic == LessonTraffic::Http || traffic == LessonTraffic::Canary;
    }
    bool routesStreams() const
    {
        return traffic == LessonTraffic::Tcp || traffic == LessonTraffic::Udp ||
               traffic == LessonTraffic::Tls;
    }
};

class LessonCatalog
{
    Q_DECLARE_TR_FUNCTIONS(LessonCatalog)
public:
    static const std::vector<Lesson> &lessons();
    static int indexOf(const QString &id); // -1 when unknown

    // In the user's language (translated when called).
    static QString title(const Lesson &lesson);
    static QString text(const Lesson &lesson);

    // The QSettings key of the guide folder the user chose (Settings or the view's button).
    static QString settingsKey() { return QStringLiteral("lessons/guideFolder"); }
    // The guide folder, first hit wins: the QSettings value, $TORII_GUIDE_DIR, then
    // ../shared/fixtures/seed beside the source tree and above the executable. Empty when none
    // holds any lesson's block. `how` (optional) says where it was found, translated.
    static QString guideFolder(QString *how = nullptr);
    // Whether `folder` holds at least one block of some lesson.
    static bool isGuideFolder(const QString &folder);
    // Why `folder` cannot be the guide folder (translated): it does not exist, is not a folder,
    // or holds none of the blocks (or only some: which are missing); empty when it holds them all.
    static QString guideFolderProblem(const QString &folder);
    // The guide's section heading above each block ("08.yaml" → "基本的なHTTPRoute"), read from
    // the folder's INDEX.md; empty when it has none.
    static QMap<QString, QString> headings(const QString &folder);
    // What a shell command of the troubleshooting blocks checks, and the Torii equivalent
    // (translated); both empty when the command is not one the catalog knows.
    static QString shellCheck(const QString &command);
    static QString shellEquivalent(const QString &command);
};

} // namespace Torii::Gui
