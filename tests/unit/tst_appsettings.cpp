#include "ingest/PayloadParser.h"
#include "settings/AppSettings.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestAppSettings : public QObject
{
    Q_OBJECT

private slots:
    void defaultsRoundTripAndSignals()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"settings.ini"_s);
        {
            AppSettings settings(file);
            QCOMPARE(settings.value(Settings::listenAddress), QString()); // the profile's default port
            QCOMPARE(settings.value(Settings::bodyLimitMiB), 8);
            QCOMPARE(settings.value(Settings::temperature), 0.2);
            QVERIFY(settings.value(Settings::prometheusUrls).isEmpty());

            QSignalSpy changed(&settings, &AppSettings::changed);
            settings.setValue(Settings::listenAddress, u"0.0.0.0:9100"_s);
            settings.setValue(Settings::listenAddress, u"0.0.0.0:9100"_s); // unchanged: no signal
            settings.setValue(Settings::prometheusUrls, QStringList{u"http://a:9090"_s, u"http://b:9090"_s});
            settings.setValue(Settings::temperature, 0.7);
            QCOMPARE(changed.count(), 3);
            QCOMPARE(changed.at(0).at(0).toString(), u"Listener/address"_s);
            settings.setValue(Settings::bodyLimitMiB, 8); // the default: stays unset
            QVERIFY(!settings.isSet(Settings::bodyLimitMiB));
        }
        AppSettings reread(file);
        QCOMPARE(reread.value(Settings::listenAddress), u"0.0.0.0:9100"_s);
        QCOMPARE(reread.value(Settings::prometheusUrls), (QStringList{u"http://a:9090"_s, u"http://b:9090"_s}));
        QCOMPARE(reread.value(Settings::temperature), 0.7);

        // Back to the default removes the key.
        reread.setValue(Settings::listenAddress, Settings::listenAddress.defaultValue);
        QVERIFY(!reread.isSet(Settings::listenAddress));
    }

    void alertLimitDefaultsToTheParsersLimit()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(u"settings.ini"_s));
        QCOMPARE(settings.value(Settings::maxAlertsPerPayload), PayloadLimits::defaultMaxAlerts);
        settings.setValue(Settings::maxAlertsPerPayload, 50'000);
        QCOMPARE(settings.rawValue(u"Listener/maxAlertsPerPayload"_s).toInt(), 50'000);
    }

    void wrongTypesReadAsDefaults()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"settings.ini"_s);
        QFile ini(file);
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[Listener]\nbodyLimitMiB=lots\n[Analysis]\ntemperature=warm\nmaxTokens=4096\n");
        ini.close();
        AppSettings settings(file);
        QCOMPARE(settings.value(Settings::bodyLimitMiB), 8);
        QCOMPARE(settings.value(Settings::temperature), 0.2);
        QCOMPARE(settings.value(Settings::maxTokens), 4096);
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
