#include "Appearance.h"
#include "DataPage.h"
#include "SecretField.h"
#include "SettingsDialog.h"
#include "TestData.h"
#include "UiResources.h"
#include "ingest/IngestService.h"
#include "secrets/MemorySecretStore.h"
#include "settings/AppSettings.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

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

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        UiResources::initialize();
    }

    void init()
    {
        m_settings
            = std::make_unique<AppSettings>(m_dir.filePath(u"settings-%1.ini"_s.arg(QLatin1String(QTest::currentTestFunction()))));
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
        QCOMPARE(m_settings->value(Settings::listenAddress), u"127.0.0.1:9095"_s);
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
        child<QComboBox>(u"theme"_s)->setCurrentIndex(child<QComboBox>(u"theme"_s)->findData(u"dark"_s));
        child<QSpinBox>(u"retentionDays"_s)->setValue(30);
        dialog->save();
        QTRY_VERIFY(!dialog->isVisible());

        QVERIFY(openDialog());
        QCOMPARE(child<QLineEdit>(u"basicUser"_s)->text(), u"alertmanager"_s);
        QCOMPARE(statusOf(Secrets::listenerPassword), u"Stored in keychain ✓"_s);
        QCOMPARE(child<QSpinBox>(u"bodyLimit"_s)->value(), 16);
        QCOMPARE(child<QComboBox>(u"theme"_s)->currentData().toString(), u"dark"_s);
        QCOMPARE(child<QSpinBox>(u"retentionDays"_s)->value(), 30);
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
        m_settings->setValue(Settings::theme, u"light"_s);
        m_settings->setValue(Settings::fontPointSize, 0);
        Appearance::apply(*m_settings);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 150);
        m_settings->setValue(Settings::theme, u"system"_s);
        Appearance::apply(*m_settings);
    }

    void historyExportRunsInTheBackground()
    {
        const QString storePath = m_dir.filePath(u"export-store.sqlite"_s);
        {
            IngestService ingest;
            QVERIFY(!ingest.open(storePath));
            int answered = 0;
            for (const QString &fixture : {u"alertmanager/firing-single.json"_s, u"grafana/firing.json"_s})
                ingest.submit({QDateTime::currentDateTimeUtc(), u"/webhook"_s, PayloadFormat::Auto, "{}",
                               TestData::sharedFixture(fixture)},
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

    // Every page rendered (to ALERTDECK_SCREENSHOT_DIR when set), for a person to look at.
    void renderForReview()
    {
        m_secrets->set(Secrets::listenerToken, u"x-marker"_s);
        SettingsDialog *dialog = openDialog(m_dir.filePath(u"review.sqlite"_s));
        QVERIFY(dialog);
        child<QComboBox>(u"listenerHost"_s)->setCurrentText(u"0.0.0.0"_s);
        const QString directory = qEnvironmentVariable("ALERTDECK_SCREENSHOT_DIR");
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
