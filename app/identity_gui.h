// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI half of the identity (needs Qt Gui, so volley-cli never includes it).
#pragma once

#include "identity.h"

#include <QDirIterator>
#include <QGuiApplication>
#include <QIcon>
#include <QLocale>
#include <QTranslator>

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

/// Loads the translation for the user's locale from :/i18n (built from
/// resources/translations/*.ts into volley_resources). The translator is a child of
/// the application. Returns false when there is none for this locale.
inline bool installTranslations()
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(QLocale(), QString::fromLatin1(identity::kApplicationName),
                          QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete translator;
        return false;
    }
    // installTranslator() says false for a translation with no entries (English), yet
    // installs it: report what was loaded.
    QCoreApplication::installTranslator(translator);
    return true;
}

} // namespace volley
