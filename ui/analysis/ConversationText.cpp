#include "ConversationText.h"

#include "analysis/Hypotheses.h"

using namespace Qt::StringLiterals;

QString ConversationText::escaped(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        if (c.unicode() < 128 && c.isPunct())
            out += u'\\';
        else if (c.unicode() < 128 && c.isSymbol())
            out += u'\\';
        out += c;
    }
    return out;
}

QString ConversationText::quotedQuestion(const QString &question)
{
    QStringList lines;
    for (const QString &line : question.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            lines << u"> "_s + escaped(trimmed);
    }
    if (lines.isEmpty())
        return {};
    lines.first() = u"> **"_s + escaped(tr("You asked:")) + u"** "_s + lines.first().mid(2);
    // A hard break between the question's lines, one quote block.
    return lines.join(u"\\\n"_s);
}

QString ConversationText::markdown(const QList<ConversationTurn> &turns, const QString &latestAnswer)
{
    return prefix(turns) + latestAnswer;
}

QString ConversationText::prefix(const QList<ConversationTurn> &turns)
{
    if (turns.size() <= 1)
        return {};
    QString text;
    for (qsizetype i = 0; i < turns.size(); ++i) {
        const ConversationTurn &turn = turns.at(i);
        if (!turn.question.isEmpty()) {
            if (!text.isEmpty())
                text += u"\n\n"_s;
            text += u"---\n\n"_s + quotedQuestion(turn.question) + u"\n\n"_s;
        }
        if (i + 1 < turns.size()) {
            QString answer = Hypotheses::withoutBlock(turn.answer);
            while (answer.endsWith(u'\n') || answer.endsWith(u' '))
                answer.chop(1);
            text += answer;
        }
    }
    return text;
}

QString ConversationText::earlierHypothesesAnswer(const QList<ConversationTurn> &turns)
{
    for (qsizetype i = turns.size() - 2; i >= 0; --i)
        if (Hypotheses::blockStart(turns.at(i).answer) >= 0)
            return turns.at(i).answer;
    return {};
}
