#include "AlertBuilder.h"
#include "AnalysisPanel.h"
#include "Appearance.h"
#include "ChatTurns.h"
#include "DetailTabs.h"
#include "FakeHttpServer.h"
#include "MainWindowFixture.h"
#include "ReviewShot.h"
#include "SettingsDialog.h"
#include "TestData.h"
#include "analysis/AnalysisConversation.h"
#include "analysis/AnalysisService.h"
#include "analysis/AnswerText.h"
#include "analysis/CitationChips.h"
#include "analysis/EvidenceChips.h"
#include "analysis/FollowUpInput.h"
#include "analysis/HypothesesBoard.h"
#include "analysis/MarkdownStreamView.h"
#include "analysis/ToolStepsView.h"
#include "context/ContextService.h"
#include "model/AlertTableModel.h"
#include "secrets/MemorySecretStore.h"
#include "settings/AppSettings.h"
#include "store/StoreService.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextList>
#include <QToolButton>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

FakeHttpServer::Response streamed(const QString &fixture, std::chrono::milliseconds interval)
{
    FakeHttpServer::Response response;
    response.contentType = "text/event-stream";
    for (const QByteArray &event : TestData::fixture(u"llm/"_s + fixture).split('\n'))
        if (!event.isEmpty())
            response.chunks << event + "\n\n";
    response.chunkInterval = interval;
    return response;
}

struct BlockShape {
    int heading = 0;
    bool listed = false;
    bool code = false;
    QString text;
    friend bool operator==(const BlockShape &, const BlockShape &) = default;
};

QList<BlockShape> shapeOf(const QTextDocument &document)
{
    QList<BlockShape> shape;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        shape.append({block.blockFormat().headingLevel(), block.textList() != nullptr,
                      block.blockFormat().nonBreakableLines(), block.text()});
    return shape;
}

const char *const sampleAnswer = "## Summary\n\nThe disk on **db-1** is 97% full.\n\n## Likely causes\n\n"
                                 "1. Logs not rotated: `du -sh /var/log` shows 40G\n\n"
                                 "2. A backup job wrote to `/data`\n\n"
                                 "## What to check next\n\n```bash\ndf -h /\n\njournalctl --vacuum-size=1G\n```\n\n"
                                 "| Metric | Value |\n| --- | --- |\n| disk used | 97% |\n\n"
                                 "## Urgency\nPage now: [runbook](https://runbooks.example.com/disk).\n";

EvidenceSet sampleEvidence()
{
    return EvidenceSet({{{}, EvidenceKind::AlertField, u"alert name: DiskFull"_s, {.field = u"name"_s}},
                        {{},
                         EvidenceKind::MetricSeries,
                         u"metric disk used {instance=\"db-1\"}: max 97 at 03:52"_s,
                         {.queryIndex = 0, .labels = {{u"instance"_s, u"db-1"_s}}, .timeMs = 1'795'319'771'000}},
                        {{},
                         EvidenceKind::LogLine,
                         u"log line 03:51 <b>logrotate</b>: error: skipping"_s,
                         {.labels = {{u"job"_s, u"node"_s}}, .ns = 1'795'319'781'046'717'469, .lineHash = u"ab"_s}}});
}

// Cites E2 and E3, cites E99 (not in the evidence), and states a cause without citing.
const char *const citedAnswer = "## Summary\n\nThe disk on **db-1** is 97% full [E2]. Logrotate failed [E3, E99].\n\n"
                                "The backup job wrote to /data because nobody cleaned it.\n\n"
                                "```hypotheses\n"
                                "[{\"title\": \"Logs filled the disk\", \"status\": \"likely\", \"confidence\": 0.8, "
                                "\"for\": [\"E2\", \"E3\"], \"against\": []},\n"
                                " {\"title\": \"A backup wrote to /data\", \"status\": \"possible\", "
                                "\"confidence\": 0.4, \"for\": [\"E2\"]},\n"
                                " {\"title\": \"A DNS outage\", \"status\": \"ruled_out\", \"confidence\": 0.05, "
                                "\"against\": [\"E1\"]}]\n"
                                "```\n";

StoredAnalysis storedFor(const Alert &alert, const QString &content, const EvidenceSet &evidence)
{
    StoredAnalysis analysis;
    analysis.id = 7;
    analysis.source = alert.source;
    analysis.fingerprint = alert.fingerprint;
    analysis.createdAt = QDateTime::currentDateTimeUtc();
    analysis.model = u"deepseek-chat"_s;
    analysis.outcome = AnalysisOutcome::Finished;
    analysis.content = content;
    analysis.evidence = evidence.toJson();
    if (const QList<Hypothesis> hypotheses = Hypotheses::parse(content).hypotheses; !hypotheses.isEmpty())
        analysis.hypotheses = Hypotheses::toJson(hypotheses);
    return analysis;
}

// Where the `index`th chip of `view` is drawn, in its viewport.
QPoint chipCentre(QTextEdit *view, int index)
{
    int seen = 0;
    for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().objectType() == EvidenceChips::objectType && seen++ == index) {
                QTextCursor cursor(view->document());
                cursor.setPosition(it.fragment().position());
                const QRect left = view->cursorRect(cursor);
                cursor.setPosition(it.fragment().position() + 1);
                const QRect right = view->cursorRect(cursor);
                return QPoint((left.left() + right.left()) / 2, left.center().y());
            }
    return {};
}

// A turn that ends with tool calls: {id, name, arguments} each.
FakeHttpServer::Response callingTools(const QList<std::array<QString, 3>> &calls)
{
    QList<ChatTurns::Call> list;
    for (const auto &call : calls)
        list.append({call[0], call[1], call[2]});
    return ChatTurns::callingTools(list);
}

