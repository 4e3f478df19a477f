#include "DestinationsPage.h"

#include "DestinationDialog.h"
#include "ForwardRulesEditor.h"
#include "forward/ChatSender.h"
#include "secrets/SecretStore.h"
#include "settings/AppSettings.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

DestinationsPage::DestinationsPage(SecretStore *secrets, QWidget *parent)
    : SettingsPage(tr("Chat destinations"), QIcon(u":/icons/settings-destinations.svg"_s), parent)
    , m_list(new QListWidget)
    , m_edit(new QPushButton(tr("Edit…")))
    , m_remove(new QPushButton(tr("Remove")))
    , m_default(new QPushButton(tr("Make default")))
    , m_test(new QPushButton(tr("Send test message")))
    , m_testResult(new QLabel)
    , m_secrets(secrets)
    , m_sender(new ChatSender(this))
    , m_rules(new ForwardRulesEditor)
{
    setObjectName(u"destinationsPage"_s);
    m_list->setObjectName(u"destinationList"_s);
    m_list->setWordWrap(true);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_edit->setObjectName(u"editDestination"_s);
    m_remove->setObjectName(u"removeDestination"_s);
    m_default->setObjectName(u"defaultDestination"_s);
    auto *add = new QPushButton(tr("Add…"));
    add->setObjectName(u"addDestination"_s);
    m_test->setObjectName(u"testDestination"_s);
    m_testResult->setObjectName(u"destinationTestResult"_s);
    m_testResult->setTextFormat(Qt::PlainText); // the chat tool's own words
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QVBoxLayout;
    for (QPushButton *button : {add, m_edit, m_remove, m_default, m_test})
        buttons->addWidget(button);
    buttons->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(buttons);
    auto *intro = new QLabel(tr("The Forward button sends the selected alert and its analysis to the default "
                                "destination; its menu lists the others."));
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(row, 1);
    layout->addWidget(m_testResult);
    layout->addWidget(m_rules, 1);

    connect(add, &QPushButton::clicked, this, &DestinationsPage::addDestination);
    connect(m_edit, &QPushButton::clicked, this, [this] { editDestination(m_list->currentRow()); });
    connect(m_list, &QListWidget::itemActivated, this, [this] { editDestination(m_list->currentRow()); });
    connect(m_remove, &QPushButton::clicked, this, [this] { removeDestination(m_list->currentRow()); });
    connect(m_default, &QPushButton::clicked, this, [this] { makeDefault(m_list->currentRow()); });
    connect(m_test, &QPushButton::clicked, this, [this] { sendTestMessage(m_list->currentRow()); });
    connect(m_list, &QListWidget::currentRowChanged, this, &DestinationsPage::updateButtons);
    updateButtons();
}

void DestinationsPage::load(const AppSettings &settings)
{
    m_destinations = ChatDestinations::fromJson(settings.value(Settings::chatDestinations));
    m_secretChanges.clear();
    refreshList();
    m_rules->setRules(ForwardRules::fromJson(settings.value(Settings::forwardRules)),
                      settings.value(Settings::forwardRulePerHour));
}

bool DestinationsPage::validate()
{
    return m_rules->validate().isEmpty();
}

void DestinationsPage::save(AppSettings &settings) const
{
    settings.setValue(Settings::chatDestinations, ChatDestinations::toJson(m_destinations));
    settings.setValue(Settings::forwardRules, ForwardRules::toJson(m_rules->rules()));
    settings.setValue(Settings::forwardRulePerHour, m_rules->perHour());
}

QList<SettingsPage::SecretChange> DestinationsPage::secretChanges() const
{
    return m_secretChanges.values();
}

void DestinationsPage::addDestination()
{
    ChatDestination destination;
    destination.id = ChatDestination::newId();
    openDialog(destination, false);
}

void DestinationsPage::editDestination(int row)
{
    if (row >= 0 && row < m_destinations.size())
        openDialog(m_destinations.at(row), true);
}

void DestinationsPage::openDialog(const ChatDestination &destination, bool existing)
{
    auto *dialog = new DestinationDialog(destination, existing, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ChatDestination edited = dialog->destination();
        if (!dialog->target().isEmpty())
            m_secretChanges.insert(edited.targetSecret().path(), {edited.targetSecret(), false, dialog->target()});
        if (!dialog->signingSecret().isEmpty())
            m_secretChanges.insert(edited.signingSecret().path(),
                                   {edited.signingSecret(), false, dialog->signingSecret()});
        auto it = std::find_if(m_destinations.begin(), m_destinations.end(),
                               [&edited](const ChatDestination &d) { return d.id == edited.id; });
        if (it != m_destinations.end()) {
            *it = edited;
        } else {
            m_destinations.append(edited);
            if (m_destinations.size() == 1) // the first one is the default
                m_destinations.first().isDefault = true;
        }
        refreshList();
    });
    dialog->open();
}

