#pragma once

#include "EvalIncident.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// How one incident's analysis scored.
struct EvalScore {
    QString incident;
    QStringList defects; // what its scripted answer gets wrong on purpose (cause.json)
    QString outcome; // "finished", "failed"…
    QString error;
    int evidenceItems = 0;
    int citations = 0; // every [E…] in the answer, repeats included
    int validCitations = 0; // of those, ids the prompt listed
    int claims = 0;
    int citedClaims = 0; // claims with at least one valid citation
    int unsupported = 0; // cause sentences without one
    QString topHypothesis; // its title; empty: none
    bool causeOnTop = false; // the known cause's keywords are in the top hypothesis's title
    QStringList unresolved; // scripted answers: placeholders that found no evidence item

    // Valid citations / all citations (1 when there are none), cited claims / claims.
    double citationValidity() const { return citations == 0 ? 1.0 : double(validCitations) / citations; }
    double claimsCited() const { return claims == 0 ? 1.0 : double(citedClaims) / claims; }
    // The defects these numbers show: "invalid-citation", "uncited-cause", "wrong-top".
    QStringList defectsFound() const;
};

// Runs recorded incidents through the real pipeline: ContextService asks a loopback
// stand-in that answers with the incident's Prometheus and Loki responses, and
// AnalysisService builds the prompt and streams the answer from the provider: the
// scripted one on loopback, or a real OpenAI-compatible endpoint. Scored with
// AnalysisReport, as `alertdeck analyze --json` reports it.
class AnalysisEval final
{
public:
    struct LiveProvider {
        QUrl baseUrl;
        QString apiKey;
        QString model;
    };
    // ALERTDECK_EVAL_BASE_URL, ALERTDECK_EVAL_API_KEY (optional for a local server) and
    // ALERTDECK_EVAL_MODEL (default deepseek-flash); none when the URL is not set or not
    // http(s): `why` then says so.
    static std::optional<LiveProvider> liveProviderFromEnvironment(QString *why);

    // Scripted when `live` is none.
    explicit AnalysisEval(std::optional<LiveProvider> live = std::nullopt);

    // Runs on a local event loop until the analysis ends (at most `timeoutMs`).
    // `report`: where to put the run's AnalysisReport JSON (as `analyze --json` prints it).
    EvalScore run(const EvalIncident &incident, QByteArray *report = nullptr, int timeoutMs = 300'000) const;

    // One line per incident and the totals, for a terminal.
    static QString table(const QList<EvalScore> &scores);

private:
    std::optional<LiveProvider> m_live;
};