FakeHttpServer::Response answering(const QString &content)
{
    return ChatTurns::answering(content, 20);
}

} // namespace

class TestAnalysisPanel : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindowFixture> m_gui;
    std::unique_ptr<ContextService> m_context;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<AnalysisService> m_analysis;
    std::unique_ptr<FakeHttpServer> m_llm;

    template<typename T> T *child(const QString &name) const { return m_gui->child<T>(name); }

    // A window over a real store with one delivered alert, selected.
    void openWindowWithAlert()
    {
        m_gui = std::make_unique<MainWindowFixture>();
        QVERIFY(m_gui->startLiveStore());
        m_context = std::make_unique<ContextService>();
        m_secrets = std::make_unique<MemorySecretStore>();
        m_llm = std::make_unique<FakeHttpServer>();
        QVERIFY(m_llm->listen());
        m_analysis = std::make_unique<AnalysisService>(m_context.get(), m_gui->store(), m_secrets.get());
        AnalysisService::Settings settings;
        settings.request.baseUrl = m_llm->url();
        settings.request.model = u"deepseek-chat"_s;
        m_analysis->setSettings(settings);
        QVERIFY(m_gui->show({.contextService = m_context.get(), .analysis = m_analysis.get()}));
        QCOMPARE(m_gui->post(u"alertmanager/firing-single.json"_s), 200);
        QVERIFY(m_gui->selectFirstRowOnceThereAre(1));
    }

    // A panel over its own service: the provider and Prometheus are local stand-ins, the
    // model calls a tool and then answers citing the tool's result.
    struct ToolRig {
        QTemporaryDir dir;
        FakeHttpServer llm;
        FakeHttpServer prometheus;
        ContextService context;
        StoreService store;
        MemorySecretStore secrets;
        std::unique_ptr<AnalysisService> analysis;
        AnalysisPanel panel;
        Alert alert = AlertBuilder(u"f00d"_s).named(u"DiskFull"_s).label(u"instance"_s, u"db-1"_s).build();
        QString toolEvidence; // the id the tool's result got, once the model answers
    };

    std::unique_ptr<ToolRig> toolRig()
    {
        auto rig = std::make_unique<ToolRig>();
        if (!rig->llm.listen() || !rig->prometheus.listen() || !rig->store.open(rig->dir.filePath(u"a.sqlite"_s)))
            return nullptr;
        // Prometheus answers slowly enough for the step to be seen running.
        FakeHttpServer::Response matrix;
        const QByteArray body = TestData::fixture(u"prometheus/query_range-matrix.json"_s);
        matrix.chunks = {body.left(body.size() / 2), body.mid(body.size() / 2)};
        matrix.chunkInterval = 400ms;
        rig->prometheus.route("/api/v1/query_range", matrix);
        ContextService::Sources sources;
        sources.prometheus = {rig->prometheus.url()};
        rig->context.setSources(sources);
        rig->analysis = std::make_unique<AnalysisService>(&rig->context, &rig->store, &rig->secrets);
        AnalysisService::Settings settings;
        settings.request.baseUrl = rig->llm.url();
        settings.request.model = u"deepseek-chat"_s;
        settings.contextWait = 2s;
        rig->analysis->setSettings(settings);
        ToolRig *raw = rig.get();
        rig->llm.handle("/chat/completions", [raw](const HttpRequest &request) {
            const QJsonArray messages = QJsonDocument::fromJson(request.body).object().value(u"messages"_s).toArray();
            const QString last = messages.last().toObject().value(u"content"_s).toString();
            if (last.contains(u"Why at night"_s))
                return answering(u"Because the backup runs at 03:00 [E1].\n"_s);
            if (messages.last().toObject().value(u"role"_s).toString() != u"tool"_s)
                return callingTools({{u"c-disk"_s, u"query_prometheus"_s,
                                      u"{\"query\": \"node_filesystem_avail_bytes\", \"start\": \"-1h\"}"_s},
                                     {u"c-broken"_s, u"query_prometheus"_s, u"{\"query\": <b>up</b>"_s}});
            raw->toolEvidence = raw->analysis->run(AlertKey::of(raw->alert))->evidence.items().constLast().id;
            return answering(u"The disk fills up [%1].\n"_s.arg(raw->toolEvidence));
        });
        rig->panel.setService(rig->analysis.get());
        rig->panel.resize(520, 760);
        rig->panel.show();
        rig->panel.showAlert(rig->alert);
        return rig;
    }

