#include "CliTestSupport.h"

#include "TestData.h"

#include <QFile>

using namespace Qt::StringLiterals;

AlertDeckProcess::AlertDeckProcess(const QString &configHome)
{
    setEnvironmentVariable(u"XDG_CONFIG_HOME"_s, configHome); // QSettings of this run stay in the test's folder
    setEnvironmentVariable(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    removeEnvironmentVariable(u"QT_LOGGING_RULES"_s);
}

void AlertDeckProcess::start(const QStringList &arguments)
{
    ChildProcess::start(QLatin1String(ALERTDECK_BINARY), arguments);
}

RunResult run(const QStringList &arguments, const QString &locale)
{
    ChildProcess process;
    process.setEnvironmentVariable(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    process.setEnvironmentVariable(u"LC_ALL"_s, locale);
    process.setEnvironmentVariable(u"LANG"_s, locale);
    process.start(QLatin1String(ALERTDECK_BINARY), arguments);
    return process.finish(std::chrono::seconds(30));
}

QByteArray errorBody(const QString &fixture)
{
    const QByteArray text = TestData::fixture(fixture).trimmed();
    return text.left(text.lastIndexOf('\n')).trimmed();
}

QString writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size() ? path : QString();
}
