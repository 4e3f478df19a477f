#include "analysis/CitationScan.h"

using namespace Qt::StringLiterals;

namespace {

bool isOpeningBracket(QChar c)
{
    return c == u'[' || c == u'【';
}

bool isClosingBracket(QChar c)
{
    return c == u']' || c == u'】';
}

bool isIdSeparator(QChar c)
{
    return c == u',' || c == u'，' || c == u';' || c == u'；' || c == u'、' || c.isSpace();
}

// What may stand between a sentence's end and its citations: "**Full.**" or "(… full.)".
bool isClosingPunctuation(QChar c)
{
    return QStringView(u"*_)\"”’」』）").contains(c);
}

// What a line may begin with before its text: indentation, fences, headings, list markers.
bool isLinePrefixCharacter(QChar c)
{
    return QStringView(u" \t`~#0123456789.)-*+>").contains(c);
}

constexpr qsizetype maxLinePrefix = 12;

// Kept long enough that a phrase found in it always has the character before it,
// unless the sentence itself is shorter.
constexpr qsizetype tailKeep = 32;

} // namespace

bool Claim::cited() const
{
    return std::any_of(citations.cbegin(), citations.cend(), [](const CitationRef &c) { return c.valid; });
}

QString CitationCounts::footer() const
{
    return QCoreApplication::translate("CitationScanner", "%n claim(s), %1 cited, %2 unsupported", nullptr, claims)
        .arg(cited)
        .arg(unsupported);
}

const QList<QStringView> &CitationScanner::causePhrases()
{
    static const QList<QStringView> phrases
        = {// English, matched at the start of a word.
           u"because", u"caused by", u"causes", u"cause of", u"root cause", u"due to", u"led to", u"leads to",
           u"leading to", u"as a result of", u"resulted in", u"results in", u"resulting in", u"triggered by",
           u"owing to", u"stems from", u"stemmed from", u"is responsible for", u"was responsible for",
           u"consequence of", u"attributed to",
           // Chinese.
           u"因为", u"由于", u"导致", u"根本原因", u"原因是", u"引起", u"造成", u"引发", u"所致", u"归因于", u"源于",
           u"起因"};
    return phrases;
}

CitationScanner::CitationScanner(EvidenceSet evidence)
    : m_evidence(std::move(evidence))
{ }

CitationScanner CitationScanner::scanned(QStringView answer, const EvidenceSet &evidence)
{
    CitationScanner scanner(evidence);
    scanner.append(answer);
    scanner.finish();
    return scanner;
}

void CitationScanner::reset()
{
    *this = CitationScanner(std::move(m_evidence));
}

void CitationScanner::update(QStringView answer)
{
    if (answer.size() < m_position)
        reset();
    append(answer.sliced(m_position));
}

void CitationScanner::append(QStringView piece)
{
    for (const QChar c : piece)
        feed(c, m_position++);
}

void CitationScanner::finish()
{
    // Undecided text is decided as if the answer went on with nothing.
    for (;;) {
        if (m_mode == Mode::Bracket) {
            replayPending();
        } else if (m_mode == Mode::LineStart && !m_pending.isEmpty()) {
            decideLine(QChar(), m_position, true);
        } else {
            break;
        }
    }
    if (m_mode == Mode::Prose)
        forgetBoldHeading();
    commit();
    m_mode = Mode::LineStart;
}

std::optional<Claim> CitationScanner::openClaim() const
{
    if (!m_sentence.open || !isClaim(m_sentence.claim))
        return std::nullopt;
    Claim claim = m_sentence.claim;
    claim.start = m_sentence.start;
    claim.end = m_sentence.end;
    return claim;
}

CitationCounts CitationScanner::counts() const
{
    CitationCounts counts = m_counts;
    if (const std::optional<Claim> open = openClaim()) {
        ++counts.claims;
        counts.cited += open->cited() ? 1 : 0;
        counts.unsupported += open->unsupported() ? 1 : 0;
    }
    for (const CitationRef &citation : m_sentence.claim.citations)
        counts.invalidCitations += citation.valid ? 0 : 1;
    return counts;
}

void CitationScanner::feed(QChar c, qsizetype at)
{
    switch (m_mode) {
    case Mode::LineStart: feedLineStart(c, at); return;
    case Mode::Prose: feedProse(c, at); return;
    case Mode::Bracket: feedBracket(c, at); return;
    case Mode::InlineCode:
        if (c == u'`') {
            m_mode = Mode::Prose;
        } else if (c == u'\n') {
            m_mode = Mode::Prose;
            feedProse(c, at);
        }
        return;
    case Mode::SkipLine:
        if (c == u'\n')
            m_mode = Mode::LineStart;
        return;
    case Mode::AfterDot:
        // "3.5", "node.js", "e.g": the dot is part of a word.
        if (c.isLetterOrNumber() || c == u'_' || c == u'/' || c == u'\\' || c == u'-') {
            m_mode = Mode::Prose;
            proseCharacter(u'.', at - 1);
            feedProse(c, at);
            return;
        }
        m_sentence.ended = true;
        m_mode = Mode::AfterEnd;
        feed(c, at);
        return;
    case Mode::AfterEnd:
        if (c == u' ' || c == u'\t')
            return;
        if (isOpeningBracket(c)) {
            m_mode = Mode::Bracket;
            m_bracketReturn = Mode::AfterEnd;
            m_pending.clear();
            m_pendingStart = at;
            return;
        }
        if (isClosingPunctuation(c)) {
            m_sentence.end = at + 1;
            return;
        }
        commit();
        m_mode = Mode::Prose;
        feedProse(c, at);
        return;
    }
}

