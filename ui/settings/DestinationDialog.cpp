#include "DestinationDialog.h"

#include "MentionFormat.h"
#include "forward/WebhookTemplate.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

DestinationDialog::DestinationDialog(const ChatDestination &destination, bool existing, QWidget *parent)
    : QDialog(parent)
    , m_destination(destination)
    , m_existing(existing)
    , m_name(new QLineEdit(destination.name))
    , m_type(new QComboBox)
    , m_targetLabel(new QLabel)
    , m_target(new QLineEdit)
    , m_targetMessage(new QLabel)
    , m_signingLabel(new QLabel(tr("Signing secret")))
    , m_signing(new QLineEdit)
    , m_chatIdLabel(new QLabel(tr("Chat id")))
    , m_chatId(new QLineEdit(destination.chatId))
    , m_form(new QFormLayout)
    , m_mentionsLabel(new QLabel)
    , m_mentionsBox(new QWidget)
    , m_mentions(new QLineEdit(destination.mentions))
    , m_mentionsHint(new QLabel)
    , m_mentionsMessage(new QLabel)
    , m_templateLabel(new QLabel(tr("Body template")))
    , m_template(new QPlainTextEdit(destination.bodyTemplate))
    , m_requirePreview(new QCheckBox(tr("Show the message before sending it")))
{
    setObjectName(u"destinationDialog"_s);
    setWindowTitle(existing ? tr("Edit destination") : tr("Add destination"));
    m_name->setObjectName(u"destinationName"_s);
    m_name->setPlaceholderText(tr("e.g. #ops-alerts"));
    m_type->setObjectName(u"destinationType"_s);
    for (const ChatDestination::Type type : ChatDestination::allTypes())
        m_type->addItem(ChatDestination::typeName(type), int(type));
    m_type->setCurrentIndex(m_type->findData(int(destination.type)));
    m_target->setObjectName(u"destinationTarget"_s);
    m_target->setEchoMode(QLineEdit::Password);
    m_targetMessage->setObjectName(u"destinationTargetMessage"_s);
    m_targetMessage->setStyleSheet(u"color: #c62828;"_s);
    m_targetMessage->setWordWrap(true);
    m_targetMessage->hide();
    m_signing->setObjectName(u"destinationSigningSecret"_s);
    m_signing->setEchoMode(QLineEdit::Password);
    m_chatId->setObjectName(u"destinationChatId"_s);
    m_mentions->setObjectName(u"destinationMentions"_s);
    m_mentionsHint->setObjectName(u"destinationMentionsHint"_s);
    m_mentionsHint->setWordWrap(true);
    m_mentionsHint->setEnabled(false); // greyed: a hint, not a problem
    m_mentionsMessage->setObjectName(u"destinationMentionsMessage"_s);
    m_mentionsMessage->setTextFormat(Qt::PlainText); // quotes what was typed
    m_mentionsMessage->setWordWrap(true);
    m_mentionsMessage->setStyleSheet(u"color: #c62828;"_s);
    m_mentionsMessage->hide();
    auto *mentionsLayout = new QVBoxLayout(m_mentionsBox);
    mentionsLayout->setContentsMargins(0, 0, 0, 0);
    mentionsLayout->setSpacing(2);
    mentionsLayout->addWidget(m_mentionsHint);
    mentionsLayout->addWidget(m_mentionsMessage);
    m_template->setObjectName(u"destinationTemplate"_s);
    m_template->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_template->setPlaceholderText(
        tr("Empty: AlertDeck's JSON (title, text, alert, links, analysis). Or JSON of your own, e.g.\n"
           "{\"msg\": \"{{alert.name}} is {{alert.state}}\", \"host\": \"{{alert.labels.instance}}\"}"));
    m_template->setToolTip(
        tr("Placeholders, replaced inside JSON strings: %1").arg(WebhookTemplate::placeholders().join(u", "_s)));
    m_template->setMinimumHeight(110);
    m_requirePreview->setObjectName(u"destinationRequirePreview"_s);
    m_requirePreview->setChecked(destination.requirePreview);

    auto *form = m_form;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Tool"), m_type);
    form->addRow(m_targetLabel, m_target);
    form->addRow(QString(), m_targetMessage);
    form->addRow(m_signingLabel, m_signing);
    form->addRow(m_chatIdLabel, m_chatId);
    form->addRow(m_mentionsLabel, m_mentions);
    form->addRow(m_templateLabel, m_template);
    auto *note = new QLabel(tr("The URL, token and signing secret are kept in the system keychain, never in the "
                               "settings file."));
    note->setWordWrap(true);
    note->setEnabled(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    // Below the form: Qt 6.4's QFormLayout can squeeze other rows to nothing next to a
    // row whose height depends on its width (wrapped text) when rows come and go.
    layout->addWidget(m_mentionsBox);
    layout->addWidget(m_requirePreview);
    layout->addStretch(); // room left by a tool with fewer fields goes here
    layout->addWidget(note);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &DestinationDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_type, &QComboBox::currentIndexChanged, this, &DestinationDialog::updateFields);
    connect(m_mentions, &QLineEdit::textChanged, this, &DestinationDialog::checkMentions);
    updateFields();
    resize(520, sizeHint().height());
}

