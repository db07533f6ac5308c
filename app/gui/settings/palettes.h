#pragma once

// The studio's light and dark palettes, applied app-wide, and the few colours drawn on top of a
// palette (error text, squiggles) chosen per palette so they stay readable on either base.
// "System" keeps the palette the platform gave at start.

#include <QtCore/QString>
#include <QtGui/QColor>
#include <QtGui/QPalette>

namespace Torii::Gui {

enum class Theme { System, Light, Dark };

// "system" / "light" / "dark" (what QSettings keeps); unknown text is System.
Theme themeFromName(const QString &name);
QString themeName(Theme theme);

QPalette lightPalette();
QPalette darkPalette();
// Sets the palette of the whole application (every widget without its own palette gets a
// PaletteChange event). Light and Dark also use the Fusion style, the one that draws with the
// palette's colours everywhere; System restores the style and palette of the start. GUI thread.
void applyTheme(Theme theme);

bool isDark(const QPalette &palette);
// Error text (validation messages, failed actions) readable on the palette's base.
QColor errorColor(const QPalette &palette);
// WCAG 2 contrast ratio of two colours (1 … 21); 4.5 is the minimum for body text.
double contrastRatio(const QColor &a, const QColor &b);

} // namespace Torii::Gui
