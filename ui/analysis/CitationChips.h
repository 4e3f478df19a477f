#pragma once

#include "MarkdownStreamView.h"
#include "analysis/CitationScan.h"
#include "analysis/EvidenceSet.h"

// The answer's citations as evidence chips, and an "unsupported" marker after each
// sentence that states a cause without citing evidence, for a MarkdownStreamView.
//
// The scanner reads the answer once, as it grows (CitationScanner is linear); a part
// the view renders looks up its citations and claims by binary search and is marked
// in one pass, so each render costs what the view's own render of that part costs.
// A claim is marked once it is closed (the sentence ended): while it is being written
// its citations may still come.
class CitationChips final : public MarkdownDecorator
{
public:
    // Placeholders: a private-use character per citation bracket and per marker of a
    // part; more than this many in one part stay as the text they are.
    static constexpr int maxBracketsPerPart = 0x1000;
    static constexpr int maxMarkersPerPart = 0x800;

    // Starts over with the evidence of another analysis.
    void setEvidence(const EvidenceSet &evidence);
    const EvidenceSet &evidence() const { return m_evidence; }

    // The whole answer so far (ChatStream::content(), the hypotheses block included):
    // reads what is new.
    void update(QStringView answer);
    // The answer is complete: its last sentence is closed.
    void finish();
    bool finished() const { return m_finished; }
    CitationCounts counts() const { return m_scanner.counts(); }
    const CitationScanner &scanner() const { return m_scanner; }

    QString mark(const QString &markdown, qsizetype from) override;
    void decorate(QTextDocument &part) override;

private:
    struct Bracket {
        QStringList ids;
    };
    EvidenceSet m_evidence;
    CitationScanner m_scanner;
    bool m_finished = false;
    QList<Bracket> m_brackets; // of the part being rendered, by placeholder
    int m_markers = 0;
};
