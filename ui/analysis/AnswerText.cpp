#include "AnswerText.h"

#include "analysis/Hypotheses.h"

namespace {

constexpr QStringView opening = u"```hypotheses";

bool opensBlock(QStringView line)
{
    return line.startsWith(opening) && (line.size() == opening.size() || line.at(opening.size()).isSpace());
}

} // namespace

void AnswerText::update(const QString &answer)
{
    if (answer.size() < m_size)
        reset();
    m_size = answer.size();
    for (;;) {
        const qsizetype end = answer.indexOf(u'\n', m_checked);
        if (end < 0)
            return;
        const QStringView line = QStringView(answer).sliced(m_checked, end - m_checked);
        // The last block counts (as Hypotheses::parse reads it).
        if (opensBlock(line)) {
            m_blockStart = m_checked;
            m_closed = false;
        } else if (m_blockStart >= 0 && !m_closed && line.startsWith(u"```")) {
            m_closed = true;
        }
        m_checked = end + 1;
    }
}

QString AnswerText::shown(const QString &answer, bool streaming) const
{
    if (!streaming) {
        const qsizetype start = Hypotheses::blockStart(answer);
        if (start < 0)
            return answer;
        // Nothing after the block: the text before it as it streamed (the view keeps
        // what it rendered of it); else the answer around the block.
        const QString without = Hypotheses::withoutBlock(answer);
        return without.size() <= start && answer.startsWith(without) ? answer.left(start) : without;
    }
    if (m_blockStart >= 0)
        return answer.left(m_blockStart);
    const QStringView last = QStringView(answer).sliced(std::min(m_checked, answer.size()));
    if (!last.isEmpty() && (opening.startsWith(last) || opensBlock(last)))
        return answer.left(m_checked);
    return answer;
}
