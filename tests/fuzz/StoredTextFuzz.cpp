// What AlertDeck reads back from its own store and settings, which a damaged or edited
// file can hold anything in: stored conversations, resolution notes, incident scope
// rules; and the full-text query an alert's words make (no input may add FTS syntax).
//
// Input: [which][the rest, UTF-8]

#include "FuzzSupport.h"
#include "analysis/AnalysisConversation.h"
#include "incidents/IncidentRules.h"
#include "incidents/ResolutionNote.h"
#include "incidents/SeenBefore.h"

#include <QRegularExpression>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput input(data, size);
    const int which = input.byte() % 4;
    const QByteArray rest = input.rest().toByteArray();
    switch (which) {
    case 0: {
        const Result<QList<ConversationTurn>> turns = AnalysisConversation::fromJson(rest);
        if (turns) {
            FUZZ_CHECK(turns->size() <= AnalysisConversation::maxTurns);
            for (const ConversationTurn &turn : *turns)
                FUZZ_CHECK(turn.answer.size() <= AnalysisConversation::maxTextCharacters
                           && turn.question.size() <= AnalysisConversation::maxTextCharacters);
            // What it wrote, it reads back the same.
            const Result<QList<ConversationTurn>> again
                = AnalysisConversation::fromJson(AnalysisConversation::toJson(*turns));
            FUZZ_CHECK(again.ok() && again->size() == turns->size());
        }
        break;
    }
    case 1: {
        const Result<ResolutionNote> note = ResolutionNote::fromJson(rest);
        if (note) {
            FUZZ_CHECK(note->cause.size() <= ResolutionNote::maxFieldCharacters);
            FUZZ_CHECK(note->text.size() <= ResolutionNote::maxTextCharacters);
            FUZZ_CHECK(note->link.isEmpty() || note->validate().ok()); // never a link that is not a web address
            FUZZ_CHECK(ResolutionNote::fromJson(note->toJson()).value() == *note);
        }
        break;
    }
    case 2: {
        const Result<QStringList> scopes = IncidentRules::parseScopes(QString::fromUtf8(rest));
        if (scopes) {
            IncidentRules rules;
            rules.scopes = *scopes;
            FUZZ_CHECK(IncidentRules::parseScopes(rules.scopesText()).value() == *scopes);
            FUZZ_CHECK(rules.compiledScopes().size() == scopes->size());
        }
        break;
    }
    default: {
        const QString text = QString::fromUtf8(rest);
        Alert alert;
        const qsizetype third = text.size() / 3;
        alert.name = text.left(third);
        alert.annotations.insert(QStringLiteral("summary"), text.mid(third, third));
        alert.labels.insert(QStringLiteral("instance"), text.mid(2 * third));
        const QString query = SeenBefore::textQuery(alert);
        if (!query.isEmpty()) {
            const QStringList terms = query.split(QStringLiteral(" OR "));
            FUZZ_CHECK(terms.size() <= SeenBefore::maxQueryTerms);
            for (const QString &term : terms) {
                FUZZ_CHECK(term.size() >= 4 && term.startsWith(u'"') && term.endsWith(u'"'));
                for (const QChar c : QStringView(term).sliced(1, term.size() - 2))
                    FUZZ_CHECK(c.isLetterOrNumber()); // nothing FTS5 reads as syntax
            }
        }
        break;
    }
    }
    return 0;
}
