#include "ingest/LabelFingerprint.h"

#include <QCryptographicHash>

QString LabelFingerprint::of(const LabelMap &labels)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    // QMap iterates in key order; the separators cannot occur in UTF-8 text.
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        hash.addData(it.key().toUtf8());
        hash.addData(QByteArrayView("\xff", 1));
        hash.addData(it.value().toUtf8());
        hash.addData(QByteArrayView("\xfe", 1));
    }
    return QString::fromLatin1(hash.result().left(8).toHex());
}
