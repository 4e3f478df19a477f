#include "core/Profile.h"

#include "core/BuildInfo.h"
#include "secrets/SecretId.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
QString &current()
{
    static QString name;
    return name;
}
} // namespace

bool Profile::isValidName(const QString &name)
{
    static const QRegularExpression valid(u"^[A-Za-z0-9_-]{1,32}$"_s);
    return valid.match(name).hasMatch();
}

void Profile::select(const QString &name)
{
    current() = name;
    QCoreApplication::setApplicationName(applicationName());
}

QString Profile::name()
{
    return current();
}

bool Profile::isDefault()
{
    return current().isEmpty();
}

QString Profile::applicationName()
{
    const QString base = QLatin1String(BuildInfo::applicationName);
    return isDefault() ? base : base + u'-' + current();
}

QString Profile::keychainProfile()
{
    return isDefault() ? QLatin1String(Secrets::defaultProfile) : current();
}

quint16 Profile::defaultListenPort()
{
    if (isDefault())
        return BuildInfo::defaultListenPort;
    // Stable across runs and machines (not qHash, which is seeded per process).
    const QByteArray digest = QCryptographicHash::hash(current().toUtf8(), QCryptographicHash::Sha1);
    const quint32 value = quint8(digest[0]) << 8 | quint8(digest[1]);
    return quint16(BuildInfo::defaultListenPort + 1 + value % 900);
}

QString Profile::instanceKey(const QString &dataDirectory)
{
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME", u"user"_s));
    const QByteArray store
        = QCryptographicHash::hash(QDir(dataDirectory).canonicalPath().toUtf8(), QCryptographicHash::Sha1).toHex();
    return u"%1-%2-%3"_s.arg(QLatin1String(BuildInfo::executableName), user, QString::fromLatin1(store.left(12)));
}
