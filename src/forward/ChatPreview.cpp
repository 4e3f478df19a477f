#include "forward/ChatPreview.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>
#include <QVector>

using namespace Qt::StringLiterals;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ChatPreview)
};

const QString hardBreak = u"  \n"_s;
constexpr int maxDepth = 8; // nested cards and containers

// A character of data, inert in CommonMark: ASCII punctuation gets a backslash.
void appendEscaped(QString &out, QChar c)
{
    static const QString special = u"\\`*_{}[]()<>#+-.!|~&\"'$%=:;,?@^/"_s;
    if (c == u'\r')
        return;
    if (c == u'\n') {
        out += hardBreak;
        return;
    }
    if (c.unicode() < 128 && special.contains(c))
        out += u'\\';
    out += c;
}

// Slack's mrkdwn escapes only these three; the HTML a tool renders also has &quot;.
using Entities = std::initializer_list<std::pair<QStringView, QChar>>;
constexpr Entities slackEntities{{u"&amp;", u'&'}, {u"&lt;", u'<'}, {u"&gt;", u'>'}};
constexpr Entities htmlEntities{{u"&amp;", u'&'}, {u"&lt;", u'<'}, {u"&gt;", u'>'}, {u"&quot;", u'"'}};

// `text` starting with one of `entities`: its character, escaped, onto `out`, and the
// entity's length; 0 when it starts with none of them.
qsizetype appendEntity(QString &out, QStringView text, Entities entities)
{
    for (const auto &[entity, character] : entities) {
        if (text.startsWith(entity)) {
            appendEscaped(out, character);
            return entity.size();
        }
    }
    return 0;
}

QString escaped(QStringView text)
{
    QString out;
    out.reserve(text.size() * 2);
    // Leading spaces would make an indented code block.
    bool lineStart = true;
    for (const QChar c : text) {
        if (lineStart && (c == u' ' || c == u'\t')) {
            out += QChar(0x00A0);
            continue;
        }
        lineStart = c == u'\n';
        appendEscaped(out, c);
    }
    return out;
}

// A code span or block holding `code` as it is.
QString codeSpan(const QString &code)
{
    const QString fence = code.contains(u'`') ? u"``"_s : u"`"_s;
    return fence + u' ' + QString(code).replace(u'\n', u' ') + u' ' + fence;
}

QString codeBlock(const QString &code)
{
    const QString fence = code.contains(u"```"_s) ? u"~~~~"_s : u"```"_s;
    return u"\n\n"_s + fence + u'\n' + code.trimmed() + u'\n' + fence + u"\n\n"_s;
}

// Only web and mail links are links in the preview; the URL cannot end early.
QString link(const QString &label, const QString &url)
{
    const QString clean = url.trimmed();
    const bool web = clean.startsWith(u"https://"_s, Qt::CaseInsensitive)
        || clean.startsWith(u"http://"_s, Qt::CaseInsensitive) || clean.startsWith(u"mailto:"_s, Qt::CaseInsensitive);
    const QString shown = label.isEmpty() ? escaped(clean) : label;
    if (!web)
        return shown;
    QString destination = clean;
    destination.remove(u'<').remove(u'>').remove(u'\n').remove(u'\r');
    return u"["_s + shown + u"](<"_s + destination + u">)"_s;
}

QString decodeEntities(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'&') {
            const QStringView rest = text.mid(i);
            static const std::pair<QStringView, QChar> entities[]{
                {u"&amp;", u'&'}, {u"&lt;", u'<'}, {u"&gt;", u'>'}, {u"&quot;", u'"'}, {u"&#39;", u'\''}};
            bool decoded = false;
            for (const auto &[entity, character] : entities) {
                if (rest.startsWith(entity)) {
                    out += character;
                    i += entity.size() - 1;
                    decoded = true;
                    break;
                }
            }
            if (decoded)
                continue;
        }
        out += text[i];
    }
    return out;
}

