#include "cli/ConfigCheckCommand.h"

#include "config/ConfigFile.h"
#include "core/Profile.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretId.h"
#include "settings/AppSettings.h"
#include "settings/ChatDestination.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcessEnvironment>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
QString shown(const QVariant &value)
{
    return value.typeId() == QMetaType::QStringList ? value.toStringList().join(u", "_s) : value.toString();
}
} // namespace

ConfigCheckCommand::ConfigCheckCommand(const CommandLineOptions &options, QIODevice &out, QIODevice &err,
                                       QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_out(&out)
    , m_err(&err)
{ }

ConfigCheckCommand::~ConfigCheckCommand() = default;

void ConfigCheckCommand::start()
{
    const ConfigFile::Contents result = ConfigFile::read(m_options.configFile);
    if (!result.ok()) {
        for (const ConfigFile::Problem &problem : result.problems)
            m_err << problem.toString() << '\n';
        m_err << tr("%n problem(s) in %1.", nullptr, int(result.problems.size())).arg(m_options.configFile) << '\n';
        m_err.flush();
        emit finished(1);
        return;
    }
    m_out << tr("; The configuration %1 gives (\"; default\" marks what it leaves as it is).")
                 .arg(QFileInfo(m_options.configFile).absoluteFilePath())
          << '\n';
    QString group;
    for (const Settings::Info &info : Settings::known()) {
        const QString section = info.path.section(u'/', 0, 0);
        if (section != group) {
            group = section;
            m_out << '\n' << '[' << group << "]\n";
        }
        const bool given = result.values.contains(info.path);
        m_out << info.path.section(u'/', 1) << " = "
              << shown(given ? result.values.value(info.path) : info.defaultValue);
        if (!given)
            m_out << "  ; " << tr("default");
        m_out << '\n';
    }
    printSecrets(
        ChatDestinations::fromJson(result.values.value(QLatin1String(Settings::chatDestinations.path)).toString()));
}

void ConfigCheckCommand::printSecrets(const QList<ChatDestination> &destinations)
{
    // Environment and --secret files first; what they leave is looked up in the keychain.
    struct Line {
        QString name;
        QString source;
    };
    auto lines = std::make_shared<QList<Line>>();
    auto pending = std::make_shared<int>(0);
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QList<std::pair<int, SecretId>> keychain;
    QList<SecretId> ids = Secrets::known();
    for (const ChatDestination &destination : destinations) {
        ids << destination.targetSecret();
        if (ChatDestination::usesSigningSecret(destination.type))
            ids << destination.signingSecret();
    }
    for (const SecretId &id : std::as_const(ids)) {
        QString source;
        if (m_options.secretFiles.contains(id))
            source = tr("<from file %1>").arg(m_options.secretFiles.value(id));
        else if (!environment.value(id.environmentVariable()).isEmpty())
            source = tr("<from env %1>").arg(id.environmentVariable());
        else
            keychain.append({int(lines->size()), id});
        lines->append({id.shortName(), source});
    }
    auto print = [this, lines] {
        m_out << '\n' << "[Secrets]\n";
        for (const Line &line : *lines)
            m_out << line.name << " = " << line.source << '\n';
        m_out.flush();
        emit finished(0);
    };
    if (keychain.isEmpty())
        return print();
    m_keychain = std::make_unique<KeychainSecretStore>(Profile::keychainProfile());
    *pending = int(keychain.size());
    for (const auto &[index, id] : keychain)
        m_keychain->read(id, this, [lines, pending, index, print](const SecretStore::Result &found) {
            (*lines)[index].source = found.ok()                 ? tr("<from keychain>")
                : found.status == SecretStore::Status::NotFound ? tr("<missing>")
                                                                : tr("<missing: %1>").arg(found.error);
            if (--*pending == 0)
                print();
        });
}
