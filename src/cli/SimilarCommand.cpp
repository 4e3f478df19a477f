#include "cli/SimilarCommand.h"

#include "cli/PayloadAlert.h"
#include "cli/TerminalText.h"
#include "core/BuildInfo.h"
#include "incidents/IncidentSettings.h"
#include "settings/AppSettings.h"
#include "shift/HandoverReportText.h"
#include "store/ReadOnlyStore.h"
#include "store/SeenBeforeQuery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype maxNameCharacters = 120;
constexpr qsizetype maxLineCharacters = 400;

QString iso(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString reasonKey(SeenBefore::Reason reason)
{
    switch (reason) {
    case SeenBefore::Reason::SameFingerprint: return u"same_fingerprint"_s;
    case SeenBefore::Reason::SameNameAndScope: return u"same_name_and_scope"_s;
    case SeenBefore::Reason::SimilarText: return u"similar_text"_s;
    }
    return {};
}

QString recurrenceKey(SeenBefore::Recurrence recurrence)
{
    switch (recurrence) {
    case SeenBefore::Recurrence::New: return u"new"_s;
    case SeenBefore::Recurrence::Rare: return u"rare"_s;
    case SeenBefore::Recurrence::Occasional: return u"occasional"_s;
    case SeenBefore::Recurrence::Frequent: return u"frequent"_s;
    }
    return {};
}

QJsonObject labelsJson(const LabelMap &labels)
{
    QJsonObject json;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

QJsonObject matchJson(const SeenBefore::Match &match)
{
    QJsonObject note;
    if (!match.note.isEmpty())
        note = QJsonObject{{u"cause"_s, match.note.cause},
                           {u"action"_s, match.note.action},
                           {u"link"_s, match.note.link},
                           {u"text"_s, match.note.text},
                           {u"written_at"_s, iso(match.note.writtenAt)}};
    return QJsonObject{
        {u"reason"_s, reasonKey(match.reason)},
        {u"reason_text"_s, SeenBefore::reasonText(match.reason)},
        {u"source"_s, match.alert.source},
        {u"fingerprint"_s, match.alert.fingerprint},
        {u"name"_s, match.name},
        {u"labels"_s, labelsJson(match.labels)},
        {u"starts_at"_s, iso(match.startsAt)},
        {u"ends_at"_s, match.endsAt.isValid() ? QJsonValue(iso(match.endsAt)) : QJsonValue()},
        {u"duration_ms"_s, match.endsAt.isValid() ? QJsonValue(match.startsAt.msecsTo(match.endsAt)) : QJsonValue()},
        {u"note"_s, note.isEmpty() ? QJsonValue() : QJsonValue(note)},
        {u"analysis_summary"_s, match.analysisSummary},
    };
}

} // namespace

SimilarCommand::SimilarCommand(const CommandLineOptions &options, QIODevice &out, QIODevice &err, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_out(&out)
    , m_err(&err)
{ }

void SimilarCommand::fail(const QString &message, int exitCode)
{
    m_err << QLatin1String(BuildInfo::executableName) << ": " << message << Qt::endl;
    QTimer::singleShot(0, this, [this, exitCode] { emit finished(exitCode); });
}

void SimilarCommand::start()
{
    const PayloadAlert loaded = PayloadAlert::load(m_options.contextPayloadFile, m_options.contextAlert);
    if (!loaded.error.isEmpty()) {
        // A number past the payload's alerts is a wrong command line, not a failure.
        const bool noSuchAlert = loaded.alertsInPayload > 0 && m_options.contextAlert > loaded.alertsInPayload;
        return fail(loaded.error, noSuchAlert ? ExitCode::Usage : ExitCode::Failure);
    }
    const Alert &alert = loaded.alert;
    Result<std::unique_ptr<ReadOnlyStore>> store
        = ReadOnlyStore::openIn(ReadOnlyStore::dataDirectory(m_options.dataDir));
    if (!store)
        return fail(store.error(), ExitCode::Failure);
    // SeenBeforeQuery only reads (no index step: the running application fills it).
    const IncidentRules rules = IncidentSettings::read(AppSettings());
    const SeenBefore::Report report = SeenBeforeQuery((*store)->database(), rules).run({alert});
    if (!report.problem.isEmpty())
        return fail(report.problem, ExitCode::Failure);

    if (m_options.storeJson) {
        QJsonArray matches;
        for (const SeenBefore::Match &match : report.matches)
            matches.append(matchJson(match));
        QJsonArray starts;
        for (const QDateTime &start : report.recentStarts)
            starts.append(iso(start));
        const QJsonObject json{
            {u"alert"_s,
             QJsonObject{{u"source"_s, alert.source},
                         {u"fingerprint"_s, alert.fingerprint},
                         {u"name"_s, alert.name},
                         {u"starts_at"_s, iso(alert.startsAt)}}},
            {u"recurrence"_s, recurrenceKey(report.recurrence)},
            {u"fired_last_30_days"_s, report.firedLast30Days},
            {u"recent_starts"_s, starts},
            {u"typical_duration_ms"_s,
             report.typicalDurationMs >= 0 ? QJsonValue(report.typicalDurationMs) : QJsonValue()},
            {u"matches"_s, matches},
        };
        m_out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
        m_out.flush();
        QTimer::singleShot(0, this, [this] { emit finished(ExitCode::Ok); });
        return;
    }

    QString heading = tr("Alert %1 of %2: %3")
                          .arg(m_options.contextAlert)
                          .arg(loaded.alertsInPayload)
                          .arg(TerminalText::oneLine(alert.name, maxNameCharacters));
    if (const QString target = alert.target(); !target.isEmpty())
        heading += u' ' + tr("on %1").arg(TerminalText::oneLine(target, maxNameCharacters));
    if (alert.startsAt.isValid())
        heading += u", "_s + tr("started %1").arg(HandoverReportText::time(alert.startsAt));
    m_out << heading << '\n';
    QString seen = tr("Seen before: %1; times it fired in the last 30 days: %2")
                       .arg(SeenBefore::recurrenceText(report.recurrence))
                       .arg(report.firedLast30Days);
    if (report.typicalDurationMs >= 0)
        seen += tr(", usually for %1").arg(HandoverReportText::duration(report.typicalDurationMs));
    m_out << seen << ".\n";
    if (report.matches.isEmpty()) {
        m_out << tr("No earlier occurrence matches.") << '\n';
    } else {
        m_out << '\n' << tr("Matches, best first:") << '\n';
        int number = 0;
        for (const SeenBefore::Match &match : report.matches) {
            const QString lasted = match.endsAt.isValid()
                ? tr("for %1").arg(HandoverReportText::duration(match.startsAt.msecsTo(match.endsAt)))
                : tr("still firing");
            m_out << '\n'
                  << ++number << ". " << TerminalText::oneLine(match.name, maxNameCharacters) << " — "
                  << HandoverReportText::time(match.startsAt) << ", " << lasted << '\n'
                  << "   " << tr("Why: %1").arg(SeenBefore::reasonText(match.reason)) << '\n';
            Alert earlier;
            earlier.labels = match.labels;
            if (const QString target = earlier.target(); !target.isEmpty())
                m_out << "   " << tr("Target: %1").arg(TerminalText::oneLine(target, maxNameCharacters)) << '\n';
            if (!match.note.isEmpty()) {
                m_out << "   " << tr("Note: %1").arg(TerminalText::oneLine(match.note.summary(), maxLineCharacters))
                      << '\n';
                if (!match.note.link.isEmpty())
                    m_out << "   " << tr("Link: %1").arg(TerminalText::oneLine(match.note.link, maxLineCharacters))
                          << '\n';
            }
            if (!match.analysisSummary.isEmpty()) {
                m_out << "   " << tr("Analysis:") << '\n';
                for (const QString &line : match.analysisSummary.split(u'\n'))
                    m_out << "     " << TerminalText::oneLine(line, maxLineCharacters) << '\n';
            }
        }
    }
    m_out.flush();
    QTimer::singleShot(0, this, [this] { emit finished(ExitCode::Ok); });
}
