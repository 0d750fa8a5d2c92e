// SPDX-License-Identifier: GPL-3.0-or-later
// The application's identity, set once. QSettings (~/.config/Volley/volley.conf),
// QStandardPaths (~/.local/share/Volley/volley), the window icon, the desktop entry and
// the AppStream metainfo all derive from these values: packaging/identity.cmake reads
// this file, so the installed file names cannot drift from what the program uses.
#pragma once

#include <QCoreApplication>
#include <QString>

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

} // namespace volley
