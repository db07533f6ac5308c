#include "install_layout.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>

namespace Torii::Runtime {

QString installedDataDir()
{
    const QFileInfo data(QDir(QCoreApplication::applicationDirPath())
                             .filePath(QStringLiteral(TORII_DATA_DIR_FROM_BINDIR)));
    return data.isDir() ? data.canonicalFilePath() : QString();
}

} // namespace Torii::Runtime
