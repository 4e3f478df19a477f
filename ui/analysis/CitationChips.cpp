#include "CitationChips.h"

#include "EvidenceChips.h"

#include <QTextCursor>
#include <QTextDocument>

namespace {

constexpr char16_t bracketBase = 0xE000;
constexpr char16_t markerBase = bracketBase + CitationChips::maxBracketsPerPart;
constexpr char16_t placeholderEnd = markerBase + CitationChips::maxMarkersPerPart;

bool isPlaceholder(char16_t c)
{
    return c >= bracketBase && c < placeholderEnd;
}

struct Edit {
    qsizetype at = 0; // in the part
    qsizetype length = 0; // replaced characters; 0: inserted
    QChar placeholder;
};

} // namespace

void CitationChips::setEvidence(const EvidenceSet &evidence)
{
    m_evidence = evidence;
    m_scanner = CitationScanner(evidence);
    m_finished = false;
}

void CitationChips::update(QStringView answer)
{
    if (answer.size() < m_scanner.consumed())
        m_finished = false;
    if (m_finished)
        return;
    m_scanner.update(answer);
}

void CitationChips::finish()
{
    if (!m_finished)
        m_scanner.finish();
    m_finished = true;
}

QString CitationChips::mark(const QString &markdown, qsizetype from)
{
    m_brackets.clear();
    m_markers = 0;
    const qsizetype to = from + markdown.size();
    QList<Edit> edits;

    // Citations are in order of their brackets; a bracket of several ids is one chip group.
    const QList<CitationRef> &citations = m_scanner.citations();
    auto citation = std::lower_bound(citations.cbegin(), citations.cend(), from,
                                     [](const CitationRef &ref, qsizetype at) { return ref.bracketStart < at; });
    for (; citation != citations.cend() && citation->bracketStart + citation->bracketLength <= to; ++citation) {
        if (!edits.isEmpty() && edits.constLast().length > 0 && edits.constLast().at == citation->bracketStart - from) {
            m_brackets.last().ids << citation->id;
            continue;
        }
        if (m_brackets.size() >= maxBracketsPerPart)
            break;
        edits.append(
            {citation->bracketStart - from, citation->bracketLength, QChar(char16_t(bracketBase + m_brackets.size()))});
        m_brackets.append({{citation->id}});
    }
    // Closed claims are in order and do not overlap: their ends are in order too.
    const QList<Claim> &claims = m_scanner.claims();
    auto claim = std::lower_bound(claims.cbegin(), claims.cend(), from + 1,
                                  [](const Claim &c, qsizetype at) { return c.end < at; });
    QList<Edit> markers;
    for (; claim != claims.cend() && claim->end <= to && m_markers < maxMarkersPerPart; ++claim)
        if (claim->unsupported())
            markers.append({claim->end - from, 0, QChar(char16_t(markerBase + m_markers++))});
    if (!markers.isEmpty()) {
        QList<Edit> merged;
        merged.reserve(edits.size() + markers.size());
        // At the same place, a marker (the end of the sentence before) goes first.
        std::merge(markers.cbegin(), markers.cend(), edits.cbegin(), edits.cend(), std::back_inserter(merged),
                   [](const Edit &a, const Edit &b) { return a.at < b.at || (a.at == b.at && a.length < b.length); });
        edits = std::move(merged);
    }

    QString marked;
    marked.reserve(markdown.size() + 2 * markers.size());
    qsizetype at = 0;
    auto copy = [&](qsizetype until) {
        for (; at < until; ++at) {
            const QChar c = markdown.at(at);
            // A placeholder character in the answer itself is not one of ours.
            marked += isPlaceholder(c.unicode()) ? QChar(QChar::ReplacementCharacter) : c;
        }
    };
    for (const Edit &edit : std::as_const(edits)) {
        copy(edit.at);
        // After "**Why.**" a letter-like character would make the ** open instead of
        // close; a space keeps it closing (decorate() takes the space away again).
        if (edit.length == 0)
            marked += u' ';
        marked += edit.placeholder;
        at += edit.length;
    }
    copy(markdown.size());
    return marked;
}

void CitationChips::decorate(QTextDocument &part)
{
    if (m_brackets.isEmpty() && m_markers == 0)
        return;
    const QString text = part.toRawText();
    QTextCursor cursor(&part);
    // From the end: a replacement does not move what is before it.
    for (qsizetype i = text.size() - 1; i >= 0; --i) {
        const char16_t c = text.at(i).unicode();
        if (!isPlaceholder(c))
            continue;
        const bool spaced = c >= markerBase && i > 0 && text.at(i - 1) == u' ';
        cursor.setPosition(int(i));
        cursor.setPosition(int(i) + 1, QTextCursor::KeepAnchor);
        QTextCharFormat base = cursor.charFormat();
        base.setAnchor(false);
        base.setAnchorHref({});
        cursor.removeSelectedText();
        if (spaced)
            cursor.deletePreviousChar();
        if (c >= markerBase) {
            EvidenceChips::insertUnsupported(cursor, base);
        } else if (const qsizetype index = c - bracketBase; index < m_brackets.size()) {
            for (const QString &id : std::as_const(m_brackets.at(index).ids))
                EvidenceChips::insertEvidence(cursor, base, id, m_evidence);
        }
    }
}
