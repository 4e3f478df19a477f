#pragma once

#include <QList>
#include <QString>

#include <optional>

// One credential AlertDeck uses: a service ("listener", "deepseek", "prometheus") and
// a name within it ("token", "api-key"). Stored in the keychain under
// "alertdeck/<profile>/<service>/<name>"; in headless mode read from the environment
// variable ALERTDECK_<SERVICE>_<NAME> (upper case, '-' and '.' as '_') or from a file
// given with --secret <SERVICE>_<NAME>=@FILE.
struct SecretId {
    QString service;
    QString name;

    // "listener/token": the part of the keychain key after the profile.
    QString path() const;
    // "alertdeck/default/listener/token".
    QString keychainKey(const QString &profile) const;
    // "LISTENER_TOKEN": what --secret NAME=@FILE takes.
    QString shortName() const;
    // "ALERTDECK_LISTENER_TOKEN".
    QString environmentVariable() const;

    friend bool operator==(const SecretId &, const SecretId &) = default;
};

size_t qHash(const SecretId &id, size_t seed = 0);

// The secrets AlertDeck knows by name.
namespace Secrets {
inline const SecretId listenerToken{QStringLiteral("listener"), QStringLiteral("token")};
inline const SecretId listenerPassword{QStringLiteral("listener"), QStringLiteral("password")};
inline const SecretId grafanaHmacSecret{QStringLiteral("grafana"), QStringLiteral("hmac-secret")};
inline const SecretId providerApiKey{QStringLiteral("deepseek"), QStringLiteral("api-key")};
inline const SecretId prometheusPassword{QStringLiteral("prometheus"), QStringLiteral("password")};
inline const SecretId lokiPassword{QStringLiteral("loki"), QStringLiteral("password")};
inline const SecretId alertmanagerPassword{QStringLiteral("alertmanager"), QStringLiteral("password")};

// Every secret above, for listings (README, leak tests, `--secret` validation).
QList<SecretId> known();
// A known secret by its short name ("LISTENER_TOKEN") or environment variable name.
std::optional<SecretId> byName(const QString &name);
// A secret a configuration file names (secret=DINGTALK_OPS): ALERTDECK_SECRET_DINGTALK_OPS
// in the environment, --secret DINGTALK_OPS=@FILE, or the keychain under secret/dingtalk_ops.
SecretId named(const QString &name);
// Letters, digits and '_', starting with a letter, at most 64.
bool isValidName(const QString &name);
// byName(), else a named secret ("DINGTALK_OPS", "SECRET_DINGTALK_OPS" or its variable).
std::optional<SecretId> byAnyName(const QString &name);

inline constexpr auto defaultProfile = "default";
} // namespace Secrets
