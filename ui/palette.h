// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace volley {

/// A dark page (the Base colour), whatever the theme calls itself.
bool isDark(const QPalette &p);
/// WCAG 2 contrast ratio of two colours, 1 to 21 (alpha ignored).
double contrastRatio(const QColor &a, const QColor &b);
/// ink with its hue kept and its lightness moved until it reads on page
/// (contrast at least 3:1): ANSI yellow on a white page, blue or black on a dark one.
QColor legibleOn(const QColor &ink, const QColor &page);
/// A red for errors and stderr that keeps its contrast on either palette.
QColor errorColor(const QPalette &p);

/// The palettes `volley --palette light|dark` applies (Fusion colours), for
/// desktops whose theme Qt does not follow, and for projectors.
QPalette lightPalette();
QPalette darkPalette();
/// "light" or "dark" into *out; false for any other word.
bool paletteFromName(const QString &name, QPalette *out);

} // namespace volley
