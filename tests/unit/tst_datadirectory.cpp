#include "FileModes.h"
#include "ResultAssert.h"
#include "store/DataDirectory.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDataDirectory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void createsMissingNestedDirectory()
    {
        QTemporaryDir root;
        const QString path = root.filePath(u"a/b/c"_s);
        const Result<QString> result = DataDirectory::prepare(path);
        QVERIFY_OK(result);
        QCOMPARE(*result, QDir::cleanPath(path));
        QVERIFY(QFileInfo(path).isDir());
        QCOMPARE(QDir(path).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).size(),
                 0); // probe removed
    }

    void relativePathBecomesAbsolute()
    {
        QTemporaryDir root;
        const QString previous = QDir::currentPath();
        QDir::setCurrent(root.path());
        const Result<QString> result = DataDirectory::prepare(u"data"_s);
        QDir::setCurrent(previous);
        QVERIFY(result.ok());
        QCOMPARE(*result, QDir(root.path()).filePath(u"data"_s));
    }

    void existingFileIsRefused()
    {
        QTemporaryDir root;
        const QString path = root.filePath(u"file"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const Result<QString> result = DataDirectory::prepare(path);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(path) && result.error().contains(u"is a file"_s), qPrintable(result.error()));
    }

    void uncreatableDirectoryNamesPath()
    {
        // A directory below a regular file cannot be created, even by root.
        QTemporaryDir root;
        QFile file(root.filePath(u"file"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const QString path = root.filePath(u"file/store"_s);
        const Result<QString> result = DataDirectory::prepare(path);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().contains(path), qPrintable(result.error()));
    }

    void createdDirectoryIsPrivate()
    {
        const LaxUmask umask;
        QTemporaryDir root;
        const QString path = root.filePath(u"a/b/store"_s);
        QVERIFY(DataDirectory::prepare(path).ok());
        QCOMPARE(fileMode(path), 0700);
        QCOMPARE(fileMode(root.filePath(u"a"_s)), 0755); // ordinary parents stay as the umask makes them
    }

    void existingDefaultDirectoryIsTightened()
    {
        const LaxUmask umask;
        const QString path = DataDirectory::defaultPath();
        QVERIFY(QDir().mkpath(path)); // as an earlier AlertDeck left it
        QVERIFY(QFile::setPermissions(path,
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                          | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
        QCOMPARE(fileMode(path), 0755);
        QVERIFY(DataDirectory::prepare({}).ok());
        QCOMPARE(fileMode(path), 0700);
    }

    void existingChosenDirectoryKeepsItsMode()
    {
        // A directory the user chose (perhaps shared with a backup group) is theirs.
        const LaxUmask umask;
        QTemporaryDir root;
        const QString path = root.filePath(u"shared"_s);
        QVERIFY(QDir().mkdir(path));
        QCOMPARE(fileMode(path), 0755);
        QVERIFY(DataDirectory::prepare(path).ok());
        QCOMPARE(fileMode(path), 0755);
    }

    void filesAreCreatedPrivate()
    {
        const LaxUmask umask;
        QTemporaryDir root;
        const QString path = root.filePath(u"store.sqlite"_s);
        QVERIFY(DataDirectory::createPrivateFile(path));
        QCOMPARE(fileMode(path), 0600);
        QVERIFY(!DataDirectory::createPrivateFile(path)); // never reopens an existing file

        const QString old = root.filePath(u"old.sqlite"_s);
        QFile file(old);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QCOMPARE(fileMode(old), 0644);
        QVERIFY(DataDirectory::restrictToOwner(old));
        QCOMPARE(fileMode(old), 0600);
        QVERIFY(DataDirectory::restrictToOwner(root.filePath(u"missing"_s)));
    }

    void defaultIsAppDataLocation()
    {
        const Result<QString> result = DataDirectory::prepare({});
        QVERIFY(result.ok());
        QCOMPARE(*result, QDir::cleanPath(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    }
};

QTEST_GUILESS_MAIN(TestDataDirectory)
#include "tst_datadirectory.moc"