void CitationScanner::feedLineStart(QChar c, qsizetype at)
{
    if (c != u'\n' && isLinePrefixCharacter(c) && m_pending.size() < maxLinePrefix) {
        if (m_pending.isEmpty())
            m_pendingStart = at;
        m_pending += c;
        return;
    }
    decideLine(c, at, false);
}

void CitationScanner::decideLine(QChar next, qsizetype at, bool endOfText)
{
    const QString prefix = std::exchange(m_pending, {});
    const qsizetype base = m_pendingStart;
    qsizetype indent = 0;
    while (indent < prefix.size() && (prefix.at(indent) == u' ' || prefix.at(indent) == u'\t'))
        ++indent;
    const QStringView rest = QStringView(prefix).sliced(indent);
    const bool lineEnds = endOfText || next == u'\n';
    const auto skipLine = [this, lineEnds] { m_mode = lineEnds ? Mode::LineStart : Mode::SkipLine; };

    if (m_inFence) {
        if (indent <= 3 && rest.startsWith(QString(3, m_fenceChar)))
            m_inFence = false;
        return skipLine();
    }
    if (indent <= 3 && (rest.startsWith(u"```") || rest.startsWith(u"~~~"))) {
        commit();
        m_inFence = true;
        m_fenceChar = rest.front();
        return skipLine();
    }
    qsizetype hashes = 0;
    while (hashes < rest.size() && rest.at(hashes) == u'#')
        ++hashes;
    if (hashes > 0 && hashes <= 6
        && (hashes < rest.size() ? rest.at(hashes).isSpace() : (lineEnds || next.isSpace()))) {
        commit();
        return skipLine();
    }
    // A list item or quote starts a new sentence; its marker is not text.
    qsizetype text = 0;
    qsizetype digits = 0;
    while (digits < rest.size() && digits < 9 && rest.at(digits).isDigit())
        ++digits;
    if (rest.size() > 1 && QStringView(u"-*+>").contains(rest.front()) && rest.at(1).isSpace())
        text = indent + 1;
    else if (digits > 0 && rest.size() > digits + 1 && (rest.at(digits) == u'.' || rest.at(digits) == u')')
             && rest.at(digits + 1).isSpace())
        text = indent + digits + 1;
    if (text > 0)
        commit();
    m_mode = Mode::Prose;
    for (qsizetype i = text; i < prefix.size(); ++i)
        feed(prefix.at(i), base + i);
    if (!endOfText)
        feed(next, at);
}

void CitationScanner::feedProse(QChar c, qsizetype at, bool bracketsOpen)
{
    if (c == u'`') {
        if (!m_sentence.open) {
            m_sentence.open = true;
            m_sentence.start = at;
        }
        m_sentence.end = at + 1;
        m_mode = Mode::InlineCode;
        return;
    }
    if (bracketsOpen && isOpeningBracket(c)) {
        m_mode = Mode::Bracket;
        m_bracketReturn = Mode::Prose;
        m_pending.clear();
        m_pendingStart = at;
        return;
    }
    if (c == u'\n') {
        forgetBoldHeading();
        commit();
        m_mode = Mode::LineStart;
        return;
    }
    if (m_sentence.open && c == u'.') {
        m_sentence.end = at + 1;
        m_mode = Mode::AfterDot;
        return;
    }
    if (m_sentence.open && QStringView(u"!?。！？").contains(c)) {
        m_sentence.end = at + 1;
        m_sentence.ended = true;
        m_mode = Mode::AfterEnd;
        return;
    }
    proseCharacter(c, at);
    if (m_sentence.open && at + 1 - m_sentence.start >= maxSentenceCharacters)
        commit();
}