// For each position, where the next `c` is (or -1): lookups in constant time, so
// unmatched markers never make the scan quadratic.
QVector<qsizetype> nextPositions(QStringView text, QChar c)
{
    QVector<qsizetype> next(text.size() + 1, -1);
    for (qsizetype i = text.size() - 1; i >= 0; --i)
        next[i] = text[i] == c ? i : next[i + 1];
    return next;
}

// Slack mrkdwn (https://api.slack.com/reference/surfaces/formatting).
class SlackReader
{
public:
    explicit SlackReader(QStringView text)
        : m_text(text)
        , m_nextNewline(nextPositions(text, u'\n'))
        , m_nextGt(nextPositions(text, u'>'))
        , m_nextTick(nextPositions(text, u'`'))
        , m_nextStar(nextPositions(text, u'*'))
        , m_nextUnderscore(nextPositions(text, u'_'))
        , m_nextTilde(nextPositions(text, u'~'))
    { }

    QString read() { return read(0, m_text.size(), 0); }

private:
    qsizetype lineEnd(qsizetype from) const
    {
        const qsizetype newline = m_nextNewline[from];
        return newline < 0 ? m_text.size() : newline;
    }

    QString read(qsizetype from, qsizetype to, int depth)
    {
        QString out;
        for (qsizetype i = from; i < to;) {
            const QChar c = m_text[i];
            if (m_text.mid(i, to - i).startsWith(u"```")) {
                const qsizetype end = m_text.mid(0, to).indexOf(u"```", i + 3);
                if (end > 0) {
                    out += codeBlock(decodeEntities(m_text.mid(i + 3, end - i - 3)));
                    i = end + 3;
                    continue;
                }
            }
            if (c == u'`') {
                const qsizetype end = m_nextTick[i + 1];
                if (end > i + 1 && end < std::min(to, lineEnd(i))) {
                    out += codeSpan(decodeEntities(m_text.mid(i + 1, end - i - 1)));
                    i = end + 1;
                    continue;
                }
            }
            if (c == u'<') {
                const qsizetype end = m_nextGt[i];
                if (end > i + 1 && end < std::min(to, lineEnd(i))) {
                    out += reference(m_text.mid(i + 1, end - i - 1));
                    i = end + 1;
                    continue;
                }
            }
            if ((c == u'*' || c == u'_' || c == u'~') && depth < 3) {
                const QVector<qsizetype> &next = c == u'*' ? m_nextStar : c == u'_' ? m_nextUnderscore : m_nextTilde;
                const qsizetype end = i + 1 < to ? next[i + 1] : -1;
                const bool opens = i + 1 < to && !m_text[i + 1].isSpace();
                if (opens && end > i + 1 && end < std::min(to, lineEnd(i)) && !m_text[end - 1].isSpace()) {
                    const QString marker = c == u'*' ? u"**"_s : c == u'_' ? u"*"_s : u"~~"_s;
                    out += marker + read(i + 1, end, depth + 1) + marker;
                    i = end + 1;
                    continue;
                }
            }
            if (c == u'&') {
                if (const qsizetype length = appendEntity(out, QStringView(m_text).mid(i, to - i), slackEntities)) {
                    i += length;
                    continue;
                }
            }
            appendEscaped(out, c);
            ++i;
        }
        return out;
    }

    // <url|label>, <@U123>, <!here>, <!subteam^S1|label>, <#C1|channel>
    static QString reference(QStringView inner)
    {
        const qsizetype bar = inner.indexOf(u'|');
        const QString target = decodeEntities(bar < 0 ? inner : inner.left(bar));
        const QString label = bar < 0 ? QString() : decodeEntities(inner.mid(bar + 1));
        if (target.startsWith(u'!')) {
            const QString name = target.mid(1).section(u'^', -1); // "here", "subteam^S1" → S1
            return escaped(u"@"_s + (label.isEmpty() ? name : label));
        }
        if (target.startsWith(u'@'))
            return escaped(label.isEmpty() ? target : u"@"_s + label);
        if (target.startsWith(u'#'))
            return escaped(label.isEmpty() ? target : u"#"_s + label);
        return link(label.isEmpty() ? QString() : escaped(label), target);
    }

