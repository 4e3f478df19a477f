#pragma once

#include "secrets/SecretId.h"

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;
class SecretStore;

// One credential in Settings: says whether the keychain holds it ("Stored in
// keychain ✓" / "Not set"), never shows it, and lets the user replace or remove
// it. Nothing is written until the dialog is saved (pendingChange()).
class SecretField final : public QWidget
{
    Q_OBJECT

public:
    enum class Stored { Checking, Yes, No, Unavailable };
    struct Change {
        enum class Kind { None, Set, Remove };
        Kind kind = Kind::None;
        QString value; // for Set
    };

    SecretField(SecretStore *store, const SecretId &id, QWidget *parent = nullptr);

    const SecretId &id() const { return m_id; }
    Stored stored() const { return m_stored; }
    Change pendingChange() const;
    // Whether a value will be there after saving (stored and kept, or newly entered).
    bool willHaveValue() const;
    // Reads the keychain again (after saving).
    void refresh();
    // The value a connection test should use: the one typed, else the stored one
    // (read now), else empty. `done` runs later, unless `context` is gone.
    void withValue(QObject *context, std::function<void(const QString &)> done) const;

signals:
    void changed();

private:
    void startReplacing();
    void markForRemoval();
    void undo();
    void updateView();

    SecretStore *m_store;
    SecretId m_id;
    Stored m_stored = Stored::Checking;
    bool m_replacing = false;
    bool m_removing = false;
    QLabel *m_status;
    QLineEdit *m_edit;
    QPushButton *m_replace;
    QPushButton *m_remove;
    QPushButton *m_undo;
};
