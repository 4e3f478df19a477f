#include "logging/LogCategories.h"
#include "logging/LogSetup.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestLogSetup : public QObject
{
    Q_OBJECT

private slots:
    void parsesLevels()
    {
        QCOMPARE(LogSetup::parseLevel(u"debug"_s), LogSetup::Level::Debug);
        QCOMPARE(LogSetup::parseLevel(u" Warning "_s), LogSetup::Level::Warning);
        QCOMPARE(LogSetup::parseLevel(u"critical"_s), LogSetup::Level::Critical);
        QVERIFY(!LogSetup::parseLevel(u"verbose"_s));
    }

    void everyAreaHasItsCategory()
    {
        const QStringList expected{u"alertdeck.ingest"_s, u"alertdeck.store"_s,   u"alertdeck.context"_s,
                                   u"alertdeck.llm"_s,    u"alertdeck.forward"_s, u"alertdeck.secrets"_s,
                                   u"alertdeck.replay"_s};
        const QStringList actual{QLatin1String(lcIngest().categoryName()),  QLatin1String(lcStore().categoryName()),
                                 QLatin1String(lcContext().categoryName()), QLatin1String(lcLlm().categoryName()),
                                 QLatin1String(lcForward().categoryName()), QLatin1String(lcSecrets().categoryName()),
                                 QLatin1String(lcReplay().categoryName())};
        QCOMPARE(actual, expected);
    }

    void levelControlsCategories()
    {
        qunsetenv("QT_LOGGING_RULES");
        LogSetup::apply(LogSetup::Level::Debug);
        QVERIFY(lcIngest().isDebugEnabled());
        QVERIFY(lcReplay().isInfoEnabled());

        LogSetup::apply(LogSetup::Level::Warning);
        QVERIFY(!lcIngest().isDebugEnabled());
        QVERIFY(!lcIngest().isInfoEnabled());
        QVERIFY(lcIngest().isWarningEnabled());

        LogSetup::apply(LogSetup::Level::Info);
        QVERIFY(!lcLlm().isDebugEnabled());
        QVERIFY(lcLlm().isInfoEnabled());
    }
};

QTEST_GUILESS_MAIN(TestLogSetup)
#include "tst_logsetup.moc"
