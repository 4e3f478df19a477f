#include "PromtoolCheck.h"
#include "context/ContextTemplates.h"

#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

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
        QCOMPARE(ContextTemplates::substitute(u"x{a=\"${labels.missing}\"}"_s, alert).query, u"x{a=\"\"}"_s);
    }

    void valuesAreEscapedForWhereTheyStand_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        const QString hostile = u"a\"}' or vector(1) # .*\\\n"_s;
        QTest::newRow("double-quoted") << u"up{i=\"${labels.v}\"}"_s << hostile
                                       << u"up{i=\"a\\\"}' or vector(1) # .*\\\\\\n\"}"_s;
        QTest::newRow("single-quoted") << u"up{i='${labels.v}'}"_s << hostile
                                       << u"up{i='a\"}\\' or vector(1) # .*\\\\\\n'}"_s;
        QTest::newRow("regex") << u"up{i=~\"db-${labels.v}\"}"_s << u"1.x(a|b)*"_s
                               << u"up{i=~\"db-1\\\\.x\\\\(a\\\\|b\\\\)\\\\*\"}"_s;
        QTest::newRow("negative regex, spaced")
            << u"up{i !~ \"${labels.v}\"}"_s << u"a+\"b"_s << u"up{i !~ \"a\\\\+\\\"b\"}"_s;
        QTest::newRow("raw string") << u"up{i=`${labels.v}`}"_s << u"a\\b\"c"_s << u"up{i=`a\\b\"c`}"_s;
        QTest::newRow("raw regex spells a backtick")
            << u"up{i=~`${labels.v}`}"_s << u"a`.b"_s << u"up{i=~`a\\x60\\.b`}"_s;
        QTest::newRow("outside a string: a number") << u"up > ${labels.v}"_s << u"-1.5e3"_s << u"up > -1.5e3"_s;
        QTest::newRow("outside a string: anything else")
            << u"label_replace(up, \"dst\", ${labels.v}, \"src\", \"(.*)\")"_s << u"1\" or vector(1)"_s
            << u"label_replace(up, \"dst\", \"1\\\" or vector(1)\", \"src\", \"(.*)\")"_s;
        QTest::newRow("after an escaped quote")
            << u"up{i=\"\\\"${labels.v}\"}"_s << u"x\""_s << u"up{i=\"\\\"x\\\"\"}"_s;
        QTest::newRow("a string ends before it") << u"label_join(up{j=\"x\"}, \"dst\", ${labels.v}, \"src\")"_s
                                                 << u"}"_s << u"label_join(up{j=\"x\"}, \"dst\", \"}\", \"src\")"_s;
    }

    void valuesAreEscapedForWhereTheyStand()
    {
        QFETCH(QString, query);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        Alert alert;
        alert.labels = {{u"v"_s, value}};
        const ContextTemplates::Substitution substituted = ContextTemplates::substitute(query, alert);
        QVERIFY2(substituted.ok(), qPrintable(substituted.problem));
        QCOMPARE(substituted.query, expected);
        if (PromtoolCheck::executable().isEmpty())
            QSKIP("promtool is not installed (Debian package prometheus; tools/deps installs it)");
        const QString report = PromtoolCheck::check({substituted.query});
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    void whatCannotBeEscapedIsLeftOut()
    {
        const ContextTemplates::Config config
            = ContextTemplates::parse(u"match alertname=\"A\"\nquery Raw = up{i=`${labels.v}`}\n"
                                      "query Escaped = up{i=\"\\${labels.v}\"}\nquery Fine = up{i=\"${labels.v}\"}\n"_s)
                  .config;
        Alert alert;
        alert.labels = {{u"alertname"_s, u"A"_s}, {u"v"_s, u"a`b"_s}};
        QStringList notes;
        const QList<ContextPlan::MetricQuery> queries = ContextTemplates::queriesFor(config, alert, &notes);
        QCOMPARE(queries.size(), 1);
        QCOMPARE(queries.first().expression, u"up{i=\"a`b\"}"_s);
        QCOMPARE(notes,
                 (QStringList{u"\"Raw\" is left out: the label v holds a ` that cannot go in a `…` string."_s,
                              u"\"Escaped\" is left out: a backslash stands right before ${labels.v}."_s}));
    }

    void lokiLabelsMustBeLabelNames()
    {
        const ContextTemplates::ParseResult parsed
            = ContextTemplates::parse(u"loki pod -> pod\"}\nloki instance -> host_name strip-port\n"_s);
        QCOMPARE(parsed.errors.size(), 1);
        QVERIFY(parsed.errors.first().startsWith(u"line 1: write \"loki"_s));
        QCOMPARE(parsed.config.labelRules.size(), 1);
    }

    // The window reads the file when settings change: a named pipe, a device or a huge
    // file is refused at once, never waited on.
    void onlySmallRegularFilesAreRead()
    {
        QTemporaryDir dir;
        const QString good = dir.filePath(u"queries.txt"_s);
        QFile file(good);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("match job=\"node\"\nquery Load = node_load1\n");
        file.close();
        const ContextTemplates::FileResult read = ContextTemplates::readFile(good);
        QVERIFY2(read.readError.isEmpty(), qPrintable(read.readError));
        QCOMPARE(read.parsed.config.templates.size(), 1);
        QCOMPARE(read.text, u"match job=\"node\"\nquery Load = node_load1\n"_s);

        const ContextTemplates::FileResult missing = ContextTemplates::readFile(dir.filePath(u"none.txt"_s));
        QVERIFY(missing.missing);
        QVERIFY(missing.readError.startsWith(u"cannot read "_s));

        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(ContextTemplates::maxFileBytes + 1, '#'));
        file.close();
        QCOMPARE(ContextTemplates::readFile(good).readError, u"cannot read %1: it is larger than 1 MiB"_s.arg(good));
        QCOMPARE(ContextTemplates::readFile(u"/dev/zero"_s).readError,
                 u"cannot read /dev/zero: it is a device, not a regular file"_s);

        const QString pipe = dir.filePath(u"pipe"_s);
        QCOMPARE(::mkfifo(QFile::encodeName(pipe).constData(), 0600), 0);
        std::atomic_bool done = false;
        ContextTemplates::FileResult fromPipe;
        std::thread reader([&] {
            fromPipe = ContextTemplates::readFile(pipe);
            done = true;
        });
        const auto release = qScopeGuard([&] {
            // A reader waiting for a writer: give it one that goes away (end of file).
            for (int tries = 0; !done && tries < 1000; ++tries) {
                if (const int fd = ::open(QFile::encodeName(pipe).constData(), O_WRONLY | O_NONBLOCK); fd >= 0)
                    ::close(fd);
                QTest::qWait(10);
            }
            reader.join();
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
        QCOMPARE(fromPipe.readError, u"cannot read %1: it is a named pipe (FIFO), not a regular file"_s.arg(pipe));
        QVERIFY(!fromPipe.missing);
    }
};

QTEST_GUILESS_MAIN(TestContextTemplates)
#include "tst_contexttemplates.moc"
