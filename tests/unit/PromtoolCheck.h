#pragma once

#include "ChildProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QStringList>
#include <QTemporaryDir>

// Parses PromQL with Prometheus's own parser: promtool (Debian's prometheus package,
// installed by tools/deps) checks a rule file holding the expressions, no server needed.
namespace PromtoolCheck {

inline QString executable()
{
    return QStandardPaths::findExecutable(QStringLiteral("promtool"));
}

// Empty when promtool parses every expression; else what it said.
inline QString check(const QStringList &expressions)
{
    QJsonArray rules;
    for (qsizetype i = 0; i < expressions.size(); ++i)
        rules.append(QJsonObject{{QStringLiteral("record"), QStringLiteral("check:expression_%1").arg(i)},
                                 {QStringLiteral("expr"), expressions.at(i)}});
    const QJsonObject file{
        {QStringLiteral("groups"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("check")}, {QStringLiteral("rules"), rules}}}}};
    // JSON is YAML, except that YAML reads these three as line breaks inside a string.
    QString text = QString::fromUtf8(QJsonDocument(file).toJson(QJsonDocument::Compact));
    text.replace(QChar(0x85), QStringLiteral("\\u0085"))
        .replace(QChar(0x2028), QStringLiteral("\\u2028"))
        .replace(QChar(0x2029), QStringLiteral("\\u2029"));
    QTemporaryDir dir;
    QFile rulesFile(dir.filePath(QStringLiteral("rules.yml")));
    if (!rulesFile.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1").arg(rulesFile.fileName());
    rulesFile.write(text.toUtf8());
    rulesFile.close();
    ChildProcess promtool;
    promtool.setChannelMode(QProcess::MergedChannels);
    promtool.start(executable(), {QStringLiteral("check"), QStringLiteral("rules"), rulesFile.fileName()});
    if (!promtool.waitForFinished(std::chrono::seconds(60)))
        return QStringLiteral("promtool did not finish"); // killed as `promtool` goes
    const QString output = promtool.standardOutput();
    return promtool.exitStatus() == QProcess::NormalExit && promtool.exitCode() == 0 ? QString()
                                                                                     : output + u'\n' + text;
}

} // namespace PromtoolCheck
