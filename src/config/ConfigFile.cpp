#include "config/ConfigFile.h"

#include "context/ContextTemplates.h"
#include "forward/ForwardService.h"
#include "incidents/IncidentRules.h"
#include "ingest/ListenAddress.h"
#include "model/AlertFilter.h"
#include "secrets/SecretId.h"
#include "settings/AppSettings.h"
#include "settings/ChatDestination.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScopeGuard>
#include <QSettings>
#include <QTemporaryDir>
#include <QUrl>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// "Group/key" → its line, read the way QSettings reads INI files.
QHash<QString, int> keyLines(const QString &path)
{
    QHash<QString, int> lines;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    QString group;
    int number = 0;
    while (!file.atEnd()) {
        ++number;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u';') || line.startsWith(u'#'))
            continue;
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            group = line.mid(1, line.size() - 2).trimmed();
            if (group.compare(u"General"_s, Qt::CaseInsensitive) == 0)
                group.clear();
            continue;
        }
        const qsizetype equals = line.indexOf(u'=');
        if (equals <= 0)
            continue;
        const QString key = line.left(equals).trimmed();
        lines.insert(group.isEmpty() ? key : group + u'/' + key, number);
    }
    return lines;
}

QString httpUrlProblem(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s))
        return ConfigFile::tr("\"%1\" is not an http:// or https:// URL").arg(text);
    if (!url.password().isEmpty())
        return ConfigFile::tr("the URL holds a password: give the user in the file and the password as a secret "
                              "(keychain, environment or --secret)");
    return {};
}

// Key names that say they hold a credential.
bool isSecretKey(const QString &path)
{
    static const QRegularExpression secret(u"(password|token|secret|api-?key|credential)"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    return secret.match(path.section(u'/', -1)).hasMatch();
}

const QString destinationGroup = QStringLiteral("Destination.");
// Not a setting: the file whose text becomes Analysis/promptTemplate.
const QString promptTemplateFileKey = QStringLiteral("Analysis/promptTemplateFile");

const QStringList urlListKeys{u"DataSources/prometheusUrls"_s, u"DataSources/alertmanagerUrls"_s};
const QStringList urlKeys{u"DataSources/lokiUrl"_s, u"DataSources/grafanaUrl"_s, u"Analysis/baseUrl"_s};
const QStringList matcherKeys{u"Analysis/autoAnalysisMatchers"_s, u"Notifications/matchers"_s};

QString choiceProblem(const QString &value, const QStringList &choices)
{
    if (choices.contains(value))
        return {};
    QStringList shown;
    for (const QString &choice : choices)
        shown << (choice.isEmpty() ? u"(empty)"_s : choice);
    return ConfigFile::tr("\"%1\" is not one of %2").arg(value, shown.join(u", "_s));
}

} // namespace

ConfigFile::FileText ConfigFile::readNamedFile(const QString &path, qsizetype maxBytes)
{
    FileText result;
    const auto failWith = [&result](FileText::Failure failure, const QString &reason) {
        result.failure = failure;
        result.reason = reason;
        result.bytes.clear();
        return result;
    };
    // Non-blocking: opening a named pipe would wait for a writer. The type is checked on
    // the descriptor opened, so nothing can be swapped in between.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return failWith(errno == ENOENT ? FileText::Failure::Missing : FileText::Failure::Unreadable,
                        qt_error_string(errno));
    const auto closeFile = qScopeGuard([fd] { ::close(fd); });
    struct stat info = {};
    if (::fstat(fd, &info) != 0)
        return failWith(FileText::Failure::Unreadable, qt_error_string(errno));
    if (!S_ISREG(info.st_mode)) {
        const QString kind = S_ISFIFO(info.st_mode)          ? tr("it is a named pipe (FIFO), not a regular file")
            : S_ISDIR(info.st_mode)                          ? tr("it is a folder, not a regular file")
            : S_ISCHR(info.st_mode) || S_ISBLK(info.st_mode) ? tr("it is a device, not a regular file")
                                                             : tr("it is not a regular file");
        return failWith(FileText::Failure::NotAFile, kind);
    }
    const QString tooLarge = tr("it is larger than %1").arg(QLocale().formattedDataSize(maxBytes, 0));
    if (info.st_size > maxBytes)
        return failWith(FileText::Failure::TooLarge, tooLarge);
    // At most one byte past the limit: a file that grows meanwhile, or one that says it
    // is empty and is not (/proc), is still read in bounded time and memory.
    result.bytes.resize(qsizetype(info.st_size) + 1);
    qsizetype filled = 0;
    while (true) {
        if (filled == result.bytes.size()) {
            if (filled > maxBytes)
                return failWith(FileText::Failure::TooLarge, tooLarge);
            result.bytes.resize(std::min(maxBytes + 1, std::max<qsizetype>(filled * 2, 4096)));
        }
        const ssize_t got = ::read(fd, result.bytes.data() + filled, size_t(result.bytes.size() - filled));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return failWith(FileText::Failure::Unreadable, qt_error_string(errno));
        if (got == 0)
            break;
        filled += got;
    }
    if (filled > maxBytes)
        return failWith(FileText::Failure::TooLarge, tooLarge);
    result.bytes.truncate(filled);
    return result;
}

