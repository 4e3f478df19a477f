// ConfigFile::read: any file reads into values and problems (never a crash), every
// problem points into the file, and every value it accepts passes its own check again.
//
// The input is written to one file in a temporary folder made once per process; each
// run gives the file a new modification time so that QSettings' cache never hands
// back the previous run's content.

#include "FuzzSupport.h"
#include "config/ConfigFile.h"
#include "settings/AppSettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>

namespace {

QString configPath()
{
    static QTemporaryDir folder;
    FUZZ_CHECK(folder.isValid());
    static const QString path = folder.filePath(u"alertdeck.ini"_qs);
    return path;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString path = configPath();
    {
        QFile file(path);
        FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        FUZZ_CHECK(file.write(reinterpret_cast<const char *>(data), qint64(size)) == qint64(size));
        static qint64 run = 0;
        FUZZ_CHECK(file.setFileTime(QDateTime::fromMSecsSinceEpoch(1'000'000'000'000 + 1000 * ++run, Qt::UTC),
                                    QFileDevice::FileModificationTime));
    }
    const qsizetype lineCount = QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)).count('\n') + 1;

    const ConfigFile::Contents result = ConfigFile::read(path);
    FUZZ_CHECK(result.ok() == result.problems.isEmpty());
    for (const ConfigFile::Problem &problem : result.problems) {
        FUZZ_CHECK(problem.file == path);
        FUZZ_CHECK(problem.line >= 0 && problem.line <= lineCount);
        FUZZ_CHECK(!problem.message.isEmpty());
        FUZZ_CHECK(!problem.toString().isEmpty());
    }
    const QList<Settings::Info> known = Settings::known();
    for (auto it = result.values.cbegin(); it != result.values.cend(); ++it) {
        const auto info
            = std::find_if(known.cbegin(), known.cend(), [&](const Settings::Info &i) { return i.path == it.key(); });
        FUZZ_CHECK(info != known.cend());
        // Destinations and the prompt are assembled from other keys; the rest were checked.
        if (it.key() == QLatin1String(Settings::chatDestinations.path)
            || it.key() == QLatin1String(Settings::promptTemplate.path)
            || it.key() == QLatin1String(Settings::contextQueriesFile.path))
            continue;
        QVariant value = it.value();
        FUZZ_CHECK(ConfigFile::problemWith(it.key(), value).isEmpty());
    }
    return 0;
}
