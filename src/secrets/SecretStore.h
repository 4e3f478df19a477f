#pragma once

#include "secrets/SecretId.h"

#include <QObject>
#include <QPointer>

#include <functional>

// Where credentials live: the system keychain in the desktop application, the
// environment and files named on the command line in headless mode, memory in tests.
// Every call answers through its callback later, on the caller's thread, never
// through a nested event loop; a callback whose context object is gone is dropped.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    enum class Status {
        Ok,
        NotFound, // nothing stored under that key
        Unavailable, // no keychain (or not unlocked); nothing can be stored
        ReadOnly, // this store cannot change secrets (headless)
        Failed, // anything else: `error` says what
    };
    Q_ENUM(Status)

    struct Result {
        Status status = Status::Failed;
        QString value; // Ok on read only
        QString error; // a sentence for people; never contains the secret
        bool ok() const { return status == Status::Ok; }
    };
    using Callback = std::function<void(const Result &)>;

    using QObject::QObject;

    void read(const SecretId &id, QObject *context, Callback done);
    void write(const SecretId &id, const QString &value, QObject *context, Callback done);
    // Removing a secret that is not there is Ok.
    void remove(const SecretId &id, QObject *context, Callback done);
    // For people: "the system keychain", "environment variables and --secret files".
    virtual QString description() const = 0;
    virtual bool isWritable() const { return true; }

protected:
    // The implementations. Every value that passes through read() and write() is
    // also handed to Redaction, so it never shows in a log line.
    virtual void readSecret(const SecretId &id, QObject *context, Callback done) = 0;
    virtual void writeSecret(const SecretId &id, const QString &value, QObject *context, Callback done) = 0;
    virtual void removeSecret(const SecretId &id, QObject *context, Callback done) = 0;

    // Runs `done` with `result` on the next event-loop pass, unless `context` is gone.
    static void answerLater(QObject *context, Callback done, const Result &result);
};
