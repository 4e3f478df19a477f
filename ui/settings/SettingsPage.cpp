#include "SettingsPage.h"

#include "SecretField.h"

#include <QFormLayout>
#include <QLabel>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SettingsPage::SettingsPage(const QString &title, const QIcon &icon, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
    , m_icon(icon)
{ }

QList<SettingsPage::SecretChange> SettingsPage::secretChanges() const
{
    QList<SecretChange> changes;
    for (const SecretField *field : findChildren<SecretField *>()) {
        const SecretField::Change change = field->pendingChange();
        if (change.kind != SecretField::Change::Kind::None)
            changes.append({field->id(), change.kind == SecretField::Change::Kind::Remove, change.value});
    }
    return changes;
}

QLabel *SettingsPage::addRowWithMessage(QFormLayout *form, const QString &label, QWidget *field,
                                        const QString &objectName)
{
    auto *message = new QLabel;
    message->setObjectName(objectName);
    message->setTextFormat(Qt::PlainText); // problems quote what was typed or imported
    message->setWordWrap(true);
    message->setStyleSheet(u"color: #c62828;"_s);
    message->hide();
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(message);
    form->addRow(label, box);
    return message;
}

bool SettingsPage::setMessage(QLabel *message, const QString &text)
{
    message->setText(text);
    message->setVisible(!text.isEmpty());
    return text.isEmpty();
}

QLabel *SettingsPage::heading(const QString &text)
{
    auto *label = new QLabel(text);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QString SettingsPage::urlProblem(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty())
        return tr("\"%1\" is not an http:// or https:// URL with a host name.").arg(text.trimmed());
    return {};
}
