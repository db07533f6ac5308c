#pragma once

// Where an installed Torii keeps its data (share/torii: the translations and the demo workspace).
// It is found from the running executable, so a .deb, a `cmake --install --prefix` tree and a
// DESTDIR or `dpkg -x` copy all work without knowing their prefix; the path from the binary
// folder to the data folder comes from CMake's GNUInstallDirs (app/runtime/CMakeLists.txt).

#include <QtCore/QString>

namespace Torii::Runtime {

// The installed data folder beside the running executable, or empty when there is none (the
// executable runs from the build tree; callers then fall back to their build-tree locations).
QString installedDataDir();

} // namespace Torii::Runtime
