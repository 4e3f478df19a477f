#include "secrets/SecretId.h"

#include <QHash>
#include <QRegularExpression>

#include <optional>

using namespace Qt::StringLiterals;

QString SecretId::path() const
{
    return service + u'/' + name;
}

QString SecretId::keychainKey(const QString &profile) const
{
    return u"alertdeck/%1/%2"_s.arg(profile, path());
}

QString SecretId::shortName() const
{
    QString text = (service + u'_' + name).toUpper();
    text.replace(u'-', u'_').replace(u'.', u'_');
    return text;
}

QString SecretId::environmentVariable() const
{
    return u"ALERTDECK_"_s + shortName();
}

size_t qHash(const SecretId &id, size_t seed)
{
    return qHashMulti(seed, id.service, id.name);
}

namespace Secrets {

QList<SecretId> known()
{
    return {listenerToken,      listenerPassword, grafanaHmacSecret,   providerApiKey,
            prometheusPassword, lokiPassword,     alertmanagerPassword};
}

std::optional<SecretId> byName(const QString &name)
{
    const QString wanted = name.trimmed().toUpper();
    for (const SecretId &id : known())
        if (id.shortName() == wanted || id.environmentVariable() == wanted)
            return id;
    return std::nullopt;
}

SecretId named(const QString &name)
{
    return {u"secret"_s, name.trimmed().toLower()};
}

bool isValidName(const QString &name)
{
    static const QRegularExpression valid(u"^[A-Za-z][A-Za-z0-9_]{0,63}$"_s);
    return valid.match(name.trimmed()).hasMatch();
}

std::optional<SecretId> byAnyName(const QString &name)
{
    if (const std::optional<SecretId> id = byName(name))
        return id;
    QString wanted = name.trimmed().toUpper();
    for (const QString &prefix : {u"ALERTDECK_SECRET_"_s, u"SECRET_"_s})
        if (wanted.startsWith(prefix))
            wanted = wanted.mid(prefix.size());
    if (!isValidName(wanted))
        return std::nullopt;
    return named(wanted);
}

} // namespace Secrets
