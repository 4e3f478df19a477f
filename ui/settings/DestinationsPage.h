#pragma once

#include "SettingsPage.h"
#include "settings/ChatDestination.h"

#include <QHash>

#include <functional>

class ChatSender;
class ForwardRulesEditor;
class QLabel;
class QListWidget;
class QPushButton;
class SecretStore;

// The chat tools alerts can be forwarded to: add, edit, remove, choose the default;
// and the rules that forward new alerts automatically.
class DestinationsPage final : public SettingsPage
{
    Q_OBJECT

public:
    explicit DestinationsPage(SecretStore *secrets, QWidget *parent = nullptr);

    void load(const AppSettings &settings) override;
    bool validate() override;
    void save(AppSettings &settings) const override;
    QList<SecretChange> secretChanges() const override;

    // Opens the add / edit dialog (window-modal, no nested event loop).
    void addDestination();
    void editDestination(int row);
    void removeDestination(int row);
    void makeDefault(int row);
    // Sends a short test message to the destination, with the URL and secrets as
    // entered (saved or not); the outcome shows under the list.
    void sendTestMessage(int row);
    QList<ChatDestination> destinations() const { return m_destinations; }

signals:
    void testFinished(bool ok, const QString &message);

private:
    // The value entered for `id` in this dialog, else the stored one; `done` later.
    void secretValue(const SecretId &id, std::function<void(const QString &)> done);
    void openDialog(const ChatDestination &destination, bool existing);
    void refreshList();
    void updateButtons();

    QList<ChatDestination> m_destinations;
    QHash<QString, SecretChange> m_secretChanges; // by SecretId path
    QListWidget *m_list;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QPushButton *m_default;
    QPushButton *m_test;
    QLabel *m_testResult;
    SecretStore *m_secrets;
    ChatSender *m_sender;
    ForwardRulesEditor *m_rules;
};
