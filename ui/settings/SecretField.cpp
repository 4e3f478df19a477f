#include "SecretField.h"

#include "secrets/SecretStore.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

SecretField::SecretField(SecretStore *store, const SecretId &id, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_id(id)
    , m_status(new QLabel)
    , m_edit(new QLineEdit)
    , m_replace(new QPushButton(tr("Replace…")))
    , m_remove(new QPushButton(tr("Remove")))
    , m_undo(new QPushButton(tr("Undo")))
{
    setObjectName(u"secret:"_s + id.path());
    m_status->setObjectName(u"secretStatus"_s);
    m_edit->setObjectName(u"secretEdit"_s);
    m_replace->setObjectName(u"secretReplace"_s);
    m_remove->setObjectName(u"secretRemove"_s);
    m_undo->setObjectName(u"secretUndo"_s);
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setPlaceholderText(tr("New value (saved to the keychain)"));
    m_edit->setClearButtonEnabled(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_edit, 1);
    layout->addStretch();
    layout->addWidget(m_replace);
    layout->addWidget(m_remove);
    layout->addWidget(m_undo);
    connect(m_replace, &QPushButton::clicked, this, &SecretField::startReplacing);
    connect(m_remove, &QPushButton::clicked, this, &SecretField::markForRemoval);
    connect(m_undo, &QPushButton::clicked, this, &SecretField::undo);
    connect(m_edit, &QLineEdit::textChanged, this, &SecretField::changed);
    refresh();
}

void SecretField::refresh()
{
    m_stored = Stored::Checking;
    m_replacing = m_removing = false;
    m_edit->clear();
    updateView();
    // Only whether it exists is kept; the value is dropped at once.
    m_store->read(m_id, this, [this](const SecretStore::Result &result) {
        m_stored = result.ok()                                  ? Stored::Yes
            : result.status == SecretStore::Status::NotFound    ? Stored::No
            : result.status == SecretStore::Status::Unavailable ? Stored::Unavailable
                                                                : Stored::No;
        if (!result.ok() && result.status != SecretStore::Status::NotFound)
            m_status->setToolTip(result.error);
        updateView();
        emit changed();
    });
}

SecretField::Change SecretField::pendingChange() const
{
    if (m_removing)
        return {Change::Kind::Remove, {}};
    if (m_replacing && !m_edit->text().isEmpty())
        return {Change::Kind::Set, m_edit->text()};
    return {};
}

bool SecretField::willHaveValue() const
{
    if (m_removing)
        return false;
    return (m_replacing && !m_edit->text().isEmpty()) || m_stored == Stored::Yes;
}

void SecretField::withValue(QObject *context, std::function<void(const QString &)> done) const
{
    const Change change = pendingChange();
    if (change.kind != Change::Kind::None || m_stored != Stored::Yes) {
        const QString value = change.value;
        QMetaObject::invokeMethod(
            context, [done = std::move(done), value] { done(value); }, Qt::QueuedConnection);
        return;
    }
    m_store->read(m_id, context, [done = std::move(done)](const SecretStore::Result &result) {
        done(result.ok() ? result.value : QString());
    });
}

void SecretField::startReplacing()
{
    m_replacing = true;
    m_removing = false;
    updateView();
    m_edit->setFocus();
    emit changed();
}

void SecretField::markForRemoval()
{
    m_removing = true;
    m_replacing = false;
    m_edit->clear();
    updateView();
    emit changed();
}

void SecretField::undo()
{
    m_replacing = m_removing = false;
    m_edit->clear();
    updateView();
    emit changed();
}

void SecretField::updateView()
{
    const bool unavailable = m_stored == Stored::Unavailable;
    QString status;
    if (m_removing)
        status = tr("Will be removed when you save");
    else if (m_stored == Stored::Checking)
        status = tr("Checking the keychain…");
    else if (unavailable)
        status = tr("Keychain unavailable");
    else if (m_stored == Stored::Yes)
        status = tr("Stored in keychain ✓");
    else
        status = tr("Not set");
    m_status->setText(status);
    m_status->setVisible(!m_replacing);
    m_edit->setVisible(m_replacing);
    m_replace->setVisible(!m_replacing && !m_removing);
    m_replace->setText(m_stored == Stored::Yes ? tr("Replace…") : tr("Set…"));
    m_replace->setEnabled(!unavailable && m_stored != Stored::Checking);
    m_remove->setVisible(!m_replacing && !m_removing && m_stored == Stored::Yes);
    m_undo->setVisible(m_replacing || m_removing);
}
