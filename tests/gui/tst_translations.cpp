// Simplified Chinese: the catalogue is complete, it loads, the window and dialogs speak
// it and their texts fit; user-visible literals in ui/ go through tr(). Writes
// screenshots in both languages when ALERTDECK_SCREENSHOT_DIR is set.

#include "MainWindow.h"
#include "ReviewShot.h"
#include "SettingsDialog.h"
#include "ShortcutsDialog.h"
#include "UiResources.h"
#include "core/Translations.h"
#include "demo/DemoAlerts.h"
#include "ingest/HttpListener.h"
#include "ingest/HttpRequestParser.h"
#include "model/AlertTableModel.h"
#include "secrets/MemorySecretStore.h"
#include "settings/AppSettings.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {
// Buttons and one-line labels narrower than their text: cut off.
QStringList cutOff(QWidget *top)
{
    QStringList problems;
    for (QAbstractButton *button : top->findChildren<QAbstractButton *>()) {
        if (!button->isVisibleTo(top) || button->text().isEmpty())
            continue;
        if (button->width() < button->minimumSizeHint().width())
            problems << u"button \"%1\": %2 < %3"_s.arg(button->text())
                            .arg(button->width())
                            .arg(button->minimumSizeHint().width());
    }
    for (QLabel *label : top->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(top) || label->wordWrap() || label->text().isEmpty() || !label->pixmap().isNull())
            continue;
        if (label->width() < label->minimumSizeHint().width())
            problems << u"label \"%1\": %2 < %3"_s.arg(label->text())
                            .arg(label->width())
                            .arg(label->minimumSizeHint().width());
    }
    return problems;
}

// Words a person reads, once markup, placeholders, URLs, resource paths and the
// product's name are set aside.
bool isProse(QString literal)
{
    if (literal.startsWith(u':') || literal.startsWith(u"http"_s))
        return false;
    static const QRegularExpression markup(u"<[^>]*>|&\\w+;|%\\d|\\bAlertDeck\\b"_s);
    static const QRegularExpression word(u"[A-Za-z]{2,}"_s);
    return word.match(literal.remove(markup)).hasMatch();
}

