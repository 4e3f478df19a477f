#include "context/LabelMapFile.h"

#include "context/ContextTemplates.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(LabelMapFile)
};

QString lineOf(const ContextPlan::LabelRule &rule)
{
    return u"loki %1 -> %2%3 group %4"_s
        .arg(rule.alertLabel, rule.lokiLabel, rule.stripPort ? u" strip-port"_s : QString())
        .arg(rule.group);
}

} // namespace

namespace LabelMapFile {

QList<ContextPlan::LabelRule> merged(const QList<ContextPlan::LabelRule> &found,
                                     const QList<ContextPlan::LabelRule> &current)
{
    QList<ContextPlan::LabelRule> rules;
    for (ContextPlan::LabelRule rule : found) {
        rule.group = 0;
        rules << rule;
    }
    for (ContextPlan::LabelRule rule : current) {
        ++rule.group;
        rules << rule;
    }
    return rules;
}

QString withRules(const QString &text, const QList<ContextPlan::LabelRule> &found,
                  const QList<ContextPlan::LabelRule> &current)
{
    QStringList lines;
    for (const QString &line : text.split(u'\n'))
        if (!line.trimmed().startsWith(u"loki "_s) && line.trimmed() != u"loki"_s)
            lines << line;
    while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty())
        lines.removeLast();
    if (!lines.isEmpty())
        lines << QString();
    lines << Text::tr("# Loki label map (the first group whose labels the alert has wins; the first group was "
                      "saved from the Logs tab).");
    for (const ContextPlan::LabelRule &rule : merged(found, current))
        lines << lineOf(rule);
    return lines.join(u'\n') + u'\n';
}

Result<> save(const QString &path, const QList<ContextPlan::LabelRule> &found,
              const QList<ContextPlan::LabelRule> &current)
{
    const ContextTemplates::FileResult file = ContextTemplates::readFile(path);
    if (!file.readError.isEmpty() && !file.missing)
        return Failure{file.readError};
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(withRules(file.text, found, current).toUtf8()) < 0
        || !out.commit())
        return Failure{Text::tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), out.errorString())};
    return {};
}

} // namespace LabelMapFile
