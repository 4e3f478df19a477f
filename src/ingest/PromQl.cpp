#include "ingest/PromQl.h"

#include <QByteArray>
#include <QStringTokenizer>

QString PromQl::fromGeneratorUrl(const QString &generatorUrl)
{
    // One pass over the URL, no list of its pieces: the cost stays linear in its length.
    const qsizetype queryStart = generatorUrl.indexOf(u'?');
    if (queryStart < 0)
        return {};
    QStringView query = QStringView(generatorUrl).sliced(queryStart + 1);
    if (const qsizetype fragment = query.indexOf(u'#'); fragment >= 0)
        query.truncate(fragment);
    for (const QStringView pair : qTokenize(query, u'&')) {
        if (!pair.startsWith(u"g0.expr="))
            continue;
        QByteArray encoded = pair.sliced(8).toUtf8();
        encoded.replace('+', ' ');
        return QString::fromUtf8(QByteArray::fromPercentEncoding(encoded));
    }
    return {};
}
