#include "store/StoredRecords.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

QString analysisOutcomeName(AnalysisOutcome outcome)
{
    switch (outcome) {
    case AnalysisOutcome::Finished: return u"finished"_s;
    case AnalysisOutcome::CutOff: return u"cut-off"_s;
    case AnalysisOutcome::Stopped: return u"stopped"_s;
    case AnalysisOutcome::Failed: break;
    }
    return u"failed"_s;
}

std::optional<AnalysisOutcome> analysisOutcomeFromName(const QString &name)
{
    for (const AnalysisOutcome outcome :
         {AnalysisOutcome::Finished, AnalysisOutcome::CutOff, AnalysisOutcome::Failed, AnalysisOutcome::Stopped}) {
        if (name == analysisOutcomeName(outcome))
            return outcome;
    }
    return std::nullopt;
}

QString analysisOutcomeText(AnalysisOutcome outcome)
{
    switch (outcome) {
    case AnalysisOutcome::Finished: return QCoreApplication::translate("AnalysisOutcome", "finished");
    case AnalysisOutcome::CutOff: return QCoreApplication::translate("AnalysisOutcome", "cut off");
    case AnalysisOutcome::Stopped: return QCoreApplication::translate("AnalysisOutcome", "stopped");
    case AnalysisOutcome::Failed: break;
    }
    return QCoreApplication::translate("AnalysisOutcome", "failed");
}
