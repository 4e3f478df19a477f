#include "forward/ChatSafety.h"

#include "forward/ChatMarkup.h"

#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

constexpr QChar zeroWidthSpace(0x200B);

// '@' at `at` could start a mention: a name follows, and it is not the @ of user@host.
bool opensMention(const QString &text, qsizetype at)
{
    const QChar next = at + 1 < text.size() ? text.at(at + 1) : QChar();
    const bool nameFollows = next.isLetterOrNumber() || next == u'_' || next.isSurrogate();
    return nameFollows && (at == 0 || !text.at(at - 1).isLetterOrNumber());
}

QString inertAt(const QString &text, bool tags)
{
    QString result;
    result.reserve(text.size() + 4);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        result += c;
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        // Tags, closing tags, comments, <!channel>, <@id>, <#channel>, <:emoji:>, autolinks
        // all start so; "a <= b", "<5 ms" and "<<EOF" do not.
        const bool opensTag = next.isLetter() || QStringView(u"/!?@#&:%").contains(next);
        if ((c == u'@' && opensMention(text, i)) || (tags && c == u'<' && opensTag))
            result += zeroWidthSpace;
    }
    return result;
}

// [label](url "title") and ![alt](url); the URL may hold balanced parentheses.
const QRegularExpression &anyLinkPattern()
{
    static const QRegularExpression pattern(
        u"!?\\[([^\\[\\]\\n]*)\\]\\(\\s*((?:[^\\s()]|\\([^\\s()]*\\))*)(?:\\s+(?:\"[^\"\\n]*\"|'[^'\\n]*'))?\\s*\\)"_s);
    return pattern;
}

// Text beside links: tags and mentions inert, and no "](" or "]:" left that could make a
// link with the next line or a link definition.
QString inertText(const QString &text)
{
    QString result;
    result.reserve(text.size() + 2);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        if (text.at(i) == u']' && (next == u'(' || next == u':'))
            result += u'\\';
        result += text.at(i);
    }
    return ChatMarkup::inertMarkup(result);
}

QString safeMarkdownText(const QString &plain)
{
    QString result;
    qsizetype at = 0;
    for (auto it = anyLinkPattern().globalMatch(plain); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        result += inertText(plain.mid(at, match.capturedStart() - at));
        const QString url = ChatMarkup::safeUrl(match.captured(2));
        result += url.isEmpty() ? ChatMarkup::escapeMarkdown(match.captured(0))
                                : u"[%1](%2)"_s.arg(inertText(match.captured(1)), url);
        at = match.capturedEnd();
    }
    return result + inertText(plain.mid(at));
}

// The character (` or ~) of a fence that surely opens a top-level code block in
// CommonMark: not indented (so no list or quote can end it early), and ``` without
// backticks after it.
std::optional<QChar> literalFenceOpening(const QString &line)
{
    static const QRegularExpression opening(u"^(`{3,}(?=[^`]*$)|~{3,})"_s);
    return opening.match(line).hasMatch() ? std::optional(line.front()) : std::nullopt;
}

// Safe Markdown where code the renderer surely reads as code is left as written: fenced
// blocks (literalFenceOpening) and single-backtick spans not next to another backtick
// or a backslash. Any line that might close a block does: ending early only makes more
// text inert.
QString safeMarkdownKeepingCode(const QString &markdown)
{
    static const QRegularExpression codeSpan(u"(?<![`\\\\])`[^`\\n]+`(?!`)"_s);
    QStringList out;
    std::optional<QChar> fence;
    for (const QString &line : markdown.split(u'\n')) {
        if (fence) { // the closing line too is code, whatever follows its marks
            if (line.trimmed().startsWith(QString(3, *fence)))
                fence.reset();
            out << line;
            continue;
        }
        fence = literalFenceOpening(line);
        if (fence) {
            out << line;
            continue;
        }
        QString result;
        qsizetype at = 0;
        for (auto it = codeSpan.globalMatch(line); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            result += safeMarkdownText(line.mid(at, match.capturedStart() - at)) + match.captured(0);
            at = match.capturedEnd();
        }
        out << result + safeMarkdownText(line.mid(at));
    }
    return out.join(u'\n');
}

} // namespace

namespace ChatMarkup {

QString inertMarkup(const QString &text)
{
    return inertAt(text, true);
}

QString inertMentions(const QString &text)
{
    return inertAt(text, false);
}

QString safeUrl(const QString &url)
{
    QUrl parsed(url.trimmed(), QUrl::TolerantMode);
    const QString scheme = parsed.scheme();
    if (!parsed.isValid() || parsed.host().isEmpty() || (scheme != u"http"_s && scheme != u"https"_s))
        return {};
    parsed.setUserInfo({}); // credentials never go to a chat, and their @ is not read as a mention
    constexpr auto origin = QUrl::FullyEncoded | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment;
    const QString start = parsed.toString(origin);
    const QString whole = parsed.toString(QUrl::FullyEncoded);
    if (!whole.startsWith(start))
        return {};
    // QUrl leaves these as they are; each ends a link in some chat tool's syntax.
    static const QString linkBreakers = u"()[]<>|\"'`*@\\{}^ "_s;
    QString result = start;
    for (const QChar c : QStringView(whole).mid(start.size())) {
        if (linkBreakers.contains(c) || c.unicode() < 0x20 || c.unicode() == 0x7F) // all else is ASCII already
            result += QString::asprintf("%%%02X", unsigned(c.unicode()));
        else
            result += c;
    }
    return result;
}

QString safeMarkdown(const QString &markdown, Code code)
{
    if (code == Code::Literal)
        return safeMarkdownKeepingCode(markdown);
    QStringList out;
    for (const QString &line : markdown.split(u'\n'))
        out << safeMarkdownText(line);
    return out.join(u'\n');
}

} // namespace ChatMarkup
