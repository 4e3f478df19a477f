#pragma once

#include "analysis/EvidenceSet.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

// Reads an answer's citations and claims, as it streams in.
//
// Citations: evidence ids in square brackets, [E3], [E3, E7], [E3][E4], [P2] (an earlier
// incident; see EvidenceSet), also 【E3】 (ids separated by commas, semicolons or
// spaces, case-insensitive). A bracket holding
// anything else (a Markdown link's text) is prose. An id the evidence does not hold is
// kept and marked invalid.
//
// Sentences end at . ! ? 。！？ (a dot only before a space, a bracket, closing
// punctuation or the end, so "3.5" and "node.js" do not end one), at a line end, and
// after maxSentenceCharacters. Citations right after the end ("… is full. [E3]")
// belong to that sentence. Headings (also a line that is only a short bold phrase),
// list markers, fenced code blocks (so also the ```hypotheses block) and inline code
// are not scanned.
//
// A claim is a sentence that cites something, states a cause (causePhrases: English
// and Chinese), or holds a number (a count, a time, a percentage: digits that do not
// belong to a name such as "db-1" or "p99"). A claim is cited when it
// has at least one valid citation; it is unsupported when it states a cause and has no
// valid citation.
//
// Linear: every character is looked at a bounded number of times, however the text is
// cut into pieces; feeding it in pieces gives exactly what scanning it whole gives.

struct CitationRef {
    QString id; // as written, upper-case: "E3", "P2"
    qsizetype start = 0; // of the id in the answer (UTF-16 offsets)
    qsizetype length = 0;
    qsizetype bracketStart = 0; // of the whole bracket, e.g. "[E3, E7]", for a chip to replace
    qsizetype bracketLength = 0;
    bool valid = false; // the evidence holds it
    friend bool operator==(const CitationRef &, const CitationRef &) = default;
};

struct Claim {
    qsizetype start = 0; // the sentence in the answer, citations after its end included
    qsizetype end = 0;
    QList<CitationRef> citations{};
    bool statesCause = false;
    bool hasNumber = false;

    bool cited() const;
    bool unsupported() const { return statesCause && !cited(); }
    friend bool operator==(const Claim &, const Claim &) = default;
};

struct CitationCounts {
    int claims = 0;
    int cited = 0;
    int unsupported = 0;
    int invalidCitations = 0;
    // "12 claims, 9 cited, 2 unsupported", for the panel's footer.
    QString footer() const;
    friend bool operator==(const CitationCounts &, const CitationCounts &) = default;
};

class CitationScanner final
{
    Q_DECLARE_TR_FUNCTIONS(CitationScanner)

public:
    static constexpr qsizetype maxSentenceCharacters = 2000;
    static constexpr qsizetype maxBracketCharacters = 64;

    explicit CitationScanner(EvidenceSet evidence = {});

    // The next piece of the answer.
    void append(QStringView piece);
    // For a growing text (ChatStream::content()): appends what is new since the last
    // call. A text shorter than what was read starts over.
    void update(QStringView answer);
    // The answer is complete: the last sentence is closed.
    void finish();
    void reset();
    qsizetype consumed() const { return m_position; }

    // Closed claims, in order; each is final.
    const QList<Claim> &claims() const { return m_claims; }
    // The sentence being written, if it is a claim so far (not after finish()).
    std::optional<Claim> openClaim() const;
    // Every citation read so far, in order (for chips).
    const QList<CitationRef> &citations() const { return m_citations; }
    // Closed claims and the open one.
    CitationCounts counts() const;

    // The cause phrases, lower-case.
    static const QList<QStringView> &causePhrases();

    // The whole answer at once.
    static CitationScanner scanned(QStringView answer, const EvidenceSet &evidence);

private:
    enum class Mode { LineStart, Prose, InlineCode, SkipLine, Bracket, AfterDot, AfterEnd };
    struct Sentence {
        bool open = false;
        bool ended = false; // a terminator was read; citations may still follow
        qsizetype start = 0;
        qsizetype end = 0;
        Claim claim;
        QString tail; // the last prose characters, lower-case, for cause phrases
        bool tailCut = false;
        bool inName = false; // the current word began with a letter: its digits are no number
        QString head; // its first two characters: "**" when it opens in bold
    };

    void feed(QChar c, qsizetype at);
    void feedLineStart(QChar c, qsizetype at);
    void decideLine(QChar next, qsizetype at, bool endOfText);
    void feedProse(QChar c, qsizetype at, bool bracketsOpen = true);
    void feedBracket(QChar c, qsizetype at);
    void closeBracket(qsizetype closeAt);
    void replayPending();
    void proseCharacter(QChar c, qsizetype at);
    void commit();
    // At a line's end: a line that is only a short bold phrase ("**Likely causes**") is
    // a heading written in bold, not a claim.
    void forgetBoldHeading();
    static bool isClaim(const Claim &claim)
    {
        return !claim.citations.isEmpty() || claim.statesCause || claim.hasNumber;
    }

    EvidenceSet m_evidence;
    qsizetype m_position = 0;
    Mode m_mode = Mode::LineStart;
    Mode m_bracketReturn = Mode::Prose;
    bool m_inFence = false;
    QChar m_fenceChar;
    QString m_pending; // the line prefix or the bracket's text, not decided yet
    qsizetype m_pendingStart = 0;
    Sentence m_sentence;
    QList<Claim> m_claims;
    QList<CitationRef> m_citations;
    CitationCounts m_counts; // of m_claims
};
