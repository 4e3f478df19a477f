#include "StoreReader.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

QList<QJsonObject> StoreReader::alerts(const QString &storePath)
{
    QList<QJsonObject> result;
    if (!QFileInfo::exists(storePath))
        return result;
    const QString connection = u"store-reader"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(storePath);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery query(u"SELECT data FROM alerts"_s, db);
            while (query.next())
                result << QJsonDocument::fromJson(query.value(0).toByteArray()).object();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

std::optional<QJsonObject> StoreReader::alertNamed(const QString &storePath, const QString &name)
{
    std::optional<QJsonObject> found;
    for (const QJsonObject &alert : alerts(storePath))
        if (alert.value(u"name"_s).toString() == name)
            found = alert;
    return found;
}
