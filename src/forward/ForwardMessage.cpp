#include "forward/ForwardMessage.h"

#include "forward/ChatMarkup.h"

#include <QCoreApplication>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ForwardMessage)
};

// Labels that say where and what, in the order people look for them.
const QStringList preferredLabels{u"instance"_s, u"target_ident"_s, u"job"_s, u"namespace"_s, u"pod"_s,  u"container"_s,
                                  u"service"_s,  u"cluster"_s,      u"env"_s, u"team"_s,      u"node"_s, u"host"_s};

QList<std::pair<QString, QString>> tellingLabels(const LabelMap &labels)
{
    QList<std::pair<QString, QString>> result;
    for (const QString &name : preferredLabels)
        if (labels.contains(name))
            result.append({name, labels.value(name)});
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        const bool shownElsewhere = it.key() == u"alertname"_s || it.key() == u"severity"_s;
        if (!shownElsewhere && !it.key().startsWith(u"__"_s) && !preferredLabels.contains(it.key()))
            result.append({it.key(), it.value()});
    }
    return result.mid(0, ForwardMessage::maxLabels);
}

QString capped(const QString &text, qsizetype length)
{
    if (text.size() <= length)
        return text;
    const qsizetype end = text.at(length - 1).isHighSurrogate() ? length - 1 : length;
    return text.left(end) + u'…';
}

QString alertmanagerSilenceUrl(const QString &base, const LabelMap &labels)
{
    if (base.isEmpty() || labels.isEmpty())
        return {};
    QStringList matchers;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        QString value = it.value();
        value.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
        matchers << u"%1=\"%2\""_s.arg(it.key(), value);
    }
    QString root = base;
    while (root.endsWith(u'/'))
        root.chop(1);
    return root + u"/#/silences/new?filter="_s
        + QString::fromLatin1(QUrl::toPercentEncoding(u"{"_s + matchers.join(u',') + u"}"_s));
}

QString severityWordOf(Severity severity, const QString &severityText)
{
    if (severity == Severity::Other)
        return severityText;
    return severity == Severity::None ? QString() : severityName(severity);
}

QString stateTextOf(AlertState state, Severity severity, const QString &severityText)
{
    const QString stateWord = stateName(state);
    const QString severityWord = severityWordOf(severity, severityText);
    return severityWord.isEmpty() ? stateWord : u"%1 · %2"_s.arg(severityWord, stateWord);
}

ForwardMessage::Tone toneOf(std::optional<AlertState> state, Severity severity)
{
    using Tone = ForwardMessage::Tone;
    if (!state)
        return Tone::Plain;
    if (*state == AlertState::Resolved)
        return Tone::Resolved;
    switch (severity) {
    case Severity::Critical: return Tone::Critical;
    case Severity::Warning: return Tone::Warning;
    case Severity::Info: return Tone::Info;
    case Severity::None:
    case Severity::Other: break;
    }
    return Tone::Neutral;
}

QString markerOf(ForwardMessage::Tone tone)
{
    using Tone = ForwardMessage::Tone;
    switch (tone) {
    case Tone::Plain: return {};
    case Tone::Resolved: return u"✅"_s;
    case Tone::Critical: return u"🔴"_s;
    case Tone::Warning: return u"🟠"_s;
    case Tone::Info: return u"🔵"_s;
    case Tone::Neutral: break;
    }
    return u"⚪"_s;
}

// Names and targets are one line each in every tool: a line break in them would start a
// new line of the message (a list item, a heading) where the data should stay one item.
QString oneLineOf(const QString &text, qsizetype length)
{
    QString line = text;
    for (QChar &c : line)
        if (c == u'\n' || c == u'\r' || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            c = u' ';
    return capped(line, length);
}

} // namespace

QString ForwardMessage::Related::stateText() const
{
    return stateTextOf(state, severity, severityText);
}

QString ForwardMessage::Related::heading() const
{
    return target.isEmpty() ? name : Text::tr("%1 on %2").arg(name, target);
}

QString ForwardMessage::Related::marker() const
{
    return markerOf(toneOf(state, severity));
}

ForwardMessage ForwardMessage::fromIncident(const IncidentSnapshot &incident, const QString &analysis,
                                            const QString &analysisModel, const ForwardLinkSources &sources)
{
    if (incident.members.isEmpty())
        return plain({}, {});
    ForwardMessage message = fromAlert(incident.primary(), analysis, analysisModel, sources);
    const QList<Alert> others = incident.related();
    message.relatedCount = others.size();
    if (others.isEmpty())
        return message;
    message.title = Text::tr("%1 and %n related", nullptr, int(others.size())).arg(message.title);
    for (const Alert &alert : others.mid(0, maxRelatedListed)) {
        Related related;
        related.state = alert.state;
        related.severity = alert.severity;
        related.severityText = oneLineOf(alert.severityText, maxRelatedNameLength);
        related.name = oneLineOf(alert.name, maxRelatedNameLength);
        related.target = oneLineOf(alert.target(), maxRelatedNameLength);
        related.summary = capped(alert.summary().simplified(), maxRelatedSummaryLength);
        related.startsAt = alert.startsAt;
        message.related.append(related);
    }
    return message;
}

