#include "forward/ChatMarkup.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>
#include <QUrl>

#include <algorithm>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ChatMarkup)
};

bool isFence(const QString &line)
{
    const QString trimmed = line.trimmed();
    return trimmed.startsWith(u"```"_s) || trimmed.startsWith(u"~~~"_s);
}

const QRegularExpression &headingPattern()
{
    static const QRegularExpression pattern(u"^#{1,6}\\s+(.*?)\\s*#*\\s*$"_s);
    return pattern;
}

const QRegularExpression &bulletPattern()
{
    static const QRegularExpression pattern(u"^(\\s*)[-*+]\\s+(.*)$"_s);
    return pattern;
}

const QRegularExpression &rulePattern()
{
    static const QRegularExpression pattern(u"^\\s*([-*_])(\\s*\\1){2,}\\s*$"_s);
    return pattern;
}

QString withoutBoldMarks(QString text)
{
    return text.remove(u"**"_s);
}

// Applies `plain` to the text outside inline code spans and `code` to the spans.
QString mapInline(const QString &line, const std::function<QString(const QString &)> &plain,
                  const std::function<QString(const QString &)> &code)
{
    static const QRegularExpression codeSpan(u"`([^`\\n]+)`"_s);
    QString result;
    qsizetype at = 0;
    for (auto it = codeSpan.globalMatch(line); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        result += plain(line.mid(at, match.capturedStart() - at)) + code(match.captured(1));
        at = match.capturedEnd();
    }
    return result + plain(line.mid(at));
}

const QRegularExpression &linkPattern()
{
    static const QRegularExpression pattern(u"\\[([^\\]\\n]+)\\]\\((https?://(?:[^\\s()]|\\([^\\s()]*\\))+)\\)"_s);
    return pattern;
}

// Emphasis in already-escaped text; `bold`, `italic`, `strike` wrap their argument.
QString emphasis(QString text, const std::function<QString(const QString &)> &bold,
                 const std::function<QString(const QString &)> &italic,
                 const std::function<QString(const QString &)> &strike)
{
    static const QRegularExpression boldStars(u"\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*"_s);
    static const QRegularExpression boldUnderscores(u"(?<![\\w])__(?=\\S)(.+?)(?<=\\S)__(?![\\w])"_s);
    static const QRegularExpression italicStar(u"(?<![\\w*\\\\])\\*(?=[^\\s*])([^*\\n<>]+?)(?<=\\S)\\*(?![\\w*])"_s);
    static const QRegularExpression italicUnderscore(u"(?<![\\w\\\\])_(?=[^\\s_])([^_\\n<>]+?)(?<=\\S)_(?![\\w])"_s);
    static const QRegularExpression strikeTildes(u"~~(?=\\S)(.+?)(?<=\\S)~~"_s);
    auto replaceAll
        = [](QString &in, const QRegularExpression &pattern, const std::function<QString(const QString &)> &wrap) {
              QString out;
              qsizetype at = 0;
              for (auto it = pattern.globalMatch(in); it.hasNext();) {
                  const QRegularExpressionMatch match = it.next();
                  out += in.mid(at, match.capturedStart() - at) + wrap(match.captured(1));
                  at = match.capturedEnd();
              }
              in = out + in.mid(at);
          };
    // Bold first, kept behind placeholders so that its marks are not read as italics.
    QStringList bolds;
    auto hold = [&bolds](const QString &inner) {
        bolds << inner;
        return u"\x01%1\x01"_s.arg(bolds.size() - 1);
    };
    replaceAll(text, boldStars, hold);
    replaceAll(text, boldUnderscores, hold);
    replaceAll(text, italicStar, italic);
    replaceAll(text, italicUnderscore, italic);
    replaceAll(text, strikeTildes, strike);
    static const QRegularExpression held(u"\x01(\\d+)\x01"_s);
    replaceAll(text, held, [&](const QString &index) { return bold(bolds.value(index.toInt())); });
    return text;
}

// Links become placeholders while emphasis is converted, so a tag never crosses one.
QString convertInline(const QString &plain, const std::function<QString(const QString &)> &escape,
                      const std::function<QString(const QString &, const QString &)> &link,
                      const std::function<QString(const QString &)> &bold,
                      const std::function<QString(const QString &)> &italic,
                      const std::function<QString(const QString &)> &strike)
{
    QStringList links;
    QString text;
    qsizetype at = 0;
    for (auto it = linkPattern().globalMatch(plain); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        text += escape(plain.mid(at, match.capturedStart() - at));
        links << link(match.captured(1), match.captured(2));
        text += u"\x02%1\x02"_s.arg(links.size() - 1);
        at = match.capturedEnd();
    }
    text += escape(plain.mid(at));
    text = emphasis(text, bold, italic, strike);
    static const QRegularExpression held(u"\x02(\\d+)\x02"_s);
    QString result;
    at = 0;
    for (auto it = held.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        result += text.mid(at, match.capturedStart() - at) + links.value(match.captured(1).toInt());
        at = match.capturedEnd();
    }
    return result + text.mid(at);
}

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

