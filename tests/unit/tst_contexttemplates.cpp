#include "context/ContextTemplates.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestContextTemplates : public QObject
{
    Q_OBJECT

private slots:
    void parsesTemplatesAndLabelMap()
    {
        const ContextTemplates::ParseResult parsed = ContextTemplates::parse(
            u"# a comment\n"
            "match alertname=~\"Postgres.*\"\n"
            "query Connections = sum(pg_stat_activity_count{instance=\"${labels.instance}\"})\n"
            "  query Lag (s) = pg_replication_lag{instance=\"${labels.instance}\"} > 0\n"
            "\n"
            "loki pod -> pod\n"
            "loki instance -> host strip-port group 1\n"_s);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errors.join(u'\n')));
        QCOMPARE(parsed.config.templates.size(), 1);
        QCOMPARE(parsed.config.templates.first().queries.size(), 2);
        QCOMPARE(parsed.config.templates.first().queries.at(1).first, u"Lag (s)"_s);
        QCOMPARE(parsed.config.templates.first().queries.at(1).second,
                 u"pg_replication_lag{instance=\"${labels.instance}\"} > 0"_s);
        QCOMPARE(parsed.config.labelRules.size(), 2);
        QCOMPARE(parsed.config.labelRules.at(1).lokiLabel, u"host"_s);
        QVERIFY(parsed.config.labelRules.at(1).stripPort);
        QCOMPARE(parsed.config.labelRules.at(1).group, 1);
        QVERIFY(ContextTemplates::parse(ContextTemplates::exampleText()).ok()); // all comments
    }

    void errorsNameTheLine()
    {
        const ContextTemplates::ParseResult parsed = ContextTemplates::parse(
            u"query Orphan = up\nmatch\nmatch job=\"x\"\nquery no equals sign\nloki pod pod\nfrobnicate\nmatch a=~\"(\"\n"_s);
        QCOMPARE(parsed.errors.size(), 7);
        QVERIFY(parsed.errors.at(0).startsWith(u"line 1: a \"query\" belongs under a \"match\" line"_s));
        QVERIFY(parsed.errors.at(1).startsWith(u"line 2: \"match\" needs matchers"_s));
        QVERIFY(parsed.errors.at(2).startsWith(u"line 4: write \"query TITLE = PROMQL\""_s));
        QVERIFY(parsed.errors.at(3).startsWith(u"line 5: write \"loki"_s));
        QVERIFY(parsed.errors.at(4).startsWith(u"line 6: unknown \"frobnicate\""_s));
        QVERIFY(parsed.errors.at(5).contains(u"invalid regular expression"_s));
        QCOMPARE(parsed.errors.at(6), u"\"match job=\"x\"\" has no \"query\" lines under it"_s);
    }

    void queriesForMatchingAlerts()
    {
        const ContextTemplates::Config config
            = ContextTemplates::parse(
                  u"match alertname=~\"Postgres.*\"\n"
                  "query Connections = sum(pg_stat_activity_count{instance=\"${labels.instance}\"})\n"_s)
                  .config;
        Alert alert;
        alert.labels = {{u"alertname"_s, u"PostgresDown"_s}, {u"instance"_s, u"db\"1\\"_s}};
        const QList<ContextPlan::MetricQuery> queries = ContextTemplates::queriesFor(config, alert);
        QCOMPARE(queries.size(), 1);
        QCOMPARE(queries.first().title, u"Connections"_s);
        QCOMPARE(queries.first().expression, u"sum(pg_stat_activity_count{instance=\"db\\\"1\\\\\"})"_s);
        alert.labels[u"alertname"_s] = u"HostDown"_s;
        QVERIFY(ContextTemplates::queriesFor(config, alert).isEmpty());
        QCOMPARE(ContextTemplates::substitute(u"x{a=\"${labels.missing}\"}"_s, alert), u"x{a=\"\"}"_s);
    }
};

QTEST_GUILESS_MAIN(TestContextTemplates)
#include "tst_contexttemplates.moc"
