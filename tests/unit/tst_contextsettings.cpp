// Settings → context sources: the one translation the window and `alertdeck analyze` share.

#include "context/ContextClient.h"
#include "context/ContextSettings.h"
#include "secrets/MemorySecretStore.h"
#include "settings/AppSettings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {

QString labelRuleText(const ContextPlan::LabelRule &rule)
{
    return u"%1 -> %2 strip-port=%3 group=%4"_s.arg(rule.alertLabel, rule.lokiLabel)
        .arg(rule.stripPort)
        .arg(rule.group);
}

QStringList labelRulesText(const QList<ContextPlan::LabelRule> &rules)
{
    QStringList texts;
    for (const ContextPlan::LabelRule &rule : rules)
        texts << labelRuleText(rule);
    return texts;
}

} // namespace

class TestContextSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_settingsFiles = 0;

    // Settings of their own, with no queries file unless the test names one.
    std::unique_ptr<AppSettings> freshSettings()
    {
        auto settings = std::make_unique<AppSettings>(m_dir.filePath(u"settings-%1.ini"_s.arg(++m_settingsFiles)));
        settings->setValue(Settings::contextQueriesFile, m_dir.filePath(u"no-such-queries.txt"_s));
        return settings;
    }

    QString writeQueries(const QString &name, const QByteArray &text)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            return {};
        return file.fileName();
    }

