#include "store/PayloadExport.h"

#include "store/AlertStore.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace {

// Gives lupdate and tr() the "PayloadExport" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(PayloadExport)
};

// Keeps a leading BOM (QString::fromUtf8 drops it): the body must replay exactly.
QString bodyText(const QByteArray &body)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    const QString text = decoder(body);
    return text;
}

} // namespace

Result<qint64> PayloadExport::run(const QString &storePath, const Range &range, QIODevice &out)
{
    if (!QFileInfo(storePath).isFile())
        return Failure{Text::tr("There is no alert store at %1.").arg(storePath)};

    const QString connection = u"alertdeck-export"_s;
    QString error;
    qint64 lines = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(storePath);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1"_s.arg(AlertStore::busyTimeoutMs));
        QSqlQuery query(db);
        if (!db.open()) {
            error = Text::tr("Cannot open the alert store %1: %2").arg(storePath, db.lastError().text());
        } else if (!query.exec(u"PRAGMA application_id"_s) || !query.next()
                   || query.value(0).toUInt() != AlertStore::applicationId) {
            error = Text::tr("%1 is not an AlertDeck alert store.").arg(storePath);
        } else {
            query.setForwardOnly(true);
            query.prepare(u"SELECT received_at_ms, format, path, body FROM payloads "
                          "WHERE received_at_ms >= ? AND received_at_ms < ? ORDER BY id"_s);
            query.addBindValue(range.since.isValid() ? range.since.toMSecsSinceEpoch()
                                                     : std::numeric_limits<qint64>::min());
            query.addBindValue(range.until.isValid() ? range.until.toMSecsSinceEpoch()
                                                     : std::numeric_limits<qint64>::max());
            if (!query.exec()) {
                error = Text::tr("Cannot read the alert store %1: %2").arg(storePath, query.lastError().text());
            } else {
                while (query.next()) {
                    const QJsonObject line{
                        {u"receivedAt"_s,
                         QDateTime::fromMSecsSinceEpoch(query.value(0).toLongLong(), Qt::UTC)
                             .toString(Qt::ISODateWithMs)},
                        {u"source"_s, query.value(1).toString()},
                        {u"path"_s, query.value(2).toString()},
                        {u"body"_s, bodyText(query.value(3).toByteArray())},
                    };
                    if (out.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n') < 0) {
                        error = Text::tr("Cannot write the export: %1").arg(out.errorString());
                        break;
                    }
                    ++lines;
                }
            }
        }
        query = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    if (!error.isEmpty())
        return Failure{error};
    return lines;
}
