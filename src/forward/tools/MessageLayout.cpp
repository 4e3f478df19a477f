#include "forward/tools/MessageLayout.h"

#include "forward/ChatMarkup.h"

#include <QCoreApplication>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(MessageLayout)
};

} // namespace

namespace MessageLayout {

QList<std::pair<QString, QString>> facts(const ForwardMessage &message)
{
    QList<std::pair<QString, QString>> result;
    if (message.startsAt.isValid())
        result.append({Text::tr("Started"), ForwardMessage::timeText(message.startsAt)});
    if (message.endsAt.isValid())
        result.append({Text::tr("Ended"), ForwardMessage::timeText(message.endsAt)});
    result.append(message.labels);
    return result;
}

QString analysisHeading(const ForwardMessage &message)
{
    if (!message.analysisTitle.isEmpty())
        return message.analysisTitle;
    return message.analysisModel.isEmpty() ? Text::tr("AI analysis")
                                           : Text::tr("AI analysis (%1)").arg(message.analysisModel);
}

QString oneLine(const ForwardMessage &message)
{
    QString line = message.marker().isEmpty() ? message.title : message.marker() + u' ' + message.title;
    const QString detail = message.state ? message.summary : message.note;
    if (!detail.isEmpty())
        line += u" — "_s + detail;
    return line;
}

QString markdownFacts(const ForwardMessage &message, const MarkdownStyle &style)
{
    using ChatMarkup::escapeMarkdown;
    QStringList lines;
    if (style.titleLevel > 0) {
        const QString marker = message.marker().isEmpty() ? QString() : message.marker() + u' ';
        lines << QString(style.titleLevel, u'#') + u' ' + marker + escapeMarkdown(message.title);
    }
    if (!message.state) {
        lines << escapeMarkdown(message.note);
        return lines.join(style.lineBreak);
    }
    lines << (style.stateLine ? style.stateLine(message) : u"**%1**"_s.arg(escapeMarkdown(message.stateText())));
    if (!message.summary.isEmpty())
        lines << escapeMarkdown(message.summary);
    QStringList factLines;
    for (const auto &[name, value] : facts(message))
        factLines << u"**%1:** %2"_s.arg(escapeMarkdown(name), escapeMarkdown(value));
    if (!factLines.isEmpty())
        lines << QString() << factLines.join(style.lineBreak);
    QStringList links;
    for (const ForwardMessage::Link &link : message.links)
        if (const QString url = ChatMarkup::safeUrl(link.url); !url.isEmpty())
            links << u"[%1](%2)"_s.arg(escapeMarkdown(link.label), url);
    if (!links.isEmpty())
        lines << QString() << links.join(u" | "_s);
    return lines.join(style.lineBreak);
}

QString markdownAnalysis(const ForwardMessage &message, const QString &analysis, const MarkdownStyle &style)
{
    if (analysis.isEmpty())
        return {};
    return style.lineBreak + u"---"_s + style.lineBreak
        + u"**%1**"_s.arg(ChatMarkup::escapeMarkdown(analysisHeading(message))) + u"\n\n"_s
        + ChatMarkup::safeMarkdown(analysis, style.code);
}

QString relatedLine(const ForwardMessage::Related &related)
{
    QStringList parts{related.marker().isEmpty() ? related.heading() : related.marker() + u' ' + related.heading(),
                      related.stateText()};
    if (!related.summary.isEmpty())
        parts << related.summary;
    return parts.join(u" — "_s);
}

QString markdownRelated(const ForwardMessage &message, qsizetype listed, const MarkdownStyle &style)
{
    using ChatMarkup::escapeMarkdown;
    if (!message.isIncident())
        return {};
    QStringList lines{QString(), u"**%1**"_s.arg(escapeMarkdown(message.relatedHeading()))};
    for (const ForwardMessage::Related &related : message.related.mid(0, listed)) {
        QString line = u"• "_s;
        if (!related.marker().isEmpty())
            line += related.marker() + u' ';
        line += u"**%1** — %2"_s.arg(escapeMarkdown(related.heading()), escapeMarkdown(related.stateText()));
        if (!related.summary.isEmpty())
            line += u" — "_s + escapeMarkdown(related.summary);
        lines << line;
    }
    if (const QString more = message.moreRelatedText(std::min(listed, message.related.size())); !more.isEmpty())
        lines << escapeMarkdown(more);
    return style.lineBreak + lines.join(style.lineBreak);
}

qsizetype relatedThatFit(const ForwardMessage &message, const std::function<bool(qsizetype listed)> &fits)
{
    for (qsizetype listed = message.related.size(); listed > 0; --listed)
        if (fits(listed))
            return listed;
    return 0;
}

QStringList configuredMentions(const ChatDestination &destination, const QRegularExpression &validId)
{
    constexpr qsizetype mostMentions = 20;
    QStringList ids;
    for (const QString &entry : destination.mentions.split(u',', Qt::SkipEmptyParts)) {
        const QString id = entry.trimmed();
        if (validId.match(id).hasMatch() && !ids.contains(id) && ids.size() < mostMentions)
            ids << id;
    }
    return ids;
}

qsizetype utf8Size(const QString &text)
{
    return text.toUtf8().size();
}

qsizetype codePoints(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i)
        if (!text.at(i).isLowSurrogate())
            ++count;
    return count;
}

QString cutToUtf8Bytes(const QString &text, qsizetype bytes)
{
    QByteArray utf8 = text.toUtf8();
    if (utf8.size() <= bytes)
        return text;
    qsizetype end = bytes;
    while (end > 0 && (uchar(utf8.at(end)) & 0xC0) == 0x80) // a continuation byte: inside a character
        --end;
    utf8.truncate(end);
    return QString::fromUtf8(utf8);
}

} // namespace MessageLayout
