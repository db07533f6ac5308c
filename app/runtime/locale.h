#pragma once

#include <QtCore/QString>

class QCoreApplication;

namespace Torii::Runtime {

// Installs the translations for `localeName` ("ja", "ja_JP", "en" …; empty: the system locale,
// overridden by TORII_LANG). English needs none. Returns the language that took effect.
QString installTranslations(QCoreApplication &app, const QString &localeName = {});

} // namespace Torii::Runtime