QString ConfigFile::Problem::toString() const
{
    QString where = QFileInfo(file).fileName();
    if (line > 0)
        where += u':' + QString::number(line);
    return key.isEmpty() ? u"%1: %2"_s.arg(where, message) : u"%1: %2: %3"_s.arg(where, key, message);
}

QString ConfigFile::problemWith(const QString &path, QVariant &value)
{
    const QList<Settings::Info> known = Settings::known();
    const auto info
        = std::find_if(known.cbegin(), known.cend(), [&path](const Settings::Info &i) { return i.path == path; });
    if (info == known.cend()) {
        // No setting holds a secret: a key that looks like one is someone putting it here.
        if (isSecretKey(path))
            return tr("secrets do not go in a configuration file: keep them in the keychain (Settings), in the "
                      "environment (ALERTDECK_<NAME>) or in a file given with --secret NAME=@FILE");
        return tr("unknown key");
    }

    // Types, strictly: "yes" is a boolean, "12abc" is not a number.
    const QString text
        = value.typeId() == QMetaType::QStringList ? value.toStringList().join(u',') : value.toString().trimmed();
    switch (info->type.id()) {
    case QMetaType::Bool: {
        static const QStringList truthy{u"true"_s, u"1"_s, u"yes"_s, u"on"_s};
        static const QStringList falsy{u"false"_s, u"0"_s, u"no"_s, u"off"_s};
        if (!truthy.contains(text.toLower()) && !falsy.contains(text.toLower()))
            return tr("\"%1\" is not true or false").arg(text);
        value = truthy.contains(text.toLower());
        return {};
    }
    case QMetaType::Int: {
        bool ok = false;
        const int number = text.toInt(&ok);
        if (!ok)
            return tr("\"%1\" is not a whole number").arg(text);
        if (number < 0)
            return tr("%1 is negative").arg(number);
        value = number;
        return {};
    }
    case QMetaType::Double: {
        bool ok = false;
        const double number = text.toDouble(&ok);
        if (!ok)
            return tr("\"%1\" is not a number").arg(text);
        value = number;
        return {};
    }
    case QMetaType::QStringList: {
        QStringList items
            = value.typeId() == QMetaType::QStringList ? value.toStringList() : QStringList{value.toString()};
        items.removeAll(QString());
        for (QString &item : items)
            item = item.trimmed();
        if (urlListKeys.contains(path))
            for (const QString &item : items)
                if (const QString problem = httpUrlProblem(item); !problem.isEmpty())
                    return problem;
        if (path == QLatin1String(Settings::incidentScopes.path))
            if (const Result<QStringList> scopes = IncidentRules::parseScopes(items.join(u"; "_s)); !scopes)
                return scopes.error();
        value = items;
        return {};
    }
    default: break;
    }

    // Strings with a meaning.
    value = text;
    if (path == QLatin1String(Settings::listenAddress.path) && !text.isEmpty())
        return problemOf(parseListenAddress(text));
    if (urlKeys.contains(path) && !text.isEmpty())
        return httpUrlProblem(text);
    if (path == QLatin1String(Settings::contextQueriesFile.path) && !text.isEmpty()) {
        const ContextTemplates::FileResult file = ContextTemplates::readFile(text);
        if (!file.readError.isEmpty())
            return file.readError;
        if (!file.parsed.ok())
            return tr("%1: %2").arg(QFileInfo(text).fileName(), file.parsed.errors.join(u"; "_s));
        return {};
    }
    if (matcherKeys.contains(path) && !text.isEmpty())
        return problemOf(AlertFilter::parse(text));
    if (path == QLatin1String(Settings::theme.path))
        return choiceProblem(text, {u"system"_s, u"light"_s, u"dark"_s});
    if (path == QLatin1String(Settings::uiLanguage.path))
        return choiceProblem(text, {QString(), u"en"_s, u"zh_CN"_s});
    if (path == QLatin1String(Settings::autoAnalysisTarget.path))
        return choiceProblem(text, {u"alert"_s, u"incident"_s});
    if (path == QLatin1String(Settings::analysisLanguage.path))
        return choiceProblem(text, {u"auto"_s, u"en"_s, u"zh_CN"_s});
    if (path == QLatin1String(Settings::closeToTray.path))
        return choiceProblem(text, {QString(), u"tray"_s, u"quit"_s});
    if (path == QLatin1String(Settings::forwardRules.path))
        return ForwardRules::problem(text);
    if (path == QLatin1String(Settings::chatDestinations.path) && !text.isEmpty()) {
        QJsonParseError error;
        QJsonDocument::fromJson(text.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            return tr("not valid JSON: %1").arg(error.errorString());
    }
    return {};
}

ConfigFile::Contents ConfigFile::read(const QString &path)
{
    Contents result;
    // Checked first: QSettings would block on a named pipe, or read /dev/zero forever.
    if (const FileText file = readNamedFile(path, maxConfigFileBytes); !file.ok()) {
        result.problems.append({path, 0, {}, tr("cannot read the file: %1").arg(file.reason)});
        return result;
    }
    const QSettings ini(path, QSettings::IniFormat);
    QStringList keys = ini.allKeys(); // reads the file: only then is a format error known
    if (ini.status() == QSettings::FormatError) {
        result.problems.append({path, 0, {}, tr("not an INI file")});
        return result;
    }
    const QHash<QString, int> lines = keyLines(path);
    std::sort(keys.begin(), keys.end(),
              [&lines](const QString &a, const QString &b) { return lines.value(a) < lines.value(b); });
    QMap<QString, QMap<QString, std::pair<QString, int>>> destinations; // id → key → (value, line)
    const QDir base = QFileInfo(path).absoluteDir();
    for (const QString &key : keys) {
        if (key == promptTemplateFileKey) {
            // Read now: the run keeps the text, so the prompt does not change under it.
            const QString file = base.absoluteFilePath(ini.value(key).toString());
            const FileText prompt = readNamedFile(file, maxPromptFileBytes);
            if (!prompt.ok())
                result.problems.append(
                    {path, lines.value(key), key, tr("cannot read %1: %2").arg(file, prompt.reason)});
            else
                result.values.insert(QLatin1String(Settings::promptTemplate.path), QString::fromUtf8(prompt.bytes));
            continue;
        }
        if (key.startsWith(destinationGroup)) {
            const QString id = key.section(u'/', 0, 0).mid(destinationGroup.size());
            const QVariant value = ini.value(key);
            destinations[id][key.section(u'/', 1)]
                = {value.typeId() == QMetaType::QStringList ? value.toStringList().join(u", "_s) : value.toString(),
                   lines.value(key)};
            continue;
        }
        QVariant value = ini.value(key);
        if (key == QLatin1String(Settings::contextQueriesFile.path) && !value.toString().isEmpty())
            value = base.absoluteFilePath(value.toString()); // relative to the configuration file
        if (const QString problem = problemWith(key, value); !problem.isEmpty())
            result.problems.append({path, lines.value(key), key, problem});
        else
            result.values.insert(key, value);
    }
    if (!destinations.isEmpty())
        readDestinations(path, destinations, lines, result);
    return result;
}

void ConfigFile::readDestinations(const QString &path,
                                  const QMap<QString, QMap<QString, std::pair<QString, int>>> &sections,
                                  const QHash<QString, int> &lines, Contents &result)
{
    const QString destinationsKey = QLatin1String(Settings::chatDestinations.path);
    if (result.values.contains(destinationsKey)) {
        result.problems.append({path, lines.value(destinationsKey), destinationsKey,
                                tr("give the destinations either here (JSON) or as [Destination.ID] sections, not "
                                   "both")});
        return;
    }
    static const QStringList keys{u"name"_s,     u"type"_s,     u"default"_s, u"requirePreview"_s, u"chatId"_s,
                                  u"mentions"_s, u"template"_s, u"secret"_s,  u"signingSecret"_s};
    QList<ChatDestination> destinations;
    const int problemsBefore = int(result.problems.size());
    for (auto section = sections.cbegin(); section != sections.cend(); ++section) {
        const QString group = destinationGroup + section.key();
        auto problem = [&](const QString &key, const QString &message) {
            result.problems.append({path, section->value(key).second, group + u'/' + key, message});
        };
        for (auto entry = section->cbegin(); entry != section->cend(); ++entry)
            if (!keys.contains(entry.key()))
                problem(entry.key(),
                        isSecretKey(entry.key()) && entry.key() != u"secret"_s
                            ? tr("secrets do not go in a configuration file: name them with secret=NAME "
                                 "and give ALERTDECK_SECRET_NAME or --secret NAME=@FILE")
                            : tr("unknown key (one of %1)").arg(keys.join(u", "_s)));
        ChatDestination destination;
        destination.id = section.key();
        destination.name = section->value(u"name"_s, {section.key(), 0}).first;
        const QString type = section->value(u"type"_s).first.toLower();
        bool typeKnown = false;
        for (ChatDestination::Type candidate : ChatDestination::allTypes())
            if (ChatDestinations::typeKey(candidate) == type) {
                destination.type = candidate;
                typeKnown = true;
            }
        if (!typeKnown)
            problem(
                u"type"_s,
                tr("\"%1\" is not a chat tool; use one of %2").arg(type, ChatDestinations::typeKeys().join(u", "_s)));
        for (const auto &[key, target] : {std::pair{u"default"_s, &destination.isDefault},
                                          std::pair{u"requirePreview"_s, &destination.requirePreview}}) {
            if (!section->contains(key))
                continue;
            QVariant flag = section->value(key).first;
            if (const QString wrong = problemWith(u"Notifications/sound"_s, flag); !wrong.isEmpty())
                problem(key, wrong);
            *target = flag.toBool();
        }
        destination.chatId = section->value(u"chatId"_s).first;
        destination.mentions = section->value(u"mentions"_s).first;
        destination.bodyTemplate = section->value(u"template"_s).first;
        // secret= names a secret; a value that looks like the secret itself is refused.
        for (const auto &[key, target] : {std::pair{u"secret"_s, &destination.targetSecretName},
                                          std::pair{u"signingSecret"_s, &destination.signingSecretName}}) {
            const QString name = section->value(key).first.trimmed();
            if (name.isEmpty())
                continue;
            if (!Secrets::isValidName(name)) {
                problem(key,
                        tr("%1= names a secret (letters, digits, _), it does not hold it: write e.g. %1=%2 "
                           "and give the value in ALERTDECK_SECRET_%2, with --secret %2=@FILE or in the "
                           "keychain")
                            .arg(key, section.key().toUpper().replace(u'-', u'_')));
                continue;
            }
            *target = name.toUpper();
        }
        if (destination.targetSecretName.isEmpty())
            problem(u"secret"_s,
                    tr("missing: name the secret holding the webhook URL (Telegram: the bot token), "
                       "e.g. secret=%1")
                        .arg(section.key().toUpper().replace(u'-', u'_')));
        destinations.append(destination);
    }
    if (result.problems.size() == problemsBefore)
        result.values.insert(destinationsKey, ChatDestinations::toJson(destinations));
}

Result<> ConfigFile::write(const AppSettings &settings, const QString &path)
{
    // QSettings writes the values (its quoting is what read() expects); a header goes first.
    QTemporaryDir scratch;
    const QString body = QDir(scratch.path()).filePath(u"settings.ini"_s);
    {
        QSettings ini(body, QSettings::IniFormat);
        for (const Settings::Info &info : Settings::known())
            if (settings.containsPath(info.path))
                ini.setValue(info.path, settings.rawValue(info.path));
        ini.sync();
        if (ini.status() != QSettings::NoError)
            return Failure{tr("cannot write the settings")};
    }
    QFile values(body);
    if (!values.open(QIODevice::ReadOnly) && QFile::exists(body))
        return Failure{values.errorString()};
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Failure{out.errorString()};
    out.write("; AlertDeck settings (Settings → Export). Secrets are not in this file: they stay in\n"
              "; the keychain, or come from ALERTDECK_<NAME> variables and --secret files.\n"
              "; Use with: alertdeck --config FILE, or Settings → Import.\n\n");
    out.write(values.readAll());
    if (!out.commit())
        return Failure{out.errorString()};
    return {};
}
