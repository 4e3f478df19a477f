#pragma once

#include <QFile>
#include <QString>

#include <sys/stat.h>

// For tests of what other local users may read.

// The permission bits, as `ls -l` shows them; -1 when the path cannot be read.
inline int fileMode(const QString &path)
{
    struct stat info {
    };
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
}

// While it lives, a umask that would leave new files readable by every local user
// (child processes inherit it); the previous one comes back however the test ends.
class LaxUmask
{
public:
    LaxUmask()
        : m_previous(::umask(022))
    { }
    ~LaxUmask() { ::umask(m_previous); }
    LaxUmask(const LaxUmask &) = delete;
    LaxUmask &operator=(const LaxUmask &) = delete;

private:
    mode_t m_previous;
};
