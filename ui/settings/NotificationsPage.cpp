#include "NotificationsPage.h"

#include "model/AlertFilter.h"
#include "settings/AppSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

NotificationsPage::NotificationsPage(QWidget *parent)
    : SettingsPage(tr("Notifications"), QIcon(u":/icons/settings-notifications.svg"_s), parent)
    , m_matchers(new QLineEdit)
    , m_doNotDisturb(new QCheckBox(tr("Do not disturb: count alerts in the tray, notify of none")))
    , m_sound(new QCheckBox(tr("Play a sound with each notification")))
    , m_closing(new QComboBox)
{
    setObjectName(u"notificationsPage"_s);
    m_matchers->setObjectName(u"notifyMatchers"_s);
    m_matchers->setPlaceholderText(tr("empty: no notifications"));
    m_matchers->setToolTip(tr("Alerts that start firing and match these are notified, e.g. "
                              "severity=\"critical\" or severity=~\"critical|warning\", team=\"db\""));
    m_doNotDisturb->setObjectName(u"doNotDisturb"_s);
    m_sound->setObjectName(u"notifySound"_s);
    m_closing->setObjectName(u"closeToTray"_s);
    m_closing->addItem(tr("Ask the first time"), QString());
    m_closing->addItem(tr("Keep running in the tray"), u"tray"_s);
    m_closing->addItem(tr("Quit AlertDeck"), u"quit"_s);
    m_closing->setMaximumWidth(260);

    auto *form = new QFormLayout;
    form->addRow(heading(tr("Desktop notifications")));
    m_matchersMessage = addRowWithMessage(form, tr("Notify for"), m_matchers, u"notifyMatchersMessage"_s);
    form->addRow(QString(), m_doNotDisturb);
    form->addRow(QString(), m_sound);
    form->addRow(heading(tr("Tray")));
    form->addRow(tr("Closing the window"), m_closing);
    auto *note = new QLabel(tr("In the tray AlertDeck keeps receiving alerts; its icon counts the critical ones "
                               "firing."));
    note->setWordWrap(true);
    form->addRow(QString(), note);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
}

void NotificationsPage::load(const AppSettings &settings)
{
    m_matchers->setText(settings.value(Settings::notifyMatchers));
    m_doNotDisturb->setChecked(settings.value(Settings::doNotDisturb));
    m_sound->setChecked(settings.value(Settings::notifySound));
    m_closing->setCurrentIndex(std::max(0, m_closing->findData(settings.value(Settings::closeToTray))));
}

bool NotificationsPage::validate()
{
    const QString text = m_matchers->text().trimmed();
    return setMessage(m_matchersMessage, text.isEmpty() ? QString() : problemOf(AlertFilter::parse(text)));
}

void NotificationsPage::save(AppSettings &settings) const
{
    settings.setValue(Settings::notifyMatchers, m_matchers->text().trimmed());
    settings.setValue(Settings::doNotDisturb, m_doNotDisturb->isChecked());
    settings.setValue(Settings::notifySound, m_sound->isChecked());
    settings.setValue(Settings::closeToTray, m_closing->currentData().toString());
}