void CitationScanner::proseCharacter(QChar c, qsizetype at)
{
    if (c.isSpace()) {
        m_sentence.inName = false;
        if (m_sentence.open && !m_sentence.tail.endsWith(u' '))
            m_sentence.tail += u' ';
        return;
    }
    if (!m_sentence.open) {
        m_sentence.open = true;
        m_sentence.start = at;
    }
    m_sentence.end = at + 1;
    if (m_sentence.head.size() < 2)
        m_sentence.head += c;
    Claim &claim = m_sentence.claim;
    // A number stands on its own ("97 %", "03:58", "3 次"); a digit inside a name
    // ("db-1", "p99", "node_2") is not one.
    if (c.unicode() < 0x80 && c.isLetter())
        m_sentence.inName = true;
    else if (c.isDigit())
        claim.hasNumber = claim.hasNumber || !m_sentence.inName;
    else if (c != u'-' && c != u'_' && c != u'.')
        m_sentence.inName = false;
    QString &tail = m_sentence.tail;
    const QChar lower = c.toLower();
    tail += lower;
    if (tail.size() > 2 * tailKeep) {
        tail.remove(0, tail.size() - tailKeep);
        m_sentence.tailCut = true;
    }
    if (claim.statesCause)
        return;
    for (const QStringView phrase : causePhrases()) {
        if (phrase.back() != lower || !QStringView(tail).endsWith(phrase))
            continue;
        // An English phrase starts a word: "because", not "ecause" in another word.
        const qsizetype before = tail.size() - phrase.size() - 1;
        const bool latin = phrase.front().unicode() < 0x80;
        if (!latin || (before < 0 && !m_sentence.tailCut) || (before >= 0 && !tail.at(before).isLetter())) {
            claim.statesCause = true;
            return;
        }
    }
}

void CitationScanner::feedBracket(QChar c, qsizetype at)
{
    if (isClosingBracket(c)) {
        closeBracket(at);
        return;
    }
    if (c == u'\n' || isOpeningBracket(c) || m_pending.size() >= maxBracketCharacters) {
        replayPending();
        feed(c, at);
        return;
    }
    m_pending += c;
}

void CitationScanner::closeBracket(qsizetype closeAt)
{
    // The ids: E<digits> or P<digits> (an earlier incident), separated; anything else
    // makes the bracket prose.
    struct Token {
        qsizetype from;
        qsizetype length;
    };
    QList<Token> tokens;
    bool citation = true;
    for (qsizetype i = 0; i < m_pending.size() && citation;) {
        if (isIdSeparator(m_pending.at(i))) {
            ++i;
            continue;
        }
        qsizetype j = i + 1;
        while (j < m_pending.size() && m_pending.at(j).isDigit() && m_pending.at(j).unicode() < 0x80)
            ++j;
        citation = EvidenceSet::isSeriesLetter(m_pending.at(i)) && j - i >= 2 && j - i <= 6
            && (j == m_pending.size() || isIdSeparator(m_pending.at(j)));
        tokens.append({i, j - i});
        i = j;
    }
    if (!citation || tokens.isEmpty()) {
        replayPending();
        feed(u']', closeAt);
        return;
    }
    const Mode back = m_bracketReturn;
    m_mode = back;
    if (!m_sentence.open) {
        m_sentence.open = true;
        m_sentence.start = m_pendingStart;
    }
    for (const Token &token : std::as_const(tokens)) {
        CitationRef ref;
        ref.id = m_pending.mid(token.from, token.length).toUpper();
        ref.start = m_pendingStart + 1 + token.from;
        ref.length = token.length;
        ref.bracketStart = m_pendingStart;
        ref.bracketLength = closeAt + 1 - m_pendingStart;
        ref.valid = m_evidence.contains(ref.id);
        m_sentence.claim.citations << ref;
        m_citations << ref;
    }
    m_pending.clear();
    m_sentence.end = closeAt + 1;
    if (m_sentence.end - m_sentence.start >= maxSentenceCharacters) {
        commit();
        m_mode = Mode::Prose;
    }
}

void CitationScanner::replayPending()
{
    // Not a citation: the opening bracket and what followed it are prose after all.
    const QString chars = std::exchange(m_pending, {});
    const qsizetype start = m_pendingStart;
    if (m_bracketReturn == Mode::AfterEnd)
        commit();
    m_mode = Mode::Prose;
    feedProse(u'[', start, false);
    for (qsizetype i = 0; i < chars.size(); ++i)
        feed(chars.at(i), start + 1 + i);
}

void CitationScanner::forgetBoldHeading()
{
    constexpr qsizetype maxHeading = 100;
    if (!m_sentence.open || m_sentence.head != u"**" || m_sentence.end - m_sentence.start > maxHeading
        || !m_sentence.claim.citations.isEmpty())
        return;
    const QStringView tail = QStringView(m_sentence.tail).trimmed();
    if (tail.endsWith(u"**") || tail.endsWith(u"**:") || tail.endsWith(u"**\uff1a"))
        m_sentence = {};
}

void CitationScanner::commit()
{
    if (m_sentence.open && isClaim(m_sentence.claim)) {
        Claim claim = std::move(m_sentence.claim);
        claim.start = m_sentence.start;
        claim.end = m_sentence.end;
        ++m_counts.claims;
        m_counts.cited += claim.cited() ? 1 : 0;
        m_counts.unsupported += claim.unsupported() ? 1 : 0;
        for (const CitationRef &citation : claim.citations)
            m_counts.invalidCitations += citation.valid ? 0 : 1;
        m_claims << std::move(claim);
    }
    m_sentence = {};
}
