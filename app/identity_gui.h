// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI half of the identity (needs Qt Gui, so volley-cli never includes it).
// installTranslations() is in identity.h: volley-cli needs it too.
#pragma once

#include "identity.h"

#include <QDirIterator>
#include <QGuiApplication>
#include <QIcon>

namespace volley {

/// Everything applyIdentity() sets, plus the desktop file name (so the compositor
/// matches windows to org.volley.Volley.desktop) and the window icon: the installed
/// theme icon when there is one, else the copy built into the binary
/// (link volley_resources).
inline void applyGuiIdentity()
{
    applyIdentity();
    QGuiApplication::setDesktopFileName(QString::fromLatin1(identity::kDesktopFileName));
    QIcon bundled;
    QDirIterator it(QString::fromLatin1(identity::kIconResourceDir), {QStringLiteral("*.png")});
    while (it.hasNext())
        bundled.addFile(it.next());
    QGuiApplication::setWindowIcon(
        QIcon::fromTheme(QString::fromLatin1(identity::kIconName), bundled));
}

} // namespace volley
