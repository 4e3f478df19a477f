#pragma once

#include <QRegularExpression>
#include <QString>

// The loopback port a headless alertdeck says it listens on ("listening on
// http://127.0.0.1:PORT" in its log), 0 until it has said so.
inline quint16 listeningPort(const QString &log)
{
    static const QRegularExpression pattern(QStringLiteral("listening on https?://127\\.0\\.0\\.1:(\\d+)"));
    return static_cast<quint16>(pattern.match(log).captured(1).toUInt());
}