private slots:
    void initTestCase() { MainWindowFixture::initApplication(u"tst_analysispanel"_s); }

    void cleanup()
    {
        if (m_gui)
            m_gui->destroyWindow();
        m_analysis.reset();
        m_gui.reset();
        m_context.reset();
        m_llm.reset();
    }

    void streamedMarkdownMatchesAWholeRender_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<int>("chunk");
        const QString fixture = QString::fromUtf8(TestData::fixture(u"llm/deepseek-reasoner.expected.md"_s));
        for (const int chunk : {1, 3, 17, 1 << 20}) {
            QTest::addRow("sample / %d", chunk) << QString::fromUtf8(sampleAnswer) << chunk;
            QTest::addRow("fixture / %d", chunk) << fixture << chunk;
        }
    }

    void streamedMarkdownMatchesAWholeRender()
    {
        QFETCH(QString, markdown);
        QFETCH(int, chunk);
        MarkdownStreamView view;
        qsizetype committedBeforeEnd = 0;
        for (qsizetype at = 0; at < markdown.size(); at += chunk) {
            view.showMarkdown(markdown.left(at + chunk));
            if (at + chunk < markdown.size())
                committedBeforeEnd = view.committedCharacters();
        }
        QTextDocument whole;
        whole.setMarkdown(markdown, MarkdownStreamView::markdownFeatures);
        QCOMPARE(shapeOf(*view.document()), shapeOf(whole));
        if (chunk < markdown.size() && markdown.count(u"\n\n"_s) > 3)
            QVERIFY2(committedBeforeEnd > markdown.size() / 3, "finished blocks are kept, not rendered again");
    }

    void listsAreNotSplitAcrossBlankLines()
    {
        MarkdownStreamView view;
        const QString markdown = QString::fromUtf8(sampleAnswer);
        for (qsizetype at = 1; at <= markdown.size(); ++at)
            view.showMarkdown(markdown.left(at));
        QTextBlock second;
        for (QTextBlock block = view.document()->begin(); block.isValid(); block = block.next())
            if (block.text().startsWith(u"A backup job"_s))
                second = block;
        QVERIFY(second.isValid() && second.textList());
        QCOMPARE(second.textList()->itemText(second), u"2."_s);
    }

    void imagesAreNeverLoaded()
    {
        FakeHttpServer images;
        QVERIFY(images.listen());
        QTemporaryDir dir;
        QImage picture(8, 8, QImage::Format_RGB32);
        picture.fill(Qt::red);
        const QString local = dir.filePath(u"local.png"_s);
        QVERIFY(picture.save(local));
        MarkdownStreamView view;
        view.resize(400, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QUrl remote(images.url().toString() + u"/graph.png"_s);
        view.showMarkdown(
            u"Look: ![graph](%1) and ![local](%2)\n"_s.arg(remote.toString(), QUrl::fromLocalFile(local).toString()));
        view.grab(); // lays out and paints: images would be asked for now
        for (const QUrl &url : {QUrl::fromLocalFile(local), remote}) {
            const QVariant resource = view.document()->resource(QTextDocument::ImageResource, url);
            QVERIFY2(resource.toByteArray().isEmpty() && qvariant_cast<QImage>(resource).isNull(),
                     qPrintable(url.toString()));
        }
        QVERIFY(images.requests.isEmpty());
    }

    void analyzeStreamsStopsAndLandsInHistory()
    {
        openWindowWithAlert();
        m_llm->route("/chat/completions", streamed(u"deepseek-chat.sse"_s, 25ms));
        auto *panel = child<AnalysisPanel>(u"analysisPanel"_s);
        auto *output = child<MarkdownStreamView>(u"analysisOutput"_s);
        auto *status = child<QLabel>(u"analysisStatus"_s);
        auto *analyze = child<QPushButton>(u"analyzeButton"_s);
        auto *stop = child<QToolButton>(u"stopAnalysisButton"_s);
        QVERIFY(analyze->isEnabled());
        QVERIFY(!stop->isVisible());

        QTest::mouseClick(analyze, Qt::LeftButton);
        QTRY_VERIFY(status->text().startsWith(u"Streaming"_s));
        QVERIFY(stop->isVisible());
        QVERIFY(!analyze->isEnabled());
        // The panel fills progressively: several distinct lengths before the end.
        QSet<qsizetype> lengths;
        QTRY_VERIFY((lengths.insert(output->toPlainText().size()), lengths.size() >= 4));
        QVERIFY(panel->renderCount() >= 3);

        QTest::mouseClick(stop, Qt::LeftButton);
        QCOMPARE(status->text(), u"Stopped; the text received so far is kept"_s);
        const QString kept = output->toPlainText();
        QVERIFY(!kept.isEmpty());
        QTRY_VERIFY(!stop->isVisible());
        QCOMPARE(analyze->text(), u"Re-run analysis"_s);

        // The stopped analysis is stored and listed in the History tab.
        auto *history = child<QTreeWidget>(u"analysisList"_s);
        QTRY_COMPARE(history->topLevelItemCount(), 1);
        QCOMPARE(history->topLevelItem(0)->text(1), u"deepseek-chat"_s);
        QCOMPARE(history->topLevelItem(0)->text(2), u"stopped"_s);
        QCOMPARE(history->topLevelItem(0)->text(4), u"you"_s);
        QCOMPARE(output->toPlainText(), kept); // nothing arrived after Stop

        // Re-run with Ctrl+Enter, to the end this time.
        m_llm->route("/chat/completions", streamed(u"deepseek-chat.sse"_s, 1ms));
        QTest::keyClick(m_gui->window(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(status->text().startsWith(u"Finished in"_s));
        // As the whole answer renders at once, with the same chips and markers.
        CitationChips chips;
        chips.setEvidence(panel->shownEvidence());
        const QString answer = QString::fromUtf8(TestData::fixture(u"llm/deepseek-chat.expected.md"_s));
        chips.update(answer);
        chips.finish();
        MarkdownStreamView whole;
        whole.setDecorator(&chips);
        whole.showMarkdown(answer);
        QCOMPARE(output->toPlainText(), whole.toPlainText());
        QVERIFY(child<QLabel>(u"analysisFooter"_s)->text().contains(u"answer tokens"_s));
        QTRY_COMPARE(history->topLevelItemCount(), 2);
        QCOMPARE(history->topLevelItem(0)->text(2), u"finished"_s);

        // Picking the older one shows it in the panel.
        history->setCurrentItem(history->topLevelItem(1));
        QCOMPARE(output->toPlainText(), kept);
        QVERIFY(status->text().contains(u"stopped"_s));
    }

    // A remote provider and no key: nothing is sent, the panel says why and offers the
    // Settings page that fixes it.
    void aMissingKeyOffersTheSettings()
    {
        m_gui = std::make_unique<MainWindowFixture>();
        QVERIFY(m_gui->startLiveStore());
        m_context = std::make_unique<ContextService>();
        m_secrets = std::make_unique<MemorySecretStore>();
        m_llm = std::make_unique<FakeHttpServer>();
        QVERIFY(m_llm->listen());
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(u"settings.ini"_s));
        m_analysis = std::make_unique<AnalysisService>(m_context.get(), m_gui->store(), m_secrets.get());
        AnalysisService::Settings analysisSettings;
        analysisSettings.request.baseUrl = QUrl(u"https://api.deepseek.com"_s);
        analysisSettings.request.model = u"deepseek-flash"_s;
        m_analysis->setSettings(analysisSettings);
        QVERIFY(m_gui->show({.settings = &settings,
                             .secrets = m_secrets.get(),
                             .contextService = m_context.get(),
                             .analysis = m_analysis.get()}));
        QCOMPARE(m_gui->post(u"alertmanager/firing-single.json"_s), 200);
        QVERIFY(m_gui->selectFirstRowOnceThereAre(1));
        auto *status = child<QLabel>(u"analysisStatus"_s);
        auto *openSettings = child<QPushButton>(u"analysisSettingsButton"_s);
        QVERIFY(!openSettings->isVisible());

        QTest::mouseClick(child<QPushButton>(u"analyzeButton"_s), Qt::LeftButton);
        QTRY_VERIFY(status->text().contains(u"No API key is set for api.deepseek.com"_s));
        QTRY_VERIFY(openSettings->isVisible());
        openSettings->click();
        auto *dialog = child<SettingsDialog>(u"settingsDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->page(u"analysisPage"_s)->isVisible());
        dialog->reject();
        QTRY_VERIFY(!child<SettingsDialog>(u"settingsDialog"_s));
        m_gui->destroyWindow(); // before the settings it points to go
    }

    void analysingKeepsTheKeyboardInTheTable()
    {
        openWindowWithAlert();
        auto *table = child<QTableView>(u"alertTable"_s);
        table->selectionModel()->clear(); // a selected row holds new alerts back (stable triage)
        QCOMPARE(m_gui->post(u"alertmanager/group-mixed-status.json"_s), 200);
        QTRY_VERIFY(table->model()->rowCount() >= 3);
        m_llm->route("/chat/completions", streamed(u"deepseek-chat.sse"_s, 1ms));
        QApplication::setActiveWindow(m_gui->window());
        QVERIFY(QTest::qWaitForWindowActive(m_gui->window()));
        table->setFocus();
        table->selectRow(0);
        QTRY_COMPARE(QApplication::focusWidget(), table);

        // Ctrl+Enter from the table: the analysis runs, the keyboard stays in the table.
        QTest::keyClick(table, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(child<QLabel>(u"analysisStatus"_s)->text().startsWith(u"Finished in"_s));
        QCOMPARE(QApplication::focusWidget(), table);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_J);
        QCOMPARE(table->currentIndex().row(), 1);

        // A click on the panel's Analyze button does not take the keyboard either.
        table->selectRow(0);
        QTest::mouseClick(child<QPushButton>(u"analyzeButton"_s), Qt::LeftButton);
        QTRY_VERIFY(child<QLabel>(u"analysisStatus"_s)->text().startsWith(u"Finished in"_s));
        QCOMPARE(QApplication::focusWidget(), table);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_J);
        QCOMPARE(table->currentIndex().row(), 1);
    }

    void citationsShowAsChipsThatLeadToTheEvidence()
    {
        const Alert alert = AlertBuilder(u"f00d"_s).named(u"DiskFull"_s).build();
        AnalysisPanel panel;
        panel.resize(460, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.showAlert(alert);
        const EvidenceSet evidence = sampleEvidence();
        panel.showStoredAnalysis(storedFor(alert, QString::fromUtf8(citedAnswer), evidence));
        auto *output = panel.findChild<MarkdownStreamView *>(u"analysisOutput"_s);

        const QList<EvidenceChips::Shown> chips = EvidenceChips::chipsIn(*output->document());
        QCOMPARE(chips.size(), 4);
        QCOMPARE(chips.at(0).style, EvidenceChips::Style::Evidence);
        QCOMPARE(chips.at(0).text, u"E2"_s);
        QCOMPARE(chips.at(0).href, u"evidence:E2"_s);
        QVERIFY2(chips.at(0).toolTip.contains(u"metric series"_s) && chips.at(0).toolTip.contains(u"max 97 at 03:52"_s),
                 qPrintable(chips.at(0).toolTip));
        QCOMPARE(chips.at(1).text, u"E3"_s);
        // Evidence text is data: markup in it is shown as text.
        QVERIFY(chips.at(1).toolTip.contains(u"&lt;b&gt;logrotate"_s));
        QCOMPARE(chips.at(2).style, EvidenceChips::Style::Invalid);
        QCOMPARE(chips.at(2).text, u"E99"_s);
        QVERIFY(chips.at(2).href.isEmpty());
        QVERIFY(chips.at(2).toolTip.contains(u"E99 is not in this analysis's evidence"_s));
        QCOMPARE(chips.at(3).style, EvidenceChips::Style::Unsupported);
        QVERIFY(chips.at(3).toolTip.contains(u"states a cause without citing evidence"_s));
        // The marker stands after the sentence it is about.
        const QString shown = output->toPlainText();
        QVERIFY(shown.indexOf(u"cleaned it."_s) < shown.lastIndexOf(QChar::ObjectReplacementCharacter));
        // No bracket is left, and the hypotheses block is not shown as JSON.
        QVERIFY(!shown.contains(u"[E"_s));
        QVERIFY(!shown.contains(u"hypotheses"_s) && !shown.contains(u"\"title\""_s));
        // (The plural forms come with the translations, once they are updated.)
        const QString footer = panel.findChild<QLabel *>(u"citationFooter"_s)->text();
        QVERIFY2(footer.startsWith(CitationCounts{3, 2, 1, 1}.footer() + u" · 1 citation"_s), qPrintable(footer));
        QVERIFY(footer.endsWith(u"of evidence not in this analysis"_s));

        // A click on a chip, and Enter on it after Tab, hand its item on.
        QSignalSpy activated(&panel, &AnalysisPanel::evidenceActivated);
        QTest::mouseClick(output->viewport(), Qt::LeftButton, {}, chipCentre(output, 1));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).value<EvidenceItem>(), evidence.items().at(2));
        // An invalid id leads nowhere.
        QTest::mouseClick(output->viewport(), Qt::LeftButton, {}, chipCentre(output, 2));
        QCOMPARE(activated.size(), 1);
        output->setFocus();
        QTest::keyClick(output, Qt::Key_Tab);
        QTest::keyClick(output, Qt::Key_Return);
        QCOMPARE(activated.size(), 2);
        QCOMPARE(activated.at(1).at(0).value<EvidenceItem>(), evidence.items().at(1));
        // Tooltips show over the chip.
        const QPoint chip = chipCentre(output, 0);
        QCOMPARE(output->cursorForPosition(chip + QPoint(-2, 0)).charFormat().toolTip(), chips.at(0).toolTip);
        QCOMPARE(output->anchorAt(chip + QPoint(-2, 0)), u"evidence:E2"_s);
        QCOMPARE(output->anchorAt(chip + QPoint(2, 0)), u"evidence:E2"_s);
    }

    void anEarlierIncidentCitedShowsAsAChipWithItsNote()
    {
        const Alert alert = AlertBuilder(u"f00d"_s).named(u"DiskFull"_s).build();
        AnalysisPanel panel;
        panel.resize(460, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.showAlert(alert);
        const EvidenceSet evidence(
            {{{}, EvidenceKind::AlertField, u"alert name: DiskFull"_s, {.field = u"name"_s}},
             {{},
              EvidenceKind::PriorIncident,
              u"earlier incident \"DiskFull\" 2026-11-01T02:00:00Z → 2026-11-01T02:20:00Z (20 min), matched by same "
              "alert (fingerprint); noted cause \"logrotate was disabled\"; noted action \"re-enabled it\""_s,
              {.timeMs = 1'793'498'400'000, .endMs = 1'793'499'600'000}}});
        const QString answer = u"## Summary\n\nThe disk is full [E1]. Last time logrotate was re-enabled [P1]; "
                               "[P4] is not listed.\n"_s;
        panel.showStoredAnalysis(storedFor(alert, answer, evidence));
        auto *output = panel.findChild<MarkdownStreamView *>(u"analysisOutput"_s);
        saveForReview(&panel, u"analysispanel-prior-chip.png"_s);

        const QList<EvidenceChips::Shown> chips = EvidenceChips::chipsIn(*output->document());
        QCOMPARE(chips.size(), 3);
        QCOMPARE(chips.at(1).style, EvidenceChips::Style::Evidence);
        QCOMPARE(chips.at(1).text, u"P1"_s);
        QCOMPARE(chips.at(1).href, u"evidence:P1"_s);
        QVERIFY2(chips.at(1).toolTip.contains(u"P1 · earlier incident"_s), qPrintable(chips.at(1).toolTip));
        QVERIFY(chips.at(1).toolTip.contains(u"logrotate was disabled"_s));
        QVERIFY(chips.at(1).toolTip.contains(u"2026-11-01T02:00:00Z"_s));
        QVERIFY(chips.at(1).toolTip.contains(u"Seen before"_s));
        QCOMPARE(chips.at(2).style, EvidenceChips::Style::Invalid);
        QCOMPARE(chips.at(2).text, u"P4"_s);

        QSignalSpy activated(&panel, &AnalysisPanel::evidenceActivated);
        QTest::mouseClick(output->viewport(), Qt::LeftButton, {}, chipCentre(output, 1));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).value<EvidenceItem>(), evidence.items().at(1));
        QCOMPARE(activated.at(0).at(0).value<EvidenceItem>().id, u"P1"_s);

        // The detail tabs have nothing of it to highlight: the Overview, with "Seen before".
        DetailTabs tabs;
        tabs.showAlert(alert);
        tabs.setCurrentIndex(DetailTabs::LogsTab);
        const QString said = tabs.showEvidence(evidence.items().at(1));
        QCOMPARE(tabs.currentIndex(), int(DetailTabs::OverviewTab));
        QVERIFY2(said.startsWith(u"P1 is an earlier incident"_s) && said.contains(u"Seen before"_s), qPrintable(said));
    }

    void hypothesesShowOnABoard()
    {
        const Alert alert = AlertBuilder(u"f00d"_s).named(u"DiskFull"_s).build();
        AnalysisPanel panel;
        panel.resize(460, 760);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.showAlert(alert);
        const EvidenceSet evidence = sampleEvidence();
        const StoredAnalysis stored = storedFor(alert, QString::fromUtf8(citedAnswer), evidence);
        QVERIFY(!stored.hypotheses.isEmpty());
        panel.showStoredAnalysis(stored);
        auto *board = panel.findChild<HypothesesBoard *>(u"hypothesesBoard"_s);
        QVERIFY(board->isVisible());
        QVERIFY(board->message().isEmpty());
        const QString text = board->toPlainText();
        QVERIFY2(text.contains(u"Logs filled the disk  80 %"_s), qPrintable(text));
        QVERIFY(text.contains(u"A backup wrote to /data  40 %"_s));
        QVERIFY(text.contains(u"A DNS outage"_s)); // ruled out, still there
        QList<QString> statuses;
        QList<QString> ids;
        for (const EvidenceChips::Shown &chip : EvidenceChips::chipsIn(*board->document()))
            (chip.style == EvidenceChips::Style::Evidence ? ids : statuses) << chip.text;
        QCOMPARE(statuses, (QList<QString>{u"Likely"_s, u"Possible"_s, u"Ruled out"_s}));
        QCOMPARE(ids, (QList<QString>{u"E2"_s, u"E3"_s, u"E2"_s, u"E1"_s}));
        // The ruled-out one is struck through and dimmed.
        const QTextBlock ruledOut = board->document()->find(u"A DNS outage"_s).block();
        bool struck = false;
        for (auto it = ruledOut.begin(); !it.atEnd(); ++it)
            struck = struck || (it.fragment().text().contains(u"DNS"_s) && it.fragment().charFormat().fontStrikeOut());
        QVERIFY(struck);
        // Its chips click through like the answer's.
        QSignalSpy activated(&panel, &AnalysisPanel::evidenceActivated);
        QTest::mouseClick(board->viewport(), Qt::LeftButton, {}, chipCentre(board, 1)); // E2 of the first
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.at(0).at(0).value<EvidenceItem>().id, u"E2"_s);

        // Stored without hypotheses (the block was broken): one line says why.
        QString broken = QString::fromUtf8(citedAnswer);
        broken.replace(u"\"status\": \"likely\","_s, u"\"status\": likely,"_s);
        StoredAnalysis bad = storedFor(alert, broken, evidence);
        bad.id = 8;
        QVERIFY(bad.hypotheses.isEmpty());
        panel.showStoredAnalysis(bad);
        QVERIFY(board->isVisible());
        QVERIFY2(board->message().startsWith(u"The hypotheses block is not valid JSON"_s),
                 qPrintable(board->message()));
        QVERIFY(!board->toPlainText().contains(u"Logs filled"_s));
        QVERIFY(!panel.findChild<MarkdownStreamView *>(u"analysisOutput"_s)->toPlainText().contains(u"status"_s));

        // An answer without a block has no board.
        StoredAnalysis none = storedFor(alert, u"Nothing to see [E1]."_s, evidence);
        none.id = 9;
        panel.showStoredAnalysis(none);
        QVERIFY(!board->isVisible());
    }

    // While the answer streams, the hypotheses block never shows, not even its first
    // characters; and chips rendered piece by piece are those of a whole render.
    void streamedChipsMatchAWholeRenderAndTheBlockStaysHidden_data()
    {
        QTest::addColumn<int>("chunk");
        for (const int chunk : {1, 2, 5, 13, 64})
            QTest::addRow("%d", chunk) << chunk;
    }

    void streamedChipsMatchAWholeRenderAndTheBlockStaysHidden()
    {
        QFETCH(int, chunk);
        const QString answer = QString::fromUtf8(citedAnswer);
        const EvidenceSet evidence = sampleEvidence();
        CitationChips chips;
        chips.setEvidence(evidence);
        AnswerText text;
        MarkdownStreamView view;
        view.setDecorator(&chips);
        for (qsizetype at = 0; at < answer.size(); at += chunk) {
            const QString sofar = answer.left(at + chunk);
            chips.update(sofar);
            text.update(sofar);
            view.showMarkdown(text.shown(sofar, true));
            const QString shown = view.toPlainText();
            QVERIFY2(!shown.contains(u'`') && !shown.contains(u"\"title\""_s) && !shown.contains(u"[{"_s),
                     qPrintable(u"%1: %2"_s.arg(at).arg(shown)));
        }
        chips.finish();
        view.showMarkdown(text.shown(answer, false));
        view.refreshTail();

        CitationChips wholeChips;
        wholeChips.setEvidence(evidence);
        wholeChips.update(answer);
        wholeChips.finish();
        MarkdownStreamView whole;
        whole.setDecorator(&wholeChips);
        whole.showMarkdown(Hypotheses::withoutBlock(answer));
        QCOMPARE(view.toPlainText().trimmed(), whole.toPlainText().trimmed());
        QList<QString> streamed;
        QList<QString> expected;
        for (const EvidenceChips::Shown &c : EvidenceChips::chipsIn(*view.document()))
            streamed << c.text + c.href;
        for (const EvidenceChips::Shown &c : EvidenceChips::chipsIn(*whole.document()))
            expected << c.text + c.href;
        QCOMPARE(streamed, expected);
        QCOMPARE(expected.size(), 4);
        QCOMPARE(chips.counts(), wholeChips.counts());
    }

    // Placeholder characters in the answer itself are text, never chips.
    void privateUseCharactersInTheAnswerAreNotChips()
    {
        CitationChips chips;
        chips.setEvidence(sampleEvidence());
        const QString answer = u"Odd \uE000 and \uF000 here, cited [E1].\n"_s;
        chips.update(answer);
        chips.finish();
        MarkdownStreamView view;
        view.setDecorator(&chips);
        view.showMarkdown(answer);
        const QList<EvidenceChips::Shown> shown = EvidenceChips::chipsIn(*view.document());
        QCOMPARE(shown.size(), 1);
        QCOMPARE(shown.first().text, u"E1"_s);
    }

    void chipsForReview()
    {
        const Alert alert = AlertBuilder(u"f00d"_s).named(u"DiskFull"_s).build();
        AppSettings settings;
        for (const QString &theme : {u"light"_s, u"dark"_s}) {
            settings.setValue(Settings::theme, theme);
            Appearance::apply(settings);
            for (const int width : {460, 900}) {
                AnalysisPanel panel;
                panel.resize(width, 640);
                panel.show();
                QVERIFY(QTest::qWaitForWindowExposed(&panel));
                panel.showAlert(alert);
                panel.showStoredAnalysis(storedFor(alert, QString::fromUtf8(citedAnswer), sampleEvidence()));
                saveForReview(&panel, u"analysis-chips-%1-%2.png"_s.arg(theme).arg(width));
            }
        }
        settings.setValue(Settings::theme, u"system"_s);
        Appearance::apply(settings);
    }

    // Each tool call shows as a row with its state, a refused one with the reason; a chip
    // of the tool's result resolves against the run's evidence and leads to its step.
    void toolStepsShowAndTheirEvidenceResolves()
    {
        const std::unique_ptr<ToolRig> rig = toolRig();
        QVERIFY(rig);
        QVERIFY(QTest::qWaitForWindowExposed(&rig->panel));
        auto *steps = rig->panel.findChild<ToolStepsView *>(u"toolSteps"_s);
        auto *output = rig->panel.findChild<MarkdownStreamView *>(u"analysisOutput"_s);
        QSignalSpy outside(&rig->panel, &AnalysisPanel::evidenceActivated);
        rig->panel.analyze();

        QTRY_VERIFY(steps->row(u"c-disk"_s) && steps->isVisible());
        QTRY_COMPARE(steps->row(u"c-disk"_s)->step().state, ToolStep::State::Running);
        QVERIFY(steps->row(u"c-disk"_s)->headerText().startsWith(u"query_prometheus"_s));
        QTRY_COMPARE_WITH_TIMEOUT(steps->row(u"c-disk"_s)->step().state, ToolStep::State::Done, 10'000);
        ToolStepRow *broken = steps->row(u"c-broken"_s);
        QVERIFY(broken);
        QVERIFY(broken->step().state == ToolStep::State::Refused || broken->step().state == ToolStep::State::Failed);
        QVERIFY2(broken->headerText().size() > u"query_prometheus"_s.size() + 3, qPrintable(broken->headerText()));
        // The arguments the model wrote are shown as text, never as markup.
        auto *brokenText = broken->findChild<QLabel *>(u"toolStepText"_s);
        QCOMPARE(brokenText->textFormat(), Qt::PlainText);

        QTRY_VERIFY_WITH_TIMEOUT(!rig->panel.isRunning() && output->toPlainText().contains(u"The disk fills up"_s),
                                 10'000);
        QVERIFY(!rig->toolEvidence.isEmpty());
        QVERIFY(rig->panel.shownEvidence().find(rig->toolEvidence));
        const QList<EvidenceChips::Shown> chips = EvidenceChips::chipsIn(*output->document());
        QCOMPARE(chips.size(), 1);
        QCOMPARE(chips.first().style, EvidenceChips::Style::Evidence);
        QCOMPARE(chips.first().text, rig->toolEvidence);

        // Clicking it opens the step with its chart, here; nothing goes to the detail tabs.
        QVERIFY(!steps->row(u"c-disk"_s)->isExpanded());
        emit output->anchorClicked(EvidenceChips::href(rig->toolEvidence));
        QVERIFY(steps->row(u"c-disk"_s)->isExpanded());
        QVERIFY(steps->row(u"c-disk"_s)->isHighlighted());
        QVERIFY(!broken->isHighlighted());
        auto *chart = qobject_cast<Sparkline *>(steps->row(u"c-disk"_s)->detail());
        QVERIFY(chart);
        QVERIFY(chart->seriesCount() > 0);
        QCOMPARE(outside.size(), 0);
    }

    // A follow-up is typed under the answer (Shift+Enter: a new line, Enter: sent); its
    // question and answer show under the analysis. A question the service refuses says why.
    void aFollowUpIsAskedAndAnsweredUnderTheAnalysis()
    {
        const std::unique_ptr<ToolRig> rig = toolRig();
        QVERIFY(rig);
        QVERIFY(QTest::qWaitForWindowExposed(&rig->panel));
        auto *output = rig->panel.findChild<MarkdownStreamView *>(u"analysisOutput"_s);
        auto *input = rig->panel.findChild<QPlainTextEdit *>(u"followUpInput"_s);
        auto *followUp = rig->panel.findChild<FollowUpInput *>(u"followUp"_s);
        auto *fresh = rig->panel.findChild<QCheckBox *>(u"followUpFreshData"_s);
        auto *forward = rig->panel.findChild<QComboBox *>(u"forwardChoice"_s);
        QVERIFY(!followUp->isVisible()); // nothing to ask about yet
        rig->panel.analyze();
        QTRY_VERIFY(followUp->isVisible());
        QVERIFY(!input->isEnabled()); // while it runs
        QTRY_VERIFY_WITH_TIMEOUT(!rig->panel.isRunning() && input->isEnabled(), 10'000);
        QVERIFY(fresh->isVisible());

        // Too long for the service: its reason shows, nothing starts.
        input->setPlainText(QString(9000, u'x'));
        input->setFocus();
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY2(followUp->error().contains(u"at most"_s), qPrintable(followUp->error()));
        QVERIFY(!rig->panel.isRunning());

        input->setPlainText(u"Why at night"_s);
        input->moveCursor(QTextCursor::End);
        QTest::keyClick(input, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(input->toPlainText(), u"Why at night\n"_s);
        QTest::keyClicks(input, u"<b>?</b> *really*"_s);
        QSignalSpy stored(rig->analysis.get(), &AnalysisService::analysisStored);
        QTest::keyClick(input, Qt::Key_Return);
        QVERIFY(followUp->error().isEmpty());
        QVERIFY(input->toPlainText().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            !rig->panel.isRunning() && output->toPlainText().contains(u"Because the backup runs at 03:00"_s), 10'000);
        const QString shown = output->toPlainText();
        const qsizetype analysis = shown.indexOf(u"The disk fills up"_s);
        const qsizetype question = shown.indexOf(u"You asked: Why at night"_s);
        const qsizetype answer = shown.indexOf(u"Because the backup"_s);
        QVERIFY2(analysis >= 0 && analysis < question && question < answer, qPrintable(shown));
        // The question shows as typed: its markup is text.
        QVERIFY2(shown.contains(u"<b>?</b> *really*"_s), qPrintable(shown));
        const QList<EvidenceChips::Shown> chips = EvidenceChips::chipsIn(*output->document());
        QCOMPARE(chips.size(), 2);
        QCOMPARE(chips.at(1).text, u"E1"_s);
        QCOMPARE(chips.at(1).style, EvidenceChips::Style::Evidence);

        // Forward sends the latest answer unless an earlier one is picked.
        QVERIFY(forward->isVisible());
        QCOMPARE(forward->count(), 2);
        QVERIFY(rig->panel.forwardText().startsWith(u"Because the backup"_s));
        forward->setCurrentIndex(0);
        QVERIFY(rig->panel.forwardText().startsWith(u"The disk fills up"_s));

        // Stored with its conversation, it opens again with both turns. (The first turn's
        // own save may land after the spy started: wait for the one with the question.)
        const auto savedWithQuestion = [&] {
            return !stored.isEmpty()
                && stored.last().at(0).value<StoredAnalysis>().conversation.contains("Why at night");
        };
        QTRY_VERIFY_WITH_TIMEOUT(savedWithQuestion(), 10'000);
        const StoredAnalysis saved = stored.last().at(0).value<StoredAnalysis>();
        AnalysisPanel reopened;
        reopened.resize(520, 760);
        reopened.showAlert(rig->alert);
        reopened.showStoredAnalysis(saved);
        const QString again = reopened.findChild<MarkdownStreamView *>(u"analysisOutput"_s)->toPlainText();
        QVERIFY2(again.contains(u"The disk fills up"_s) && again.contains(u"You asked: Why at night"_s)
                     && again.contains(u"Because the backup"_s),
                 qPrintable(again));
        QCOMPARE(reopened.findChild<ToolStepsView *>(u"toolSteps"_s)->rowCount(), 2);

        for (const QString &theme : {u"light"_s, u"dark"_s}) {
            AppSettings settings;
            settings.setValue(Settings::theme, theme);
            Appearance::apply(settings);
            QTRY_COMPARE(rig->panel.palette().color(QPalette::Base), QApplication::palette().color(QPalette::Base));
            emit output->anchorClicked(EvidenceChips::href(rig->toolEvidence));
            saveForReview(&rig->panel, u"panel2-%1.png"_s.arg(theme));
        }
        AppSettings settings;
        settings.setValue(Settings::theme, u"system"_s);
        Appearance::apply(settings);
    }

    // A stored conversation opens with its turns and steps (their summaries: no results
    // are stored); a long one lists its latest calls and counts the earlier ones.
    void storedStepsListTheLatestCallsAsText()
    {
        const Alert alert = AlertBuilder(u"f00d"_s).named(u"DiskFull"_s).build();
        QList<ConversationTurn> turns(2);
        turns[0].answer = u"First [E1]."_s;
        turns[1].question = u"Then?"_s;
        turns[1].answer = u"Then this."_s;
        for (int i = 0; i < 150; ++i)
            turns[i < 30 ? 0 : 1].steps.append({.callId = u"c-%1"_s.arg(i),
                                                .name = u"query_loki"_s,
                                                .state = ToolStep::State::Failed,
                                                .summary = u"<b>boom</b> %1"_s.arg(i)});
        StoredAnalysis analysis = storedFor(alert, turns[0].answer, sampleEvidence());
        analysis.conversation = AnalysisConversation::toJson(turns);
        AnalysisPanel panel;
        panel.resize(520, 700);
        panel.showAlert(alert);
        panel.showStoredAnalysis(analysis);
        auto *steps = panel.findChild<ToolStepsView *>(u"toolSteps"_s);
        QCOMPARE(steps->rowCount(), ToolStepsView::maxRows);
        QVERIFY(!steps->row(u"c-49"_s));
        QVERIFY(steps->row(u"c-50"_s) && steps->row(u"c-149"_s));
        QCOMPARE(steps->findChild<QLabel *>(u"toolStepsEarlier"_s)->text(), u"50 earlier tool call(s) not listed"_s);
        QVERIFY(steps->row(u"c-149"_s)->headerText().contains(u"<b>boom</b> 149"_s));
        const QString shown = panel.findChild<MarkdownStreamView *>(u"analysisOutput"_s)->toPlainText();
        QVERIFY2(shown.contains(u"First"_s) && shown.contains(u"You asked: Then?"_s) && shown.contains(u"Then this."_s),
                 qPrintable(shown));
        QCOMPARE(panel.forwardText(), u"Then this."_s);
    }

    void aRunContinuesWhileAnotherAlertIsShown()
    {
        openWindowWithAlert();
        m_llm->route("/chat/completions", streamed(u"deepseek-chat.sse"_s, 10ms));
        auto *output = child<MarkdownStreamView>(u"analysisOutput"_s);
        auto *status = child<QLabel>(u"analysisStatus"_s);
        QTest::mouseClick(child<QPushButton>(u"analyzeButton"_s), Qt::LeftButton);
        QTRY_VERIFY(!output->toPlainText().isEmpty());

        auto *table = child<QTableView>(u"alertTable"_s);
        table->clearSelection();
        table->setCurrentIndex({});
        QTRY_VERIFY(output->placeholderText().startsWith(u"Select an alert"_s));
        QVERIFY(status->text().isEmpty());
        QVERIFY(output->toPlainText().isEmpty());
        QTRY_VERIFY(m_analysis->runningKeys().isEmpty()); // it finished meanwhile

        table->selectRow(0);
        QTRY_VERIFY(status->text().startsWith(u"Finished in"_s));
        QVERIFY(output->toPlainText().startsWith(u"AI fault analysis"_s));
    }
};

QTEST_MAIN(TestAnalysisPanel)
#include "tst_analysispanel.moc"
