#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class EvidenceSet;

// The model's hypotheses, in a structured form beside the prose. The prompt
// (AnalysisPrompt::evidenceInstructions) asks for one fenced block at the end of the
// answer, info string `hypotheses`, holding a JSON array, most likely first:
//
//   ```hypotheses
//   [{"title": "Log files filled the disk", "status": "likely", "confidence": 0.8,
//     "for": ["E3", "E12"], "against": ["E7"]}]
//   ```
//
// - title: text, required (cut to maxTitleCharacters);
// - status: "likely", "possible" or "ruled_out" (also read: "ruled out", "ruled-out");
// - confidence: a number from 0 to 1 (optional; a percentage above 1 up to 100 is read
//   as such, anything else is left out with a problem);
// - for / against: evidence ids, optional (at most maxIds each).
// Ruled-out hypotheses are kept: the board shows them. A broken block never loses the
// answer: parse() names each problem in words and keeps the entries it could read.

enum class HypothesisStatus { Likely, Possible, RuledOut };

struct Hypothesis {
    QString title;
    HypothesisStatus status = HypothesisStatus::Possible;
    std::optional<double> confidence{}; // 0..1
    QStringList evidenceFor{};
    QStringList evidenceAgainst{};
    friend bool operator==(const Hypothesis &, const Hypothesis &) = default;
};

class Hypotheses final
{
    Q_DECLARE_TR_FUNCTIONS(Hypotheses)

public:
    static constexpr int maxHypotheses = 12;
    static constexpr int maxIds = 30;
    static constexpr qsizetype maxTitleCharacters = 300;
    static constexpr qsizetype maxBlockCharacters = 64 * 1024;

    struct Parsed {
        bool found = false; // the answer has a ```hypotheses block (closed or not)
        bool complete = false; // and it is closed: while streaming it may not be yet
        QList<Hypothesis> hypotheses{};
        QStringList problems{}; // translated, one sentence each
    };

    // Each call reads the answer once (linear): while streaming, call it when the text
    // grew by a line, or once the answer is complete, not for every delta.
    // Reads the last ```hypotheses block of `answer`. With `evidence`, ids it does not
    // hold are named in `problems` (they stay in the lists; a view marks them invalid).
    static Parsed parse(QStringView answer, const EvidenceSet *evidence = nullptr);
    // The answer as shown: without the block (and without an unclosed one that a
    // stream has begun). Trailing blank lines before it go too. The text before the
    // block is kept as it was, so CitationScanner's offsets into the whole answer stay
    // valid for it.
    static QString withoutBlock(const QString &answer);
    // Where the block starts in `answer` (the fence's first backtick), or -1.
    static qsizetype blockStart(QStringView answer);

    // The one a forwarded message carries: the most confident likely one (the first of
    // equals); when none is likely, the most confident possible one; never a ruled-out one.
    static std::optional<Hypothesis> top(const QList<Hypothesis> &hypotheses);

    // For storage: a JSON array in the block's own format.
    static QByteArray toJson(const QList<Hypothesis> &hypotheses);
    static Result<QList<Hypothesis>> fromJson(const QByteArray &json);

    // "likely", "possible", "ruled_out", as in the block.
    static QString statusName(HypothesisStatus status);
    // As a person reads it, translated.
    static QString statusText(HypothesisStatus status);
    // One line for a forwarded message: "Likely (80 %): Log files filled the disk [E3, E12]".
    static QString summaryLine(const Hypothesis &hypothesis);
};