QString slackInline(const QString &line)
{
    return mapInline(
        line,
        [](const QString &plain) {
            return convertInline(
                plain, [](const QString &t) { return ChatMarkup::escapeSlack(t); },
                [](const QString &label, const QString &url) {
                    const QString safe = ChatMarkup::safeUrl(url);
                    return safe.isEmpty()
                        ? ChatMarkup::escapeSlack(u"[%1](%2)"_s.arg(label, url))
                        : u"<%1|%2>"_s.arg(ChatMarkup::escapeSlack(safe), ChatMarkup::escapeSlack(label));
                },
                [](const QString &t) { return u"*%1*"_s.arg(t); }, [](const QString &t) { return u"_%1_"_s.arg(t); },
                [](const QString &t) { return u"~%1~"_s.arg(t); });
        },
        [](const QString &code) { return u"`%1`"_s.arg(ChatMarkup::escapeSlack(code)); });
}

QString telegramInline(const QString &line)
{
    return mapInline(
        line,
        [](const QString &plain) {
            return convertInline(
                plain, [](const QString &t) { return ChatMarkup::inertMentions(ChatMarkup::escapeHtml(t)); },
                [](const QString &label, const QString &url) {
                    const QString safe = ChatMarkup::safeUrl(url);
                    const QString text = ChatMarkup::inertMentions(ChatMarkup::escapeHtml(label));
                    return safe.isEmpty()
                        ? ChatMarkup::inertMentions(ChatMarkup::escapeHtml(u"[%1](%2)"_s.arg(label, url)))
                        : u"<a href=\"%1\">%2</a>"_s.arg(ChatMarkup::escapeHtml(safe), text);
                },
                [](const QString &t) { return u"<b>%1</b>"_s.arg(t); },
                [](const QString &t) { return u"<i>%1</i>"_s.arg(t); },
                [](const QString &t) { return u"<s>%1</s>"_s.arg(t); });
        },
        [](const QString &code) { return u"<code>%1</code>"_s.arg(ChatMarkup::escapeHtml(code)); });
}

} // namespace

namespace ChatMarkup {

QString escapeSlack(QString text)
{
    return text.replace(u'&', u"&amp;"_s).replace(u'<', u"&lt;"_s).replace(u'>', u"&gt;"_s);
}

QString escapeHtml(const QString &text)
{
    return text.toHtmlEscaped();
}

QString escapeMarkdown(const QString &text)
{
    // [x] alone is harmless; "](" would make a link and "]:" a link definition.
    static const QString special = u"\\`*_<>|~"_s;
    static const QString lineStarts = u"#-+="_s; // headings, lists, setext underlines
    QString result;
    result.reserve(text.size() + 8);
    bool lineStart = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        if (special.contains(c) || (c == u']' && (next == u'(' || next == u':'))
            || (lineStart && lineStarts.contains(c)))
            result += u'\\';
        result += c;
        lineStart = c == u'\n' || (lineStart && (c == u' ' || c == u'\t'));
    }
    return inertMarkup(result);
}

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

QString toSlack(const QString &markdown)
{
    QStringList out;
    bool inFence = false;
    for (const QString &line : markdown.split(u'\n')) {
        if (isFence(line)) {
            inFence = !inFence;
            out << u"```"_s;
        } else if (inFence) {
            out << escapeSlack(line);
        } else if (const auto heading = headingPattern().match(line); heading.hasMatch()) {
            out << u"*%1*"_s.arg(slackInline(withoutBoldMarks(heading.captured(1))));
        } else if (rulePattern().match(line).hasMatch()) {
            out << u"──────────"_s;
        } else if (const auto bullet = bulletPattern().match(line); bullet.hasMatch()) {
            out << bullet.captured(1) + u"• "_s + slackInline(bullet.captured(2));
        } else if (line.startsWith(u'>')) {
            out << u">"_s + slackInline(line.mid(1)); // a quote: Slack reads a leading >
        } else {
            out << slackInline(line);
        }
    }
    if (inFence)
        out << u"```"_s;
    return out.join(u'\n');
}

