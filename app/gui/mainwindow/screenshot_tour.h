#pragma once

// `torii --screenshots DIR`: opens a copy of the workspace (the demo by default, so nothing is
// written into it), brings up each main view in turn and saves one PNG per view with
// QWidget::grab(). Returns the process exit code (0 when every view was shown and saved).

#include <QtCore/QString>

namespace Torii::Gui {

int runScreenshotTour(const QString &outputDir, const QString &workspace);

} // namespace Torii::Gui
