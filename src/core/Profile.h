#pragma once

#include <QString>

// Which profile this process runs (`--profile NAME`): each has its own settings,
// data directory, keychain entries, listen port and single-instance lock. Chosen once
// at start-up, before anything reads settings.
namespace Profile {

// Letters, digits, '-' and '_', at most 32: it becomes part of file and service names.
bool isValidName(const QString &name);
// Sets the profile for the process; the default profile when `name` is empty. Also
// renames the application (QSettings and data locations follow it).
void select(const QString &name);
QString name(); // empty: the default profile
bool isDefault();
// "AlertDeck" or "AlertDeck-NAME": settings file and data folder.
QString applicationName();
// What keychain entries are filed under ("default" or NAME).
QString keychainProfile();
// 9095 for the default profile; another fixed port per named profile (9096-9995),
// so that profiles run side by side without setup.
quint16 defaultListenPort();
// Names the single-instance lock and socket: one AlertDeck per user and store (the
// profile picks the default store; an explicit --data-dir elsewhere is another one).
QString instanceKey(const QString &dataDirectory);

} // namespace Profile