void DestinationsPage::removeDestination(int row)
{
    if (row < 0 || row >= m_destinations.size())
        return;
    const ChatDestination removed = m_destinations.takeAt(row);
    // Its credentials go with it (when Settings are saved).
    for (const SecretId &id : {removed.targetSecret(), removed.signingSecret()})
        m_secretChanges.insert(id.path(), {id, true, {}});
    if (removed.isDefault && !m_destinations.isEmpty())
        m_destinations.first().isDefault = true;
    refreshList();
}

void DestinationsPage::makeDefault(int row)
{
    for (int i = 0; i < m_destinations.size(); ++i)
        m_destinations[i].isDefault = i == row;
    refreshList();
}

void DestinationsPage::refreshList()
{
    const int current = m_list->currentRow();
    m_list->clear();
    for (const ChatDestination &destination : std::as_const(m_destinations)) {
        QString text = u"%1 — %2"_s.arg(destination.name, ChatDestination::typeName(destination.type));
        if (destination.isDefault)
            text += tr(" (default)");
        m_list->addItem(text);
    }
    if (m_destinations.isEmpty())
        m_list->addItem(tr("No destinations yet: Add… one for Slack, DingTalk, Feishu, WeCom, Teams, Mattermost, "
                           "Telegram, Discord or any webhook."));
    m_list->setEnabled(!m_destinations.isEmpty());
    m_rules->setDestinations(m_destinations);
    m_list->setCurrentRow(std::min<int>(std::max(current, 0), int(m_destinations.size()) - 1));
    updateButtons();
}

void DestinationsPage::updateButtons()
{
    const int row = m_list->currentRow();
    const bool selected = row >= 0 && row < m_destinations.size();
    m_edit->setEnabled(selected);
    m_remove->setEnabled(selected);
    m_default->setEnabled(selected && !m_destinations.at(row).isDefault);
    m_test->setEnabled(selected);
}

void DestinationsPage::secretValue(const SecretId &id, std::function<void(const QString &)> done)
{
    if (const auto it = m_secretChanges.constFind(id.path()); it != m_secretChanges.cend()) {
        const QString value = it->remove ? QString() : it->value;
        QMetaObject::invokeMethod(
            this, [done = std::move(done), value] { done(value); }, Qt::QueuedConnection);
        return;
    }
    m_secrets->read(id, this, [done = std::move(done)](const SecretStore::Result &result) {
        done(result.ok() ? result.value : QString());
    });
}

void DestinationsPage::sendTestMessage(int row)
{
    if (row < 0 || row >= m_destinations.size())
        return;
    const ChatDestination destination = m_destinations.at(row);
    m_test->setEnabled(false);
    m_testResult->setStyleSheet({});
    m_testResult->setText(tr("Sending a test message to %1…").arg(destination.name));
    secretValue(destination.targetSecret(), [this, destination](const QString &target) {
        if (target.isEmpty()) {
            const QString message
                = tr("No webhook URL or token is stored for %1: choose Edit… and paste it.").arg(destination.name);
            m_testResult->setText(message);
            m_testResult->setStyleSheet(u"color: #c62828;"_s);
            updateButtons();
            emit testFinished(false, message);
            return;
        }
        secretValue(destination.signingSecret(), [this, destination, target](const QString &signing) {
            const ChatRequest request = ChatTool::of(destination.type)
                                            .request(ForwardMessage::plain(tr("AlertDeck test message"),
                                                                           tr("If you can read this, AlertDeck can "
                                                                              "forward alerts to %1.")
                                                                               .arg(destination.name)),
                                                     destination, {target, signing}, QDateTime::currentDateTimeUtc());
            m_sender->send(destination.type, request, this, [this](const ChatResult &result) {
                m_testResult->setText(result.message);
                m_testResult->setStyleSheet(result.ok ? u"color: #2e7d32;"_s : u"color: #c62828;"_s);
                updateButtons();
                emit testFinished(result.ok, result.message);
            });
        });
    });
}