QString toTelegramHtml(const QString &markdown)
{
    QStringList out;
    bool inFence = false;
    bool preOpen = false; // the <pre> waits for the block's first line
    for (const QString &line : markdown.split(u'\n')) {
        if (isFence(line) && !inFence) {
            inFence = true;
            preOpen = true;
        } else if (isFence(line)) {
            inFence = false;
            if (!preOpen) // an empty block leaves nothing
                out.last() += u"</pre>"_s;
            preOpen = false;
        } else if (inFence) {
            out << (preOpen ? u"<pre>"_s : QString()) + escapeHtml(line);
            preOpen = false;
        } else if (const auto heading = headingPattern().match(line); heading.hasMatch()) {
            out << u"<b>%1</b>"_s.arg(telegramInline(withoutBoldMarks(heading.captured(1))));
        } else if (rulePattern().match(line).hasMatch()) {
            out << u"──────────"_s;
        } else if (const auto bullet = bulletPattern().match(line); bullet.hasMatch()) {
            out << bullet.captured(1) + u"• "_s + telegramInline(bullet.captured(2));
        } else {
            out << telegramInline(line);
        }
    }
    if (inFence && !preOpen)
        out.last() += u"</pre>"_s;
    return out.join(u'\n');
}

QString headingsToBold(const QString &markdown)
{
    QStringList out;
    bool inFence = false;
    for (const QString &line : markdown.split(u'\n')) {
        if (isFence(line))
            inFence = !inFence;
        const auto heading = inFence ? QRegularExpressionMatch() : headingPattern().match(line);
        out << (heading.hasMatch() ? u"**%1**"_s.arg(withoutBoldMarks(heading.captured(1))) : line);
    }
    return out.join(u'\n');
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

QString truncationNote()
{
    return Text::tr("…(truncated, full analysis in AlertDeck)");
}

QString fit(const QString &markdown, const std::function<bool(const QString &)> &fits)
{
    if (fits(markdown))
        return markdown;
    // Where a cut may fall: line ends, and between words (spaces, CJK punctuation).
    std::vector<qsizetype> lineEnds{0};
    std::vector<qsizetype> cuts{0};
    static const QString cjkStops = u"。，；！？、"_s;
    for (qsizetype i = 0; i < markdown.size(); ++i) {
        const QChar c = markdown.at(i);
        if (c == u'\n') {
            lineEnds.push_back(i);
            cuts.push_back(i);
        } else if (c == u' ' || c == u'\t') {
            cuts.push_back(i);
        } else if (cjkStops.contains(c)) {
            cuts.push_back(i + 1);
        }
    }
    auto cutText = [&markdown](qsizetype end) {
        QString text = markdown.left(end);
        while (!text.isEmpty() && text.back().isSpace())
            text.chop(1);
        if (text.isEmpty())
            return truncationNote();
        const QStringList lines = text.split(u'\n');
        const auto fences = std::count_if(lines.cbegin(), lines.cend(), isFence);
        QString closing;
        if (fences % 2 == 1) {
            closing = u"\n```"_s;
        } else {
            const QString &last = lines.constLast();
            if (last.count(u'`') % 2 == 1)
                closing += u'`';
            if (last.count(u"**"_s) % 2 == 1)
                closing += u"**"_s;
        }
        return text + closing + u"\n\n"_s + truncationNote();
    };
    // The longest cut that fits: longer text never makes a message shorter.
    auto longest = [&](const std::vector<qsizetype> &positions) -> std::optional<qsizetype> {
        qsizetype low = 0;
        qsizetype high = qsizetype(positions.size()) - 1;
        std::optional<qsizetype> best;
        while (low <= high) {
            const qsizetype middle = (low + high) / 2;
            if (fits(cutText(positions[size_t(middle)]))) {
                best = positions[size_t(middle)];
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return best;
    };
    const std::optional<qsizetype> anywhere = longest(cuts);
    if (!anywhere)
        return {};
    // A whole line is nicer, unless it throws away much more.
    const auto lineEnd = std::upper_bound(lineEnds.cbegin(), lineEnds.cend(), *anywhere) - 1;
    constexpr qsizetype worthKeeping = 300;
    if (*anywhere - *lineEnd <= worthKeeping) {
        const QString atLineEnd = cutText(*lineEnd);
        if (fits(atLineEnd))
            return atLineEnd;
    }
    return cutText(*anywhere);
}

} // namespace ChatMarkup
