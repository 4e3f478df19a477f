// The forward preview's "Message" view: each tool's body read back into the message
// the tool shows, with every fact, and hostile alert text kept as text.

#include "ReviewShot.h"
#include "analysis/MarkdownStreamView.h"
#include "forward/ChatPreview.h"
#include "forward/ChatTool.h"
#include "forward/ForwardMessage.h"

#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>

using namespace Qt::StringLiterals;
using Type = ChatDestination::Type;

namespace {

const QDateTime now = QDateTime::fromMSecsSinceEpoch(1700000000000, Qt::UTC);

Alert sampleAlert(const LabelMap &extra = {})
{
    Alert alert;
    alert.name = u"HighCPUUsage"_s;
    alert.source = u"alertmanager"_s;
    alert.state = AlertState::Firing;
    alert.severity = Severity::Warning;
    alert.severityText = u"warning"_s;
    alert.labels
        = {{u"alertname"_s, u"HighCPUUsage"_s}, {u"instance"_s, u"db-01:9100"_s}, {u"job"_s, u"node"_s},
           {u"cluster"_s, u"demo-eu1"_s},       {u"team"_s, u"infra"_s},          {u"severity"_s, u"warning"_s}};
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        alert.labels.insert(it.key(), it.value());
    alert.annotations = {{u"summary"_s, u"CPU usage on db-01:9100 is 76.2%"_s},
                         {u"runbook_url"_s, u"https://runbooks.example.com/cpu"_s}};
    alert.startsAt = QDateTime(QDate(2026, 11, 22), QTime(3, 55, 59), Qt::UTC);
    return alert;
}

QByteArray bodyFor(Type type, const ForwardMessage &message)
{
    ChatDestination destination;
    destination.id = u"d1"_s;
    destination.type = type;
    destination.chatId = u"-100"_s;
    const QString target = type == Type::Telegram ? u"123:AAH-abcdefghijklmnopqrstuvwx"_s
                                                  : u"https://hooks.example.com/x?key=k&access_token=t"_s;
    const ChatRequest request = ChatTool::of(type).request(message, destination, {target}, now);
    Q_ASSERT(request.error.isEmpty());
    return request.body;
}

// What a person reads: the Markdown rendered the way the dialog renders it.
QString rendered(const QString &markdown)
{
    QTextDocument document;
    document.setMarkdown(markdown, MarkdownStreamView::markdownFeatures);
    return document.toPlainText();
}

QStringList linkTargets(const QString &markdown)
{
    QTextDocument document;
    document.setMarkdown(markdown, MarkdownStreamView::markdownFeatures);
    QStringList targets;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().isAnchor())
                targets << it.fragment().charFormat().anchorHref();
    return targets;
}

const QList<Type> renderedTools{Type::Slack, Type::DingTalk,   Type::Feishu,   Type::WeCom,
                                Type::Teams, Type::Mattermost, Type::Telegram, Type::Discord};

} // namespace

class TestChatPreview : public QObject
{
    Q_OBJECT

private slots:
    void everyToolShowsEveryFact_data()
    {
        QTest::addColumn<Type>("type");
        for (const Type type : renderedTools)
            QTest::newRow(qPrintable(ChatDestination::typeName(type))) << type;
    }

    void everyToolShowsEveryFact()
    {
        QFETCH(Type, type);
        const ForwardMessage message = ForwardMessage::fromAlert(
            sampleAlert(), u"## Summary\n\nThe **db** is busy.\n\n```\ntop -b\n```\n"_s, u"deepseek-chat"_s);
        const QString markdown = ChatPreview::markdown(type, bodyFor(type, message));
        const QString text = rendered(markdown);
        for (const QString &fact :
             {u"instance"_s, u"db-01:9100"_s, u"job"_s, u"node"_s, u"cluster"_s, u"demo-eu1"_s, u"team"_s, u"infra"_s,
              u"2026-11-22 03:55:59 UTC"_s, u"HighCPUUsage"_s, u"CPU usage on db-01:9100 is 76.2%"_s, u"top -b"_s})
            QVERIFY2(text.contains(fact), qPrintable(fact + u" missing from:\n"_s + text + u"\n---\n"_s + markdown));
        // The tool's markup is read, not shown: no mrkdwn stars, no HTML tags, no JSON.
        for (const QString &markup : {u"**"_s, u"<b>"_s, u"&lt;"_s, u"\"type\""_s, u"\\"_s})
            QVERIFY2(!text.contains(markup), qPrintable(markup + u" in:\n"_s + text));
        QVERIFY2(linkTargets(markdown).contains(u"https://runbooks.example.com/cpu"_s), qPrintable(markdown));
        MarkdownStreamView view;
        view.resize(560, 640);
        view.showMarkdown(markdown);
        saveForReview(&view, u"chat-preview-%1.png"_s.arg(int(type)));
    }