QString ForwardMessage::relatedHeading() const
{
    return Text::tr("Related alerts (%1)").arg(relatedCount);
}

QString ForwardMessage::moreRelatedText(qsizetype listed) const
{
    const qsizetype rest = relatedCount - listed;
    return rest > 0 ? Text::tr("and %n more", nullptr, int(rest)) : QString();
}

ForwardMessage ForwardMessage::fromAlert(const Alert &alert, const QString &analysis, const QString &analysisModel,
                                         const ForwardLinkSources &sources)
{
    ForwardMessage message;
    message.state = alert.state;
    message.severity = alert.severity;
    message.severityText = alert.severityText;
    message.name = alert.name;
    message.target = alert.target();
    message.summary = capped(alert.summary(), maxSummaryLength);
    message.labels = tellingLabels(alert.labels);
    for (auto &[name, value] : message.labels)
        value = capped(value, maxLabelLength);
    message.allLabels = alert.labels;
    message.startsAt = alert.startsAt;
    message.endsAt = alert.state == AlertState::Resolved ? alert.endsAt : QDateTime();
    // The hypotheses block is for the board, not for a chat: its top one leads instead.
    const Hypotheses::Parsed hypotheses = Hypotheses::parse(analysis);
    message.topHypothesis = Hypotheses::top(hypotheses.hypotheses);
    message.analysis = (hypotheses.found ? Hypotheses::withoutBlock(analysis) : analysis).trimmed();
    if (message.topHypothesis && !message.analysis.isEmpty())
        message.analysis = u"**%1** %2\n\n"_s.arg(Text::tr("Top hypothesis:"), hypothesisText(*message.topHypothesis))
            + message.analysis;
    message.analysisModel = analysisModel;
    const QString stateWord = alert.state == AlertState::Resolved ? Text::tr("RESOLVED") : Text::tr("FIRING");
    message.title = message.target.isEmpty() ? u"[%1] %2"_s.arg(stateWord, alert.name)
                                             : Text::tr("[%1] %2 on %3").arg(stateWord, alert.name, message.target);
    if (alert.replay) // a drill must never read as a live incident
        message.title = Text::tr("[REPLAY] %1").arg(message.title);

    // Only http(s) links, encoded so that no chat tool's link syntax can end inside them;
    // a javascript: runbook or one that is not a URL is left out.
    auto addLink = [&message](const QString &key, const QString &label, const QString &url) {
        if (const QString safe = ChatMarkup::safeUrl(url); !safe.isEmpty())
            message.links.append({key, label, safe});
    };
    addLink(u"source"_s, alert.source == u"grafana"_s ? Text::tr("Alert rule") : Text::tr("Prometheus"),
            alert.generatorUrl);
    addLink(u"dashboard"_s, Text::tr("Dashboard"), alert.panelUrl.isEmpty() ? alert.dashboardUrl : alert.panelUrl);
    for (auto it = alert.annotations.cbegin(); it != alert.annotations.cend(); ++it)
        if (it.key().contains(u"runbook"_s, Qt::CaseInsensitive) || it.key().contains(u"playbook"_s))
            addLink(u"runbook"_s, Text::tr("Runbook"), it.value().trimmed());
    QString silence = alert.silenceUrl;
    if (silence.isEmpty() && alert.source == u"alertmanager"_s && alert.state == AlertState::Firing)
        silence = alertmanagerSilenceUrl(alert.externalUrl.isEmpty() ? sources.alertmanagerUrl : alert.externalUrl,
                                         alert.labels);
    if (alert.state == AlertState::Firing)
        addLink(u"silence"_s, Text::tr("Silence"), silence);
    return message;
}

ForwardMessage ForwardMessage::plain(const QString &title, const QString &text)
{
    ForwardMessage message;
    message.title = title;
    message.note = text;
    return message;
}

QString ForwardMessage::severityLabel() const
{
    return severityWordOf(severity, severityText);
}

QString ForwardMessage::stateText() const
{
    return state ? stateTextOf(*state, severity, severityText) : QString();
}

QString ForwardMessage::timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s) : QString();
}

ForwardMessage::Tone ForwardMessage::tone() const
{
    return toneOf(state, severity);
}

QString ForwardMessage::colour() const
{
    switch (tone()) {
    case Tone::Resolved: return u"#2E7D32"_s;
    case Tone::Critical: return u"#D32F2F"_s;
    case Tone::Warning: return u"#F57C00"_s;
    case Tone::Info: return u"#1976D2"_s;
    case Tone::Plain:
    case Tone::Neutral: break;
    }
    return u"#757575"_s;
}

QString ForwardMessage::marker() const
{
    return markerOf(tone());
}

QString ForwardMessage::hypothesisText(const Hypothesis &hypothesis)
{
    const QString status = Hypotheses::statusText(hypothesis.status);
    return hypothesis.confidence ? Text::tr("%1, %2 % confidence: %3")
                                       .arg(status)
                                       .arg(qRound(*hypothesis.confidence * 100))
                                       .arg(hypothesis.title)
                                 : Text::tr("%1: %2").arg(status, hypothesis.title);
}
