// Configuration files: every setting is known to them, and each kind of mistake is
// reported with the file, the line and the key.

#include "config/ConfigFile.h"
#include "context/ContextTemplates.h"
#include "forward/ForwardService.h"
#include "settings/AppSettings.h"
#include "settings/ChatDestination.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

// ConfigFile::read on another thread, so that a reader waiting on a named pipe fails
// the test within seconds instead of hanging it; the pipe is then given a writer that
// goes away at once (end of file), as often as it takes for the reader to finish.
ConfigFile::Contents readWithoutWaiting(const QString &path, const QString &pipe = {})
{
    std::atomic_bool done = false;
    ConfigFile::Contents result;
    std::thread reader([&] {
        result = ConfigFile::read(path);
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 5000); }();
    for (int tries = 0; !done && !pipe.isEmpty() && tries < 1000; ++tries) {
        if (const int fd = ::open(QFile::encodeName(pipe).constData(), O_WRONLY | O_NONBLOCK); fd >= 0)
            ::close(fd);
        QTest::qWait(10);
    }
    reader.join();
    return result;
}

} // namespace

class TestConfigFile : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &text)
    {
        QFile file(m_dir.filePath(name));
        if (file.open(QIODevice::WriteOnly))
            file.write(text);
        return file.fileName();
    }