private slots:
    void everySettingReachesTheSources()
    {
        const QString queries = writeQueries(u"queries.txt"_s,
                                             "match job=\"node\"\n"
                                             "query Load = node_load1{instance=\"${labels.instance}\"}\n"
                                             "query Procs = node_procs_running\n"
                                             "loki instance -> hostname strip-port\n"
                                             "loki pod -> pod_name\n");
        QVERIFY(!queries.isEmpty());
        const auto settings = freshSettings();
        settings->setValue(Settings::prometheusUrls, QStringList{u"http://prom-a:9090"_s, u"http://prom-b:9090"_s});
        settings->setValue(Settings::prometheusUser, u"prom-reader"_s);
        settings->setValue(Settings::lokiUrl, u"http://loki:3100"_s);
        settings->setValue(Settings::lokiUser, u"loki-reader"_s);
        settings->setValue(Settings::lokiOrgId, u"team-a"_s);
        settings->setValue(Settings::grafanaUrl, u"https://grafana.example.org"_s);
        settings->setValue(Settings::grafanaLokiDatasource, u"loki-uid-7"_s);
        settings->setValue(Settings::contextMinutesBefore, 45);
        settings->setValue(Settings::contextMinutesAfter, 5);
        settings->setValue(Settings::logLineLimit, 37);
        settings->setValue(Settings::filterLogLines, false);
        settings->setValue(Settings::contextQueriesFile, queries);

        const ContextSettings::Result loaded = ContextSettings::load(*settings);
        QVERIFY2(loaded.warnings.isEmpty(), qPrintable(loaded.warnings.join(u'\n')));
        const ContextService::Sources &sources = loaded.sources;
        QCOMPARE(sources.prometheus.url, QUrl(u"http://prom-a:9090"_s)); // the first one
        QCOMPARE(sources.prometheus.user, u"prom-reader"_s);
        QCOMPARE(sources.prometheus.timeout, ContextClient::defaultTimeout);
        QCOMPARE(sources.loki.url, QUrl(u"http://loki:3100"_s));
        QCOMPARE(sources.loki.user, u"loki-reader"_s);
        QCOMPARE(sources.loki.timeout, ContextClient::defaultTimeout);
        QCOMPARE(sources.loki.headers.size(), 1);
        QCOMPARE(sources.loki.headers.constFirst().first, QByteArray("X-Scope-OrgID"));
        QCOMPARE(sources.loki.headers.constFirst().second, QByteArray("team-a"));
        QVERIFY(sources.prometheus.headers.isEmpty());
        // Passwords are the secret store's to give, never the settings'.
        QVERIFY(sources.prometheus.password.isEmpty());
        QVERIFY(sources.loki.password.isEmpty());
        QVERIFY(sources.prometheus.bearerToken.isEmpty());
        QCOMPARE(sources.grafana, QUrl(u"https://grafana.example.org"_s));
        QCOMPARE(sources.grafanaLokiDatasource, u"loki-uid-7"_s);
        QCOMPARE(sources.window.minutesBefore, 45);
        QCOMPARE(sources.window.minutesAfter, 5);
        QCOMPARE(sources.logLimit, 37);
        QCOMPARE(sources.filterLogLines, false);
        // The extra charts and the label map.
        QCOMPARE(sources.templates.templates.size(), 1);
        QCOMPARE(sources.templates.templates.first().matchText, u"job=\"node\""_s);
        QCOMPARE(sources.templates.templates.first().queries.size(), 2);
        QCOMPARE(sources.templates.templates.first().queries.at(1),
                 std::make_pair(u"Procs"_s, u"node_procs_running"_s));
        QCOMPARE(
            labelRulesText(sources.labelRules),
            QStringList({u"instance -> hostname strip-port=1 group=0"_s, u"pod -> pod_name strip-port=0 group=0"_s}));
    }

    void withoutAQueriesFileTheDefaults()
    {
        const auto settings = freshSettings();
        const ContextSettings::Result loaded = ContextSettings::load(*settings);
        QVERIFY(loaded.warnings.isEmpty()); // no such file (yet) is no problem
        const ContextService::Sources &sources = loaded.sources;
        const ContextService::Sources defaults;
        QVERIFY(sources.prometheus.url.isEmpty());
        QVERIFY(sources.loki.url.isEmpty());
        QVERIFY(sources.loki.headers.isEmpty()); // no tenant: no X-Scope-OrgID
        QCOMPARE(sources.window.minutesBefore, 30);
        QCOMPARE(sources.window.minutesAfter, 10);
        QCOMPARE(sources.logLimit, defaults.logLimit);
        QCOMPARE(sources.filterLogLines, false); // every line by default
        QVERIFY(sources.templates.templates.isEmpty());
        QCOMPARE(labelRulesText(sources.labelRules), labelRulesText(ContextPlan::defaultLabelRules()));
    }

    void queriesFileProblemsAreWarnings()
    {
        // A bad line is named with its file and line; the rest of the file still counts.
        const QString queries = writeQueries(u"broken.txt"_s,
                                             "match job=\"node\"\n"
                                             "query Load = node_load1\n"
                                             "querry Typo = up\n");
        QVERIFY(!queries.isEmpty());
        const auto settings = freshSettings();
        settings->setValue(Settings::contextQueriesFile, queries);
        ContextSettings::Result loaded = ContextSettings::load(*settings);
        QCOMPARE(loaded.warnings.size(), 1);
        QVERIFY2(loaded.warnings.first().startsWith(queries + u" line 3"_s), qPrintable(loaded.warnings.first()));
        QCOMPARE(loaded.sources.templates.templates.size(), 1);

        // A named pipe is refused at once, never waited on.
        const QString pipe = m_dir.filePath(u"queries.fifo"_s);
        QCOMPARE(::mkfifo(QFile::encodeName(pipe).constData(), 0600), 0);
        settings->setValue(Settings::contextQueriesFile, pipe);
        loaded = ContextSettings::load(*settings);
        QCOMPARE(loaded.warnings.size(), 1);
        QVERIFY2(loaded.warnings.first().contains(pipe), qPrintable(loaded.warnings.first()));
        QVERIFY(loaded.sources.templates.templates.isEmpty());
        QCOMPARE(labelRulesText(loaded.sources.labelRules), labelRulesText(ContextPlan::defaultLabelRules()));
    }

    void passwordsComeFromTheSecretStore()
    {
        MemorySecretStore secrets;
        secrets.set(Secrets::prometheusPassword, u"prom-pass-1"_s);
        secrets.set(Secrets::lokiPassword, u"loki-pass-2"_s);
        ContextService::Sources sources;
        sources.prometheus = {QUrl(u"http://prom:9090"_s), u"prom-reader"_s};
        sources.loki = {QUrl(u"http://loki:3100"_s), u"loki-reader"_s};

        std::optional<ContextService::Sources> done;
        QObject context;
        ContextSettings::readPasswords(secrets, sources, &context,
                                       [&done](const ContextService::Sources &read) { done = read; });
        QTRY_VERIFY(done.has_value());
        QCOMPARE(done->prometheus.password, u"prom-pass-1"_s);
        QCOMPARE(done->loki.password, u"loki-pass-2"_s);
        QCOMPARE(done->prometheus.user, u"prom-reader"_s);

        // A password already given (the environment, for `alertdeck analyze`) stays.
        done.reset();
        sources.loki.password = u"given-3"_s;
        ContextSettings::readPasswords(secrets, sources, &context,
                                       [&done](const ContextService::Sources &read) { done = read; });
        QTRY_VERIFY(done.has_value());
        QCOMPARE(done->prometheus.password, u"prom-pass-1"_s);
        QCOMPARE(done->loki.password, u"given-3"_s);

        // No user: nothing to read, the sources apply at once.
        done.reset();
        ContextService::Sources anonymous;
        anonymous.prometheus.url = QUrl(u"http://prom:9090"_s);
        ContextSettings::readPasswords(secrets, anonymous, &context,
                                       [&done](const ContextService::Sources &read) { done = read; });
        QVERIFY(done.has_value());
        QVERIFY(done->prometheus.password.isEmpty());

        // The receiver gone before the store answers: nothing is applied.
        done.reset();
        auto gone = std::make_unique<QObject>();
        sources.loki.password.clear();
        ContextSettings::readPasswords(secrets, sources, gone.get(),
                                       [&done](const ContextService::Sources &read) { done = read; });
        gone.reset();
        // Answers come in order: once a later read is back, the first one was dropped.
        bool later = false;
        ContextSettings::readPasswords(secrets, sources, &context,
                                       [&later](const ContextService::Sources &) { later = true; });
        QTRY_VERIFY(later);
        QVERIFY(!done.has_value());
    }
};

QTEST_GUILESS_MAIN(TestContextSettings)
#include "tst_contextsettings.moc"
