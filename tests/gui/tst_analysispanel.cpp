#include "AnalysisPanel.h"
#include "DetailTabs.h"
#include "FakeHttpServer.h"
#include "MainWindowFixture.h"
#include "SettingsDialog.h"
#include "TestData.h"
#include "analysis/AnalysisService.h"
#include "analysis/MarkdownStreamView.h"
#include "context/ContextService.h"
#include "model/AlertTableModel.h"
#include "secrets/MemorySecretStore.h"
#include "settings/AppSettings.h"
#include "store/StoreService.h"

#include <QAction>
#include <QApplication>
#include <QImage>
#include <QLabel>
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
        QTextDocument whole;
        whole.setMarkdown(QString::fromUtf8(TestData::fixture(u"llm/deepseek-chat.expected.md"_s)),
                          MarkdownStreamView::markdownFeatures);
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
