#include "context/PromQlSplit.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace {

// One top-level piece of an expression: text between operators outside any (), {}, []
// or string. Enough structure to find comparisons and set operators reliably. Tokens
// are views into the expression: nothing is copied while reading it.
struct Token {
    enum class Kind { Text, Comparison, SetOperator };
    Kind kind = Kind::Text;
    QStringView text; // trimmed; for operators the operator itself
    qsizetype start = 0; // where the token begins in the expression
};

bool isIdentifierChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u':';
}

// Splits at depth 0 into text runs and operators, in one pass: every character is
// looked at a bounded number of times (a word once more, when it is read whole).
class Tokenizer
{
public:
    Tokenizer(QStringView expression, qsizetype &steps)
        : m_expression(expression)
        , m_steps(steps)
    { }

    QList<Token> tokens()
    {
        const qsizetype size = m_expression.size();
        for (qsizetype i = 0; i < size; ++i) {
            ++m_steps;
            const QChar c = m_expression.at(i);
            if (!m_quote.isNull()) {
                extendText(i, c);
                if (c == u'\\' && i + 1 < size) {
                    ++i;
                    ++m_steps;
                    extendText(i, m_expression.at(i));
                } else if (c == m_quote) {
                    m_quote = QChar();
                }
                continue;
            }
            if (c == u'"' || c == u'\'' || c == u'`') {
                m_quote = c;
                extendText(i, c);
                continue;
            }
            if (c == u'(' || c == u'{' || c == u'[') {
                ++m_depth;
                extendText(i, c);
                continue;
            }
            if (c == u')' || c == u'}' || c == u']') {
                --m_depth;
                extendText(i, c);
                continue;
            }
            if (m_depth > 0) {
                extendText(i, c);
                continue;
            }
            // Comparison operators (=~ and !~ only occur inside braces).
            if (const qsizetype length = comparisonAt(i)) {
                flush();
                m_tokens.append({Token::Kind::Comparison, m_expression.sliced(i, length), i});
                i += length - 1;
                continue;
            }
            // Word operators: and, or, unless; "bool" after a comparison.
            if (c.isLetter() && (i == 0 || !isIdentifierChar(m_expression.at(i - 1)))) {
                qsizetype end = i + 1;
                while (end < size && isIdentifierChar(m_expression.at(end))) {
                    ++end;
                    ++m_steps;
                }
                const QStringView word = m_expression.sliced(i, end - i);
                if (word == u"and"_s || word == u"or"_s || word == u"unless"_s) {
                    flush();
                    m_tokens.append({Token::Kind::SetOperator, word, i});
                } else if (word == u"bool"_s && !m_tokens.isEmpty() && m_tokens.last().kind == Token::Kind::Comparison
                           && m_textStart < 0) {
                    // A modifier of the comparison before it: not part of any operand.
                } else {
                    // Any other word is plain text; it holds nothing else to look for.
                    extendText(i, c);
                    extendText(end - 1, m_expression.at(end - 1));
                }
                i = end - 1;
                continue;
            }
            extendText(i, c);
        }
        flush();
        return std::move(m_tokens);
    }

private:
    qsizetype comparisonAt(qsizetype i) const
    {
        const QChar c = m_expression.at(i);
        const QChar next = i + 1 < m_expression.size() ? m_expression.at(i + 1) : QChar();
        if ((c == u'=' || c == u'!') && next == u'=')
            return 2;
        if (c == u'>' || c == u'<')
            return next == u'=' ? 2 : 1;
        return 0;
    }

    // The current text run reaches the character at `i`; spaces at either end are not
    // part of it (as QString::trimmed() would leave them out).
    void extendText(qsizetype i, QChar c)
    {
        if (c.isSpace())
            return;
        if (m_textStart < 0)
            m_textStart = i;
        m_textEnd = i + 1;
    }

    void flush()
    {
        if (m_textStart >= 0)
            m_tokens.append(
                {Token::Kind::Text, m_expression.sliced(m_textStart, m_textEnd - m_textStart), m_textStart});
        m_textStart = -1;
    }

    QStringView m_expression;
    qsizetype &m_steps;
    QList<Token> m_tokens;
    qsizetype m_textStart = -1; // first non-space character of the text run being read; -1: none
    qsizetype m_textEnd = 0; // one past its last non-space character
    int m_depth = 0;
    QChar m_quote;
};

// A number literal, perhaps negated or in parentheses: "90", "-1", "1e3", "(0.995)".
std::optional<double> number(QStringView text, qsizetype &steps)
{
    text = text.trimmed();
    // Narrowing the view, never copying: "((((1))))" costs its length, not its square.
    while (text.size() >= 2 && text.front() == u'(' && text.back() == u')') {
        text = text.sliced(1, text.size() - 2).trimmed();
        ++steps;
    }
    steps += text.size();
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (ok)
        return value;
    return std::nullopt;
}

QString mirrored(QStringView op)
{
    if (op == u">"_s)
        return u"<"_s;
    if (op == u"<"_s)
        return u">"_s;
    if (op == u">="_s)
        return u"<="_s;
    if (op == u"<="_s)
        return u">="_s;
    return op.toString();
}

} // namespace

namespace PromQlSplitter {

PromQlSplit split(const QString &expression, const Options &options)
{
    qsizetype uncounted = 0;
    qsizetype &steps = options.steps ? *options.steps : uncounted;
    const QStringView trimmed = QStringView(expression).trimmed();
    PromQlSplit result{trimmed.toString(), std::nullopt, {}, false};
    if (trimmed.size() > options.maxLength) {
        result.tooLong = true;
        return result;
    }
    const QList<Token> tokens = Tokenizer(trimmed, steps).tokens();
    // The first operand of the set operators (which bind loosest) is where the
    // alert's condition is; what follows filters it and is kept as it is.
    qsizetype firstSet = 0;
    while (firstSet < tokens.size() && tokens.at(firstSet).kind != Token::Kind::SetOperator)
        ++firstSet;
    // A plain "value OP number" (or "number OP value") in that operand.
    if (firstSet != 3 || tokens.at(1).kind != Token::Kind::Comparison)
        return result;
    const Token &left = tokens.at(0);
    const Token &op = tokens.at(1);
    const Token &right = tokens.at(2);
    QStringView value;
    if (const auto threshold = number(right.text, steps); threshold && !number(left.text, steps)) {
        value = left.text;
        result.threshold = threshold;
        result.comparison = op.text.toString();
    } else if (const auto reversed = number(left.text, steps); reversed && !number(right.text, steps)) {
        value = right.text;
        result.threshold = reversed;
        result.comparison = mirrored(op.text);
    } else {
        return result;
    }
    // Keep the clauses after the condition, with their on()/ignoring() modifiers.
    const QStringView rest = firstSet < tokens.size() ? trimmed.sliced(tokens.at(firstSet).start) : QStringView();
    QString plotted;
    plotted.reserve(value.size() + 1 + rest.size());
    plotted.append(value);
    if (!rest.isEmpty())
        plotted.append(u' ').append(rest);
    result.valueExpression = plotted;
    return result;
}

} // namespace PromQlSplitter