    QStringView m_text;
    QVector<qsizetype> m_nextNewline;
    QVector<qsizetype> m_nextGt;
    QVector<qsizetype> m_nextTick;
    QVector<qsizetype> m_nextStar;
    QVector<qsizetype> m_nextUnderscore;
    QVector<qsizetype> m_nextTilde;
};

// One Telegram HTML tag: its name (lower case, "/b" for a closing one) and its href.
struct HtmlTag {
    QString name;
    QString href;
};

HtmlTag parseTag(QStringView inner)
{
    HtmlTag tag;
    const QString text = inner.trimmed().toString();
    tag.name = text.section(u' ', 0, 0).toLower();
    static const QRegularExpression href(u"href\\s*=\\s*\"([^\"]{0,2048})\""_s);
    if (const QRegularExpressionMatch match = href.match(text); match.hasMatch())
        tag.href = decodeEntities(match.captured(1));
    return tag;
}

QString openMarker(const QString &name)
{
    if (name == u"b"_s || name == u"strong"_s)
        return u"**"_s;
    if (name == u"i"_s || name == u"em"_s)
        return u"*"_s;
    if (name == u"s"_s || name == u"strike"_s || name == u"del"_s)
        return u"~~"_s;
    return {};
}

// Lines of "**Name:** value", the way a tool's fields read.
QString factLines(const QList<std::pair<QString, QString>> &facts)
{
    QStringList lines;
    for (const auto &[name, value] : facts)
        lines << (name.isEmpty() ? value : u"**%1:** %2"_s.arg(name, value));
    return lines.join(hardBreak);
}

QString heading(const QString &markdown)
{
    return markdown.isEmpty() ? QString() : u"### "_s + QString(markdown).replace(hardBreak, u" "_s);
}

QString emphasised(const QString &markdown)
{
    return markdown.isEmpty() ? QString() : u"*"_s + markdown + u'*';
}

void add(QStringList &parts, const QString &part)
{
    if (!part.trimmed().isEmpty())
        parts << part;
}

QString slack(const QJsonObject &body)
{
    const QJsonArray blocks = body.value(u"blocks"_s).toArray();
    if (blocks.isEmpty())
        return ChatPreview::fromSlackMrkdwn(body.value(u"text"_s).toString());
    auto textOf = [](const QJsonObject &text) {
        return text.value(u"type"_s).toString() == u"mrkdwn"_s
            ? ChatPreview::fromSlackMrkdwn(text.value(u"text"_s).toString())
            : ChatPreview::plainText(text.value(u"text"_s).toString());
    };
    QStringList parts;
    for (const QJsonValue &value : blocks) {
        const QJsonObject block = value.toObject();
        const QString type = block.value(u"type"_s).toString();
        if (type == u"header"_s) {
            add(parts, heading(textOf(block.value(u"text"_s).toObject())));
        } else if (type == u"section"_s) {
            add(parts, textOf(block.value(u"text"_s).toObject()));
            // Fields: the name in bold on its first line, the value below; one line each here.
            QList<std::pair<QString, QString>> fields;
            for (const QJsonValue &field : block.value(u"fields"_s).toArray()) {
                QString text = textOf(field.toObject());
                if (const qsizetype lineEnd = text.indexOf(hardBreak); lineEnd > 0)
                    text.replace(lineEnd, hardBreak.size(), u": "_s);
                fields.append({QString(), text.replace(hardBreak, u" "_s)});
            }
            add(parts, factLines(fields));
        } else if (type == u"divider"_s) {
            parts << u"---"_s;
        } else if (type == u"context"_s) {
            QStringList texts;
            for (const QJsonValue &element : block.value(u"elements"_s).toArray())
                texts << textOf(element.toObject());
            add(parts, emphasised(texts.join(u" "_s)));
        }
    }
    return parts.join(u"\n\n"_s);
}

