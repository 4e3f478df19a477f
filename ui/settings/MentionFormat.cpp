#include "MentionFormat.h"

using namespace Qt::StringLiterals;

std::optional<MentionFormat> MentionFormat::of(ChatDestination::Type type)
{
    using Type = ChatDestination::Type;
    auto format = [](const QString &label, const QString &hint, const QString &example, const QString &pattern) {
        return MentionFormat{label, hint, example, QRegularExpression(pattern)};
    };
    switch (type) {
    case Type::DingTalk:
        return format(tr("@ mobile numbers"), tr("Mobile numbers of people in the group; the robot @-mentions them."),
                      tr("13800000000, 13900000000"), u"^\\+?[0-9][0-9-]{2,19}$"_s);
    case Type::Feishu:
        return format(tr("@ open_id / user_id"),
                      tr("Feishu open_id (ou_…) or user_id of each person; all mentions everyone."),
                      tr("ou_5ad573a6411d72b8305fda3a9c15c70e, all"), u"^[A-Za-z0-9_-]{1,64}$"_s);
    case Type::WeCom:
        return format(tr("@ userids"), tr("WeCom userids (the account name in the admin console), not display names."),
                      tr("zhangsan, lisi"), u"^[A-Za-z0-9_.-]{1,64}$"_s);
    case Type::Slack:
        return format(tr("@ member / group ids"),
                      tr("Member ids (U… or W…, from a profile's ⋮ menu → Copy member ID), user-group ids "
                         "(S…), or here, channel, everyone."),
                      tr("U024BE7LH, S0614TZR7, here"), u"^([UWS][A-Z0-9]{2,20}|here|channel|everyone)$"_s);
    case Type::Teams:
        return format(tr("@ people (UPN)"), tr("Each person's sign-in name (UPN), usually their work e-mail address."),
                      tr("anna@contoso.com"), u"^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}$"_s);
    case Type::Mattermost:
        return format(tr("@ usernames"), tr("Usernames without the @ (lower case), or channel, here, all."),
                      tr("anna, db-oncall, here"), u"^[a-z0-9._-]{1,64}$"_s);
    case Type::Telegram:
        return format(tr("@ usernames"),
                      tr("Usernames without the @: 5 to 32 letters, digits or _, starting with a "
                         "letter."),
                      tr("anna_oncall"), u"^[A-Za-z][A-Za-z0-9_]{4,31}$"_s);
    case Type::Discord:
        return format(tr("@ user / role ids"),
                      tr("User ids, or & and a role id for a role (Developer Mode, then Copy ID on the user or "
                         "role)."),
                      tr("80351110224678912, &165511591545143296"), u"^&?[0-9]{5,25}$"_s);
    case Type::Webhook: return std::nullopt;
    }
    return std::nullopt;
}

QStringList MentionFormat::ignored(const QString &mentions) const
{
    QStringList used;
    QStringList left;
    for (const QString &entry : mentions.split(u',', Qt::SkipEmptyParts)) {
        const QString candidate = entry.trimmed();
        if (candidate.isEmpty() || used.contains(candidate))
            continue;
        if (id.match(candidate).hasMatch() && used.size() < mostMentions)
            used << candidate;
        else if (!left.contains(candidate))
            left << candidate;
    }
    return left;
}

QString MentionFormat::problem(const QString &mentions, const QString &toolName) const
{
    const QStringList left = ignored(mentions);
    QStringList notIds;
    for (const QString &entry : left)
        if (!id.match(entry).hasMatch())
            notIds << entry;
    QStringList parts;
    if (!notIds.isEmpty()) {
        constexpr qsizetype listed = 5;
        QString names = notIds.mid(0, listed).join(u", "_s);
        if (notIds.size() > listed)
            names += u", …"_s;
        parts << tr("Not mentioned by %1: %2.").arg(toolName, names);
    }
    if (notIds.size() < left.size())
        parts << tr("Only the first %1 are mentioned.").arg(mostMentions);
    return parts.join(u' ');
}
