#include "store/AlertHistory.h"

#include <QPointer>
#include <QTimer>

namespace {

// The defaults still answer asynchronously, as a real store would.
template<typename Done, typename... Args> void answerLater(QObject *context, Done done, Args... args)
{
    QTimer::singleShot(0, context, [done = std::move(done), args...] { done(args...); });
}

} // namespace

void AlertHistory::fetchSeenBefore(const QList<Alert> &, QObject *context,
                                   std::function<void(const SeenBefore::Report &)> done)
{
    SeenBefore::Report report;
    report.problem = tr("This store keeps no history to compare with.");
    answerLater(context, std::move(done), report);
}

void AlertHistory::fetchResolutionNote(const OccurrenceKey &, QObject *context,
                                       std::function<void(const ResolutionNote &)> done)
{
    answerLater(context, std::move(done), ResolutionNote{});
}

void AlertHistory::saveResolutionNote(const QList<OccurrenceKey> &, const ResolutionNote &, QObject *context,
                                      std::function<void(const QString &)> done)
{
    answerLater(context, std::move(done), tr("This store cannot keep resolution notes."));
}

void AlertHistory::fetchIncidentPins(QObject *context, std::function<void(const Pins &)> done)
{
    answerLater(context, std::move(done), Pins{});
}

void AlertHistory::saveIncidentPins(const Pins &, QObject *context, std::function<void(const QString &)> done)
{
    answerLater(context, std::move(done), QString{});
}
