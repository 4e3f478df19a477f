// The analysis evaluation (bench/analysis-eval) on its scripted answers, as a test: every
// recorded incident goes through the real pipeline (context from the loopback stand-in,
// prompt, streamed answer, AnalysisReport), so a change that drops evidence from the
// prompt, renumbers it or breaks the citation or hypotheses reading fails here.

#include "AnalysisEval.h"
#include "ScriptedProvider.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestAnalysisEval : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const Result<QList<EvalIncident>> loaded = EvalIncident::loadAll(QStringLiteral(ALERTDECK_EVAL_INCIDENTS));
        QVERIFY2(loaded, qPrintable(problemOf(loaded)));
        m_incidents = *loaded;
        QVERIFY(m_incidents.size() >= 10);
    }

    // Good answers: every citation resolves, no cause is left uncited, the known cause is
    // on top. Deliberately bad ones: exactly the defects they were written with show.
    void scriptedAnswersScoreAsWritten()
    {
        const AnalysisEval eval;
        int good = 0;
        int bad = 0;
        for (const EvalIncident &incident : std::as_const(m_incidents)) {
            const EvalScore score = eval.run(incident, nullptr, 20'000);
            const QByteArray name = incident.name.toUtf8();
            QVERIFY2(score.outcome == u"finished"_s, name + ": " + score.error.toUtf8());
            QVERIFY2(score.unresolved.isEmpty(),
                     name + ": no evidence item for " + score.unresolved.join(u", "_s).toUtf8());
            QVERIFY2(score.evidenceItems > 15, name); // the metrics and logs reached the prompt
            QVERIFY2(score.citations >= 5, name);
            QCOMPARE(score.defectsFound(), incident.defects);
            if (incident.defects.isEmpty()) {
                ++good;
                QCOMPARE(score.validCitations, score.citations);
                QVERIFY2(score.causeOnTop, name + ": " + score.topHypothesis.toUtf8());
            } else {
                ++bad;
            }
        }
        QVERIFY(good >= 10);
        QVERIFY(bad >= 1);
    }

    void placeholdersResolveFromThePromptListing()
    {
        const QString user
            = u"### Alert\n```json\n{}\n```\n\n### Evidence items (cite them by id, e.g. [E1])\n```text\n"
              u"E1 alert name: \"DiskFull\"\nE2 metric \"Disk used %\" {instance=\"db-1\"}\n"
              u"E3 log line at 2026-11-03T02:48:27Z {}: \"No space left on device\"\n```\n"_s;
        const QMap<int, QString> listing = ScriptedProvider::evidenceListing(user);
        QCOMPARE(listing.size(), 3);
        const ScriptedProvider::Resolved resolved = ScriptedProvider::resolve(
            u"Full [{{E:No space left}}, {{E:metric \"Disk used %\"}}]; [{{E:not there}}]."_s, listing);
        QCOMPARE(resolved.text, u"Full [E3, E2]; [E0]."_s);
        QCOMPARE(resolved.unresolved, QStringList{u"not there"_s});
    }

private:
    QList<EvalIncident> m_incidents;
};

QTEST_GUILESS_MAIN(TestAnalysisEval)
#include "tst_analysiseval.moc"
