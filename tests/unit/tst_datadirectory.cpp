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
        const DataDirectoryResult result = DataDirectory::prepare(path);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.path, QDir::cleanPath(path));
        QVERIFY(QFileInfo(path).isDir());
        QCOMPARE(QDir(path).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).size(),
                 0); // probe removed
    }

    void relativePathBecomesAbsolute()
    {
        QTemporaryDir root;
        const QString previous = QDir::currentPath();
        QDir::setCurrent(root.path());
        const DataDirectoryResult result = DataDirectory::prepare(u"data"_s);
        QDir::setCurrent(previous);
        QVERIFY(result.ok());
        QCOMPARE(result.path, QDir(root.path()).filePath(u"data"_s));
    }

    void existingFileIsRefused()
    {
        QTemporaryDir root;
        const QString path = root.filePath(u"file"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const DataDirectoryResult result = DataDirectory::prepare(path);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(path) && result.error.contains(u"is a file"_s), qPrintable(result.error));
    }

    void uncreatableDirectoryNamesPath()
    {
        // A directory below a regular file cannot be created, even by root.
        QTemporaryDir root;
        QFile file(root.filePath(u"file"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const QString path = root.filePath(u"file/store"_s);
        const DataDirectoryResult result = DataDirectory::prepare(path);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(path), qPrintable(result.error));
    }

    void defaultIsAppDataLocation()
    {
        const DataDirectoryResult result = DataDirectory::prepare({});
        QVERIFY(result.ok());
        QCOMPARE(result.path, QDir::cleanPath(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    }
};

QTEST_GUILESS_MAIN(TestDataDirectory)
#include "tst_datadirectory.moc"
