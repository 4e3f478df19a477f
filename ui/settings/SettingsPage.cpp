#include "SettingsPage.h"

#include "SecretField.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SettingsPage::SettingsPage(const QString &title, const QIcon &icon, QWidget *parent)
    : QWidget(parent)
    , m_title(title)
    , m_icon(icon)
{ }

QList<SecretField *> SettingsPage::secretFields() const
{
    return findChildren<SecretField *>();
}

QLabel *SettingsPage::addRowWithMessage(QFormLayout *form, const QString &label, QWidget *field,
                                        const QString &objectName)
{
    auto *message = new QLabel;
    message->setObjectName(objectName);
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