    void factsReadAsNameAndValue()
    {
        const ForwardMessage message = ForwardMessage::fromAlert(sampleAlert());
        for (const Type type : {Type::Slack, Type::Teams, Type::Mattermost, Type::WeCom, Type::Feishu}) {
            const QString text = rendered(ChatPreview::markdown(type, bodyFor(type, message)));
            QVERIFY2(text.contains(u"instance: db-01:9100"_s), qPrintable(text));
            QVERIFY2(text.contains(u"team: infra"_s), qPrintable(text));
        }
    }

    void hostileAlertTextStaysText_data()
    {
        QTest::addColumn<Type>("type");
        for (const Type type : renderedTools)
            QTest::newRow(qPrintable(ChatDestination::typeName(type))) << type;
    }

    void hostileAlertTextStaysText()
    {
        QFETCH(Type, type);
        const QString hostile = u"<b>x</b> *y* [z](javascript:alert(1)) <https://evil.example|ok> &amp; `c`"_s;
        const ForwardMessage message = ForwardMessage::fromAlert(sampleAlert({{u"team"_s, hostile}}));
        const QString markdown = ChatPreview::markdown(type, bodyFor(type, message));
        // (The tools' escaping makes tags inert with zero-width spaces; the text is the same.)
        const QString text = rendered(markdown).remove(QChar(0x200B));
        // (Slack has no escape for *bold*: it shows y in bold, and so does the preview.)
        QVERIFY2(text.contains(u"<b>x</b> "_s), qPrintable(text));
        QVERIFY2(text.contains(u" [z](javascript:alert(1)) "_s), qPrintable(text));
        for (const QString &target : linkTargets(markdown))
            QVERIFY2(!target.contains(u"javascript"_s) && !target.contains(u"evil.example"_s), qPrintable(target));
    }

    void slackMrkdwnAndTelegramHtmlAreTranslated()
    {
        QCOMPARE(rendered(ChatPreview::fromSlackMrkdwn(u"*bold* _it_ ~gone~ <https://a.example/x|site> &lt;3"_s)),
                 u"bold it gone site <3"_s);
        QCOMPARE(linkTargets(ChatPreview::fromSlackMrkdwn(u"<https://a.example/x|site>"_s)),
                 QStringList{u"https://a.example/x"_s});
        QCOMPARE(rendered(ChatPreview::fromSlackMrkdwn(u"<!here> <@U123|carla> a*b"_s)), u"@here @carla a*b"_s);
        QCOMPARE(
            rendered(ChatPreview::fromTelegramHtml(u"<b>Title</b> &lt;x&gt; <a href=\"https://t.example\">t</a>"_s)),
            u"Title <x> t"_s);
        QCOMPARE(rendered(ChatPreview::fromToolMarkdown(u"<font color=\"warning\">**warn**</font>\nnext"_s, true)),
                 u"warn\nnext"_s);
        QCOMPARE(rendered(ChatPreview::fromToolMarkdown(u"one\ntwo"_s, false)), u"one two"_s); // DingTalk joins
    }

    void unmatchedMarkersStayLinear()
    {
        // A long line of unmatched markers: linear work (this would take seconds if quadratic).
        const QString stars = QString(200'000, u'*') + u"<"_s.repeated(100'000) + u"&"_s.repeated(100'000);
        QElapsedTimer timer;
        timer.start();
        const QString markdown = ChatPreview::fromSlackMrkdwn(stars);
        QVERIFY(markdown.size() >= stars.size());
        const QString html = ChatPreview::fromTelegramHtml(u"<"_s.repeated(200'000));
        QVERIFY(html.size() >= 200'000);
        QVERIFY2(timer.elapsed() < 2'000, qPrintable(QString::number(timer.elapsed())));
    }

    void aGenericWebhookSaysItIsItsOwnTemplate()
    {
        QVERIFY(rendered(ChatPreview::markdown(Type::Webhook, "{\"a\":1}")).contains(u"own JSON template"_s));
        QVERIFY(rendered(ChatPreview::markdown(Type::Slack, "not json")).contains(u"not a JSON object"_s));
    }
};

QTEST_MAIN(TestChatPreview)
#include "tst_chatpreview.moc"
