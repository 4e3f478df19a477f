#include "forward/ChatMarkup.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

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
