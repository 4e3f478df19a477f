#include "logging/Redaction.h"

#include "logging/LogSafety.h"

#include <QElapsedTimer>
#include <QReadWriteLock>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

struct Rule {
    QRegularExpression pattern;
    QString replacement;
};

const QList<Rule> &rules()
{
    static const QList<Rule> list{
        // Header lines and values: "Authorization: Bearer abc", "Proxy-Authorization: …".
        {QRegularExpression(u"((?:proxy-)?authorization\"?\\s*[:=]\\s*\"?)[^\"\\r\\n,}]+"_s,
                            QRegularExpression::CaseInsensitiveOption),
         u"\\1<redacted>"_s},
        // Credentials after the scheme name elsewhere (with a digit, a symbol or an
        // inner capital, as base64 and tokens have); a plain word ("Basic auth") stays.
        {QRegularExpression(
             u"\\b(Bearer|Basic)\\s+(?=[A-Za-z0-9._~+/=-]*[0-9._~+/=-]|[A-Za-z0-9._~+/=-]+[A-Z])[A-Za-z0-9._~+/=-]{6,}"_s),
         u"\\1 <redacted>"_s},
        // scheme://user:password@host
        {QRegularExpression(u"(\\b[a-z][a-z0-9+.-]*://[^/\\s:@]+:)[^@\\s/]+@"_s,
                            QRegularExpression::CaseInsensitiveOption),
         u"\\1<redacted>@"_s},
        // Query parameters that carry credentials (DingTalk access_token, WeCom key,
        // DingTalk/Feishu sign, Teams sig, generic token/secret/password/api_key).
        {QRegularExpression(
             u"([?&](?:access_token|token|key|api_key|apikey|sign|sig|secret|password|auth)=)[^&\\s\"']+"_s,
             QRegularExpression::CaseInsensitiveOption),
         u"\\1<redacted>"_s},
        // Telegram: /bot<id>:<token>/
        {QRegularExpression(u"(/bot)\\d+:[A-Za-z0-9_-]+"_s), u"\\1<redacted>"_s},
        // Slack: /services/T…/B…/secret
        {QRegularExpression(u"(hooks\\.slack\\.com/services/)[A-Za-z0-9/]+"_s), u"\\1<redacted>"_s},
        // Discord: /api/webhooks/<id>/<token>
        {QRegularExpression(u"(/api/webhooks/\\d+/)[A-Za-z0-9_-]+"_s), u"\\1<redacted>"_s},
        // Feishu / Lark: /open-apis/bot/v2/hook/<uuid>
        {QRegularExpression(u"(/open-apis/bot/v2/hook/)[A-Za-z0-9-]+"_s), u"\\1<redacted>"_s},
        // Mattermost: /hooks/<key>
        {QRegularExpression(u"(/hooks/)[a-z0-9]{20,}"_s), u"\\1<redacted>"_s},
    };
    return list;
}

QReadWriteLock valuesLock;
QSet<QString> &secretValues()
{
    static QSet<QString> values;
    return values;
}

QtMessageHandler previousHandler = nullptr;

// Warnings and information a flood of bad requests could repeat: 20 at once, then
// one a second per category and level. Debug output is asked for; criticals are rare.
LogSafety::RateLimiter &rateLimiter()
{
    static LogSafety::RateLimiter limiter(20, 1.0);
    return limiter;
}

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (!previousHandler)
        return;
    if (type == QtInfoMsg || type == QtWarningMsg) {
        static QElapsedTimer clock = [] {
            QElapsedTimer timer;
            timer.start();
            return timer;
        }();
        int suppressed = 0;
        const QString key = QLatin1String(context.category ? context.category : "") + QChar(u'0' + int(type));
        if (!rateLimiter().admit(key, clock.elapsed(), &suppressed))
            return;
        if (suppressed > 0)
            previousHandler(type, context, u"(%1 similar messages suppressed)"_s.arg(suppressed));
    }
    // Redact a little more than is kept, so that a cut never leaves half a secret.
    const QString redacted = Redaction::redact(message.left(LogSafety::maxMessageChars + 512));
    QString safe = LogSafety::clean(redacted.left(LogSafety::maxMessageChars));
    if (message.size() > LogSafety::maxMessageChars)
        safe += u" …[%1 more characters]"_s.arg(message.size() - LogSafety::maxMessageChars);
    previousHandler(type, context, safe);
}

} // namespace

namespace Redaction {

QString redact(const QString &text)
{
    QString result = text;
    for (const Rule &rule : rules())
        result.replace(rule.pattern, rule.replacement);
    const QReadLocker locker(&valuesLock);
    if (secretValues().isEmpty())
        return result;
    // Longest first, so a secret that contains another is scrubbed whole.
    QList<QString> values(secretValues().cbegin(), secretValues().cend());
    std::sort(values.begin(), values.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    for (const QString &value : std::as_const(values))
        result.replace(value, QLatin1String(marker));
    return result;
}

void addSecretValue(const QString &value)
{
    if (value.size() < 4)
        return;
    const QWriteLocker locker(&valuesLock);
    secretValues().insert(value);
}

void forgetSecretValues()
{
    const QWriteLocker locker(&valuesLock);
    secretValues().clear();
}

void installMessageHandler()
{
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    previousHandler = qInstallMessageHandler(redactingHandler);
}

} // namespace Redaction
