#pragma once

#include "analysis/AnalysisConversation.h"

#include <QCoreApplication>
#include <QString>

// The conversation as one Markdown text for the answer view: the analysis, then each
// follow-up question (quoted, marked as the user's, its text escaped so that it shows
// as written) and its answer. Earlier answers are shown without their hypotheses
// block (the board shows the latest one); the latest answer as it streams.
class ConversationText final
{
    Q_DECLARE_TR_FUNCTIONS(ConversationText)

public:
    // `latestAnswer`: the last turn's answer so far (Run::content()).
    static QString markdown(const QList<ConversationTurn> &turns, const QString &latestAnswer);
    // What comes before the latest answer: markdown() is prefix() + the latest answer.
    static QString prefix(const QList<ConversationTurn> &turns);
    // `question` as a quoted Markdown block that renders as its plain text.
    static QString quotedQuestion(const QString &question);
    // Backslash before every ASCII punctuation character: Markdown shows it as written.
    static QString escaped(const QString &text);
    // The hypotheses block of the latest answer before the last turn that has one
    // (shown while the latest answer has none); empty when there is none.
    static QString earlierHypothesesAnswer(const QList<ConversationTurn> &turns);
};