void adaptiveElements(const QJsonArray &elements, QStringList &parts, int depth);

void adaptiveActions(const QJsonArray &actions, QStringList &parts)
{
    QStringList links;
    for (const QJsonValue &value : actions) {
        const QJsonObject action = value.toObject();
        if (action.value(u"type"_s).toString() == u"Action.OpenUrl"_s)
            links << link(ChatPreview::plainText(action.value(u"title"_s).toString()),
                          action.value(u"url"_s).toString());
    }
    add(parts, links.join(u" · "_s));
}

void adaptiveElements(const QJsonArray &elements, QStringList &parts, int depth)
{
    if (depth > maxDepth)
        return;
    for (const QJsonValue &value : elements) {
        const QJsonObject element = value.toObject();
        const QString type = element.value(u"type"_s).toString();
        if (element.value(u"separator"_s).toBool())
            parts << u"---"_s;
        if (type == u"TextBlock"_s) {
            const QString text = ChatPreview::fromToolMarkdown(element.value(u"text"_s).toString(), true);
            const QString size = element.value(u"size"_s).toString();
            const bool bold = element.value(u"weight"_s).toString() == u"Bolder"_s;
            if (bold && (size == u"Medium"_s || size == u"Large"_s || size == u"ExtraLarge"_s))
                add(parts, heading(text));
            else if (bold)
                add(parts, u"**"_s + text + u"**"_s);
            else if (element.value(u"isSubtle"_s).toBool())
                add(parts, emphasised(text));
            else
                add(parts, text);
        } else if (type == u"Container"_s) {
            adaptiveElements(element.value(u"items"_s).toArray(), parts, depth + 1);
        } else if (type == u"ColumnSet"_s) {
            for (const QJsonValue &column : element.value(u"columns"_s).toArray())
                adaptiveElements(column.toObject().value(u"items"_s).toArray(), parts, depth + 1);
        } else if (type == u"FactSet"_s) {
            QList<std::pair<QString, QString>> facts;
            for (const QJsonValue &fact : element.value(u"facts"_s).toArray())
                facts.append({ChatPreview::fromToolMarkdown(fact.toObject().value(u"title"_s).toString(), false),
                              ChatPreview::fromToolMarkdown(fact.toObject().value(u"value"_s).toString(), false)});
            add(parts, factLines(facts));
        } else if (type == u"ActionSet"_s) {
            adaptiveActions(element.value(u"actions"_s).toArray(), parts);
        }
    }
}

QString teams(const QJsonObject &body)
{
    QStringList parts;
    for (const QJsonValue &value : body.value(u"attachments"_s).toArray()) {
        const QJsonObject card = value.toObject().value(u"content"_s).toObject();
        adaptiveElements(card.value(u"body"_s).toArray(), parts, 0);
        adaptiveActions(card.value(u"actions"_s).toArray(), parts);
    }
    if (parts.isEmpty() && body.contains(u"text"_s)) // an old MessageCard connector body
        add(parts, ChatPreview::fromToolMarkdown(body.value(u"text"_s).toString(), true));
    return parts.join(u"\n\n"_s);
}

QString larkText(const QJsonObject &text)
{
    const QString content = text.value(u"content"_s).toString();
    return text.value(u"tag"_s).toString() == u"lark_md"_s ? ChatPreview::fromToolMarkdown(content, true)
                                                           : ChatPreview::plainText(content);
}

