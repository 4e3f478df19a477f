// alertdeck report: the handover report of a stored history, as Markdown and JSON.

#include "CliTestSupport.h"
#include "HandoverFixture.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestCliReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString failed = HandoverFixture::write(m_dir.filePath(u"alerts.sqlite"_s));
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void markdownForAWindow()
    {
        const RunResult result = run({u"report"_s, u"--data-dir"_s, m_dir.path(), u"--since"_s,
                                      u"2026-11-10T00:00:00Z"_s, u"--until"_s, u"2026-11-20"_s});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(result.out.startsWith(u"# Handover report"_s));
        QVERIFY(result.out.contains(u"2026-11-10 00:00 UTC → 2026-11-20 00:00 UTC"_s));
        QVERIFY(result.out.contains(u"## Noisiest rules"_s));
        QVERIFY(result.out.contains(u"| **Total** |"_s));
        QVERIFY(result.out.contains(u"The command line does not ask Alertmanager"_s));
        // The report's end is remembered for the next default window.
        QVERIFY(QFileInfo::exists(QDir(m_dir.path()).filePath(u"last-handover-report"_s)));
    }

    void jsonCarriesTheNumbersAndTheirDefinitions()
    {
        const RunResult result
            = run({u"report"_s, u"--data-dir"_s, m_dir.path(), u"--since"_s, u"2026-11-10T00:00:00Z"_s, u"--until"_s,
                   u"2026-11-20T00:00:00Z"_s, u"--format"_s, u"json"_s});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QJsonParseError error{};
        const QJsonObject report = QJsonDocument::fromJson(result.out.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(report.value(u"fired"_s)[u"total"_s].toInt() > 50);
        QVERIFY(!report.value(u"time_to_resolve"_s)[u"definition"_s].toString().isEmpty());
        QVERIFY(report.value(u"time_to_resolve"_s)[u"median_ms"_s].toDouble() > 0);
        QCOMPARE(report.value(u"silences"_s)[u"known"_s].toBool(), false);
        QCOMPARE(report.value(u"since"_s).toString(), u"2026-11-10T00:00:00.000Z"_s);
    }

    void jsonListsTheIncidentsOpenAtTheEnd()
    {
        // tests/data/incidents/open-incidents.json: one node incident open at this moment.
        const RunResult result
            = run({u"report"_s, u"--data-dir"_s, m_dir.path(), u"--since"_s, u"2026-11-03T00:00:00Z"_s, u"--until"_s,
                   u"2026-11-03T04:02:55Z"_s, u"--format"_s, u"json"_s});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QJsonObject incidents
            = QJsonDocument::fromJson(result.out.toUtf8()).object().value(u"open_incidents"_s).toObject();
        QCOMPARE(incidents.value(u"total"_s).toInt(), 1);
        const QJsonObject incident = incidents.value(u"incidents"_s).toArray().first().toObject();
        QCOMPARE(incident.value(u"title"_s).toString(), u"NodeDown and 6 related"_s);
        QCOMPARE(incident.value(u"severity"_s).toString(), u"critical"_s);
        QCOMPARE(incident.value(u"members"_s).toInt(), 7);
        QCOMPARE(incident.value(u"scope"_s).toObject(), QJsonObject({{u"instance"_s, u"web-1"_s}}));
        QCOMPARE(incident.value(u"starts_at"_s).toString(), u"2026-11-03T03:57:00.000Z"_s);
        QCOMPARE(incident.value(u"age_ms"_s).toInt(), 355'000);

        const RunResult markdown = run({u"report"_s, u"--data-dir"_s, m_dir.path(), u"--since"_s,
                                        u"2026-11-03T00:00:00Z"_s, u"--until"_s, u"2026-11-03T04:02:55Z"_s});
        QVERIFY(markdown.out.contains(u"## Open incidents (1)"_s));
        QVERIFY(markdown.out.contains(u"**NodeDown and 6 related** (critical) on instance=web-1"_s));
    }

    void anEmptyWindowIsAReportToo()
    {
        const RunResult result = run({u"report"_s, u"--data-dir"_s, m_dir.path(), u"--since"_s, u"2h"_s});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(result.out.contains(u"Nothing fired, resolved or stayed open"_s));
    }

    void badInputIsAUsageError()
    {
        for (const QStringList &arguments :
             {QStringList{u"report"_s, u"--since"_s, u"yesterday-ish"_s},
              QStringList{u"report"_s, u"--format"_s, u"pdf"_s},
              QStringList{u"report"_s, u"--since"_s, u"2026-11-20"_s, u"--until"_s, u"2026-11-10"_s},
              QStringList{u"--format"_s, u"json"_s}}) {
            const RunResult result = run(arguments);
            QCOMPARE(result.exitCode, 2);
            QVERIFY(!result.err.isEmpty());
        }
        const RunResult missing = run({u"report"_s, u"--data-dir"_s, m_dir.filePath(u"nowhere"_s)});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(u"There is no alert store"_s));
    }
};

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_cli_report.moc"
