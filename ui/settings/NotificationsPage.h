#pragma once

#include "SettingsPage.h"

class QCheckBox;
class QComboBox;
class QLineEdit;

// Desktop notifications (which alerts, do not disturb, a sound) and what closing the
// window does when there is a tray.
class NotificationsPage final : public SettingsPage
{
    Q_OBJECT

public:
    explicit NotificationsPage(QWidget *parent = nullptr);

    void load(const AppSettings &settings) override;
    bool validate() override;
    void save(AppSettings &settings) const override;

private:
    QLineEdit *m_matchers;
    QLabel *m_matchersMessage;
    QCheckBox *m_doNotDisturb;
    QCheckBox *m_sound;
    QComboBox *m_closing;
};
