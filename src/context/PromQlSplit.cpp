#include "context/PromQlSplit.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace {

// One top-level piece of an expression: text between operators outside any (), {}, []
// or string. Enough structure to find comparisons and set operators reliably.
struct Token {
    enum class Kind { Text, Comparison, SetOperator };
    Kind kind = Kind::Text;
    QString text; // for operators: the operator (and, for comparisons, a following "bool")
    QString modifier; // "bool" after a comparison
    qsizetype start = 0; // where the token begins in the expression
};

bool isIdentifierChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u':';
}

// Splits at depth 0 into text runs and operators.
QList<Token> tokenize(const QString &expression)
{
    QList<Token> tokens;
    QString current;
    qsizetype currentStart = 0;
    int depth = 0;
    QChar quote;
    auto flush = [&] {
        if (!current.trimmed().isEmpty())
            tokens.append({Token::Kind::Text, current.trimmed(), {}, currentStart});
        current.clear();
    };
    for (qsizetype i = 0; i < expression.size(); ++i) {
        const QChar c = expression.at(i);
        if (current.trimmed().isEmpty() && !c.isSpace())
            currentStart = i;
        if (!quote.isNull()) {
            current += c;
            if (c == u'\\' && i + 1 < expression.size())
                current += expression.at(++i);
            else if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == u'"' || c == u'\'' || c == u'`') {
            quote = c;
            current += c;
            continue;
        }
        if (c == u'(' || c == u'{' || c == u'[') {
            ++depth;
            current += c;
            continue;
        }
        if (c == u')' || c == u'}' || c == u']') {
            --depth;
            current += c;
            continue;
        }
        if (depth > 0) {
            current += c;
            continue;
        }
        // Comparison operators (=~ and !~ only occur inside braces).
        const QStringView rest = QStringView(expression).mid(i);
        QString op;
        for (const QString &candidate : {u"=="_s, u"!="_s, u">="_s, u"<="_s, u">"_s, u"<"_s})
            if (rest.startsWith(candidate)) {
                op = candidate;
                break;
            }
        if (!op.isEmpty()) {
            flush();
            tokens.append({Token::Kind::Comparison, op, {}, i});
            i += op.size() - 1;
            continue;
        }
        // Word operators: and, or, unless; "bool" after a comparison.
        if (c.isLetter() && (i == 0 || !isIdentifierChar(expression.at(i - 1)))) {
            qsizetype end = i;
            while (end < expression.size() && isIdentifierChar(expression.at(end)))
                ++end;
            const QString word = expression.mid(i, end - i);
            if (word == u"and"_s || word == u"or"_s || word == u"unless"_s) {
                flush();
                tokens.append({Token::Kind::SetOperator, word, {}, i});
                i = end - 1;
                continue;
            }
            if (word == u"bool"_s && !tokens.isEmpty() && tokens.last().kind == Token::Kind::Comparison
                && current.trimmed().isEmpty()) {
                tokens.last().modifier = word;
                i = end - 1;
                continue;
            }
        }
        current += c;
    }
    flush();
    return tokens;
}

// A number literal, perhaps negated or in parentheses: "90", "-1", "1e3", "(0.995)".
std::optional<double> number(QString text)
{
    text = text.trimmed();
    while (text.startsWith(u'(') && text.endsWith(u')'))
        text = text.mid(1, text.size() - 2).trimmed();
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (ok)
        return value;
    return std::nullopt;
}

QString mirrored(const QString &op)
{
    if (op == u">"_s)
        return u"<"_s;
    if (op == u"<"_s)
        return u">"_s;
    if (op == u">="_s)
        return u"<="_s;
    if (op == u"<="_s)
        return u">="_s;
    return op;
}

} // namespace

namespace PromQlSplitter {

PromQlSplit split(const QString &expression)
{
    const QString trimmed = expression.trimmed();
    PromQlSplit result{trimmed, std::nullopt, {}};
    const QList<Token> tokens = tokenize(trimmed);
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
    QString value;
    if (const auto threshold = number(right.text); threshold && !number(left.text)) {
        value = left.text;
        result.threshold = threshold;
        result.comparison = op.text;
    } else if (const auto reversed = number(left.text); reversed && !number(right.text)) {
        value = right.text;
        result.threshold = reversed;
        result.comparison = mirrored(op.text);
    } else {
        return result;
    }
    // Keep the clauses after the condition, with their on()/ignoring() modifiers.
    const QString rest = firstSet < tokens.size() ? trimmed.mid(tokens.at(firstSet).start) : QString();
    result.valueExpression = rest.isEmpty() ? value : value + u' ' + rest;
    return result;
}

} // namespace PromQlSplitter
