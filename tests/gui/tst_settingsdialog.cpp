#include "Appearance.h"
#include "ConnectionTestButton.h"
#include "DataPage.h"
#include "DestinationDialog.h"
#include "DestinationsPage.h"
#include "FakeHttpServer.h"
#include "FileModes.h"
#include "ForwardRulesEditor.h"
#include "MentionFormat.h"
#include "RequestPreviewDialog.h"
#include "ResultAssert.h"
#include "ReviewShot.h"
#include "SecretField.h"
#include "SettingsDialog.h"
#include "SeverityStyle.h"
#include "ShownText.h"
#include "TestData.h"
#include "UiResources.h"
#include "analysis/ProviderModels.h"
#include "context/ContextTemplates.h"
#include "forward/ChatTool.h"
#include "forward/ForwardMessage.h"
#include "secrets/MemorySecretStore.h"
#include "settings/AppSettings.h"
#include "settings/ChatDestination.h"
#include "store/StoreService.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkProxy>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <cmath>
#include <memory>
#include <optional>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<SettingsDialog> m_dialog;

    SettingsDialog *openDialog(const QString &storePath = {})
    {
        m_dialog = std::make_unique<SettingsDialog>(m_settings.get(), m_secrets.get(), storePath);
        m_dialog->show();
        if (!QTest::qWaitForWindowExposed(m_dialog.get()))
            return nullptr;
        // Every secret field has asked the keychain by the time the test looks.
        for (SecretField *field : m_dialog->findChildren<SecretField *>())
            if (!QTest::qWaitFor([field] { return field->stored() != SecretField::Stored::Checking; }))
                return nullptr;
        return m_dialog.get();
    }
    template<typename T> T *child(const QString &name = {}) const { return m_dialog->findChild<T *>(name); }
    SecretField *secretField(const SecretId &id) const { return child<SecretField>(u"secret:"_s + id.path()); }
    QString statusOf(const SecretId &id) const
    {
        return secretField(id)->findChild<QLabel *>(u"secretStatus"_s)->text();
    }
    void enterSecret(const SecretId &id, const QString &value)
    {
        SecretField *field = secretField(id);
        field->findChild<QPushButton *>(u"secretReplace"_s)->click();
        QTest::keyClicks(field->findChild<QLineEdit *>(u"secretEdit"_s), value);
    }
    // Every text a person can see in the dialog.
    QStringList visibleTexts() const
    {
        QStringList texts;
        for (const QLabel *label : m_dialog->findChildren<QLabel *>())
            texts << label->text();
        for (const QLineEdit *edit : m_dialog->findChildren<QLineEdit *>())
            texts << edit->text() << edit->displayText();
        return texts;
    }

    // WCAG's 4.5:1 for text, on the table's base colour.
    static void assertSeveritiesReadable(const QPalette &palette)
    {
        auto luminance = [](const QColor &color) {
            auto channel = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
            return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF());
        };
        const double base = luminance(palette.color(QPalette::Base));
        for (Severity severity :
             {Severity::Critical, Severity::Warning, Severity::Info, Severity::None, Severity::Other}) {
            const double text = luminance(SeverityStyle::color(severity, palette));
            const double ratio = (std::max(text, base) + 0.05) / (std::min(text, base) + 0.05);
            QVERIFY2(ratio >= 4.5,
                     qPrintable(
                         u"%1 on %2: %3"_s
                             .arg(SeverityStyle::color(severity, palette).name(), palette.color(QPalette::Base).name())
                             .arg(ratio)));
        }
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        UiResources::initialize();
    }

    void init()
    {
        m_settings = std::make_unique<AppSettings>(
            m_dir.filePath(u"settings-%1.ini"_s.arg(QLatin1String(QTest::currentTestFunction()))));
        m_secrets = std::make_unique<MemorySecretStore>();
    }

    void cleanup()
    {
        m_dialog.reset();
        m_settings.reset();
        m_secrets.reset();
    }

    void exposedListenerNeedsAuthThenSaves()
    {
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        QSignalSpy saved(dialog, &SettingsDialog::saved);
        QCOMPARE(child<QComboBox>(u"listenerHost"_s)->currentText(), u"127.0.0.1"_s);
        QCOMPARE(child<QSpinBox>(u"listenerPort"_s)->value(), 9095);
        QVERIFY(!child<QLabel>(u"exposureWarning"_s)->isVisible());

        child<QComboBox>(u"listenerHost"_s)->setCurrentText(u"0.0.0.0"_s);
        child<QSpinBox>(u"listenerPort"_s)->setValue(9200);
        QVERIFY(child<QLabel>(u"exposureWarning"_s)->isVisible());
        child<QDialogButtonBox>()->button(QDialogButtonBox::Save)->click();
        QVERIFY(dialog->isVisible());
        QVERIFY(child<QLabel>(u"authMessage"_s)->isVisible());
        QVERIFY2(child<QLabel>(u"authMessage"_s)->text().contains(u"requires authentication"_s),
                 qPrintable(child<QLabel>(u"authMessage"_s)->text()));
        QVERIFY(child<QLabel>(u"settingsStatus"_s)->text().contains(u"nothing was saved"_s));
        QCOMPARE(m_settings->value(Settings::listenAddress), QString()); // the default
        QCOMPARE(saved.count(), 0);

        enterSecret(Secrets::listenerToken, u"tok-marker-81"_s);
        child<QDialogButtonBox>()->button(QDialogButtonBox::Save)->click();
        QTRY_COMPARE(saved.count(), 1);
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        QCOMPARE(m_settings->value(Settings::listenAddress), u"0.0.0.0:9200"_s);
        QCOMPARE(m_secrets->contents().value(Secrets::listenerToken), u"tok-marker-81"_s);
        // Secrets never reach the settings file.
        QFile ini(m_settings->fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains("tok-marker-81"));
    }

    void storedSecretsAreShownButNeverRevealed()
    {
        m_secrets->set(Secrets::listenerToken, u"hidden-marker-82"_s);
        QVERIFY(openDialog());
        QCOMPARE(statusOf(Secrets::listenerToken), u"Stored in keychain ✓"_s);
        QCOMPARE(statusOf(Secrets::listenerPassword), u"Not set"_s);
        for (const QString &text : visibleTexts())
            QVERIFY2(!text.contains(u"hidden-marker-82"_s), qPrintable(text));

        // Replacing shows dots, never the typed value.
        enterSecret(Secrets::listenerToken, u"typed-marker-83"_s);
        for (const QString &text : visibleTexts())
            QVERIFY(!text.contains(u"typed-marker-83"_s) || text == u"typed-marker-83"_s); // only the edit's own text
        QCOMPARE(secretField(Secrets::listenerToken)->findChild<QLineEdit *>(u"secretEdit"_s)->echoMode(),
                 QLineEdit::Password);
    }

    void removeTakesEffectOnSaveAndCanBeUndone()
    {
        m_secrets->set(Secrets::grafanaHmacSecret, u"hmac-marker-84"_s);
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        SecretField *field = secretField(Secrets::grafanaHmacSecret);
        field->findChild<QPushButton *>(u"secretRemove"_s)->click();
        QCOMPARE(statusOf(Secrets::grafanaHmacSecret), u"Will be removed when you save"_s);
        field->findChild<QPushButton *>(u"secretUndo"_s)->click();
        QCOMPARE(statusOf(Secrets::grafanaHmacSecret), u"Stored in keychain ✓"_s);
        field->findChild<QPushButton *>(u"secretRemove"_s)->click();
        QVERIFY(m_secrets->contents().contains(Secrets::grafanaHmacSecret)); // not before saving
        dialog->save();
        QTRY_VERIFY(!dialog->isVisible());
        QVERIFY(!m_secrets->contents().contains(Secrets::grafanaHmacSecret));
    }

    void cancelDiscardsEverything()
    {
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        child<QSpinBox>(u"bodyLimit"_s)->setValue(64);
        enterSecret(Secrets::listenerToken, u"discarded-marker"_s);
        child<QDialogButtonBox>()->button(QDialogButtonBox::Cancel)->click();
        QVERIFY(!dialog->isVisible());
        QCOMPARE(m_settings->value(Settings::bodyLimitMiB), 8);
        QVERIFY(m_secrets->contents().isEmpty());
    }

    void valuesPersistAcrossOpenings()
    {
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        child<QLineEdit>(u"basicUser"_s)->setText(u"alertmanager"_s);
        enterSecret(Secrets::listenerPassword, u"pw-marker-85"_s);
        child<QSpinBox>(u"bodyLimit"_s)->setValue(16);
        QCOMPARE(child<QSpinBox>(u"maxAlertsPerPayload"_s)->value(), 10'000);
        child<QSpinBox>(u"maxAlertsPerPayload"_s)->setValue(25'000);
        child<QComboBox>(u"theme"_s)->setCurrentIndex(child<QComboBox>(u"theme"_s)->findData(u"dark"_s));
        child<QSpinBox>(u"retentionDays"_s)->setValue(30);
        QCOMPARE(child<QSpinBox>(u"workingSetHours"_s)->value(), 24);
        child<QSpinBox>(u"workingSetHours"_s)->setValue(72);
        dialog->save();
        QTRY_VERIFY(!dialog->isVisible());

        QVERIFY(openDialog());
        QCOMPARE(child<QLineEdit>(u"basicUser"_s)->text(), u"alertmanager"_s);
        QCOMPARE(statusOf(Secrets::listenerPassword), u"Stored in keychain ✓"_s);
        QCOMPARE(child<QSpinBox>(u"bodyLimit"_s)->value(), 16);
        QCOMPARE(child<QSpinBox>(u"maxAlertsPerPayload"_s)->value(), 25'000);
        QCOMPARE(m_settings->value(Settings::maxAlertsPerPayload), 25'000);
        QCOMPARE(child<QComboBox>(u"theme"_s)->currentData().toString(), u"dark"_s);
        QCOMPARE(child<QSpinBox>(u"retentionDays"_s)->value(), 30);
        QCOMPARE(m_settings->value(Settings::workingSetHours), 72);
        QCOMPARE(child<QSpinBox>(u"workingSetHours"_s)->value(), 72);
    }

    // The wheel over a field the pointer passes while scrolling the long AI page scrolls the
    // page and leaves the field's value alone; a field with focus takes the wheel.
    void theWheelScrollsPastFieldsWithoutChangingThem()
    {
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->showPage(u"analysisPage"_s);
        auto *perHour = child<QSpinBox>(u"autoPerHour"_s);
        auto *target = child<QComboBox>(u"autoTarget"_s);
        QScrollArea *scroll = nullptr;
        for (QWidget *parent = perHour->parentWidget(); parent && !scroll; parent = parent->parentWidget())
            scroll = qobject_cast<QScrollArea *>(parent);
        QVERIFY(scroll);
        QTRY_VERIFY(scroll->verticalScrollBar()->maximum() > 0);
        const auto wheelOver = [](QWidget *field) {
            const QPointF at = QPointF(field->width() / 2.0, field->height() / 2.0);
            QWheelEvent wheel(at, field->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                              Qt::NoScrollPhase, false);
            QApplication::sendEvent(field, &wheel);
        };
        const int value = perHour->value();
        const int choice = target->currentIndex();
        scroll->verticalScrollBar()->setValue(0);
        wheelOver(perHour);
        wheelOver(target);
        QCOMPARE(perHour->value(), value);
        QCOMPARE(target->currentIndex(), choice);
        QVERIFY(scroll->verticalScrollBar()->value() > 0); // the page scrolled instead
        QCOMPARE(perHour->focusPolicy(), Qt::StrongFocus);
    }

    void basicAuthNeedsBothParts()
    {
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        child<QLineEdit>(u"basicUser"_s)->setText(u"am"_s);
        dialog->save();
        QVERIFY(dialog->isVisible());
        QVERIFY(child<QLabel>(u"authMessage"_s)->text().contains(u"needs a password"_s));
    }

    void selectedPageIconStandsOutOfTheHighlight()
    {
        QVERIFY(openDialog());
        auto *pages = child<QListWidget>(u"settingsPages"_s);
        const QColor text = pages->palette().color(QPalette::HighlightedText);
        for (int row = 0; row < pages->count(); ++row) {
            // The listener's blue icon vanished on the blue selection: selected, every
            // icon is drawn in the selected text's colour.
            const QImage selected = pages->item(row)->icon().pixmap(pages->iconSize(), QIcon::Selected).toImage();
            int drawn = 0;
            for (int y = 0; y < selected.height(); ++y)
                for (int x = 0; x < selected.width(); ++x)
                    if (const QColor pixel = selected.pixelColor(x, y); pixel.alpha() > 200) {
                        ++drawn;
                        QCOMPARE(pixel.rgb(), text.rgb());
                    }
            QVERIFY2(drawn > 20, qPrintable(pages->item(row)->text()));
        }
        saveForReview(m_dialog.get(), u"settings-listener-selected.png"_s);
    }

    void allowedOriginsAreCheckedAndKept()
    {
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        QVERIFY(child<QLineEdit>(u"allowedOrigins"_s)->text().isEmpty()); // none by default
        child<QLineEdit>(u"allowedOrigins"_s)->setText(u"https://tools.example.org, tools.example.org/page"_s);
        dialog->save();
        QVERIFY(dialog->isVisible());
        QVERIFY2(child<QLabel>(u"originsMessage"_s)->text().contains(u"is not a web origin"_s),
                 qPrintable(child<QLabel>(u"originsMessage"_s)->text()));
        saveForReview(dialog, u"settings-listener-origins.png"_s);
        child<QLineEdit>(u"allowedOrigins"_s)->setText(u"https://tools.example.org, http://127.0.0.1:8080"_s);
        dialog->save();
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(m_settings->value(Settings::allowedOrigins),
                 QStringList({u"https://tools.example.org"_s, u"http://127.0.0.1:8080"_s}));
        QVERIFY(openDialog());
        QCOMPARE(child<QLineEdit>(u"allowedOrigins"_s)->text(), u"https://tools.example.org, http://127.0.0.1:8080"_s);
    }

    void unusableTlsFilesAreExplained()
    {
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        child<QLineEdit>(u"tlsCertificate"_s)->setText(TestData::path(u"tls/server.pem"_s));
        dialog->save();
        QVERIFY(child<QLabel>(u"tlsMessage"_s)->text().contains(u"both the certificate and the private key"_s));
        child<QLineEdit>(u"tlsKey"_s)->setText(m_dir.filePath(u"missing.key"_s));
        dialog->save();
        QVERIFY2(child<QLabel>(u"tlsMessage"_s)->text().contains(u"missing.key"_s),
                 qPrintable(child<QLabel>(u"tlsMessage"_s)->text()));
        child<QLineEdit>(u"tlsKey"_s)->setText(TestData::path(u"tls/server.key"_s));
        dialog->save();
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(m_settings->value(Settings::tlsKeyFile), TestData::path(u"tls/server.key"_s));
    }

    void missingKeychainIsSaidPlainly()
    {
        m_secrets->setAvailable(false);
        QVERIFY(openDialog());
        QCOMPARE(statusOf(Secrets::listenerToken), u"Keychain unavailable"_s);
        QVERIFY(!secretField(Secrets::listenerToken)->findChild<QPushButton *>(u"secretReplace"_s)->isEnabled());
        QVERIFY(secretField(Secrets::listenerToken)
                    ->findChild<QLabel *>(u"secretStatus"_s)
                    ->toolTip()
                    .contains(u"No keychain"_s));
    }

    void themeAppliesLive()
    {
        m_settings->setValue(Settings::theme, u"dark"_s);
        m_settings->setValue(Settings::fontPointSize, 14);
        Appearance::apply(*m_settings);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        QCOMPARE(QApplication::font().pointSize(), 14);
        QVERIFY(SeverityStyle::isDark(QApplication::palette()));
        assertSeveritiesReadable(QApplication::palette());
        m_settings->setValue(Settings::theme, u"light"_s);
        m_settings->setValue(Settings::fontPointSize, 0);
        Appearance::apply(*m_settings);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 150);
        QVERIFY(!SeverityStyle::isDark(QApplication::palette()));
        assertSeveritiesReadable(QApplication::palette());
        m_settings->setValue(Settings::theme, u"system"_s);
        Appearance::apply(*m_settings);
    }

    void historyExportRunsInTheBackground()
    {
        const QString storePath = m_dir.filePath(u"export-store.sqlite"_s);
        {
            StoreService ingest;
            QVERIFY_OK(ingest.open(storePath));
            int answered = 0;
            for (const QString &fixture : {u"alertmanager/firing-single.json"_s, u"grafana/firing.json"_s})
                ingest.submit({QDateTime::currentDateTimeUtc(), u"/webhook"_s, PayloadFormat::Auto, "{}",
                               TestData::fixture(fixture)},
                              this, [&answered](const IngestResult &) { ++answered; });
            QTRY_COMPARE(answered, 2);
        }
        QVERIFY(openDialog(storePath));
        auto *page = child<DataPage>(u"dataPage"_s);
        QSignalSpy finished(page, &DataPage::exportFinished);
        const QString file = m_dir.filePath(u"history.ndjson"_s);
        page->exportTo(file);
        QVERIFY(!child<QPushButton>(u"exportHistory"_s)->isEnabled()); // busy while it runs
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(finished.at(0).at(0).toBool());
        QVERIFY(child<QLabel>(u"exportStatus"_s)->text().startsWith(u"Exported 2 payload(s)"_s));
        QFile out(file);
        QVERIFY(out.open(QIODevice::ReadOnly));
        QCOMPARE(out.readAll().count('\n'), 2);

        page->exportTo(m_dir.filePath(u"no-such-dir/x.ndjson"_s));
        QTRY_COMPARE(finished.count(), 2);
        QVERIFY(!finished.at(1).at(0).toBool());
        QVERIFY(child<QLabel>(u"exportStatus"_s)->text().startsWith(u"Cannot write"_s));
    }

    // Payloads hold alert data: an export is its owner's only, whatever the umask, also
    // when it replaces a file others could read.
    void historyExportIsPrivate()
    {
        const QString storePath = m_dir.filePath(u"private-store.sqlite"_s);
        {
            StoreService ingest;
            QVERIFY_OK(ingest.open(storePath));
            bool answered = false;
            ingest.submit({QDateTime::currentDateTimeUtc(), u"/webhook"_s, PayloadFormat::Auto, "{}",
                           TestData::fixture(u"alertmanager/firing-single.json"_s)},
                          this, [&answered](const IngestResult &) { answered = true; });
            QTRY_VERIFY(answered);
        }
        QVERIFY(openDialog(storePath));
        auto *page = child<DataPage>(u"dataPage"_s);
        QSignalSpy finished(page, &DataPage::exportFinished);
        std::optional<LaxUmask> lax(std::in_place); // files are 0644 unless made otherwise
        const QString fresh = m_dir.filePath(u"fresh.ndjson"_s);
        const QString existing = m_dir.filePath(u"existing.ndjson"_s);
        {
            QFile old(existing);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old contents\n");
        }
        QVERIFY(QFile::setPermissions(existing,
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                                          | QFileDevice::ReadOther));
        page->exportTo(fresh);
        QTRY_COMPARE(finished.count(), 1);
        page->exportTo(existing);
        QTRY_COMPARE(finished.count(), 2);
        lax.reset();
        constexpr auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
        for (const QString &file : {fresh, existing}) {
            QVERIFY2(finished.at(file == fresh ? 0 : 1).at(0).toBool(), qPrintable(file));
            const QFileDevice::Permissions permissions = QFileInfo(file).permissions();
            QVERIFY2(!(permissions & others), qPrintable(u"%1: %2"_s.arg(file).arg(int(permissions), 0, 16)));
            QVERIFY(permissions & QFileDevice::ReadOwner && permissions & QFileDevice::WriteOwner);
            QFile out(file);
            QVERIFY(out.open(QIODevice::ReadOnly));
            const QByteArray written = out.readAll();
            QCOMPARE(written.count('\n'), 1);
            QVERIFY(!written.contains("old contents"));
        }
    }

    void dataSourceTestsUseWhatIsTyped()
    {
        FakeHttpServer prometheus;
        QVERIFY(prometheus.listen());
        prometheus.route("/api/v1/status/buildinfo", {200, R"({"status":"success","data":{"version":"2.42.0"}})"});
        m_secrets->set(Secrets::prometheusPassword, u"stored-pw-86"_s);
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->showPage(u"dataSourcesPage"_s);
        child<QPlainTextEdit>(u"prometheusUrls"_s)->setPlainText(prometheus.url().toString());
        child<QLineEdit>(u"prometheusUser"_s)->setText(u"ops"_s);
        auto *test = child<ConnectionTestButton>(u"prometheusTest"_s);
        QSignalSpy finished(test, &ConnectionTestButton::finished);
        test->run();
        QVERIFY(finished.wait());
        QCOMPARE(test->resultText(), u"Connected: Prometheus 2.42.0"_s);
        // The stored password is used for the test, and shown nowhere.
        QCOMPARE(prometheus.requests.constLast().header("authorization"),
                 "Basic " + QByteArray("ops:stored-pw-86").toBase64());
        for (const QString &text : visibleTexts())
            QVERIFY(!text.contains(u"stored-pw-86"_s));

        // A typed replacement is tested before it is saved.
        enterSecret(Secrets::prometheusPassword, u"typed-pw-87"_s);
        test->run();
        QVERIFY(finished.wait());
        QCOMPARE(prometheus.requests.constLast().header("authorization"),
                 "Basic " + QByteArray("ops:typed-pw-87").toBase64());

        // Several Alertmanagers: each gets its own line.
        FakeHttpServer alertmanager;
        QVERIFY(alertmanager.listen());
        alertmanager.route("/api/v2/status",
                           {200, R"({"cluster":{"status":"ready"},"versionInfo":{"version":"0.25.0"}})"});
        FakeHttpServer broken;
        QVERIFY(broken.listen());
        broken.route("/api/v2/status", {500, R"({"message":"storage corrupted"})"});
        child<QPlainTextEdit>(u"alertmanagerUrls"_s)
            ->setPlainText(alertmanager.url().toString() + u"\n"_s + broken.url().toString());
        auto *amTest = child<ConnectionTestButton>(u"alertmanagerTest"_s);
        QSignalSpy amFinished(amTest, &ConnectionTestButton::finished);
        amTest->run();
        QVERIFY(amFinished.wait());
        QCOMPARE(amTest->resultText(),
                 u"%1: Connected: Alertmanager 0.25.0 (cluster ready)\n%2: HTTP 500: storage corrupted"_s.arg(
                     alertmanager.url().toString(), broken.url().toString()));
    }

    void contextPageKeepsTheQueriesFile()
    {
        QFile::remove(ContextTemplates::filePath());
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->showPage(u"contextPage"_s);
        auto *templates = child<QPlainTextEdit>(u"contextTemplates"_s);
        QVERIFY(templates->toPlainText().contains(u"# match alertname=~\"Postgres.*\""_s)); // the example
        templates->setPlainText(u"match severity=\"critical\"\nquery oops\n"_s);
        child<QSpinBox>(u"minutesBefore"_s)->setValue(60);
        dialog->save();
        QVERIFY(dialog->isVisible());
        QVERIFY2(child<QLabel>(u"templatesMessage"_s)->text().contains(u"line 2: write \"query TITLE = PROMQL\""_s),
                 qPrintable(child<QLabel>(u"templatesMessage"_s)->text()));
        QCOMPARE(m_settings->value(Settings::contextMinutesBefore), 30); // nothing saved
        const QString good
            = u"match severity=\"critical\"\nquery Load = node_load1{instance=\"${labels.instance}\"}\n"_s;
        templates->setPlainText(good);
        child<QCheckBox>(u"filterLogLines"_s)->setChecked(false);
        dialog->save();
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(m_settings->value(Settings::contextMinutesBefore), 60);
        QCOMPARE(m_settings->value(Settings::filterLogLines), false);
        QFile file(ContextTemplates::filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), good);
        file.close();
        QFile::remove(ContextTemplates::filePath());
    }

    // A queries file that cannot be read (too large here; a named pipe or a device the
    // same) is said on the page and left alone when the other settings are saved.
    void contextPageLeavesAnUnreadableQueriesFileAlone()
    {
        const QString path = m_dir.filePath(u"huge-queries.txt"_s);
        const QByteArray huge(ContextTemplates::maxFileBytes + 1, '#');
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(huge);
        file.close();
        m_settings->setValue(Settings::contextQueriesFile, path);
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->showPage(u"contextPage"_s);
        auto *templates = child<QPlainTextEdit>(u"contextTemplates"_s);
        QVERIFY(templates->isReadOnly());
        QVERIFY(templates->toPlainText().isEmpty());
        QCOMPARE(child<QLabel>(u"templatesMessage"_s)->text(), u"cannot read %1: it is larger than 1 MiB"_s.arg(path));
        child<QSpinBox>(u"minutesBefore"_s)->setValue(45);
        dialog->save();
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(m_settings->value(Settings::contextMinutesBefore), 45);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), huge);
    }

    // Settings → Export, then Import into a fresh profile and Save: the same effective settings.
    void exportImportRoundTrip()
    {
        ChatDestination ops;
        ops.id = u"ops"_s;
        ops.name = u"#ops"_s;
        ops.type = ChatDestination::Type::DingTalk;
        ops.mentions = u"13800000000"_s;
        ops.isDefault = true;
        const QList<std::pair<QString, QVariant>> chosen{
            {u"Listener/address"_s, u"127.0.0.1:9300"_s},
            {u"Listener/bodyLimitMiB"_s, 16},
            {u"Listener/maxAlertsPerPayload"_s, 2000},
            {u"DataSources/prometheusUrls"_s, QStringList{u"http://prom-a:9090"_s, u"http://prom-b:9090"_s}},
            {u"DataSources/lokiUrl"_s, u"http://loki:3100"_s},
            {u"DataSources/lokiOrgId"_s, u"team-a"_s},
            {u"DataSources/alertmanagerUrls"_s, QStringList{u"http://am:9093"_s}},
            {u"DataSources/alertmanagerSyncMinutes"_s, 5},
            {u"DataSources/alertmanagerAckMinutes"_s, 30},
            {u"DataSources/alertmanagerAuthor"_s, u"sre-team"_s},
            {u"Analysis/model"_s, u"deepseek-reasoner"_s},
            {u"Analysis/temperature"_s, 0.5},
            {u"Analysis/autoAnalysisMatchers"_s, u"severity=\"critical\""_s},
            {u"Analysis/redactIpAddresses"_s, true},
            {u"Context/minutesBefore"_s, 45},
            {u"Forwarding/destinations"_s, ChatDestinations::toJson({ops})},
            {u"Notifications/matchers"_s, u"severity=~\"critical|warning\""_s},
            {u"Notifications/doNotDisturb"_s, true},
            {u"Window/closeToTray"_s, u"tray"_s},
            {u"Appearance/theme"_s, u"dark"_s},
            {u"Appearance/language"_s, u"zh_CN"_s},
            {u"Store/retentionDays"_s, 30}};
        QMap<QString, QVariant> values;
        for (const auto &[path, value] : chosen)
            values.insert(path, value);
        m_settings->replaceAll(values);
        m_secrets->write(Secrets::lokiPassword, u"loki-pw-99"_s, this, [](const SecretStore::Result &) {});
        const QString file = m_dir.filePath(u"exported.ini"_s);
        QVERIFY(openDialog());
        QVERIFY_OK(m_dialog->exportTo(file));
        QFile exported(file);
        QVERIFY(exported.open(QIODevice::ReadOnly));
        const QByteArray text = exported.readAll();
        QVERIFY(!text.contains("loki-pw-99")); // secrets stay out
        QVERIFY(text.contains("deepseek-reasoner"));
        m_dialog.reset();

        // A fresh profile: import, look, save.
        AppSettings fresh(m_dir.filePath(u"fresh.ini"_s));
        MemorySecretStore freshSecrets;
        SettingsDialog dialog(&fresh, &freshSecrets, {});
        dialog.show();
        QCOMPARE(dialog.importFrom(file), QStringList());
        QCOMPARE(fresh.rawValue(u"Analysis/model"_s), QVariant()); // nothing before Save
        dialog.save();
        QTRY_VERIFY(!dialog.isVisible());
        QStringList differences;
        for (const Settings::Info &info : Settings::known()) {
            QVariant a = m_settings->containsPath(info.path) ? m_settings->rawValue(info.path) : info.defaultValue;
            QVariant b = fresh.containsPath(info.path) ? fresh.rawValue(info.path) : info.defaultValue;
            a.convert(info.type);
            b.convert(info.type);
            if (a != b)
                differences << u"%1: %2 / %3"_s.arg(info.path, a.toString(), b.toString());
        }
        QVERIFY2(differences.isEmpty(), qPrintable(differences.join(u'\n')));

        // A faulty file: said, and the pages keep what they show.
        QFile bad(m_dir.filePath(u"bad.ini"_s));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("[Listener]\nbodyLimitMiB=lots\n");
        bad.close();
        SettingsDialog again(&fresh, &freshSecrets, {});
        again.show();
        const QStringList problems = again.importFrom(bad.fileName());
        QCOMPARE(problems.size(), 1);
        QVERIFY(again.findChild<QLabel *>(u"settingsStatus"_s)->text().contains(u"Nothing was imported"_s));
        m_settings->replaceAll({});
    }

    void languageCanBeChosen()
    {
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->showPage(u"appearancePage"_s);
        auto *language = child<QComboBox>(u"uiLanguage"_s);
        QCOMPARE(language->currentData().toString(), QString()); // the system's
        QVERIFY(language->findText(u"简体中文"_s) >= 0);
        language->setCurrentIndex(language->findData(u"zh_CN"_s));
        dialog->save();
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(m_settings->value(Settings::uiLanguage), u"zh_CN"_s);
        m_settings->setValue(Settings::uiLanguage, QString());
    }

    void notificationsAreValidatedAndSaved()
    {
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->showPage(u"notificationsPage"_s);
        QCOMPARE(child<QLineEdit>(u"notifyMatchers"_s)->text(), u"severity=\"critical\""_s);
        child<QLineEdit>(u"notifyMatchers"_s)->setText(u"severity=~\"(\""_s);
        dialog->save();
        QVERIFY(dialog->isVisible());
        QVERIFY(!child<QLabel>(u"notifyMatchersMessage"_s)->text().isEmpty());
        child<QLineEdit>(u"notifyMatchers"_s)->setText(u"severity=~\"critical|warning\""_s);
        child<QCheckBox>(u"doNotDisturb"_s)->setChecked(true);
        child<QCheckBox>(u"notifySound"_s)->setChecked(true);
        auto *closing = child<QComboBox>(u"closeToTray"_s);
        closing->setCurrentIndex(closing->findData(u"quit"_s));
        saveForReview(dialog, u"settings-notifications.png"_s);
        dialog->save();
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(m_settings->value(Settings::notifyMatchers), u"severity=~\"critical|warning\""_s);
        QVERIFY(m_settings->value(Settings::doNotDisturb));
        QVERIFY(m_settings->value(Settings::notifySound));
        QCOMPARE(m_settings->value(Settings::closeToTray), u"quit"_s);
    }

    void dataSourcesAreValidatedAndSaved()
    {
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        child<QPlainTextEdit>(u"prometheusUrls"_s)->setPlainText(u"http://prom-a:9090\nprom-b:9090"_s);
        child<QLineEdit>(u"lokiUrl"_s)->setText(u"http://loki:3100"_s);
        child<QLineEdit>(u"lokiOrgId"_s)->setText(u"team-a"_s);
        child<QLineEdit>(u"lokiUser"_s)->setText(u"grafana"_s); // without a password
        // Alertmanager: catch-up off, a longer acknowledgement, a shared author.
        QCOMPARE(child<QSpinBox>(u"alertmanagerSyncMinutes"_s)->value(), 1);
        QCOMPARE(child<QSpinBox>(u"alertmanagerAckMinutes"_s)->value(), 15);
        child<QSpinBox>(u"alertmanagerSyncMinutes"_s)->setValue(0);
        QCOMPARE(child<QSpinBox>(u"alertmanagerSyncMinutes"_s)->text(), u"never"_s);
        child<QSpinBox>(u"alertmanagerAckMinutes"_s)->setValue(30);
        child<QLineEdit>(u"alertmanagerAuthor"_s)->setText(u" sre-team "_s);
        dialog->showPage(u"dataSourcesPage"_s);
        saveForReview(dialog, u"settings-data-sources.png"_s);
        dialog->save();
        QVERIFY(dialog->isVisible());
        QVERIFY(child<QLabel>(u"prometheusMessage"_s)->text().contains(u"\"prom-b:9090\" is not an http://"_s));
        QVERIFY(child<QLabel>(u"lokiMessage"_s)->text().contains(u"needs a password"_s));
        QCOMPARE(child<QListWidget>(u"settingsPages"_s)->currentRow(), 1); // the page with the problem is shown

        child<QPlainTextEdit>(u"prometheusUrls"_s)->setPlainText(u"http://prom-a:9090\n\nhttps://prom-b/"_s);
        enterSecret(Secrets::lokiPassword, u"loki-pw-88"_s);
        dialog->save();
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(m_settings->value(Settings::prometheusUrls),
                 (QStringList{u"http://prom-a:9090"_s, u"https://prom-b/"_s}));
        QCOMPARE(m_settings->value(Settings::lokiOrgId), u"team-a"_s);
        QCOMPARE(m_secrets->contents().value(Secrets::lokiPassword), u"loki-pw-88"_s);
        QCOMPARE(m_settings->value(Settings::alertmanagerSyncMinutes), 0);
        QCOMPARE(m_settings->value(Settings::alertmanagerAckMinutes), 30);
        QCOMPARE(Settings::silenceAuthor(*m_settings), u"sre-team"_s);
    }

    void analysisProviderTestAndValidation()
    {
        FakeHttpServer provider;
        QVERIFY(provider.listen());
        provider.route("/v1/models", {200, R"({"object":"list","data":[{"id":"qwen2.5"}]})"});
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->showPage(u"analysisPage"_s);
        child<QLineEdit>(u"providerBaseUrl"_s)->setText(provider.url().toString() + u"/v1"_s);
        child<QComboBox>(u"providerModel"_s)->setCurrentText(u"qwen2.5"_s);
        auto *test = child<ConnectionTestButton>(u"providerTest"_s);
        QSignalSpy finished(test, &ConnectionTestButton::finished);
        test->run();
        QVERIFY(finished.wait());
        QCOMPARE(test->resultText(), u"Connected: the key works; 1 model(s) offered, including qwen2.5"_s);
        QVERIFY(provider.requests.constFirst().header("authorization").isEmpty()); // no key: none sent

        child<QLineEdit>(u"autoAnalysis"_s)->setText(u"severity=~\"crit(\""_s);
        dialog->save();
        QVERIFY(dialog->isVisible());
        QVERIFY(child<QLabel>(u"autoAnalysisMessage"_s)->text().contains(u"invalid regular expression"_s));
        child<QLineEdit>(u"autoAnalysis"_s)->setText(u"severity=\"critical\""_s);
        child<QSpinBox>(u"maxTokens"_s)->setValue(4096);
        enterSecret(Secrets::providerApiKey, u"sk-marker-89"_s);
        dialog->save();
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(m_settings->value(Settings::providerModel), u"qwen2.5"_s);
        QCOMPARE(m_settings->value(Settings::maxTokens), 4096);
        QCOMPARE(m_settings->value(Settings::autoAnalysisMatchers), u"severity=\"critical\""_s);
        QCOMPARE(m_secrets->contents().value(Secrets::providerApiKey), u"sk-marker-89"_s);
    }

    // The model list comes from the provider (Refresh), is kept per base URL after
    // saving (ids only), and DeepSeek's two current models stand in before any fetch.
    // The model's read-only tools: on by default with 8 calls, the count only while
    // they are on; saved and shown again as saved.
    void analysisToolsAreSavedAndLoaded()
    {
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->showPage(u"analysisPage"_s);
        auto *tools = child<QCheckBox>(u"analysisTools"_s);
        auto *calls = child<QSpinBox>(u"maxToolCalls"_s);
        QVERIFY(tools && calls);
        QVERIFY(tools->isChecked());
        QCOMPARE(calls->value(), 8);
        QVERIFY(calls->isEnabled());
        calls->setValue(50);
        QCOMPARE(calls->value(), 20); // at most 20
        calls->setValue(3);
        tools->setChecked(false);
        QVERIFY(!calls->isEnabled());
        dialog->save();
        QTRY_VERIFY(!dialog->isVisible());
        QVERIFY(!m_settings->value(Settings::analysisTools));
        QCOMPARE(m_settings->value(Settings::analysisMaxToolCalls), 3);

        dialog = openDialog();
        QVERIFY(dialog);
        dialog->showPage(u"analysisPage"_s);
        QVERIFY(!child<QCheckBox>(u"analysisTools"_s)->isChecked());
        QCOMPARE(child<QSpinBox>(u"maxToolCalls"_s)->value(), 3);
        QVERIFY(!child<QSpinBox>(u"maxToolCalls"_s)->isEnabled());
        child<QCheckBox>(u"analysisTools"_s)->setChecked(true);
        QVERIFY(child<QSpinBox>(u"maxToolCalls"_s)->isEnabled());
    }

    void analysisModelListIsFetchedAndKept()
    {
        FakeHttpServer provider;
        QVERIFY(provider.listen());
        provider.route("/v1/models", {200, R"({"object":"list","data":[{"id":"qwen2.5"},{"id":"llama3.1"}]})"});
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->showPage(u"analysisPage"_s);
        auto *model = child<QComboBox>(u"providerModel"_s);
        QCOMPARE(model->currentText(), u"deepseek-flash"_s); // the default
        QStringList items;
        for (int i = 0; i < model->count(); ++i)
            items << model->itemText(i);
        QCOMPARE(items, (QStringList{u"deepseek-flash"_s, u"deepseek-v4-pro"_s}));

        const QString base = provider.url().toString() + u"/v1"_s;
        child<QLineEdit>(u"providerBaseUrl"_s)->setText(base);
        QCOMPARE(model->count(), 0); // nothing known about this one yet
        enterSecret(Secrets::providerApiKey, u"sk-list-31"_s);
        child<QPushButton>(u"refreshModels"_s)->click();
        QTRY_COMPARE(model->count(), 2);
        QCOMPARE(model->itemText(0), u"qwen2.5"_s);
        QCOMPARE(provider.requests.constFirst().header("authorization"), "Bearer sk-list-31");
        // The typed model stays; it is not in the list, which the page says.
        QCOMPARE(model->currentText(), u"deepseek-flash"_s);
        auto *note = child<QLabel>(u"modelNote"_s);
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(u"qwen2.5, llama3.1"_s), qPrintable(note->text()));
        model->setCurrentIndex(1);
        QVERIFY(!note->isVisible());

        dialog->save();
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(m_settings->value(Settings::providerModel), u"llama3.1"_s);
        QCOMPARE(ProviderModels::cached(*m_settings, QUrl(base)), (QStringList{u"qwen2.5"_s, u"llama3.1"_s}));
        QVERIFY(!m_settings->value(Settings::providerModelCache).contains(u"sk-list-31"_s));

        // Opened again: the list is there without asking.
        QVERIFY(openDialog());
        m_dialog->showPage(u"analysisPage"_s);
        QCOMPARE(child<QComboBox>(u"providerModel"_s)->count(), 2);
        QCOMPARE(provider.requests.size(), 1);
    }

    // The Test names a model the provider no longer offers, with the ones it does, in red.
    void analysisTestNamesTheCurrentModels()
    {
        FakeHttpServer provider;
        QVERIFY(provider.listen());
        provider.route("/models", {200, R"({"data":[{"id":"deepseek-flash"},{"id":"deepseek-v4-pro"}]})"});
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->showPage(u"analysisPage"_s);
        child<QLineEdit>(u"providerBaseUrl"_s)->setText(provider.url().toString());
        child<QComboBox>(u"providerModel"_s)->setCurrentText(u"deepseek-reasoner"_s);
        auto *test = child<ConnectionTestButton>(u"providerTest"_s);
        QSignalSpy finished(test, &ConnectionTestButton::finished);
        test->run();
        QVERIFY(finished.wait());
        QCOMPARE(test->resultText(),
                 u"Connected, but the provider does not offer the model \"deepseek-reasoner\". "
                 "Current models: deepseek-flash, deepseek-v4-pro."_s);
        QVERIFY(test->findChild<QLabel *>(u"testResult"_s)->styleSheet().contains(u"#c62828"_s));
    }

    // A remote provider without a key: the Test and Refresh say so and send nothing.
    void analysisTestWithoutAKeySendsNothing()
    {
        FakeHttpServer proxy;
        proxy.acceptProxyRequests();
        QVERIFY(proxy.listen());
        const QNetworkProxy previous = QNetworkProxy::applicationProxy();
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, proxy.port()));
        const auto restore = qScopeGuard([previous] { QNetworkProxy::setApplicationProxy(previous); });
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->showPage(u"analysisPage"_s);
        child<QLineEdit>(u"providerBaseUrl"_s)->setText(u"http://api.deepseek.com"_s);
        auto *test = child<ConnectionTestButton>(u"providerTest"_s);
        QSignalSpy finished(test, &ConnectionTestButton::finished);
        test->run();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(test->resultText(), u"No API key is set for api.deepseek.com: enter it above. Nothing was sent."_s);
        child<QPushButton>(u"refreshModels"_s)->click();
        QTRY_VERIFY(child<QLabel>(u"modelNote"_s)->text().startsWith(u"No API key is set for api.deepseek.com"_s));
        QVERIFY(proxy.requests.isEmpty());
    }

    // Thinking and its effort are DeepSeek's: offered for it, greyed out for others.
    void analysisThinkingIsForDeepSeekOnly()
    {
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->showPage(u"analysisPage"_s);
        auto *thinking = child<QCheckBox>(u"providerThinking"_s);
        auto *effort = child<QComboBox>(u"reasoningEffort"_s);
        QVERIFY(thinking->isEnabled() && thinking->isChecked());
        QCOMPARE(effort->currentData().toString(), u"high"_s);
        QVERIFY(!child<QLabel>(u"thinkingNote"_s)->isVisible());
        child<QComboBox>(u"providerModel"_s)->setCurrentText(u"deepseek-chat"_s);
        QVERIFY2(child<QLabel>(u"modelNote"_s)->text().contains(u"retired"_s),
                 qPrintable(child<QLabel>(u"modelNote"_s)->text()));
        QVERIFY(child<QLabel>(u"modelNote"_s)->text().contains(u"deepseek-flash, deepseek-v4-pro"_s));
        child<QComboBox>(u"providerModel"_s)->setCurrentText(u"deepseek-v4-pro"_s);
        effort->setCurrentIndex(effort->findData(u"max"_s));

        child<QLineEdit>(u"providerBaseUrl"_s)->setText(u"http://localhost:11434/v1"_s);
        QVERIFY(!thinking->isEnabled());
        QVERIFY(!effort->isEnabled());
        QVERIFY(child<QLabel>(u"thinkingNote"_s)->isVisible());
        child<QLineEdit>(u"providerBaseUrl"_s)->clear(); // back to DeepSeek
        QVERIFY(thinking->isEnabled());
        thinking->setChecked(false);
        QVERIFY(!effort->isEnabled());
        dialog->save();
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(m_settings->value(Settings::providerThinking), false);
        QCOMPARE(m_settings->value(Settings::providerReasoningEffort), u"max"_s);
        QCOMPARE(m_settings->value(Settings::providerModel), u"deepseek-v4-pro"_s);
    }

    // The page as a person sees it (saved when ALERTDECK_SCREENSHOT_DIR is set).
    void analysisPageShot()
    {
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->showPage(u"analysisPage"_s);
        dialog->resize(900, 700);
        saveForReview(dialog, u"settings-ai-analysis.png"_s);
        child<QComboBox>(u"providerModel"_s)->setCurrentText(u"deepseek-reasoner"_s);
        QCoreApplication::processEvents(); // the form lays the note out
        saveForReview(dialog, u"settings-ai-analysis-retired-model.png"_s);
        child<QLineEdit>(u"providerBaseUrl"_s)->setText(u"http://localhost:11434/v1"_s);
        child<QComboBox>(u"providerModel"_s)->setCurrentText(u"qwen2.5:7b"_s);
        QCoreApplication::processEvents();
        saveForReview(dialog, u"settings-ai-analysis-local.png"_s);
    }

    // Azure OpenAI takes the key in an "api-key" header: the Test button sends it as an
    // analysis does. The request goes to a local stand-in for a proxy, never to Azure.
    void analysisProviderTestSendsAzuresKeyHeader()
    {
        FakeHttpServer proxy;
        proxy.acceptProxyRequests();
        QVERIFY(proxy.listen());
        proxy.route("/openai/deployments/gpt4o/models", {200, R"({"object":"list","data":[{"id":"gpt4o"}]})"});
        const QNetworkProxy previous = QNetworkProxy::applicationProxy();
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, proxy.port()));
        const auto restore = qScopeGuard([previous] { QNetworkProxy::setApplicationProxy(previous); });
        m_secrets->set(Secrets::providerApiKey, u"azure-key-marker-57"_s);
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->showPage(u"analysisPage"_s);
        child<QLineEdit>(u"providerBaseUrl"_s)
            ->setText(u"http://alertdeck-test.openai.azure.com/openai/deployments/gpt4o?api-version=2024-10-21"_s);
        child<QComboBox>(u"providerModel"_s)->setCurrentText(u"gpt4o"_s);
        auto *test = child<ConnectionTestButton>(u"providerTest"_s);
        QSignalSpy finished(test, &ConnectionTestButton::finished);
        test->run();
        QVERIFY(finished.wait());
        QCOMPARE(test->resultText(), u"Connected: the key works; 1 model(s) offered, including gpt4o"_s);
        QCOMPARE(proxy.requests.size(), 1);
        const HttpRequest &sent = proxy.requests.constFirst();
        QCOMPARE(sent.header("host"), "alertdeck-test.openai.azure.com");
        QCOMPARE(sent.target, "/openai/deployments/gpt4o/models?api-version=2024-10-21");
        QCOMPARE(sent.header("api-key"), "azure-key-marker-57");
        QCOMPARE(sent.header("authorization"), "Bearer azure-key-marker-57");
    }

    // The preview shows the headers the request carries the key in, by the same rule.
    void requestPreviewShowsAzuresKeyHeader()
    {
        RequestPreview preview;
        preview.alertName = u"DiskFull"_s;
        preview.request.baseUrl = QUrl(u"https://x.openai.azure.com/openai/deployments/gpt4o?api-version=2024-10-21"_s);
        preview.request.model = u"gpt4o"_s;
        {
            RequestPreviewDialog dialog(preview, true);
            QVERIFY2(dialog.requestText().contains(u"\nAuthorization: Bearer (the key from the keychain)\n"
                                                   "api-key: (the key from the keychain)\n"_s),
                     qPrintable(dialog.requestText()));
            QVERIFY2(dialog.curlCommand().contains(u"-H \"Authorization: Bearer $ALERTDECK_DEEPSEEK_API_KEY\" \\\n"
                                                   "  -H \"api-key: $ALERTDECK_DEEPSEEK_API_KEY\""_s),
                     qPrintable(dialog.curlCommand()));
        }
        RequestPreviewDialog withoutKey(preview, false);
        QVERIFY(!withoutKey.requestText().contains(u"api-key"_s));
        QVERIFY(!withoutKey.requestText().contains(u"Authorization"_s));
        QVERIFY(!withoutKey.curlCommand().contains(u"api-key"_s));
        QVERIFY(!withoutKey.curlCommand().contains(u"Authorization"_s));
    }

    void promptBudgetRedactionAndPreview()
    {
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->showPage(u"analysisPage"_s);
        auto *page = child<AnalysisPage>(u"analysisPage"_s);
        QVERIFY(!child<QPushButton>(u"previewRequest"_s)->isEnabled()); // nothing to preview with

        child<QPushButton>(u"editBuiltInPrompt"_s)->click();
        QCOMPARE(child<QPlainTextEdit>(u"promptTemplate"_s)->toPlainText(), AnalysisPrompt::defaultInstructions());
        child<QPlainTextEdit>(u"promptTemplate"_s)->setPlainText(u"Be brief. {{language}}"_s);
        child<QSpinBox>(u"contextTokens"_s)->setValue(3000);
        child<QCheckBox>(u"redactIps"_s)->setChecked(true);
        child<QPlainTextEdit>(u"redactHosts"_s)->setPlainText(u"db-[0-9]+\n([broken"_s);
        dialog->save();
        QVERIFY(dialog->isVisible());
        QVERIFY2(child<QLabel>(u"redactHostsMessage"_s)->text().startsWith(u"Not a regular expression: ([broken"_s),
                 qPrintable(child<QLabel>(u"redactHostsMessage"_s)->text()));
        child<QPlainTextEdit>(u"redactHosts"_s)->setPlainText(u"db-[0-9]+\n"_s);

        // The preview is built from what is entered, before saving.
        Alert alert;
        alert.name = u"DiskFull"_s;
        alert.labels = {{u"instance"_s, u"db-7 10.0.0.9"_s}};
        AnalysisService::Settings seen;
        page->setPreviewer([&](const AnalysisService::Settings &entered) -> std::optional<RequestPreview> {
            seen = entered;
            return RequestPreview{alert.name, entered.request, AnalysisPrompt::build(alert, {}, entered.prompt)};
        });
        QVERIFY(child<QPushButton>(u"previewRequest"_s)->isEnabled());
        enterSecret(Secrets::providerApiKey, u"sk-preview-marker-42"_s);
        child<QPushButton>(u"previewRequest"_s)->click();
        RequestPreviewDialog *preview = nullptr;
        QTRY_VERIFY((preview = m_dialog->findChild<RequestPreviewDialog *>()) && preview->isVisible());
        QCOMPARE(seen.prompt.contextTokens, 3000);
        QCOMPARE(seen.prompt.instructions, u"Be brief. {{language}}"_s);
        const QString text = preview->findChild<QPlainTextEdit *>(u"previewText"_s)->toPlainText();
        QVERIFY(text.startsWith(u"POST https://api.deepseek.com/chat/completions\n"_s));
        QVERIFY(text.contains(u"Authorization: Bearer (the key from the keychain)"_s));
        QVERIFY(text.contains(u"Be brief. Write the answer in"_s));
        QVERIFY2(text.contains(u"<host> <ip>"_s), qPrintable(text)); // masked as entered
        QVERIFY(!text.contains(u"sk-preview-marker-42"_s));
        QVERIFY(!preview->curlCommand().contains(u"sk-preview-marker-42"_s));
        QVERIFY(preview->curlCommand().startsWith(u"curl -N 'https://api.deepseek.com/chat/completions'"_s));
        preview->findChild<QPushButton *>(u"copyCurl"_s)->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), preview->curlCommand());
        preview->close();

        child<QSpinBox>(u"autoPerHour"_s)->setValue(4);
        auto *target = child<QComboBox>(u"autoTarget"_s);
        QCOMPARE(target->currentData().toString(), u"alert"_s);
        target->setCurrentIndex(target->findData(u"incident"_s));
        dialog->save();
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(m_settings->value(Settings::promptTemplate), u"Be brief. {{language}}"_s);
        QCOMPARE(m_settings->value(Settings::analysisContextTokens), 3000);
        QVERIFY(m_settings->value(Settings::redactIpAddresses));
        QVERIFY(!m_settings->value(Settings::redactEmailAddresses));
        QCOMPARE(m_settings->value(Settings::redactHostPatterns), QStringList{u"db-[0-9]+"_s});
        QCOMPARE(m_settings->value(Settings::autoAnalysisPerHour), 4);
        QCOMPARE(m_settings->value(Settings::autoAnalysisTarget), u"incident"_s);
        QVERIFY(openDialog());
        QCOMPARE(child<QComboBox>(u"autoTarget"_s)->currentData().toString(), u"incident"_s);
    }

    void destinationsKeepTheirSecretsInTheKeychain()
    {
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->showPage(u"destinationsPage"_s);
        auto *page = child<DestinationsPage>(u"destinationsPage"_s);

        page->addDestination();
        auto *edit = page->findChild<DestinationDialog *>();
        QVERIFY(edit);
        edit->findChild<QLineEdit *>(u"destinationName"_s)->setText(u"#ops"_s);
        auto *type = edit->findChild<QComboBox *>(u"destinationType"_s);
        type->setCurrentIndex(type->findData(int(ChatDestination::Type::DingTalk)));
        edit->findChild<QLineEdit *>(u"destinationTarget"_s)->setText(u"not a url"_s);
        edit->accept();
        QVERIFY(edit->isVisible()); // refused: says why
        QVERIFY(edit->findChild<QLabel *>(u"destinationTargetMessage"_s)->text().contains(u"webhook URL"_s));
        edit->findChild<QLineEdit *>(u"destinationTarget"_s)
            ->setText(u"https://oapi.dingtalk.com/robot/send?access_token=dt-marker-90"_s);
        edit->findChild<QLineEdit *>(u"destinationSigningSecret"_s)->setText(u"SEC-marker-91"_s);
        edit->findChild<QLineEdit *>(u"destinationMentions"_s)->setText(u"13800000000"_s);
        edit->accept();
        QTRY_VERIFY(!page->findChild<DestinationDialog *>());

        page->addDestination();
        edit = page->findChild<DestinationDialog *>();
        type = edit->findChild<QComboBox *>(u"destinationType"_s);
        type->setCurrentIndex(type->findData(int(ChatDestination::Type::Telegram)));
        edit->findChild<QLineEdit *>(u"destinationTarget"_s)->setText(u"123456:AAH-abcdefghijklmnopqrstuv"_s);
        edit->accept();
        QVERIFY(edit->findChild<QLabel *>(u"destinationTargetMessage"_s)->text().contains(u"chat id"_s));
        edit->findChild<QLineEdit *>(u"destinationChatId"_s)->setText(u"-100123"_s);
        edit->accept();
        QTRY_VERIFY(!page->findChild<DestinationDialog *>());

        QCOMPARE(page->destinations().size(), 2);
        QVERIFY(page->destinations().at(0).isDefault); // the first one
        page->makeDefault(1);
        QVERIFY(!page->destinations().at(0).isDefault && page->destinations().at(1).isDefault);
        dialog->save();
        QTRY_VERIFY(!dialog->isVisible());

        const QList<ChatDestination> saved = ChatDestinations::fromJson(m_settings->value(Settings::chatDestinations));
        QCOMPARE(saved.size(), 2);
        QCOMPARE(saved.at(0).name, u"#ops"_s);
        QCOMPARE(saved.at(0).mentions, u"13800000000"_s);
        QCOMPARE(saved.at(1).chatId, u"-100123"_s);
        QCOMPARE(m_secrets->contents().value(saved.at(0).targetSecret()),
                 u"https://oapi.dingtalk.com/robot/send?access_token=dt-marker-90"_s);
        QCOMPARE(m_secrets->contents().value(saved.at(0).signingSecret()), u"SEC-marker-91"_s);
        QFile ini(m_settings->fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray stored = ini.readAll();
        QVERIFY(!stored.contains("dt-marker-90") && !stored.contains("SEC-marker-91") && !stored.contains("AAH-abc"));

        // Removing a destination removes its credentials when saved.
        QVERIFY(openDialog());
        page = child<DestinationsPage>(u"destinationsPage"_s);
        page->removeDestination(0);
        QVERIFY(page->destinations().constFirst().isDefault);
        m_dialog->save();
        QTRY_VERIFY(!m_dialog->isVisible());
        QVERIFY(!m_secrets->contents().contains(saved.at(0).targetSecret()));
        QVERIFY(!m_secrets->contents().contains(saved.at(0).signingSecret()));
        QVERIFY(m_secrets->contents().contains(saved.at(1).targetSecret()));
    }

    void forwardingRulesAndWebhookTemplates()
    {
        ChatDestination ops;
        ops.id = u"ops"_s;
        ops.name = u"#ops"_s;
        ops.type = ChatDestination::Type::Slack;
        ops.isDefault = true;
        m_settings->setValue(Settings::chatDestinations, ChatDestinations::toJson({ops}));
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->showPage(u"destinationsPage"_s);
        auto *page = child<DestinationsPage>(u"destinationsPage"_s);

        // A generic webhook with a template that is not JSON is refused, saying why.
        page->addDestination();
        auto *edit = page->findChild<DestinationDialog *>();
        auto *type = edit->findChild<QComboBox *>(u"destinationType"_s);
        type->setCurrentIndex(type->findData(int(ChatDestination::Type::Webhook)));
        edit->findChild<QLineEdit *>(u"destinationName"_s)->setText(u"Pager bridge"_s);
        edit->findChild<QLineEdit *>(u"destinationTarget"_s)->setText(u"https://bridge.example/hook"_s);
        auto *templ = edit->findChild<QPlainTextEdit *>(u"destinationTemplate"_s);
        QVERIFY(templ->isVisibleTo(edit));
        templ->setPlainText(u"{\"msg\": \"{{alert.nmae}}\"}"_s);
        edit->accept();
        QVERIFY(edit->isVisible());
        QVERIFY(edit->findChild<QLabel *>(u"destinationTargetMessage"_s)->text().contains(u"alert.nmae"_s));
        templ->setPlainText(u"{\"msg\": \"{{alert.name}} on {{alert.labels.instance}}\"}"_s);
        edit->accept();
        QTRY_VERIFY(!page->findChild<DestinationDialog *>());

        // Rules: a bad matcher is explained and keeps the dialog open.
        auto *rules = child<ForwardRulesEditor>(u"forwardRules"_s);
        rules->addRule(u"severity=\"critical"_s, u"ops"_s);
        dialog->save();
        QVERIFY(dialog->isVisible());
        QVERIFY(child<QLabel>(u"forwardRuleMessage"_s)->isVisibleTo(dialog));
        QVERIFY(child<QLabel>(u"forwardRuleMessage"_s)->text().startsWith(u"Rule 1:"_s));
        auto *table = child<QTableWidget>(u"forwardRuleTable"_s);
        table->item(0, 0)->setText(u"severity=\"critical\""_s);
        auto *target = qobject_cast<QComboBox *>(table->cellWidget(0, 1));
        QCOMPARE(target->count(), 2); // #ops and the new webhook
        // The "Send to" column is not squeezed to its header (it was, in Chinese).
        QVERIFY(table->columnWidth(1) >= table->fontMetrics().horizontalAdvance(u"Telegram on-call team"_s));
        target->setCurrentIndex(1);
        // Each incident once instead of each alert.
        auto *forwards = qobject_cast<QComboBox *>(table->cellWidget(0, 2));
        QCOMPARE(forwards->currentText(), u"Each alert"_s);
        forwards->setCurrentIndex(forwards->findText(u"Each incident, once"_s));
        child<QSpinBox>(u"forwardRulePerHour"_s)->setValue(5);
        dialog->save();
        QTRY_VERIFY(!dialog->isVisible());

        const QList<ChatDestination> saved = ChatDestinations::fromJson(m_settings->value(Settings::chatDestinations));
        QCOMPARE(saved.size(), 2);
        QCOMPARE(saved.at(1).bodyTemplate, u"{\"msg\": \"{{alert.name}} on {{alert.labels.instance}}\"}"_s);
        const QList<ForwardRule> savedRules = ForwardRules::fromJson(m_settings->value(Settings::forwardRules));
        QCOMPARE(savedRules, (QList<ForwardRule>{{u"severity=\"critical\""_s, saved.at(1).id, RuleTarget::Incident}}));
        QCOMPARE(m_settings->value(Settings::forwardRulePerHour), 5);

        // Removing a destination takes its rules along.
        QVERIFY(openDialog());
        page = child<DestinationsPage>(u"destinationsPage"_s);
        QCOMPARE(child<QTableWidget>(u"forwardRuleTable"_s)->rowCount(), 1);
        QCOMPARE(child<ForwardRulesEditor>(u"forwardRules"_s)->rules().first().target, RuleTarget::Incident);
        QCOMPARE(qobject_cast<QComboBox *>(child<QTableWidget>(u"forwardRuleTable"_s)->cellWidget(0, 2))->currentText(),
                 u"Each incident, once"_s);
        page->removeDestination(1);
        QCOMPARE(child<QTableWidget>(u"forwardRuleTable"_s)->rowCount(), 0);
    }

    void destinationTestMessagesUseWhatIsEntered()
    {
        FakeHttpServer slack;
        QVERIFY(slack.listen());
        slack.route("/services/T/B/x", {200, "ok", "text/plain"});
        ChatDestination saved;
        saved.id = u"d1"_s;
        saved.name = u"#ops"_s;
        saved.type = ChatDestination::Type::Slack;
        saved.isDefault = true;
        m_settings->setValue(Settings::chatDestinations, ChatDestinations::toJson({saved}));
        m_secrets->set(saved.targetSecret(), slack.url().toString() + u"/services/T/B/x"_s);
        QVERIFY(openDialog());
        auto *page = child<DestinationsPage>(u"destinationsPage"_s);
        QSignalSpy finished(page, &DestinationsPage::testFinished);

        page->sendTestMessage(0); // the URL stored in the keychain
        QVERIFY(finished.wait());
        QVERIFY(finished.last().at(0).toBool());
        QCOMPARE(child<QLabel>(u"destinationTestResult"_s)->text(), u"Slack accepted the message"_s);
        QVERIFY(slack.requests.constFirst().body.contains("AlertDeck test message"));

        // A URL typed in the edit dialog is tested before it is saved; the tool's answer is shown.
        page->editDestination(0);
        auto *edit = page->findChild<DestinationDialog *>();
        QVERIFY(edit);
        edit->findChild<QLineEdit *>(u"destinationTarget"_s)->setText(slack.url().toString() + u"/services/gone"_s);
        edit->accept();
        page->sendTestMessage(0);
        QVERIFY(finished.wait());
        QVERIFY(!finished.last().at(0).toBool());
        const QString shown = child<QLabel>(u"destinationTestResult"_s)->text();
        QVERIFY2(shown.startsWith(u"Slack answered HTTP 404"_s) && !shown.contains(u"/services/gone"_s),
                 qPrintable(shown));
    }

    // A mention list set in a configuration file survives editing the destination, for
    // every tool that mentions; entries the tool would drop are named.
    void mentionsAreKeptAndCheckedForEveryTool()
    {
        ChatDestination slack;
        slack.id = u"s1"_s;
        slack.name = u"#ops"_s;
        slack.type = ChatDestination::Type::Slack;
        slack.isDefault = true;
        slack.mentions = u"U024BE7LH, alice, here, #ops"_s;
        m_settings->setValue(Settings::chatDestinations, ChatDestinations::toJson({slack}));
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        dialog->showPage(u"destinationsPage"_s);
        auto *page = child<DestinationsPage>(u"destinationsPage"_s);
        page->editDestination(0);
        auto *edit = page->findChild<DestinationDialog *>();
        QVERIFY(edit);
        edit->show();
        QVERIFY(QTest::qWaitForWindowExposed(edit));
        auto *mentions = edit->findChild<QLineEdit *>(u"destinationMentions"_s);
        auto *hint = edit->findChild<QLabel *>(u"destinationMentionsHint"_s);
        auto *message = edit->findChild<QLabel *>(u"destinationMentionsMessage"_s);
        QVERIFY(mentions->isVisible());
        QCOMPARE(mentions->text(), slack.mentions);
        QVERIFY2(hint->text().contains(u"U…"_s), qPrintable(hint->text()));
        QVERIFY(message->isVisible());
        QCOMPARE(message->text(), u"Not mentioned by Slack: alice, #ops."_s);
        saveForReview(edit, u"destination-mentions-slack.png"_s);

        // Each tool names its ids; the generic webhook has none.
        auto *type = edit->findChild<QComboBox *>(u"destinationType"_s);
        QSet<QString> labels;
        for (const ChatDestination::Type tool : ChatDestination::allTypes()) {
            type->setCurrentIndex(type->findData(int(tool)));
            QCoreApplication::processEvents();
            const bool mentioning = tool != ChatDestination::Type::Webhook;
            QCOMPARE(mentions->isVisible(), mentioning);
            if (!mentioning)
                continue;
            labels << hint->text();
            QVERIFY(!mentions->placeholderText().isEmpty());
            // The example in the placeholder is what the tool takes.
            QVERIFY2(MentionFormat::of(tool)->ignored(mentions->placeholderText()).isEmpty(),
                     qPrintable(mentions->placeholderText()));
        }
        QCOMPARE(labels.size(), 8);
        type->setCurrentIndex(type->findData(int(ChatDestination::Type::DingTalk)));
        QCoreApplication::processEvents(); // lays the rows out, as between a person's choices
        saveForReview(edit, u"destination-mentions-dingtalk.png"_s);
        type->setCurrentIndex(type->findData(int(ChatDestination::Type::Discord)));
        QCoreApplication::processEvents();
        saveForReview(edit, u"destination-mentions-discord.png"_s);
        type->setCurrentIndex(type->findData(int(ChatDestination::Type::Feishu)));
        mentions->setText(u"ou_5ad573a6411d72b8305fda3a9c15c70e, all, <at id=all>"_s);
        QCOMPARE(message->text(), u"Not mentioned by Feishu / Lark: <at id=all>."_s);
        QCOMPARE(message->textFormat(), Qt::PlainText);
        QStringList many;
        for (int i = 0; i < 22; ++i)
            many << u"ou_%1"_s.arg(i);
        mentions->setText(many.join(u", "_s));
        QCOMPARE(message->text(), u"Only the first 20 are mentioned."_s);
        mentions->setText(u"ou_1, ou_1"_s); // a repeat is mentioned once, not refused
        QVERIFY(!message->isVisible());
        edit->accept();
        QTRY_VERIFY(!page->findChild<DestinationDialog *>());
        dialog->save();
        QTRY_VERIFY(!dialog->isVisible());
        const QList<ChatDestination> saved = ChatDestinations::fromJson(m_settings->value(Settings::chatDestinations));
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().type, ChatDestination::Type::Feishu);
        QCOMPARE(saved.first().mentions, u"ou_1, ou_1"_s);

        // A Slack list edited (name only) is saved as it was.
        slack.id = u"s2"_s;
        m_settings->setValue(Settings::chatDestinations, ChatDestinations::toJson({slack}));
        QVERIFY(openDialog());
        page = child<DestinationsPage>(u"destinationsPage"_s);
        page->editDestination(0);
        edit = page->findChild<DestinationDialog *>();
        edit->findChild<QLineEdit *>(u"destinationName"_s)->setText(u"#ops-renamed"_s);
        edit->accept();
        QTRY_VERIFY(!page->findChild<DestinationDialog *>());
        m_dialog->save();
        QTRY_VERIFY(!m_dialog->isVisible());
        QCOMPARE(ChatDestinations::fromJson(m_settings->value(Settings::chatDestinations)).first().mentions,
                 slack.mentions);
    }

    // The dialog's check and the tools agree: an id the dialog accepts is mentioned in the
    // message, one it names as left out changes nothing in it.
    void mentionChecksAgreeWithTheTools()
    {
        const QStringList candidates{u"13800000000"_s,
                                     u"+86-138-0000-0000"_s,
                                     u"ou_5ad573a6411d72b8305fda3a9c15c70e"_s,
                                     u"all"_s,
                                     u"zhangsan"_s,
                                     u"li.si"_s,
                                     u"U024BE7LH"_s,
                                     u"W0123ABCD"_s,
                                     u"S0614TZR7"_s,
                                     u"here"_s,
                                     u"channel"_s,
                                     u"everyone"_s,
                                     u"anna@contoso.com"_s,
                                     u"Anna"_s,
                                     u"db-oncall"_s,
                                     u"anna_oncall"_s,
                                     u"80351110224678912"_s,
                                     u"&165511591545143296"_s,
                                     u"12"_s,
                                     u"<@U024BE7LH>"_s,
                                     u"@here"_s,
                                     u"anna smith"_s,
                                     u"<at id=all>"_s,
                                     QString(70, u'a')};
        const ForwardMessage message = ForwardMessage::plain(u"Test"_s, u"Body"_s);
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1'800'000'000, Qt::UTC);
        for (const ChatDestination::Type type : ChatDestination::allTypes()) {
            const std::optional<MentionFormat> format = MentionFormat::of(type);
            if (!format)
                continue;
            ChatDestination destination;
            destination.id = u"d"_s;
            destination.type = type;
            destination.chatId = u"-100123"_s;
            const QString target = type == ChatDestination::Type::Telegram ? u"123456:AAH-abcdefghijklmnopqrstuv"_s
                                                                           : u"https://chat.example/hook"_s;
            const ChatTool &tool = ChatTool::of(type);
            const QByteArray plain = tool.request(message, destination, {target}, now).body;
            QVERIFY(!plain.isEmpty());
            for (const QString &candidate : candidates) {
                destination.mentions = candidate;
                const bool mentioned = tool.request(message, destination, {target}, now).body != plain;
                QVERIFY2(mentioned == format->ignored(candidate).isEmpty(),
                         qPrintable(u"%1, %2: the tool %3"_s.arg(ChatDestination::typeName(type), candidate,
                                                                 mentioned ? u"mentions"_s : u"drops"_s)));
            }
        }
    }

    // Problems that quote typed or imported text, and servers' answers, show as text.
    void problemsAndAnswersShowAsText()
    {
        FakeHttpServer slack;
        QVERIFY(slack.listen());
        slack.route("/services/T/B/x", {400, hostileMarkup.toUtf8(), "text/plain"});
        ChatDestination saved;
        saved.id = u"d1"_s;
        saved.name = u"#ops"_s;
        saved.type = ChatDestination::Type::Slack;
        saved.isDefault = true;
        m_settings->setValue(Settings::chatDestinations, ChatDestinations::toJson({saved}));
        m_secrets->set(saved.targetSecret(), slack.url().toString() + u"/services/T/B/x"_s);
        SettingsDialog *dialog = openDialog();
        QVERIFY(dialog);
        auto shownAsText = [](const QLabel *label) {
            return label->text().contains(u"<img"_s) && shownText(label) == label->text();
        };

        auto *page = child<DestinationsPage>(u"destinationsPage"_s);
        QSignalSpy finished(page, &DestinationsPage::testFinished);
        page->sendTestMessage(0);
        QVERIFY(finished.wait());
        QVERIFY2(shownAsText(child<QLabel>(u"destinationTestResult"_s)),
                 qPrintable(child<QLabel>(u"destinationTestResult"_s)->text()));

        FakeHttpServer prometheus;
        QVERIFY(prometheus.listen());
        prometheus.route("/api/v1/status/buildinfo",
                         {500, QJsonDocument(QJsonObject{{u"error"_s, hostileMarkup}}).toJson()});
        dialog->showPage(u"dataSourcesPage"_s);
        child<QPlainTextEdit>(u"prometheusUrls"_s)->setPlainText(prometheus.url().toString());
        auto *test = child<ConnectionTestButton>(u"prometheusTest"_s);
        QSignalSpy tested(test, &ConnectionTestButton::finished);
        test->run();
        QVERIFY(tested.wait());
        QVERIFY2(shownAsText(test->findChild<QLabel *>(u"testResult"_s)), qPrintable(test->resultText()));

        // Matchers typed or imported, quoted in the problem.
        child<ForwardRulesEditor>(u"forwardRules"_s)->addRule(u"team=\"<img src=x>"_s, u"d1"_s);
        child<QLineEdit>(u"notifyMatchers"_s)->setText(u"severity=\"<img src=x>"_s);
        dialog->save();
        QVERIFY(dialog->isVisible());
        for (const QString &name : {u"forwardRuleMessage"_s, u"notifyMatchersMessage"_s})
            QVERIFY2(shownAsText(child<QLabel>(name)), qPrintable(name + u": "_s + child<QLabel>(name)->text()));
    }

    // Every page rendered (to ALERTDECK_SCREENSHOT_DIR when set), for a person to look at.
    void renderForReview()
    {
        m_secrets->set(Secrets::listenerToken, u"x-marker"_s);
        ChatDestination ops;
        ops.id = u"r1"_s;
        ops.name = u"#ops-alerts"_s;
        ops.type = ChatDestination::Type::DingTalk;
        ops.isDefault = true;
        ChatDestination oncall = ops;
        oncall.id = u"r2"_s;
        oncall.name = u"On-call channel"_s;
        oncall.type = ChatDestination::Type::Slack;
        oncall.isDefault = false;
        m_settings->setValue(Settings::chatDestinations, ChatDestinations::toJson({ops, oncall}));
        m_settings->setValue(Settings::forwardRules,
                             ForwardRules::toJson({{u"severity=\"critical\""_s, u"r1"_s},
                                                   {u"team=\"db\" severity=~\"critical|warning\""_s, u"r2"_s}}));
        SettingsDialog *dialog = openDialog(m_dir.filePath(u"review.sqlite"_s));
        QVERIFY(dialog);
        child<QComboBox>(u"listenerHost"_s)->setCurrentText(u"0.0.0.0"_s);
        const QString directory = qEnvironmentVariable("ALERTDECK_SCREENSHOT_DIR");
        auto *destinations = child<DestinationsPage>(u"destinationsPage"_s);
        QSignalSpy tested(destinations, &DestinationsPage::testFinished);
        destinations->sendTestMessage(1); // no URL stored: the reason shows under the list
        QVERIFY(tested.wait());
        auto *pages = child<QListWidget>(u"settingsPages"_s);
        for (int row = 0; row < pages->count(); ++row) {
            pages->setCurrentRow(row);
            const QImage image = dialog->grab().toImage();
            QVERIFY(!image.isNull());
            if (!directory.isEmpty())
                QVERIFY(image.save(directory + u"/settings-%1.png"_s.arg(row)));
        }
    }
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
