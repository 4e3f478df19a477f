#pragma once

#include "SettingsPage.h"
#include "analysis/AnalysisService.h"

#include <functional>
#include <optional>

class ConnectionTestButton;
class ProviderModelFetcher;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

// What analysing the selected alert would send with the page's entries.
struct RequestPreview {
    QString alertName;
    CompletionRequest request; // the key not filled in
    AnalysisPrompt::Result prompt;
};
// Given the settings as entered; nullopt when no alert is selected.
using RequestPreviewer = std::function<std::optional<RequestPreview>(const AnalysisService::Settings &)>;

// The AI provider (DeepSeek by default, any OpenAI-compatible endpoint), its key,
// the request's limits, the prompt (with a preview of the exact request), what is
// masked before sending, and which alerts are analysed without asking.
class AnalysisPage final : public SettingsPage
{
    Q_OBJECT

public:
    explicit AnalysisPage(SecretStore *secrets, QWidget *parent = nullptr);

    void setPreviewer(RequestPreviewer previewer);
    // The settings the entries stand for, as they would be loaded after saving.
    AnalysisService::Settings enteredSettings() const;
    // Opens the preview of the request for the selected alert.
    void showPreview();

    void load(const AppSettings &settings) override;
    bool validate() override;
    void save(AppSettings &settings) const override;

private:
    // The base URL as it will be used (empty: DeepSeek's).
    QUrl effectiveBaseUrl() const;
    // The model list for the entered base URL: fetched, cached or built in.
    void showModels(const QStringList &ids);
    void refreshModels();
    // DeepSeek's own fields only for DeepSeek; a note on retired or unlisted models.
    void updateProviderHints();

    ProviderModelFetcher *m_fetcher;
    QLineEdit *m_baseUrl;
    QLabel *m_baseUrlMessage;
    QComboBox *m_model;
    QPushButton *m_refreshModels;
    QLabel *m_modelMessage;
    QLabel *m_modelNote;
    QCheckBox *m_thinking;
    QComboBox *m_effort;
    QLabel *m_thinkingNote;
    QString m_modelCache; // Settings::providerModelCache, saved with the page
    SecretField *m_apiKey;
    ConnectionTestButton *m_test;
    QDoubleSpinBox *m_temperature;
    QSpinBox *m_maxTokens;
    QSpinBox *m_timeout;
    QComboBox *m_language;
    QPlainTextEdit *m_prompt;
    QSpinBox *m_contextTokens;
    QCheckBox *m_tools;
    QSpinBox *m_maxToolCalls; // enabled with m_tools
    QCheckBox *m_redactIps;
    QCheckBox *m_redactEmails;
    QPlainTextEdit *m_redactHosts;
    QLabel *m_redactHostsMessage;
    QLineEdit *m_autoAnalysis;
    QLabel *m_autoAnalysisMessage;
    QSpinBox *m_autoPerHour;
    QComboBox *m_autoTarget;
    QPushButton *m_previewButton;
    RequestPreviewer m_previewer;
};