void feishuElements(const QJsonArray &elements, QStringList &parts, int depth)
{
    if (depth > maxDepth)
        return;
    for (const QJsonValue &value : elements) {
        const QJsonObject element = value.toObject();
        const QString tag = element.value(u"tag"_s).toString();
        if (tag == u"div"_s) {
            add(parts, larkText(element.value(u"text"_s).toObject()));
            QList<std::pair<QString, QString>> fields;
            for (const QJsonValue &field : element.value(u"fields"_s).toArray())
                fields.append({QString(), larkText(field.toObject().value(u"text"_s).toObject())});
            add(parts, factLines(fields));
        } else if (tag == u"markdown"_s) {
            add(parts, ChatPreview::fromToolMarkdown(element.value(u"content"_s).toString(), true));
        } else if (tag == u"hr"_s) {
            parts << u"---"_s;
        } else if (tag == u"action"_s) {
            QStringList buttons;
            for (const QJsonValue &action : element.value(u"actions"_s).toArray()) {
                const QJsonObject button = action.toObject();
                buttons << link(larkText(button.value(u"text"_s).toObject()), button.value(u"url"_s).toString());
            }
            add(parts, buttons.join(u" · "_s));
        } else if (tag == u"note"_s) {
            QStringList notes;
            for (const QJsonValue &note : element.value(u"elements"_s).toArray())
                notes << larkText(note.toObject());
            add(parts, emphasised(notes.join(u" "_s)));
        } else if (tag == u"column_set"_s) {
            for (const QJsonValue &column : element.value(u"columns"_s).toArray())
                feishuElements(column.toObject().value(u"elements"_s).toArray(), parts, depth + 1);
        }
    }
}

QString feishu(const QJsonObject &body)
{
    const QString type = body.value(u"msg_type"_s).toString();
    if (type == u"text"_s)
        return ChatPreview::plainText(body.value(u"content"_s).toObject().value(u"text"_s).toString());
    if (type == u"post"_s) {
        const QJsonObject post = body.value(u"content"_s).toObject().value(u"post"_s).toObject();
        const QJsonObject language = post.value(post.keys().value(0)).toObject();
        QStringList parts{heading(ChatPreview::plainText(language.value(u"title"_s).toString()))};
        for (const QJsonValue &line : language.value(u"content"_s).toArray()) {
            QString text;
            for (const QJsonValue &piece : line.toArray()) {
                const QJsonObject element = piece.toObject();
                const QString tag = element.value(u"tag"_s).toString();
                if (tag == u"a"_s)
                    text += link(ChatPreview::plainText(element.value(u"text"_s).toString()),
                                 element.value(u"href"_s).toString());
                else if (tag == u"at"_s)
                    text += ChatPreview::plainText(u"@"_s + element.value(u"user_name"_s).toString());
                else
                    text += ChatPreview::plainText(element.value(u"text"_s).toString());
            }
            add(parts, text);
        }
        return parts.join(u"\n\n"_s);
    }
    const QJsonObject card = body.value(u"card"_s).toObject();
    QStringList parts;
    add(parts, heading(larkText(card.value(u"header"_s).toObject().value(u"title"_s).toObject())));
    feishuElements(card.value(u"elements"_s).toArray(), parts, 0);
    return parts.join(u"\n\n"_s);
}

QString dingTalk(const QJsonObject &body)
{
    const QString type = body.value(u"msgtype"_s).toString();
    const QJsonObject content = body.value(type).toObject();
    if (type == u"markdown"_s) // single line breaks are joined, as DingTalk does
        return ChatPreview::fromToolMarkdown(content.value(u"text"_s).toString(), false);
    if (type == u"actionCard"_s || type == u"link"_s)
        return heading(ChatPreview::plainText(content.value(u"title"_s).toString())) + u"\n\n"_s
            + ChatPreview::fromToolMarkdown(content.value(u"text"_s).toString(), false);
    return ChatPreview::plainText(content.value(u"content"_s).toString());
}

