#pragma once

#include <QString>

// The answer as the panel shows it: without the ```hypotheses block (the board shows
// it), also while the block streams in: a last line that may be the block's opening
// fence is held back until it is complete. The block is looked for line by line as
// the answer grows, so a long answer is not searched again for every piece.
class AnswerText final
{
public:
    void reset() { *this = AnswerText(); }
    // Reads the complete lines that are new in `answer` (a growing text; a shorter one
    // starts over).
    void update(const QString &answer);
    // Where the block's opening fence starts (on a complete line), or -1.
    qsizetype blockStart() const { return m_blockStart; }
    // Its closing fence is complete too.
    bool blockClosed() const { return m_blockStart >= 0 && m_closed; }
    // What to show of `answer` (as given to the last update()).
    QString shown(const QString &answer, bool streaming) const;

private:
    qsizetype m_size = 0;
    qsizetype m_checked = 0; // the first line not read yet (it is not complete)
    qsizetype m_blockStart = -1;
    bool m_closed = false;
};
