// CitationScanner and Hypotheses: an answer cut at fuzzer-chosen points must give the
// same claims, citations and counts as the answer read at once; what is closed while
// streaming stays closed; every offset names text that is really there.
//
// Input: [evidence item count][cut count][cut steps...][the answer, UTF-8]

#include "FuzzSupport.h"
#include "analysis/CitationScan.h"
#include "analysis/Hypotheses.h"

#include <QList>

namespace {

EvidenceSet evidenceOf(int count)
{
    QList<EvidenceItem> items;
    for (int i = 0; i < count; ++i)
        items.append({{}, EvidenceKind::AlertField, QStringLiteral("item"), {}});
    return EvidenceSet(items);
}

void checkOffsets(const QString &answer, const CitationScanner &scan)
{
    for (const CitationRef &citation : scan.citations()) {
        FUZZ_CHECK(citation.start >= 0 && citation.start + citation.length <= answer.size());
        FUZZ_CHECK(answer.mid(citation.start, citation.length).toUpper() == citation.id);
        FUZZ_CHECK(citation.bracketStart < citation.start
                   && citation.start + citation.length < citation.bracketStart + citation.bracketLength);
        FUZZ_CHECK(citation.bracketStart + citation.bracketLength <= answer.size());
    }
    qsizetype previousEnd = 0;
    for (const Claim &claim : scan.claims()) {
        FUZZ_CHECK(claim.start >= previousEnd && claim.start < claim.end && claim.end <= answer.size());
        for (const CitationRef &citation : claim.citations)
            FUZZ_CHECK(citation.bracketStart >= claim.start
                       && citation.bracketStart + citation.bracketLength <= claim.end);
        previousEnd = claim.end;
    }
    const CitationCounts counts = scan.counts();
    FUZZ_CHECK(counts.claims == scan.claims().size());
    FUZZ_CHECK(counts.cited <= counts.claims && counts.unsupported <= counts.claims);
    FUZZ_CHECK(counts.cited + counts.unsupported <= counts.claims);
    FUZZ_CHECK(counts.invalidCitations <= scan.citations().size());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzInput input(data, size);
    const EvidenceSet evidence = evidenceOf(input.byte() % 32);
    const int cutCount = input.byte() % 8;
    QList<qsizetype> steps;
    for (int i = 0; i < cutCount; ++i)
        steps << input.byte();
    const QString answer = QString::fromUtf8(input.rest());

    const CitationScanner whole = CitationScanner::scanned(answer, evidence);
    checkOffsets(answer, whole);

    CitationScanner pieces(evidence);
    qsizetype at = 0;
    for (const qsizetype step : steps) {
        at = std::min(answer.size(), at + step);
        pieces.update(QStringView(answer).first(at));
        FUZZ_CHECK(pieces.claims().size() <= whole.claims().size());
        for (qsizetype i = 0; i < pieces.claims().size(); ++i)
            FUZZ_CHECK(pieces.claims().at(i) == whole.claims().at(i));
        FUZZ_CHECK(pieces.citations() == whole.citations().first(pieces.citations().size()));
    }
    pieces.update(answer);
    pieces.finish();
    FUZZ_CHECK(pieces.claims() == whole.claims());
    FUZZ_CHECK(pieces.citations() == whole.citations());
    FUZZ_CHECK(pieces.counts() == whole.counts());

    // The hypotheses block: never lost text before it, bounded whatever it holds.
    const Hypotheses::Parsed parsed = Hypotheses::parse(answer, &evidence);
    FUZZ_CHECK(parsed.hypotheses.size() <= Hypotheses::maxHypotheses);
    for (const Hypothesis &hypothesis : parsed.hypotheses) {
        FUZZ_CHECK(!hypothesis.title.isEmpty() && hypothesis.title.size() <= Hypotheses::maxTitleCharacters);
        FUZZ_CHECK(hypothesis.evidenceFor.size() <= Hypotheses::maxIds);
        FUZZ_CHECK(!hypothesis.confidence || (*hypothesis.confidence >= 0 && *hypothesis.confidence <= 1));
    }
    const QString shown = Hypotheses::withoutBlock(answer);
    const qsizetype start = Hypotheses::blockStart(answer);
    FUZZ_CHECK(parsed.found == (start >= 0));
    if (start < 0) {
        FUZZ_CHECK(shown == answer);
    } else {
        QString before = answer.left(start);
        while (before.endsWith(u'\n') || before.endsWith(u' '))
            before.chop(1);
        FUZZ_CHECK(shown.startsWith(before) && shown.size() < answer.size());
    }
    const Result<QList<Hypothesis>> stored = Hypotheses::fromJson(Hypotheses::toJson(parsed.hypotheses));
    FUZZ_CHECK(stored.ok() && *stored == parsed.hypotheses);
    return 0;
}
