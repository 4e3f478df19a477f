#include "AnalysisPage.h"

#include "ConnectionTestButton.h"
#include "SecretField.h"
#include "model/AlertFilter.h"
#include "secrets/SecretId.h"
#include "settings/AppSettings.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

AnalysisPage::AnalysisPage(SecretStore *secrets, QWidget *parent)
    : SettingsPage(tr("AI analysis"), QIcon(u":/icons/settings-analysis.svg"_s), parent)
    , m_checker(new ConnectionChecker(this))
    , m_baseUrl(new QLineEdit)
    , m_model(new QComboBox)
    , m_apiKey(new SecretField(secrets, Secrets::providerApiKey))
    , m_test(new ConnectionTestButton(u"providerTest"_s))
    , m_temperature(new QDoubleSpinBox)
    , m_maxTokens(new QSpinBox)
    , m_timeout(new QSpinBox)
    , m_language(new QComboBox)
    , m_prompt(new QPlainTextEdit)
    , m_autoAnalysis(new QLineEdit)
{
    setObjectName(u"analysisPage"_s);
    m_baseUrl->setObjectName(u"providerBaseUrl"_s);
    m_baseUrl->setPlaceholderText(u"https://api.deepseek.com"_s);
    m_baseUrl->setToolTip(tr("Any OpenAI-compatible endpoint: https://api.openai.com/v1, http://localhost:11434/v1 "
                             "(Ollama), a vLLM or llama.cpp server…"));
    m_model->setObjectName(u"providerModel"_s);
    m_model->setEditable(true);
    m_model->addItems({u"deepseek-chat"_s, u"deepseek-reasoner"_s});
    m_temperature->setObjectName(u"temperature"_s);
    m_temperature->setRange(0.0, 2.0);
    m_temperature->setSingleStep(0.1);
    m_temperature->setDecimals(1);
    m_temperature->setMaximumWidth(160);
    m_maxTokens->setObjectName(u"maxTokens"_s);
    m_maxTokens->setRange(16, 131072);
    m_maxTokens->setMaximumWidth(160);
    m_timeout->setObjectName(u"providerTimeout"_s);
    m_timeout->setRange(5, 600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setMaximumWidth(160);
    m_language->setObjectName(u"analysisLanguage"_s);
    m_language->addItem(tr("Same as AlertDeck"), u"auto"_s);
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"简体中文"_s, u"zh_CN"_s);
    m_language->setMaximumWidth(260);
    m_prompt->setObjectName(u"promptTemplate"_s);
    m_prompt->setPlaceholderText(tr("Empty: the built-in SRE prompt."));
    m_prompt->setFixedHeight(m_prompt->fontMetrics().lineSpacing() * 6 + 12);
    m_autoAnalysis->setObjectName(u"autoAnalysis"_s);
    m_autoAnalysis->setPlaceholderText(tr("empty: only on request; e.g. severity=\"critical\""));
    m_autoAnalysis->setToolTip(tr("New firing alerts that match these filter-bar matchers are analysed at once."));

    auto *form = new QFormLayout;
    form->addRow(heading(tr("Provider")));
    m_baseUrlMessage = addRowWithMessage(form, tr("Base URL"), m_baseUrl, u"baseUrlMessage"_s);
    m_modelMessage = addRowWithMessage(form, tr("Model"), m_model, u"modelMessage"_s);
    form->addRow(tr("API key"), m_apiKey);
    auto *keyNote = new QLabel(tr("Optional for local endpoints (Ollama, llama.cpp)."));
    keyNote->setEnabled(false);
    form->addRow(QString(), keyNote);
    form->addRow(QString(), m_test);
    form->addRow(heading(tr("Request")));
    form->addRow(tr("Temperature"), m_temperature);
    form->addRow(tr("Max tokens"), m_maxTokens);
    form->addRow(tr("Timeout"), m_timeout);
    form->addRow(tr("Answer language"), m_language);
    form->addRow(tr("Prompt template"), m_prompt);
    form->addRow(heading(tr("Automatic analysis")));
    m_autoAnalysisMessage
        = addRowWithMessage(form, tr("Analyse alerts matching"), m_autoAnalysis, u"autoAnalysisMessage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();

    m_test->setRunner([this](auto report, std::function<void()> finish) {
        const QString base
            = m_baseUrl->text().trimmed().isEmpty() ? m_baseUrl->placeholderText() : m_baseUrl->text().trimmed();
        m_apiKey->withValue(this, [this, base, report, finish](const QString &key) {
            ConnectionCheckRequest request;
            request.url = QUrl(base);
            request.bearerToken = key;
            request.timeout = std::chrono::seconds(std::min(m_timeout->value(), 30));
            m_checker->checkProvider(request, m_model->currentText().trimmed(), this,
                                     [report, finish](const ConnectionCheckResult &result) {
                                         report({}, result);
                                         finish();
                                     });
        });
    });
}

void AnalysisPage::load(const AppSettings &settings)
{
    const QString base = settings.value(Settings::providerBaseUrl);
    m_baseUrl->setText(base == Settings::providerBaseUrl.defaultValue ? QString() : base);
    m_model->setCurrentText(settings.value(Settings::providerModel));
    m_temperature->setValue(settings.value(Settings::temperature));
    m_maxTokens->setValue(settings.value(Settings::maxTokens));
    m_timeout->setValue(settings.value(Settings::providerTimeoutSeconds));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.value(Settings::analysisLanguage))));
    m_prompt->setPlainText(settings.value(Settings::promptTemplate));
    m_autoAnalysis->setText(settings.value(Settings::autoAnalysisMatchers));
}

bool AnalysisPage::validate()
{
    bool ok = setMessage(m_baseUrlMessage,
                         m_baseUrl->text().trimmed().isEmpty() ? QString() : urlProblem(m_baseUrl->text()));
    const QString matchers = m_autoAnalysis->text().trimmed();
    QString problem;
    if (!matchers.isEmpty()) {
        const AlertFilter::ParseResult parsed = AlertFilter::parse(matchers);
        if (!parsed.ok())
            problem = parsed.error;
        else if (parsed.filter.isEmpty())
            problem = tr("Give at least one matcher, such as severity=\"critical\".");
    }
    ok &= setMessage(m_autoAnalysisMessage, problem);
    ok &= setMessage(m_modelMessage,
                     m_model->currentText().trimmed().isEmpty()
                         ? tr("Name the model to use (for DeepSeek: deepseek-chat or deepseek-reasoner).")
                         : QString());
    return ok;
}

void AnalysisPage::save(AppSettings &settings) const
{
    const QString base = m_baseUrl->text().trimmed();
    settings.setValue(Settings::providerBaseUrl, base.isEmpty() ? Settings::providerBaseUrl.defaultValue : base);
    settings.setValue(Settings::providerModel, m_model->currentText().trimmed());
    settings.setValue(Settings::temperature, m_temperature->value());
    settings.setValue(Settings::maxTokens, m_maxTokens->value());
    settings.setValue(Settings::providerTimeoutSeconds, m_timeout->value());
    settings.setValue(Settings::analysisLanguage, m_language->currentData().toString());
    settings.setValue(Settings::promptTemplate, m_prompt->toPlainText());
    settings.setValue(Settings::autoAnalysisMatchers, m_autoAnalysis->text().trimmed());
}
