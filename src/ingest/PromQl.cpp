#include "ingest/PromQl.h"

#include <QByteArray>
#include <QUrl>

QString PromQl::fromGeneratorUrl(const QString &generatorUrl)
{
    const qsizetype queryStart = generatorUrl.indexOf(u'?');
    if (queryStart < 0)
        return {};
    const QStringView query = QStringView(generatorUrl).mid(queryStart + 1).split(u'#').constFirst();
    for (QStringView pair : query.split(u'&')) {
        if (!pair.startsWith(u"g0.expr="))
            continue;
        QByteArray encoded = pair.mid(8).toUtf8();
        encoded.replace('+', ' ');
        return QString::fromUtf8(QByteArray::fromPercentEncoding(encoded));
    }
    return {};
}
