#include "palettes.h"

#include <QtWidgets/QApplication>
#include <QtWidgets/QStyle>
#include <QtWidgets/QStyleFactory>

#include <cmath>

namespace Torii::Gui {

namespace {

struct StartingLook
{
    QString styleName;
    QPalette palette;
};

// What the platform gave before the first theme was applied, for "System".
StartingLook &startingLook()
{
    static StartingLook look = [] {
        StartingLook l;
        l.styleName = QApplication::style() ? QApplication::style()->name() : QString();
        l.palette = QApplication::palette();
        return l;
    }();
    return look;
}

QPalette makePalette(const QColor &window, const QColor &base, const QColor &alternate,
                     const QColor &text, const QColor &button, const QColor &highlight,
                     const QColor &highlightedText, const QColor &link, const QColor &placeholder,
                     const QColor &disabledText, const QColor &tooltipBase)
{
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, alternate);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x55, 0x55));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, highlightedText);
    p.setColor(QPalette::Link, link);
    p.setColor(QPalette::LinkVisited, link.darker(115));
    p.setColor(QPalette::PlaceholderText, placeholder);
    p.setColor(QPalette::ToolTipBase, tooltipBase);
    p.setColor(QPalette::ToolTipText, text);
    // Bevels of the Fusion style.
    p.setColor(QPalette::Light, button.lighter(150));
    p.setColor(QPalette::Midlight, button.lighter(125));
    p.setColor(QPalette::Mid, button.darker(130));
    p.setColor(QPalette::Dark, button.darker(160));
    p.setColor(QPalette::Shadow, QColor(0, 0, 0));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabledText);
    }
    p.setColor(QPalette::Disabled, QPalette::Highlight, button.darker(120));
    return p;
}

double channel(double c)
{
    c /= 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &c)
{
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

} // namespace

Theme themeFromName(const QString &name)
{
    if (name == QLatin1String("light")) {
        return Theme::Light;
    }
    if (name == QLatin1String("dark")) {
        return Theme::Dark;
    }
    return Theme::System;
}

QString themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

QPalette lightPalette()
{
    return makePalette(QColor(0xef, 0xf0, 0xf1), QColor(0xff, 0xff, 0xff), QColor(0xf5, 0xf6, 0xf7),
                       QColor(0x1f, 0x23, 0x28), QColor(0xe8, 0xe9, 0xeb), QColor(0x2f, 0x6f, 0xd0),
                       QColor(0xff, 0xff, 0xff), QColor(0x1a, 0x5f, 0xb4), QColor(0x5c, 0x63, 0x6a),
                       QColor(0x9a, 0xa0, 0xa6), QColor(0xff, 0xff, 0xe8));
}

QPalette darkPalette()
{
    return makePalette(QColor(0x2b, 0x2d, 0x31), QColor(0x1e, 0x1f, 0x22), QColor(0x26, 0x28, 0x2c),
                       QColor(0xdf, 0xe1, 0xe5), QColor(0x3a, 0x3d, 0x42), QColor(0x3d, 0x7e, 0xdb),
                       QColor(0xff, 0xff, 0xff), QColor(0x7c, 0xb7, 0xff), QColor(0x9a, 0xa0, 0xa8),
                       QColor(0x6f, 0x74, 0x7a), QColor(0x33, 0x35, 0x3a));
}

void applyTheme(Theme theme)
{
    const StartingLook &start = startingLook();
    if (theme == Theme::System) {
        if (!start.styleName.isEmpty() &&
            QApplication::style()->name().compare(start.styleName, Qt::CaseInsensitive) != 0) {
            QApplication::setStyle(start.styleName);
        }
        QApplication::setPalette(start.palette);
        return;
    }
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0) {
        QApplication::setStyle(QStringLiteral("Fusion"));
    }
    QApplication::setPalette(theme == Theme::Dark ? darkPalette() : lightPalette());
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor errorColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28);
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace Torii::Gui
