#include "cli/ReportCommand.h"

#include "incidents/IncidentSettings.h"
#include "settings/AppSettings.h"
#include "shift/HandoverReport.h"
#include "shift/HandoverReportText.h"
#include "store/DataDirectory.h"

#include <QDir>
#include <QElapsedTimer>

using namespace Qt::StringLiterals;

ReportCommand::ReportCommand(const CommandLineOptions &options, QIODevice &out, QIODevice &err, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_out(&out)
    , m_err(&err)
{ }

void ReportCommand::start()
{
    const AppSettings settings;
    QString dataDir = m_options.dataDir.isEmpty() ? settings.value(Settings::dataDirectory) : m_options.dataDir;
    if (dataDir.isEmpty())
        dataDir = DataDirectory::defaultPath();
    HandoverReportBuilder::Request request;
    request.storePath = QDir(dataDir).filePath(u"alerts.sqlite"_s);
    request.until = m_options.reportUntil.isValid() ? m_options.reportUntil : QDateTime::currentDateTimeUtc();
    request.since = m_options.reportSince.isValid() ? m_options.reportSince
                                                    : HandoverReportWindow::defaultSince(dataDir, request.until);
    request.silencesUnknownReason = tr("The command line does not ask Alertmanager for its silences.");
    request.incidentRules = IncidentSettings::read(settings); // the scopes incidents are shown with

    QElapsedTimer clock;
    clock.start();
    const Result<HandoverReport> report = HandoverReportBuilder::build(request, [this, &clock](int done, int total) {
        // Quick reports stay quiet; a long window says how far it got.
        if (clock.elapsed() > 1000 && done < total) {
            m_err << tr("Reading the alert store: step %1 of %2…").arg(done + 1).arg(total) << '\n';
            m_err.flush();
        }
        return true;
    });
    if (!report) {
        m_err << report.error() << '\n';
        m_err.flush();
        emit finished(ExitCode::Failure);
        return;
    }
    if (m_options.reportJson)
        m_out << QString::fromUtf8(HandoverReportText::json(*report));
    else
        m_out << HandoverReportText::markdown(*report);
    m_out.flush();
    HandoverReportWindow::remember(dataDir, report->until);
    emit finished(ExitCode::Ok);
}
