#pragma once

#include "SettingsPage.h"

class ConnectionChecker;
class ConnectionTestButton;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

// The AI provider (DeepSeek by default, any OpenAI-compatible endpoint), its key,
// the request's limits, the prompt, and which alerts are analysed without asking.
class AnalysisPage final : public SettingsPage
{
    Q_OBJECT

public:
    explicit AnalysisPage(SecretStore *secrets, QWidget *parent = nullptr);

    void load(const AppSettings &settings) override;
    bool validate() override;
    void save(AppSettings &settings) const override;

private:
    ConnectionChecker *m_checker;
    QLineEdit *m_baseUrl;
    QLabel *m_baseUrlMessage;
    QComboBox *m_model;
    QLabel *m_modelMessage;
    SecretField *m_apiKey;
    ConnectionTestButton *m_test;
    QDoubleSpinBox *m_temperature;
    QSpinBox *m_maxTokens;
    QSpinBox *m_timeout;
    QComboBox *m_language;
    QPlainTextEdit *m_prompt;
    QLineEdit *m_autoAnalysis;
    QLabel *m_autoAnalysisMessage;
};
