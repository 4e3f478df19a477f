#pragma once

#include "SettingsPage.h"

class QComboBox;
class QSpinBox;

// Light, dark or the system's look, and the font size.
class AppearancePage final : public SettingsPage
{
    Q_OBJECT

public:
    explicit AppearancePage(QWidget *parent = nullptr);

    void load(const AppSettings &settings) override;
    bool validate() override { return true; }
    void save(AppSettings &settings) const override;

private:
    QComboBox *m_theme;
    QSpinBox *m_fontSize;
    QComboBox *m_language;
};