private slots:
    // A setting added to AppSettings.h but not to Settings::known() could not be
    // configured from a file.
    void everySettingIsKnown()
    {
        QFile header(QStringLiteral(ALERTDECK_SOURCE_DIR "/src/settings/AppSettings.h"));
        QVERIFY(header.open(QIODevice::ReadOnly));
        static const QRegularExpression declaration(u"SettingKey<[^>]+> \\w+\\{\"([^\"]+)\""_s);
        QStringList declared;
        for (auto it = declaration.globalMatch(QString::fromUtf8(header.readAll())); it.hasNext();)
            declared << it.next().captured(1);
        QStringList known;
        for (const Settings::Info &info : Settings::known())
            known << info.path;
        declared.sort();
        known.sort();
        QCOMPARE(known, declared);
    }

    void validFileGivesTypedValues()
    {
        const QString path = write(u"good.ini"_s,
                                   "; AlertDeck on the relay host\n"
                                   "[Listener]\n"
                                   "address=0.0.0.0:9200\n"
                                   "bodyLimitMiB=16\n"
                                   "[DataSources]\n"
                                   "prometheusUrls=http://prom-a:9090, http://prom-b:9090\n"
                                   "alertmanagerSyncMinutes=5\n"
                                   "[Analysis]\n"
                                   "temperature=0.4\n"
                                   "autoAnalysisMatchers=\"severity=\\\"critical\\\"\"\n"
                                   "redactIpAddresses=yes\n");
        const ConfigFile::Contents result = ConfigFile::read(path);
        QVERIFY2(result.ok(), qPrintable(result.problems.isEmpty() ? QString() : result.problems.first().toString()));
        QCOMPARE(result.values.value(u"Listener/address"_s).toString(), u"0.0.0.0:9200"_s);
        QCOMPARE(result.values.value(u"Listener/bodyLimitMiB"_s), QVariant(16));
        QCOMPARE(result.values.value(u"DataSources/prometheusUrls"_s).toStringList(),
                 (QStringList{u"http://prom-a:9090"_s, u"http://prom-b:9090"_s}));
        QCOMPARE(result.values.value(u"Analysis/temperature"_s), QVariant(0.4));
        QCOMPARE(result.values.value(u"Analysis/autoAnalysisMatchers"_s).toString(), u"severity=\"critical\""_s);
        QCOMPARE(result.values.value(u"Analysis/redactIpAddresses"_s), QVariant(true));
    }

    void mistakesNameFileLineAndKey()
    {
        const QString path = write(u"bad.ini"_s,
                                   "[Listener]\n"
                                   "adress=0.0.0.0:9200\n"
                                   "bodyLimitMiB=lots\n"
                                   "address=alerts.internal:9095\n"
                                   "[DataSources]\n"
                                   "prometheusUrls=prom:9090\n"
                                   "alertmanagerUrls=http://admin:hunter2@am:9093\n"
                                   "lokiPassword=hunter2\n"
                                   "[Notifications]\n"
                                   "doNotDisturb=maybe\n"
                                   "matchers=\"severity=~\\\"(\\\"\"\n"
                                   "[Appearance]\n"
                                   "theme=sepia\n");
        const ConfigFile::Contents result = ConfigFile::read(path);
        QStringList said;
        for (const ConfigFile::Problem &problem : result.problems)
            said << problem.toString();
        const QString all = said.join(u'\n');
        QCOMPARE(said.size(), 9);
        QVERIFY2(said.at(0).startsWith(u"bad.ini:2: Listener/adress: unknown key"_s), qPrintable(all));
        QVERIFY2(said.at(1).startsWith(u"bad.ini:3: Listener/bodyLimitMiB: \"lots\" is not a whole number"_s),
                 qPrintable(all));
        QVERIFY2(said.at(2).startsWith(u"bad.ini:4: Listener/address: "_s) && said.at(2).contains(u"IP address"_s),
                 qPrintable(all));
        QVERIFY2(said.at(3).contains(u"bad.ini:6: DataSources/prometheusUrls: \"prom:9090\" is not an http"_s),
                 qPrintable(all));
        QVERIFY2(said.at(4).contains(u"bad.ini:7: DataSources/alertmanagerUrls: the URL holds a password"_s),
                 qPrintable(all));
        QVERIFY2(said.at(5).contains(u"bad.ini:8: DataSources/lokiPassword: secrets do not go in"_s), qPrintable(all));
        QVERIFY2(said.at(6).contains(u"bad.ini:10: Notifications/doNotDisturb: \"maybe\" is not true or false"_s),
                 qPrintable(all));
        QVERIFY2(said.at(7).startsWith(u"bad.ini:11: Notifications/matchers: "_s), qPrintable(all));
        QVERIFY2(said.at(8).contains(u"bad.ini:13: Appearance/theme: \"sepia\" is not one of system, light, dark"_s),
                 qPrintable(all));
        QVERIFY(!all.contains(u"hunter2"_s)); // a refused secret is not repeated either
    }

    // packaging/alertdeck.example.ini names every setting, and with its ';' removed
    // every example value is valid.
    void theExampleIsCompleteAndValid()
    {
        QFile example(QStringLiteral(ALERTDECK_SOURCE_DIR "/packaging/alertdeck.example.ini"));
        QVERIFY(example.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(example.readAll());
        QString group;
        QStringList named;
        QStringList uncommented;
        static const QRegularExpression setting(u"^;?(\\w+)="_s);
        for (const QString &line : text.split(u'\n')) {
            if (line.startsWith(u'['))
                group = line.mid(1, line.indexOf(u']') - 1);
            const QRegularExpressionMatch match = setting.match(line);
            if (!match.hasMatch())
                continue;
            named << group + u'/' + match.captured(1);
            uncommented << (line.startsWith(u';') ? line.mid(1) : line);
            continue;
        }
        for (const Settings::Info &info : Settings::known())
            QVERIFY2(named.contains(info.path), qPrintable(info.path));
        // Rebuilt with every value set.
        QString all;
        group.clear();
        for (const QString &line : text.split(u'\n')) {
            if (line.startsWith(u'['))
                all += line + u'\n';
            else if (setting.match(line).hasMatch())
                all += (line.startsWith(u';') ? line.mid(1) : line) + u'\n';
        }
        const ConfigFile::Contents result = ConfigFile::read(write(u"example-set.ini"_s, all.toUtf8()));
        QStringList said;
        for (const ConfigFile::Problem &problem : result.problems)
            said << problem.toString();
        QVERIFY2(result.ok(), qPrintable(said.join(u'\n')));
        QCOMPARE(result.values.size(), Settings::known().size());
        QCOMPARE(result.values.value(u"Analysis/autoAnalysisMatchers"_s).toString(), u"severity=\"critical\""_s);
    }

    void destinationSectionsNameTheirSecrets()
    {
        const ConfigFile::Contents good = ConfigFile::read(write(u"destinations.ini"_s,
                                                                 "[Destination.ops]\n"
                                                                 "name=#ops\n"
                                                                 "type=dingtalk\n"
                                                                 "default=yes\n"
                                                                 "mentions=13800000000\n"
                                                                 "secret=dingtalk_ops\n"
                                                                 "signingSecret=DINGTALK_OPS_SIGN\n"
                                                                 "[Destination.oncall]\n"
                                                                 "type=telegram\n"
                                                                 "chatId=-100123\n"
                                                                 "secret=TG_BOT\n"));
        QVERIFY2(good.ok(), qPrintable(good.problems.isEmpty() ? QString() : good.problems.first().toString()));
        const QList<ChatDestination> destinations
            = ChatDestinations::fromJson(good.values.value(u"Forwarding/destinations"_s).toString());
        QCOMPARE(destinations.size(), 2);
        const ChatDestination &ops = destinations.at(1).id == u"ops"_s ? destinations.at(1) : destinations.at(0);
        QCOMPARE(ops.type, ChatDestination::Type::DingTalk);
        QVERIFY(ops.isDefault);
        QCOMPARE(ops.mentions, u"13800000000"_s);
        QCOMPARE(ops.targetSecret().environmentVariable(), u"ALERTDECK_SECRET_DINGTALK_OPS"_s);
        QCOMPARE(ops.signingSecret().environmentVariable(), u"ALERTDECK_SECRET_DINGTALK_OPS_SIGN"_s);

        const ConfigFile::Contents bad = ConfigFile::read(write(u"bad-destinations.ini"_s,
                                                                "[Destination.ops]\n"
                                                                "type=icq\n"
                                                                "token=abc123\n"
                                                                "[Destination.team]\n"
                                                                "type=slack\n"));
        QStringList said;
        for (const ConfigFile::Problem &problem : bad.problems)
            said << problem.toString();
        const QString all = said.join(u'\n');
        QVERIFY2(all.contains(u"bad-destinations.ini:2: Destination.ops/type: \"icq\" is not a chat tool"_s),
                 qPrintable(all));
        QVERIFY2(all.contains(u"bad-destinations.ini:3: Destination.ops/token: secrets do not go"_s), qPrintable(all));
        QVERIFY2(all.contains(u"Destination.team/secret: missing"_s), qPrintable(all));
        QVERIFY(!all.contains(u"abc123"_s));
        QVERIFY(!bad.values.contains(u"Forwarding/destinations"_s));
    }

    // A rule's target is "alert" (also when missing, as before targets) or "incident".
    void forwardingRuleTargetsAreChecked()
    {
        const ConfigFile::Contents good = ConfigFile::read(
            write(u"rules.ini"_s,
                  "[Forwarding]\n"
                  "rules=\"[{\\\"matcher\\\":\\\"team=\\\\\\\"db\\\\\\\"\\\",\\\"destination\\\":\\\"ops\\\"},"
                  "{\\\"matcher\\\":\\\"team=\\\\\\\"web\\\\\\\"\\\",\\\"destination\\\":\\\"ops\\\",\\\"target\\\":"
                  "\\\"incident\\\"}]\"\n"));
        QVERIFY2(good.ok(), qPrintable(good.problems.isEmpty() ? QString() : good.problems.first().toString()));
        const QList<ForwardRule> rules = ForwardRules::fromJson(good.values.value(u"Forwarding/rules"_s).toString());
        QCOMPARE(rules.size(), 2);
        QCOMPARE(rules.at(0).target, RuleTarget::Alert);
        QCOMPARE(rules.at(1).target, RuleTarget::Incident);

        const ConfigFile::Contents bad
            = ConfigFile::read(write(u"bad-rules.ini"_s,
                                     "[Forwarding]\n"
                                     "rules=\"[{\\\"matcher\\\":\\\"team=\\\\\\\"db\\\\\\\"\\\",\\\"destination\\\":"
                                     "\\\"ops\\\",\\\"target\\\":\\\"bogus\\\"}]\"\n"));
        QCOMPARE(bad.problems.size(), 1);
        QVERIFY2(
            bad.problems.first().toString().startsWith(
                u"bad-rules.ini:2: Forwarding/rules: rule 1: the target \"bogus\" is not one of alert, incident"_s),
            qPrintable(bad.problems.first().toString()));
        QVERIFY(!bad.values.contains(u"Forwarding/rules"_s));
    }

    void theAnalysisTargetIsAlertOrIncident()
    {
        const ConfigFile::Contents good
            = ConfigFile::read(write(u"target.ini"_s, "[Analysis]\nautoAnalysisTarget=incident\n"));
        QVERIFY(good.problems.isEmpty());
        QCOMPARE(good.values.value(u"Analysis/autoAnalysisTarget"_s).toString(), u"incident"_s);
        const ConfigFile::Contents bad
            = ConfigFile::read(write(u"bad-target.ini"_s, "[Analysis]\nautoAnalysisTarget=storm\n"));
        QCOMPARE(bad.problems.size(), 1);
        QVERIFY2(bad.problems.first().toString().contains(
                     u"Analysis/autoAnalysisTarget: \"storm\" is not one of alert, incident"_s),
                 qPrintable(bad.problems.first().toString()));
    }

    void promptAndQueriesComeFromFilesBesideIt()
    {
        write(u"prompt.md"_s, "You are the SRE on call. Answer in {{language}}.\n");
        write(u"queries.txt"_s, "match job=\"node\"\nquery Load = node_load1\nloki instance -> hostname\n");
        const ConfigFile::Contents good = ConfigFile::read(
            write(u"files.ini"_s, "[Analysis]\npromptTemplateFile=prompt.md\n[Context]\nqueriesFile=queries.txt\n"));
        QVERIFY2(good.ok(), qPrintable(good.problems.isEmpty() ? QString() : good.problems.first().toString()));
        QCOMPARE(good.values.value(u"Analysis/promptTemplate"_s).toString(),
                 u"You are the SRE on call. Answer in {{language}}.\n"_s);
        QCOMPARE(good.values.value(u"Context/queriesFile"_s).toString(), m_dir.filePath(u"queries.txt"_s));

        write(u"broken-queries.txt"_s, "match job=\"node\"\nquery oops\n");
        const ConfigFile::Contents bad = ConfigFile::read(
            write(u"files-bad.ini"_s,
                  "[Analysis]\npromptTemplateFile=missing.md\n[Context]\nqueriesFile=broken-queries.txt\n"));
        QCOMPARE(bad.problems.size(), 2);
        QVERIFY2(
            bad.problems.at(0).toString().startsWith(u"files-bad.ini:2: Analysis/promptTemplateFile: cannot read"_s),
            qPrintable(bad.problems.at(0).toString()));
        QVERIFY2(bad.problems.at(1).toString().contains(
                     u"files-bad.ini:4: Context/queriesFile: broken-queries.txt: line 2"_s),
                 qPrintable(bad.problems.at(1).toString()));
    }

    // Found in review: the prompt and queries files were read with readAll() whatever
    // they were, so /dev/zero or a named pipe hung `alertdeck config check`.
    void namedFilesMustBeSmallRegularFiles_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("file"); // "FIFO": a named pipe made here; "LARGE": one byte over the limit
        QTest::addColumn<QString>("reason");
        QTest::newRow("prompt: /dev/zero")
            << u"Analysis/promptTemplateFile"_s << u"/dev/zero"_s << u"it is a device, not a regular file"_s;
        QTest::newRow("prompt: named pipe")
            << u"Analysis/promptTemplateFile"_s << u"FIFO"_s << u"it is a named pipe (FIFO), not a regular file"_s;
        QTest::newRow("prompt: too large")
            << u"Analysis/promptTemplateFile"_s << u"LARGE"_s << u"it is larger than 256 KiB"_s;
        QTest::newRow("prompt: a folder")
            << u"Analysis/promptTemplateFile"_s << u"."_s << u"it is a folder, not a regular file"_s;
        QTest::newRow("queries: /dev/zero")
            << u"Context/queriesFile"_s << u"/dev/zero"_s << u"it is a device, not a regular file"_s;
        QTest::newRow("queries: named pipe")
            << u"Context/queriesFile"_s << u"FIFO"_s << u"it is a named pipe (FIFO), not a regular file"_s;
        QTest::newRow("queries: too large") << u"Context/queriesFile"_s << u"LARGE"_s << u"it is larger than 1 MiB"_s;
    }

    void namedFilesMustBeSmallRegularFiles()
    {
        QFETCH(QString, key);
        QFETCH(QString, file);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        QString pipe;
        if (file == u"FIFO"_s) {
            file = pipe = dir.filePath(u"pipe"_s);
            QCOMPARE(::mkfifo(QFile::encodeName(pipe).constData(), 0600), 0);
        } else if (file == u"LARGE"_s) {
            const qsizetype limit
                = key.startsWith(u"Analysis"_s) ? ConfigFile::maxPromptFileBytes : ContextTemplates::maxFileBytes;
            QFile large(file = dir.filePath(u"large.txt"_s));
            QVERIFY(large.open(QIODevice::WriteOnly));
            large.write(QByteArray(limit + 1, '#'));
        } else if (file == u"."_s) {
            file = dir.path();
        }
        const QString config = write(u"named.ini"_s,
                                     "; files\n[" + key.section(u'/', 0, 0).toUtf8() + "]\n"
                                         + key.section(u'/', 1).toUtf8() + '=' + file.toUtf8() + '\n');
        const ConfigFile::Contents result = readWithoutWaiting(config, pipe);
        QCOMPARE(result.problems.size(), 1);
        QCOMPARE(result.problems.first().toString(), u"named.ini:3: %1: cannot read %2: %3"_s.arg(key, file, reason));
        QVERIFY(result.values.isEmpty());
    }

    void namedFilesAtTheLimitAreRead()
    {
        write(u"limit-prompt.md"_s, QByteArray(ConfigFile::maxPromptFileBytes, 'p'));
        write(u"limit-queries.txt"_s, "# " + QByteArray(ContextTemplates::maxFileBytes - 3, 'q') + '\n');
        const ConfigFile::Contents result = ConfigFile::read(
            write(u"limit.ini"_s,
                  "[Analysis]\npromptTemplateFile=limit-prompt.md\n[Context]\nqueriesFile=limit-queries.txt\n"));
        QVERIFY2(result.ok(), qPrintable(result.problems.isEmpty() ? QString() : result.problems.first().toString()));
        QCOMPARE(result.values.value(u"Analysis/promptTemplate"_s).toString().size(), ConfigFile::maxPromptFileBytes);
    }

    void theConfigurationItselfMustBeASmallRegularFile()
    {
        QTemporaryDir dir;
        const QString pipe = dir.filePath(u"alertdeck.ini"_s);
        QCOMPARE(::mkfifo(QFile::encodeName(pipe).constData(), 0600), 0);
        const ConfigFile::Contents fromPipe = readWithoutWaiting(pipe, pipe);
        QCOMPARE(fromPipe.problems.size(), 1);
        QCOMPARE(fromPipe.problems.first().toString(),
                 u"alertdeck.ini: cannot read the file: it is a named pipe (FIFO), not a regular file"_s);

        const ConfigFile::Contents fromZero = readWithoutWaiting(u"/dev/zero"_s);
        QCOMPARE(fromZero.problems.size(), 1);
        QCOMPARE(fromZero.problems.first().toString(),
                 u"zero: cannot read the file: it is a device, not a regular file"_s);

        const ConfigFile::Contents large
            = ConfigFile::read(write(u"large.ini"_s, "; " + QByteArray(ConfigFile::maxConfigFileBytes, ' ') + '\n'));
        QCOMPARE(large.problems.size(), 1);
        QCOMPARE(large.problems.first().toString(), u"large.ini: cannot read the file: it is larger than 1 MiB"_s);
    }

    // A file that says it is empty and is not (/proc) is read, and only up to the limit.
    void filesThatHideTheirSizeAreStillBounded()
    {
        if (!QFile::exists(u"/proc/self/status"_s))
            QSKIP("no /proc here");
        const ConfigFile::FileText status = ConfigFile::readNamedFile(u"/proc/self/status"_s, 1 << 20);
        QVERIFY2(status.ok(), qPrintable(status.reason));
        QVERIFY(status.bytes.startsWith("Name:"));
        const ConfigFile::FileText small = ConfigFile::readNamedFile(u"/proc/self/status"_s, 16);
        QCOMPARE(small.failure, ConfigFile::FileText::Failure::TooLarge);
        QVERIFY(small.bytes.isEmpty());
    }

    void notAnIniFileIsSaid()
    {
        const ConfigFile::Contents result = ConfigFile::read(write(u"garbage.ini"_s, "[Listener\naddress=1.2.3.4:1\n"));
        QVERIFY(!result.ok());
        QVERIFY2(result.problems.first().toString().startsWith(u"garbage.ini: not an INI file"_s),
                 qPrintable(result.problems.first().toString()));
    }

    void unreadableFileIsSaid()
    {
        const ConfigFile::Contents result = ConfigFile::read(m_dir.filePath(u"missing.ini"_s));
        QCOMPARE(result.problems.size(), 1);
        QVERIFY(result.problems.first().toString().contains(u"cannot read the file"_s));
    }
};

QTEST_GUILESS_MAIN(TestConfigFile)
#include "tst_configfile.moc"
