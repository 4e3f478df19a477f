// KeychainSecretStore against the real Secret Service. Run through with-keyring
// (ALERTDECK_EXPECT_KEYRING=1): store, read back, overwrite, delete. Run without a
// session bus (the plain CTest entry): every call reports a missing keychain.

#include "secrets/KeychainSecretStore.h"

#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

class TestKeychain : public QObject
{
    Q_OBJECT

private:
    static bool keyringExpected() { return qEnvironmentVariableIntValue("ALERTDECK_EXPECT_KEYRING") == 1; }

    SecretStore::Result call(const std::function<void(SecretStore::Callback)> &start)
    {
        std::optional<SecretStore::Result> result;
        start([&result](const SecretStore::Result &r) { result = r; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 30'000))
            return {SecretStore::Status::Failed, {}, u"no answer within 30 s"_s};
        return *result;
    }

    SecretStore::Result read(KeychainSecretStore &store, const SecretId &id)
    {
        return call([&](SecretStore::Callback done) { store.read(id, this, done); });
    }
    SecretStore::Result write(KeychainSecretStore &store, const SecretId &id, const QString &value)
    {
        return call([&](SecretStore::Callback done) { store.write(id, value, this, done); });
    }
    SecretStore::Result remove(KeychainSecretStore &store, const SecretId &id)
    {
        return call([&](SecretStore::Callback done) { store.remove(id, this, done); });
    }

private slots:
    void storeReadOverwriteDelete()
    {
        if (!keyringExpected())
            QSKIP("needs the Secret Service: run through tests/integration/with-keyring");
        KeychainSecretStore store(u"test-profile"_s);
        const SecretId id = Secrets::providerApiKey;
        // The daemon may still be registering on the bus: the first write is retried.
        SecretStore::Result written;
        QTRY_VERIFY_WITH_TIMEOUT((written = write(store, id, u"sk-first-ünïcode"_s)).ok(), 20'000);

        SecretStore::Result got = read(store, id);
        QVERIFY2(got.ok(), qPrintable(got.error));
        QCOMPARE(got.value, u"sk-first-ünïcode"_s);

        QVERIFY(write(store, id, u"sk-second"_s).ok());
        QCOMPARE(read(store, id).value, u"sk-second"_s);

        // Another profile is another namespace.
        KeychainSecretStore other(u"other-profile"_s);
        QCOMPARE(read(other, id).status, SecretStore::Status::NotFound);

        QVERIFY(remove(store, id).ok());
        QCOMPARE(read(store, id).status, SecretStore::Status::NotFound);
        QVERIFY(remove(store, id).ok()); // removing what is not there is fine
    }

    void missingKeychainIsReportedPlainly()
    {
        if (keyringExpected())
            QSKIP("a keychain is running");
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DISPLAY");
        KeychainSecretStore store(u"test-profile"_s);
        for (const SecretStore::Result &result :
             {read(store, Secrets::listenerToken), write(store, Secrets::listenerToken, u"x"_s),
              remove(store, Secrets::listenerToken)}) {
            QCOMPARE(result.status, SecretStore::Status::Unavailable);
            QVERIFY2(
                result.error.startsWith(u"No system keychain found: install and unlock gnome-keyring or KWallet"_s),
                qPrintable(result.error));
        }
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
