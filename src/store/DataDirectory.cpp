#include "store/DataDirectory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryFile>

using namespace Qt::StringLiterals;

namespace {

// Gives lupdate and tr() the "DataDirectory" translation context.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(DataDirectory)
};

} // namespace

QString DataDirectory::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

DataDirectoryResult DataDirectory::prepare(const QString &requestedPath)
{
    const QString path = QDir::cleanPath(QDir(requestedPath.isEmpty() ? defaultPath() : requestedPath).absolutePath());
    const QFileInfo info(path);
    if (info.exists() && !info.isDir())
        return {path, Text::tr("The data directory %1 is a file, not a directory.").arg(path)};
    if (!info.exists() && !QDir().mkpath(path))
        return {
            path,
            Text::tr("Cannot create the data directory %1: check that its parent exists and is writable.").arg(path)};

    QTemporaryFile probe(path + u"/.alertdeck-write-probe-XXXXXX"_s);
    if (!probe.open() || probe.write("ok") != 2 || !probe.flush())
        return {path, Text::tr("The data directory %1 is not writable: %2.").arg(path, probe.errorString())};
    return {path, {}};
}
