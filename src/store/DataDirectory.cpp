#include "store/DataDirectory.h"

#include "logging/LogCategories.h"

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

constexpr QFile::Permissions groupOrOther
    = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
constexpr QFile::Permissions ownerOnlyDirectory = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
constexpr QFile::Permissions ownerOnlyFile = QFile::ReadOwner | QFile::WriteOwner;

// The parents as the umask makes them (they are ordinary folders such as
// ~/.local/share), the directory itself 0700.
bool createPrivateDirectory(const QString &path)
{
    const QFileInfo info(path);
    return QDir().mkpath(info.absolutePath()) && QDir().mkdir(path, ownerOnlyDirectory);
}

} // namespace

QString DataDirectory::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Result<QString> DataDirectory::prepare(const QString &requestedPath)
{
    const QString path = QDir::cleanPath(QDir(requestedPath.isEmpty() ? defaultPath() : requestedPath).absolutePath());
    const bool isDefault = path == QDir::cleanPath(QDir(defaultPath()).absolutePath());
    const QFileInfo info(path);
    if (info.exists() && !info.isDir())
        return Failure{Text::tr("The data directory %1 is a file, not a directory.").arg(path)};
    if (!info.exists() && !createPrivateDirectory(path))
        return Failure{
            Text::tr("Cannot create the data directory %1: check that its parent exists and is writable.").arg(path)};
    // The default directory is AlertDeck's own: an earlier version created it with the umask's mode.
    if (isDefault && !restrictToOwner(path))
        qCWarning(lcStore).noquote() << "cannot make the data directory" << path << "private to its owner";

    QTemporaryFile probe(path + u"/.alertdeck-write-probe-XXXXXX"_s);
    if (!probe.open() || probe.write("ok") != 2 || !probe.flush())
        return Failure{Text::tr("The data directory %1 is not writable: %2.").arg(path, probe.errorString())};
    return path;
}

bool DataDirectory::createPrivateFile(const QString &filePath)
{
    QFile file(filePath);
    // NewOnly (O_EXCL): never opens, or changes, a file or link that is already there.
    return file.open(QIODevice::WriteOnly | QIODevice::NewOnly, ownerOnlyFile);
}

bool DataDirectory::restrictToOwner(const QString &filePath)
{
    const QFileInfo info(filePath);
    if (!info.exists() || !(info.permissions() & groupOrOther))
        return true;
    return QFile::setPermissions(filePath, info.permissions() & ~groupOrOther);
}