QString weCom(const QJsonObject &body)
{
    const QString type = body.value(u"msgtype"_s).toString();
    const QJsonObject content = body.value(type).toObject();
    if (type.startsWith(u"markdown"_s))
        return ChatPreview::fromToolMarkdown(content.value(u"content"_s).toString(), true);
    return ChatPreview::plainText(content.value(u"content"_s).toString());
}

QString mattermost(const QJsonObject &body)
{
    QStringList parts;
    add(parts, ChatPreview::fromToolMarkdown(body.value(u"text"_s).toString(), true));
    for (const QJsonValue &value : body.value(u"attachments"_s).toArray()) {
        const QJsonObject attachment = value.toObject();
        add(parts, ChatPreview::fromToolMarkdown(attachment.value(u"pretext"_s).toString(), true));
        add(parts, heading(ChatPreview::plainText(attachment.value(u"title"_s).toString())));
        add(parts, ChatPreview::fromToolMarkdown(attachment.value(u"text"_s).toString(), true));
        QList<std::pair<QString, QString>> fields;
        for (const QJsonValue &field : attachment.value(u"fields"_s).toArray())
            fields.append({ChatPreview::plainText(field.toObject().value(u"title"_s).toString()),
                           ChatPreview::fromToolMarkdown(field.toObject().value(u"value"_s).toString(), false)});
        add(parts, factLines(fields));
        add(parts, emphasised(ChatPreview::plainText(attachment.value(u"footer"_s).toString())));
    }
    return parts.join(u"\n\n"_s);
}

QString discord(const QJsonObject &body)
{
    QStringList parts;
    add(parts, ChatPreview::fromToolMarkdown(body.value(u"content"_s).toString(), true));
    for (const QJsonValue &value : body.value(u"embeds"_s).toArray()) {
        const QJsonObject embed = value.toObject();
        add(parts, heading(ChatPreview::plainText(embed.value(u"title"_s).toString())));
        add(parts, ChatPreview::fromToolMarkdown(embed.value(u"description"_s).toString(), true));
        QList<std::pair<QString, QString>> fields;
        for (const QJsonValue &field : embed.value(u"fields"_s).toArray())
            fields.append({ChatPreview::fromToolMarkdown(field.toObject().value(u"name"_s).toString(), false),
                           ChatPreview::fromToolMarkdown(field.toObject().value(u"value"_s).toString(), false)});
        add(parts, factLines(fields));
        add(parts, emphasised(ChatPreview::plainText(embed.value(u"footer"_s).toObject().value(u"text"_s).toString())));
    }
    return parts.join(u"\n\n"_s);
}

QString telegram(const QJsonObject &body)
{
    const QString text = body.value(u"text"_s).toString();
    return body.value(u"parse_mode"_s).toString().compare(u"HTML"_s, Qt::CaseInsensitive) == 0
        ? ChatPreview::fromTelegramHtml(text)
        : ChatPreview::plainText(text);
}

} // namespace

