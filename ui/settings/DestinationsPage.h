#pragma once

#include "SettingsPage.h"
#include "settings/ChatDestination.h"

#include <QHash>

class QListWidget;
class QPushButton;

// The chat tools alerts can be forwarded to: add, edit, remove, choose the default.
class DestinationsPage final : public SettingsPage
{
    Q_OBJECT

public:
    explicit DestinationsPage(QWidget *parent = nullptr);

    void load(const AppSettings &settings) override;
    bool validate() override { return true; }
    void save(AppSettings &settings) const override;
    QList<SecretChange> secretChanges() const override;

    // Opens the add / edit dialog (window-modal, no nested event loop).
    void addDestination();
    void editDestination(int row);
    void removeDestination(int row);
    void makeDefault(int row);
    QList<ChatDestination> destinations() const { return m_destinations; }

private:
    void openDialog(const ChatDestination &destination, bool existing);
    void refreshList();
    void updateButtons();

    QList<ChatDestination> m_destinations;
    QHash<QString, SecretChange> m_secretChanges; // by SecretId path
    QListWidget *m_list;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QPushButton *m_default;
};
