#include "ResultAssert.h"
#include "store/AlertStore.h"
#include "store/PayloadExport.h"

#include <QBuffer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 11, 22), QTime(10, 0), Qt::UTC);

IncomingPayload payloadAt(const QDateTime &receivedAt, const QByteArray &body)
{
    IncomingPayload payload;
    payload.receivedAt = receivedAt;
    payload.path = u"/webhook/alertmanager"_s;
    payload.format = PayloadFormat::Alertmanager;
    payload.headers = "{}";
    payload.body = body;
    return payload;
}

QList<QJsonObject> exportLines(const QString &path, const PayloadExport::Range &range, QString *error = nullptr)
{
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    const Result<qint64> written = PayloadExport::run(path, range, out);
    if (error)
        *error = written ? QString() : written.error();
    QList<QJsonObject> lines;
    for (const QByteArray &line : out.data().split('\n'))
        if (!line.isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    return lines;
}

} // namespace

class TestPayloadExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(u"alerts.sqlite"_s); }

private slots:
    void initTestCase()
    {
        AlertStore store;
        QVERIFY_OK(store.open(path()));
        QVERIFY_OK(store.write({payloadAt(t0, R"({"alerts":[],"n":1})"),
                                payloadAt(t0.addSecs(3600), "\xEF\xBB\xBF{\"alerts\":[],\"n\":\"二\"}"),
                                payloadAt(t0.addDays(1), R"({"alerts":[],"n":3})")}));
    }

    void exportsEveryPayloadExactly()
    {
        // Exported while the store is open elsewhere, as with a running AlertDeck.
        AlertStore running;
        QVERIFY_OK(running.open(path()));
        const QList<QJsonObject> lines = exportLines(path(), {});
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0).value(u"receivedAt"_s).toString(), u"2026-11-22T10:00:00.000Z"_s);
        QCOMPARE(lines.at(0).value(u"source"_s).toString(), u"alertmanager"_s);
        QCOMPARE(lines.at(0).value(u"path"_s).toString(), u"/webhook/alertmanager"_s);
        QCOMPARE(lines.at(0).value(u"body"_s).toString(), uR"({"alerts":[],"n":1})"_s);
        // The body comes back byte for byte, BOM and all.
        QCOMPARE(lines.at(1).value(u"body"_s).toString().toUtf8(),
                 QByteArray("\xEF\xBB\xBF{\"alerts\":[],\"n\":\"二\"}"));
    }

    void timeRange()
    {
        QCOMPARE(exportLines(path(), {t0.addSecs(1), {}}).size(), 2);
        QCOMPARE(exportLines(path(), {{}, t0.addSecs(3600)}).size(), 1); // until is exclusive
        QCOMPARE(exportLines(path(), {t0, t0.addSecs(3601)}).size(), 2);
        QCOMPARE(exportLines(path(), {t0.addDays(2), {}}).size(), 0);
    }

    void refusesWhatIsNotAStore()
    {
        QString error;
        exportLines(m_dir.filePath(u"missing.sqlite"_s), {}, &error);
        QVERIFY2(error.contains(u"There is no alert store at"_s), qPrintable(error));
        QVERIFY(!QFile::exists(m_dir.filePath(u"missing.sqlite"_s))); // nothing created

        QFile other(m_dir.filePath(u"notes.txt"_s));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("just text");
        other.close();
        exportLines(other.fileName(), {}, &error);
        QVERIFY2(error.contains(u"not an AlertDeck alert store"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPayloadExport)
#include "tst_payloadexport.moc"
