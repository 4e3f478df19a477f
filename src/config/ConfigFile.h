#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QVariant>

class AppSettings;

// A configuration file (`--config FILE`, `alertdeck config check FILE`): INI with the
// keys QSettings uses ([Listener] address=…, [DataSources] prometheusUrls=…). Every
// value is checked: unknown keys, wrong types and invalid values are reported with the
// file, line and key, and a secret written into the file is refused (the file names
// secrets; their values come from the keychain, the environment or --secret files).
class ConfigFile
{
    Q_DECLARE_TR_FUNCTIONS(ConfigFile)

public:
    struct Problem {
        QString file;
        int line = 0; // 0: the file as a whole
        QString key;
        QString message;
        // "alertdeck.ini:12: Listener/address: …"
        QString toString() const;
    };
    struct Contents {
        QMap<QString, QVariant> values; // by key path, converted to the setting's type
        QList<Problem> problems;
        bool ok() const { return problems.isEmpty(); }
    };

    // Files that configuration names: its own file, the prompt (promptTemplateFile) and
    // the context queries (Context/queriesFile, see ContextTemplates::readFile).
    static constexpr qsizetype maxConfigFileBytes = 1 << 20;
    static constexpr qsizetype maxPromptFileBytes = 256 << 10; // some 60,000 tokens of instructions

    // Such a file read whole, only when it is a regular file of at most `maxBytes`: a
    // named pipe, a device (/dev/zero) or a folder is refused, and never waited on.
    struct FileText {
        enum class Failure { None, Missing, Unreadable, NotAFile, TooLarge };
        Failure failure = Failure::None;
        QByteArray bytes;
        QString reason; // why it was refused, for "cannot read FILE: REASON"
        bool ok() const { return failure == Failure::None; }
    };
    static FileText readNamedFile(const QString &path, qsizetype maxBytes);

    static Contents read(const QString &path);
    // Writes every setting that differs from its default (Settings → Export).
    static Result<> write(const AppSettings &settings, const QString &path);
    // What is wrong with `value` for the setting at `path` (empty: nothing). The value
    // is converted to the setting's type on success.
    static QString problemWith(const QString &path, QVariant &value);

private:
    // [Destination.ID] sections (type, name, options, secret=NAME) → Forwarding/destinations.
    static void readDestinations(const QString &path,
                                 const QMap<QString, QMap<QString, std::pair<QString, int>>> &sections,
                                 const QHash<QString, int> &lines, Contents &result);
};
