#include "AppearancePage.h"

#include "core/Translations.h"
#include "settings/AppSettings.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

AppearancePage::AppearancePage(QWidget *parent)
    : SettingsPage(tr("Appearance"), QIcon(u":/icons/settings-appearance.svg"_s), parent)
    , m_theme(new QComboBox)
    , m_fontSize(new QSpinBox)
    , m_language(new QComboBox)
{
    setObjectName(u"appearancePage"_s);
    m_theme->setObjectName(u"theme"_s);
    m_theme->addItem(tr("Follow the system"), u"system"_s);
    m_theme->addItem(tr("Light"), u"light"_s);
    m_theme->addItem(tr("Dark"), u"dark"_s);
    m_fontSize->setObjectName(u"fontSize"_s);
    m_fontSize->setRange(0, 32);
    m_fontSize->setMaximumWidth(200);
    m_theme->setMaximumWidth(260);
    m_fontSize->setSpecialValueText(tr("System default"));
    m_fontSize->setSuffix(tr(" pt"));
    m_language->setObjectName(u"uiLanguage"_s);
    m_language->addItem(tr("Follow the system"), QString());
    for (const auto &[code, name] : Translations::available())
        m_language->addItem(name, code);
    m_language->setMaximumWidth(260);
    auto *languageNote = new QLabel(tr("A new language applies when AlertDeck starts again."));
    languageNote->setObjectName(u"languageNote"_s);
    languageNote->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Theme"), m_theme);
    form->addRow(tr("Font size"), m_fontSize);
    form->addRow(tr("Language"), m_language);
    form->addRow(QString(), languageNote);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
}

void AppearancePage::load(const AppSettings &settings)
{
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(settings.value(Settings::theme))));
    m_fontSize->setValue(settings.value(Settings::fontPointSize));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.value(Settings::uiLanguage))));
}

void AppearancePage::save(AppSettings &settings) const
{
    settings.setValue(Settings::theme, m_theme->currentData().toString());
    settings.setValue(Settings::fontPointSize, m_fontSize->value());
    settings.setValue(Settings::uiLanguage, m_language->currentData().toString());
}
