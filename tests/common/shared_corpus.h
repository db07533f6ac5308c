#pragma once

// Access to ../shared (the conformance and validation corpora no one here wrote). Tests that read
// it call TORII_REQUIRE_SHARED(sub): absent → QSKIP with a clear message, unless CI=true, where a
// missing corpus is a failure.

#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtTest/QTest>

namespace Torii::Test {

inline QString sharedPath(const QString &sub)
{
    return QDir::cleanPath(QStringLiteral(TORII_SHARED_DIR) + QLatin1Char('/') + sub);
}

inline bool inCi()
{
    return qEnvironmentVariable("CI") == QLatin1String("true");
}

// Every *.yaml / *.yml below `dir`, sorted.
inline QStringList yamlFilesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files << it.next();
    }
    files.sort();
    return files;
}

} // namespace Torii::Test

#define TORII_REQUIRE_SHARED(sub)                                                                  \
    do {                                                                                           \
        if (!QDir(Torii::Test::sharedPath(sub)).exists()) {                                        \
            if (Torii::Test::inCi()) {                                                             \
                QFAIL(qPrintable(QStringLiteral("CI=true but the corpus %1 is missing")            \
                                     .arg(Torii::Test::sharedPath(sub))));                         \
            }                                                                                      \
            QSKIP(                                                                                 \
                qPrintable(QStringLiteral("corpus %1 not found (../shared is absent in a user's "  \
                                          "clone); skipping")                                      \
                               .arg(Torii::Test::sharedPath(sub))));                               \
        }                                                                                          \
    } while (false)