namespace ChatPreview {

QString plainText(const QString &text)
{
    return escaped(text);
}

QString fromSlackMrkdwn(const QString &mrkdwn)
{
    return SlackReader(mrkdwn).read();
}

QString fromTelegramHtml(const QString &html)
{
    const QVector<qsizetype> nextGt = nextPositions(html, u'>');
    QString out;
    QStringList openLinks; // hrefs of the <a> tags still open
    for (qsizetype i = 0; i < html.size();) {
        const QChar c = html[i];
        if (c == u'<' && nextGt[i] > i) {
            const qsizetype end = nextGt[i];
            const HtmlTag tag = parseTag(QStringView(html).mid(i + 1, end - i - 1));
            i = end + 1;
            if (tag.name == u"pre"_s || tag.name == u"code"_s) {
                // Everything to the closing tag is code, tags inside it (<code class>) dropped.
                const QString closing = u"</"_s + tag.name + u'>';
                qsizetype close = html.indexOf(closing, i, Qt::CaseInsensitive);
                if (close < 0)
                    close = html.size();
                static const QRegularExpression innerTags(u"<[^<>]{0,200}>"_s);
                const QString code = decodeEntities(QString(html.mid(i, close - i)).remove(innerTags));
                out += tag.name == u"pre"_s ? codeBlock(code) : codeSpan(code);
                i = std::min(html.size(), close + closing.size());
                continue;
            }
            if (tag.name == u"a"_s) {
                openLinks << tag.href;
                out += u'[';
            } else if (tag.name == u"/a"_s && !openLinks.isEmpty()) {
                QString destination = openLinks.takeLast();
                destination.remove(u'<').remove(u'>').remove(u'\n');
                out += u"](<"_s + destination + u">)"_s;
            } else if (tag.name.startsWith(u'/')) {
                out += openMarker(tag.name.mid(1));
            } else {
                out += openMarker(tag.name);
            }
            continue;
        }
        if (c == u'&') {
            if (const qsizetype length = appendEntity(out, QStringView(html).mid(i), htmlEntities)) {
                i += length;
                continue;
            }
        }
        appendEscaped(out, c);
        ++i;
    }
    while (!openLinks.isEmpty()) { // an unclosed link: its text stays
        openLinks.removeLast();
        out += u"]"_s;
    }
    return out;
}

QString fromToolMarkdown(const QString &markdown, bool lineBreaksAreBreaks)
{
    // The tools' tags: colours are dropped, mentions read as @name.
    static const QRegularExpression font(u"</?font\\b[^<>]{0,200}>"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression atId(u"<at\\s+[a-z_]{1,16}\\s*=\\s*\"?([^\\s<>\"]{1,64})\"?\\s*>\\s*</at>"_s);
    static const QRegularExpression atName(u"<at>([^<>]{1,128})</at>"_s);
    static const QRegularExpression userId(u"<@([A-Za-z0-9_.-]{1,64})>"_s);
    QString text = markdown;
    text.remove(font).replace(atId, u"@\\1"_s).replace(atName, u"@\\1"_s).replace(userId, u"@\\1"_s);
    text.remove(u'\r');
    if (!lineBreaksAreBreaks)
        return text;
    const QStringList lines = text.split(u'\n');
    QString out;
    out.reserve(text.size() + lines.size() * 2);
    bool inFence = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines[i];
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(u"```"_s) || trimmed.startsWith(u"~~~"_s))
            inFence = !inFence;
        out += line;
        if (i + 1 == lines.size())
            break;
        const bool breakHere = !inFence && !trimmed.isEmpty() && !lines[i + 1].trimmed().isEmpty();
        out += breakHere ? hardBreak : u"\n"_s;
    }
    return out;
}

QString markdown(ChatDestination::Type type, const QByteArray &body)
{
    if (type == ChatDestination::Type::Webhook)
        return emphasised(plainText(Text::tr("A generic webhook sends your own JSON template; how it looks is up to "
                                             "the receiving system. The exact JSON is on the next tab.")));
    if (body.size() > maxBodyBytes)
        return emphasised(plainText(Text::tr("The message is too large to show; the exact JSON is on the next tab.")));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (!document.isObject())
        return emphasised(plainText(Text::tr("The body is not a JSON object: %1").arg(error.errorString())));
    const QJsonObject object = document.object();
    switch (type) {
    case ChatDestination::Type::Slack: return slack(object);
    case ChatDestination::Type::DingTalk: return dingTalk(object);
    case ChatDestination::Type::Feishu: return feishu(object);
    case ChatDestination::Type::WeCom: return weCom(object);
    case ChatDestination::Type::Teams: return teams(object);
    case ChatDestination::Type::Mattermost: return mattermost(object);
    case ChatDestination::Type::Telegram: return telegram(object);
    case ChatDestination::Type::Discord: return discord(object);
    case ChatDestination::Type::Webhook: break;
    }
    return {};
}

} // namespace ChatPreview