void DestinationDialog::updateFields()
{
    const auto type = ChatDestination::Type(m_type->currentData().toInt());
    const bool telegram = type == ChatDestination::Type::Telegram;
    m_targetLabel->setText(telegram ? tr("Bot token") : tr("Webhook URL"));
    m_target->setPlaceholderText(m_existing     ? tr("stored in the keychain; type to replace")
                                     : telegram ? tr("123456789:AAH… from BotFather")
                                                : tr("https://… as the tool shows it"));
    const bool signing = ChatDestination::usesSigningSecret(type);
    m_form->setRowVisible(m_signing, signing);
    m_signing->setPlaceholderText(m_existing ? tr("unchanged unless typed; optional") : tr("optional"));
    m_form->setRowVisible(m_chatId, telegram);
    // Every tool but the generic webhook mentions the people listed, each in its own syntax.
    const std::optional<MentionFormat> mentions = MentionFormat::of(type);
    m_form->setRowVisible(m_mentions, mentions.has_value());
    m_mentionsBox->setVisible(mentions.has_value());
    if (mentions) {
        m_mentionsLabel->setText(mentions->label);
        m_mentions->setPlaceholderText(mentions->example);
        m_mentionsHint->setText(mentions->hint);
    }
    checkMentions();
    const bool generic = type == ChatDestination::Type::Webhook;
    m_form->setRowVisible(m_template, generic);
}

void DestinationDialog::checkMentions()
{
    const auto type = ChatDestination::Type(m_type->currentData().toInt());
    const std::optional<MentionFormat> format = MentionFormat::of(type);
    const QString problem = format ? format->problem(m_mentions->text(), ChatDestination::typeName(type)) : QString();
    m_mentionsMessage->setText(problem);
    m_mentionsMessage->setVisible(!problem.isEmpty());
}

ChatDestination DestinationDialog::destination() const
{
    ChatDestination result = m_destination;
    result.name = m_name->text().trimmed();
    result.type = ChatDestination::Type(m_type->currentData().toInt());
    result.chatId = result.type == ChatDestination::Type::Telegram ? m_chatId->text().trimmed() : QString();
    // Kept as typed (entries the tool cannot read are pointed out, and left out when sending).
    result.mentions = MentionFormat::of(result.type) ? m_mentions->text().trimmed() : QString();
    result.requirePreview = m_requirePreview->isChecked();
    result.bodyTemplate
        = result.type == ChatDestination::Type::Webhook ? m_template->toPlainText().trimmed() : QString();
    if (result.name.isEmpty())
        result.name = ChatDestination::typeName(result.type);
    return result;
}

QString DestinationDialog::target() const
{
    return m_target->text().trimmed();
}

QString DestinationDialog::signingSecret() const
{
    return ChatDestination::usesSigningSecret(destination().type) ? m_signing->text().trimmed() : QString();
}

void DestinationDialog::accept()
{
    const ChatDestination chosen = destination();
    QString problem;
    if (!target().isEmpty() || !m_existing)
        problem = ChatDestination::targetProblem(chosen.type, target());
    if (problem.isEmpty() && chosen.type == ChatDestination::Type::Telegram && chosen.chatId.isEmpty())
        problem = tr("Telegram needs the chat id to post to (a number, or @channelname).");
    if (problem.isEmpty())
        problem = WebhookTemplate::problem(chosen.bodyTemplate);
    m_targetMessage->setText(problem);
    m_targetMessage->setVisible(!problem.isEmpty());
    if (problem.isEmpty())
        QDialog::accept();
}
