#include "cli/IncidentsCommand.h"

#include "cli/IncidentList.h"
#include "cli/TerminalText.h"
#include "core/BuildInfo.h"
#include "incidents/IncidentSettings.h"
#include "settings/AppSettings.h"
#include "shift/HandoverReportText.h"
#include "store/ReadOnlyStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype maxTitleCharacters = 60;
constexpr qsizetype maxLabelCharacters = 100;

QString iso(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString severityOf(Severity severity, const QString &text)
{
    return severity == Severity::Other && !text.isEmpty() ? text : severityName(severity);
}

QJsonObject labelsJson(const LabelMap &labels)
{
    QJsonObject json;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

// "instance=db-1 job=node", safe for a terminal line.
QString labelsText(const LabelMap &labels)
{
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        parts << it.key() + u'=' + it.value();
    return TerminalText::oneLine(parts.join(u' '), maxLabelCharacters);
}

} // namespace

IncidentsCommand::IncidentsCommand(const CommandLineOptions &options, QIODevice &out, QIODevice &err, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_out(&out)
    , m_err(&err)
{ }

void IncidentsCommand::fail(const QString &message)
{
    m_err << QLatin1String(BuildInfo::executableName) << ": " << message << Qt::endl;
    QTimer::singleShot(0, this, [this] { emit finished(ExitCode::Failure); });
}

void IncidentsCommand::start()
{
    const QDateTime since = m_options.incidentsSince.isValid()
        ? m_options.incidentsSince.toUTC()
        : QDateTime::currentDateTimeUtc().addSecs(-defaultWindowSeconds);
    Result<std::unique_ptr<ReadOnlyStore>> store
        = ReadOnlyStore::openIn(ReadOnlyStore::dataDirectory(m_options.dataDir));
    if (!store)
        return fail(store.error());
    // The scopes the window's incidents were made with (for the shared labels shown).
    const IncidentRules rules = IncidentSettings::read(AppSettings());
    const Result<IncidentList> list = IncidentList::read((*store)->database(), since, rules);
    if (!list)
        return fail(list.error());
    if (m_options.storeJson)
        printJson(*list, since);
    else
        printTable(*list, since);
    m_out.flush();
    QTimer::singleShot(0, this, [this] { emit finished(ExitCode::Ok); });
}

void IncidentsCommand::printTable(const IncidentList &list, const QDateTime &since)
{
    if (list.incidents.isEmpty()) {
        m_out << tr("No incidents started since %1.").arg(HandoverReportText::time(since)) << '\n';
        return;
    }
    m_out << tr("Incidents started since %1: %2, newest first.").arg(HandoverReportText::time(since)).arg(list.total)
          << "\n\n";
    const QString header = u"%1  %2  %3  %4  %5"_s.arg(tr("Started (UTC)"), -16)
                               .arg(tr("State"), -8)
                               .arg(tr("Severity"), -8)
                               .arg(tr("Alerts"), 6)
                               .arg(tr("Incident"));
    m_out << header << '\n';
    for (const IncidentList::Incident &incident : list.incidents) {
        const QString state = incident.isFiring() ? tr("firing") : tr("resolved");
        QString line = u"%1  %2  %3  %4  %5"_s.arg(incident.startedAt.toString(u"yyyy-MM-dd HH:mm"_s), -16)
                           .arg(state, -8)
                           .arg(TerminalText::oneLine(severityOf(incident.worst, incident.worstSeverityText), 8), -8)
                           .arg(incident.memberCount, 6)
                           .arg(TerminalText::oneLine(incident.title(), maxTitleCharacters));
        if (!incident.scope.isEmpty())
            line += u"  ["_s + labelsText(incident.scope) + u']';
        m_out << line << '\n';
        if (!m_options.incidentsVerbose)
            continue;
        for (const Alert &member : incident.members) {
            // The name and severity have their columns already.
            LabelMap labels = member.labels;
            labels.remove(u"alertname"_s);
            labels.remove(u"severity"_s);
            m_out << u"    %1  %2  %3  %4  %5"_s.arg(member.startsAt.toString(u"yyyy-MM-dd HH:mm:ss"_s))
                         .arg(member.state == AlertState::Firing ? tr("firing") : tr("resolved"), -8)
                         .arg(TerminalText::oneLine(severityOf(member.severity, member.severityText), 8), -8)
                         .arg(TerminalText::oneLine(member.name, maxTitleCharacters), -24)
                         .arg(labelsText(labels))
                  << '\n';
        }
        if (incident.memberCount > incident.members.size())
            m_out << "    " << tr("%1 more not listed").arg(incident.memberCount - incident.members.size()) << '\n';
    }
    if (list.total > list.incidents.size())
        m_out << '\n'
              << tr("%1 more not listed (at most %2 are; give a later --since).")
                     .arg(list.total - list.incidents.size())
                     .arg(IncidentList::maxIncidents)
              << '\n';
}

void IncidentsCommand::printJson(const IncidentList &list, const QDateTime &since)
{
    QJsonArray incidents;
    for (const IncidentList::Incident &incident : list.incidents) {
        QJsonArray members;
        for (const Alert &member : incident.members)
            members.append(QJsonObject{
                {u"source"_s, member.source},
                {u"fingerprint"_s, member.fingerprint},
                {u"name"_s, member.name},
                {u"severity"_s, severityOf(member.severity, member.severityText)},
                {u"state"_s, member.state == AlertState::Firing ? u"firing"_s : u"resolved"_s},
                {u"starts_at"_s, iso(member.startsAt)},
                {u"ends_at"_s, member.endsAt.isValid() ? QJsonValue(iso(member.endsAt)) : QJsonValue()},
                {u"labels"_s, labelsJson(member.labels)},
            });
        incidents.append(QJsonObject{
            {u"anchor"_s,
             QJsonObject{{u"source"_s, incident.anchor.alert.source},
                         {u"fingerprint"_s, incident.anchor.alert.fingerprint},
                         {u"starts_at"_s, iso(incident.startedAt)}}},
            {u"title"_s, incident.title()},
            {u"name"_s, incident.worstName},
            {u"severity"_s, severityOf(incident.worst, incident.worstSeverityText)},
            {u"state"_s, incident.isFiring() ? u"firing"_s : u"resolved"_s},
            {u"started_at"_s, iso(incident.startedAt)},
            {u"last_start_at"_s, iso(incident.lastStartAt)},
            {u"member_count"_s, incident.memberCount},
            {u"firing_count"_s, incident.firing},
            {u"scope"_s, labelsJson(incident.scope)},
            {u"members"_s, members},
            {u"members_truncated"_s, incident.memberCount > incident.members.size()},
        });
    }
    const QJsonObject json{{u"since"_s, iso(since)},
                           {u"total"_s, list.total},
                           {u"truncated"_s, list.total > list.incidents.size()},
                           {u"incidents"_s, incidents}};
    m_out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
}
