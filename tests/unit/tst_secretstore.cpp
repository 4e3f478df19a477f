#include "logging/Redaction.h"
#include "secrets/EnvironmentSecretStore.h"
#include "secrets/MemorySecretStore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <optional>

using namespace Qt::StringLiterals;

class TestSecretStore : public QObject
{
    Q_OBJECT

private:
    SecretStore::Result wait(const std::function<void(SecretStore::Callback)> &start)
    {
        std::optional<SecretStore::Result> result;
        start([&result](const SecretStore::Result &r) { result = r; });
        // Answers never come back inside the call: callers may still be setting up.
        if (result)
            return {SecretStore::Status::Failed, {}, u"answered synchronously"_s};
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 5000))
            return {SecretStore::Status::Failed, {}, u"no answer"_s};
        return *result;
    }

private slots:
    void keyNaming()
    {
        const SecretId id = Secrets::providerApiKey;
        QCOMPARE(id.path(), u"deepseek/api-key"_s);
        QCOMPARE(id.keychainKey(u"default"_s), u"alertdeck/default/deepseek/api-key"_s);
        QCOMPARE(id.keychainKey(u"work"_s), u"alertdeck/work/deepseek/api-key"_s);
        QCOMPARE(id.shortName(), u"DEEPSEEK_API_KEY"_s);
        QCOMPARE(id.environmentVariable(), u"ALERTDECK_DEEPSEEK_API_KEY"_s);
        // The listener's variables keep the names README documented before the keychain.
        QCOMPARE(Secrets::listenerToken.environmentVariable(), u"ALERTDECK_LISTENER_TOKEN"_s);
        QCOMPARE(Secrets::listenerPassword.environmentVariable(), u"ALERTDECK_LISTENER_PASSWORD"_s);
        QCOMPARE(Secrets::grafanaHmacSecret.environmentVariable(), u"ALERTDECK_GRAFANA_HMAC_SECRET"_s);

        QCOMPARE(Secrets::byName(u"listener_token"_s), Secrets::listenerToken);
        QCOMPARE(Secrets::byName(u"ALERTDECK_DEEPSEEK_API_KEY"_s), Secrets::providerApiKey);
        QVERIFY(!Secrets::byName(u"NO_SUCH_SECRET"_s));
        QSet<QString> names;
        for (const SecretId &known : Secrets::known())
            names.insert(known.environmentVariable());
        QCOMPARE(names.size(), Secrets::known().size()); // no two secrets share a name
    }

    void memoryStoreRoundTrip()
    {
        MemorySecretStore store;
        const SecretId id = Secrets::listenerToken;
        QCOMPARE(wait([&](auto done) { store.read(id, this, done); }).status, SecretStore::Status::NotFound);
        QVERIFY(wait([&](auto done) { store.write(id, u"t0ken"_s, this, done); }).ok());
        const SecretStore::Result read = wait([&](auto done) { store.read(id, this, done); });
        QVERIFY(read.ok());
        QCOMPARE(read.value, u"t0ken"_s);
        QVERIFY(wait([&](auto done) { store.write(id, u"other"_s, this, done); }).ok());
        QCOMPARE(wait([&](auto done) { store.read(id, this, done); }).value, u"other"_s);
        QVERIFY(wait([&](auto done) { store.remove(id, this, done); }).ok());
        QCOMPARE(wait([&](auto done) { store.read(id, this, done); }).status, SecretStore::Status::NotFound);
        QVERIFY(wait([&](auto done) { store.remove(id, this, done); }).ok());
    }

    void valuesPassingThroughAreNeverLogged()
    {
        Redaction::forgetSecretValues();
        MemorySecretStore store;
        store.set(Secrets::listenerToken, u"read-marker-51"_s);
        QVERIFY(wait([&](auto done) { store.read(Secrets::listenerToken, this, done); }).ok());
        QVERIFY(
            wait([&](auto done) { store.write(Secrets::providerApiKey, u"written-marker-52"_s, this, done); }).ok());
        QCOMPARE(Redaction::redact(u"a read-marker-51 b written-marker-52"_s), u"a <redacted> b <redacted>"_s);
        Redaction::forgetSecretValues();
    }

    void unavailableStoreSaysSo()
    {
        MemorySecretStore store;
        store.setAvailable(false);
        const SecretStore::Result result
            = wait([&](auto done) { store.write(Secrets::listenerToken, u"x"_s, this, done); });
        QCOMPARE(result.status, SecretStore::Status::Unavailable);
        QVERIFY(store.contents().isEmpty());
    }

    void answersAreDroppedWhenTheAskerIsGone()
    {
        MemorySecretStore store;
        store.set(Secrets::listenerToken, u"x"_s);
        bool called = false;
        auto asker = std::make_unique<QObject>();
        store.read(Secrets::listenerToken, asker.get(), [&called](const SecretStore::Result &) { called = true; });
        asker.reset();
        // Something queued after the answer: once it has run, the answer was due too.
        bool later = false;
        QTimer::singleShot(0, this, [&later] { later = true; });
        QTRY_VERIFY(later);
        QVERIFY(!called);
    }

    void environmentAndFiles()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(u"token"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("from-file\n");
        file.close();
        QProcessEnvironment environment;
        environment.insert(u"ALERTDECK_LISTENER_TOKEN"_s, u"from-env"_s);
        environment.insert(u"ALERTDECK_LISTENER_PASSWORD"_s, u"pa ss"_s);
        environment.insert(u"ALERTDECK_GRAFANA_HMAC_SECRET"_s, u""_s); // empty means not set
        EnvironmentSecretStore store(
            environment,
            {{Secrets::listenerToken, file.fileName()}, {Secrets::providerApiKey, dir.filePath(u"missing"_s)}});
        QVERIFY(!store.isWritable());

        const SecretStore::Result token = wait([&](auto done) { store.read(Secrets::listenerToken, this, done); });
        QCOMPARE(token.value, u"from-file"_s); // the file wins, without its line break
        QCOMPARE(wait([&](auto done) { store.read(Secrets::listenerPassword, this, done); }).value, u"pa ss"_s);
        QCOMPARE(wait([&](auto done) { store.read(Secrets::grafanaHmacSecret, this, done); }).status,
                 SecretStore::Status::NotFound);
        const SecretStore::Result missing = wait([&](auto done) { store.read(Secrets::providerApiKey, this, done); });
        QCOMPARE(missing.status, SecretStore::Status::Failed);
        QVERIFY2(missing.error.contains(dir.filePath(u"missing"_s)), qPrintable(missing.error));

        const SecretStore::Result refused
            = wait([&](auto done) { store.write(Secrets::listenerToken, u"new"_s, this, done); });
        QCOMPARE(refused.status, SecretStore::Status::ReadOnly);
        QVERIFY2(refused.error.contains(u"ALERTDECK_LISTENER_TOKEN"_s)
                     && refused.error.contains(u"--secret LISTENER_TOKEN=@FILE"_s),
                 qPrintable(refused.error));
        QVERIFY(!refused.error.contains(u"from-file"_s));
    }

    void anEmptySecretFileIsRefused()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(u"empty"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\n");
        file.close();
        EnvironmentSecretStore store(
            QProcessEnvironment(),
            {{Secrets::listenerPassword, file.fileName()}, {Secrets::listenerToken, u"/dev/null"_s}});
        for (const SecretId &id : {Secrets::listenerPassword, Secrets::listenerToken}) {
            const SecretStore::Result result = wait([&](auto done) { store.read(id, this, done); });
            QCOMPARE(result.status, SecretStore::Status::Failed);
            QVERIFY2(result.error.contains(u"is empty"_s), qPrintable(result.error));
        }
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