bool hasChinese(const QString &text)
{
    static const QRegularExpression han(u"\\p{Han}"_s);
    return han.match(text).hasMatch();
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    // The window with sample alerts, rendered for review; returns what is cut off.
    QStringList renderWindowAndDialogs(const QString &language)
    {
        AlertTableModel alerts;
        alerts.upsert(DemoAlerts::load(QDateTime::currentDateTimeUtc()));
        HttpListener listener;
        AppSettings settings(m_dir.filePath(language + u".ini"_s));
        MemorySecretStore secrets;
        MainWindow window(MainWindowContext{
            .alerts = &alerts, .listener = &listener, .demo = true, .settings = &settings, .secrets = &secrets});
        window.resize(1400, 860);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return {u"window not shown"_s};
        saveForReview(&window, u"translation-%1-window.png"_s.arg(language));

        QStringList problems;
        SettingsDialog dialog(&settings, &secrets, m_dir.filePath(u"alerts.sqlite"_s));
        dialog.show();
        auto *pages = dialog.findChild<QListWidget *>(u"settingsPages"_s);
        for (int page = 0; page < pages->count(); ++page) {
            pages->setCurrentRow(page);
            QCoreApplication::processEvents();
            saveForReview(&dialog, u"translation-%1-settings-%2.png"_s.arg(language).arg(page));
            for (const QString &problem : cutOff(&dialog))
                problems << u"Settings page %1: %2"_s.arg(page).arg(problem);
        }
        ShortcutsDialog sheet(window.menuBar(), {});
        sheet.show();
        saveForReview(&sheet, u"translation-%1-shortcuts.png"_s.arg(language));
        problems.removeDuplicates();
        return problems;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        UiResources::initialize();
    }

    void englishFitsAsAReference()
    {
        const QStringList problems = renderWindowAndDialogs(u"en"_s);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    // A locale without a catalogue (C, German…) gets the English one, with its plural
    // forms: "1 update", "3 updates", not "update(s)".
    void otherLocalesGetEnglishPlurals()
    {
        const auto dropTranslators = [] {
            for (QTranslator *translator : qApp->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly))
                delete translator; // a deleted translator leaves the application
        };
        dropTranslators();
        for (const QString &language : {u"C"_s, u"de_DE"_s}) {
            QCOMPARE(Translations::install(*qApp, language), u"en"_s);
            QCOMPARE(QCoreApplication::translate("MainWindow", "↻ %n update(s)", nullptr, 3), u"↻ 3 updates"_s);
            QCOMPARE(QCoreApplication::translate("MainWindow", "↻ %n update(s)", nullptr, 1), u"↻ 1 update"_s);
            dropTranslators();
        }
        QLocale::setDefault(QLocale::c());
    }

    void simplifiedChineseLoadsAndFits()
    {
        QCOMPARE(Translations::install(*qApp, u"zh_CN"_s), u"zh_CN"_s);
        QVERIFY(hasChinese(QCoreApplication::translate("MainWindow", "&Silences")));
        {
            AlertTableModel alerts;
            HttpListener listener;
            MainWindow window(MainWindowContext{.alerts = &alerts, .listener = &listener});
            QVERIFY(hasChinese(window.findChild<QAction *>(u"actionSilence"_s)->text()));
            // "分析(A)" on a toolbar button would promise an Alt+A that opens the 告警(A) menu.
            for (const char *name : {"actionAnalyze", "actionForward", "actionSilence"}) {
                const QString label = window.findChild<QAction *>(QLatin1String(name))->iconText();
                QVERIFY2(hasChinese(label) && !label.contains(u'(') && !label.contains(u'&'), qPrintable(label));
            }
            QVERIFY(hasChinese(alerts.headerData(AlertTableModel::Name, Qt::Horizontal).toString()));
        }
        // The listener's refusals too: they reach the replay dialog and the command line.
        HttpRequestParser parser({});
        parser.feed("GET /healthz HTTP/1.1\r\n\r\n");
        QCOMPARE(parser.state(), HttpRequestParser::State::Failed);
        QVERIFY2(hasChinese(parser.error()->message), qPrintable(parser.error()->message));
        // Qt's own strings (standard buttons) follow too.
        QVERIFY(hasChinese(QCoreApplication::translate("QPlatformTheme", "Cancel")));
        const QStringList problems = renderWindowAndDialogs(u"zh_CN"_s);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QLocale::setDefault(QLocale::c());
    }

    // Every message is translated, the listener's refusals too: they show in the replay
    // dialog and the command line as well as in the sender's log.
    void catalogueIsComplete()
    {
        QFile file(QStringLiteral(ALERTDECK_SOURCE_DIR "/translations/alertdeck_zh_CN.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QString context;
        QString source;
        QStringList unfinished;
        int messages = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"name"_s)
                context = xml.readElementText();
            else if (xml.name() == u"source"_s)
                source = xml.readElementText();
            else if (xml.name() == u"translation"_s) {
                ++messages;
                const bool done = xml.attributes().value(u"type"_s) != u"unfinished"_s;
                if (!done)
                    unfinished << context + u": "_s + source;
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY(messages > 800);
        QVERIFY2(unfinished.isEmpty(), qPrintable(unfinished.join(u'\n')));
    }

    // translations/GLOSSARY-zh_CN.md names the terms a translation must not use.
    void catalogueFollowsTheGlossary()
    {
        QFile glossary(QStringLiteral(ALERTDECK_SOURCE_DIR "/translations/GLOSSARY-zh_CN.md"));
        QVERIFY(glossary.open(QIODevice::ReadOnly));
        QStringList avoided;
        QStringList avoidedExactly;
        for (const QString &line : QString::fromUtf8(glossary.readAll()).split(u'\n')) {
            if (line.startsWith(u"avoid: "_s))
                avoided << line.mid(7).trimmed();
            else if (line.startsWith(u"avoid-exact: "_s))
                avoidedExactly << line.mid(13).trimmed();
        }
        QVERIFY(avoided.size() >= 5);

        QFile file(QStringLiteral(ALERTDECK_SOURCE_DIR "/translations/alertdeck_zh_CN.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        QString source;
        QStringList offenders;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"source"_s) {
                source = xml.readElementText();
            } else if (xml.name() == u"translation"_s || xml.name() == u"numerusform"_s) {
                if (xml.attributes().value(u"type"_s) == u"vanished"_s)
                    continue;
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                for (const QString &term : std::as_const(avoided))
                    if (text.contains(term))
                        offenders << u"%1 → %2 (uses %3)"_s.arg(source, text, term);
                if (avoidedExactly.contains(text.trimmed()))
                    offenders << u"%1 → %2"_s.arg(source, text);
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u'\n')));
    }

    // A user-visible literal that skips tr() stays English in every language.
    void uiLiteralsGoThroughTr()
    {
        static const QRegularExpression visible(
            u"(setText|setWindowTitle|setPlaceholderText|setToolTip|setStatusTip|addItem|addAction|addMenu|"
            "setInformativeText|showMessage|QLabel|QPushButton|QCheckBox|QRadioButton|QGroupBox|QAction)"
            "\\s*\\(\\s*u\"([^\"]*[A-Za-z]{2,}[^\"]*)\"_s"_s);
        QStringList found;
        QDirIterator files(QStringLiteral(ALERTDECK_SOURCE_DIR "/ui"), {u"*.cpp"_s}, QDir::Files,
                           QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            int number = 0;
            for (const QByteArray &line : file.readAll().split('\n')) {
                ++number;
                const QString text = QString::fromUtf8(line);
                if (text.contains(u"untranslated:"_s)) // a reason is given on the line
                    continue;
                const QRegularExpressionMatch match = visible.match(text);
                if (match.hasMatch() && isProse(match.captured(2)))
                    found << u"%1:%2: %3"_s.arg(files.fileName()).arg(number).arg(text.trimmed());
            }
        }
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
