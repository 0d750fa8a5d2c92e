// SPDX-License-Identifier: GPL-3.0-or-later
// The application's identity, set once. QSettings (~/.config/Volley/volley.conf),
// QStandardPaths (~/.local/share/Volley/volley), the window icon, the desktop entry and
// the AppStream metainfo all derive from these values: packaging/identity.cmake reads
// this file, so the installed file names cannot drift from what the program uses.
#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>
#include <QStringList>
#include <QTranslator>

namespace volley::identity {

/// Organisation: the first directory level of QSettings and QStandardPaths.
inline constexpr char kOrganizationName[] = "Volley";
/// Organisation domain (reverse of the desktop id's prefix).
inline constexpr char kOrganizationDomain[] = "volley.org";
/// Application name: the second level of QSettings and QStandardPaths.
inline constexpr char kApplicationName[] = "volley";
/// Name shown to people (window titles, menus).
inline constexpr char kDisplayName[] = "Volley";
/// Reverse-DNS id: the desktop entry's base name, the AppStream component id and the
/// Wayland app_id.
inline constexpr char kDesktopFileName[] = "org.volley.Volley";
/// Icon name in the freedesktop icon theme (hicolor/<size>/apps/<name>.png, scalable .svg).
inline constexpr char kIconName[] = "org.volley.Volley";
/// Resource folder of the icon built into the GUI (resources/, target volley_resources):
/// <kIconName>.svg and <kIconName>-<size>.png, used when the icon theme has none.
inline constexpr char kIconResourceDir[] = ":/icons";
/// Resource folder of the translations built into both programs (resources/, target
/// volley_translations): <kApplicationName>_<lang>.qm, compiled from resources/translations.
inline constexpr char kTranslationResourceDir[] = ":/i18n";
/// Environment variable naming a folder searched before kTranslationResourceDir: a
/// translator tries a new volley_<lang>.qm there without rebuilding (the tests do too).
inline constexpr char kTranslationDirVariable[] = "VOLLEY_TRANSLATIONS";

} // namespace volley::identity

namespace volley {

/// Sets organisation, application name and version on the running QCoreApplication.
/// Call it right after constructing the application object, in every executable.
inline void applyIdentity()
{
    QCoreApplication::setOrganizationName(QString::fromLatin1(identity::kOrganizationName));
    QCoreApplication::setOrganizationDomain(QString::fromLatin1(identity::kOrganizationDomain));
    QCoreApplication::setApplicationName(QString::fromLatin1(identity::kApplicationName));
#ifdef VOLLEY_VERSION
    QCoreApplication::setApplicationVersion(QStringLiteral(VOLLEY_VERSION));
#endif
}

/// Loads the translation for the user's locale (QLocale(): LANGUAGE, then LC_ALL,
/// LC_MESSAGES, LANG on Linux) and installs it: from $VOLLEY_TRANSLATIONS when that folder
/// has one, else from the copy built in (link volley_translations). Needs Qt Core only,
/// so volley and volley-cli both call it right after applyIdentity(). The translator is a
/// child of the application. Returns false when there is none for this locale.
inline bool installTranslations()
{
    QStringList dirs;
    const QString chosen = qEnvironmentVariable(identity::kTranslationDirVariable);
    if (!chosen.isEmpty())
        dirs << chosen;
    dirs << QString::fromLatin1(identity::kTranslationResourceDir);
    auto *translator = new QTranslator(QCoreApplication::instance());
    for (const QString &dir : std::as_const(dirs)) {
        if (translator->load(QLocale(), QString::fromLatin1(identity::kApplicationName),
                             QStringLiteral("_"), dir)) {
            // installTranslator() says false for a translation with no entries (English),
            // yet installs it: report what was loaded.
            QCoreApplication::installTranslator(translator);
            return true;
        }
    }
    delete translator;
    return false;
}

} // namespace volley
