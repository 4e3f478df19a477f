#include "AnalysisPage.h"

#include "ConnectionTestButton.h"
#include "RequestPreviewDialog.h"
#include "SecretField.h"
#include "analysis/AnalysisSettings.h"
#include "analysis/ChatCompletion.h"
#include "model/AlertFilter.h"
#include "secrets/SecretId.h"
#include "settings/AppSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QStringList hostPatterns(const QString &text)
{
    QStringList patterns;
    for (const QString &line : text.split(u'\n'))
        if (!line.trimmed().isEmpty())
            patterns << line.trimmed();
    return patterns;
}

} // namespace

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
    , m_contextTokens(new QSpinBox)
    , m_redactIps(new QCheckBox(tr("IP addresses")))
    , m_redactEmails(new QCheckBox(tr("E-mail addresses")))
    , m_redactHosts(new QPlainTextEdit)
    , m_autoAnalysis(new QLineEdit)
    , m_autoPerHour(new QSpinBox)
    , m_previewButton(new QPushButton(tr("Preview request…")))
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
    m_language->addItem(u"English"_s, u"en"_s); // untranslated: each language in its own words
    m_language->addItem(u"简体中文"_s, u"zh_CN"_s);
    m_language->setMaximumWidth(260);
    m_prompt->setObjectName(u"promptTemplate"_s);
    m_prompt->setPlaceholderText(tr("Empty: the built-in SRE prompt. {{language}} stands for the answer-language "
                                    "sentence."));
    m_prompt->setFixedHeight(m_prompt->fontMetrics().lineSpacing() * 6 + 12);
    auto *builtIn = new QPushButton(tr("Edit the built-in prompt"));
    builtIn->setObjectName(u"editBuiltInPrompt"_s);
    builtIn->setToolTip(tr("Put the built-in prompt in the editor to change it"));
    connect(builtIn, &QPushButton::clicked, this,
            [this] { m_prompt->setPlainText(AnalysisPrompt::defaultInstructions()); });
    m_previewButton->setObjectName(u"previewRequest"_s);
    m_previewButton->setToolTip(tr("Show the exact request analysing the selected alert would send, and copy it as "
                                   "a curl command"));
    m_previewButton->setEnabled(false);
    connect(m_previewButton, &QPushButton::clicked, this, &AnalysisPage::showPreview);
    auto *promptButtons = new QHBoxLayout;
    promptButtons->addWidget(builtIn);
    promptButtons->addWidget(m_previewButton);
    promptButtons->addStretch();
    m_contextTokens->setObjectName(u"contextTokens"_s);
    m_contextTokens->setRange(500, 200'000);
    m_contextTokens->setSingleStep(1000);
    m_contextTokens->setSuffix(tr(" tokens"));
    m_contextTokens->setMaximumWidth(160);
    m_contextTokens->setToolTip(tr("Room for metrics, log lines and history in the request; log lines are trimmed "
                                   "first, the alert itself never."));
    m_redactIps->setObjectName(u"redactIps"_s);
    m_redactEmails->setObjectName(u"redactEmails"_s);
    m_redactHosts->setObjectName(u"redactHosts"_s);
    m_redactHosts->setPlaceholderText(tr("Host names to mask: one regular expression per line, e.g. "
                                         "[a-z0-9-]+\\.corp\\.example\\.com"));
    m_redactHosts->setFixedHeight(m_redactHosts->fontMetrics().lineSpacing() * 3 + 12);
    m_autoPerHour->setObjectName(u"autoPerHour"_s);
    m_autoPerHour->setRange(1, 1000);
    m_autoPerHour->setSuffix(tr(" per hour at most"));
    m_autoPerHour->setMaximumWidth(220);
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
    form->addRow(heading(tr("Prompt")));
    form->addRow(tr("Instructions"), m_prompt);
    form->addRow(QString(), promptButtons);
    form->addRow(tr("Context budget"), m_contextTokens);
    auto *masks = new QHBoxLayout;
    masks->addWidget(m_redactIps);
    masks->addWidget(m_redactEmails);
    masks->addStretch();
    form->addRow(tr("Mask before sending"), masks);
    m_redactHostsMessage = addRowWithMessage(form, QString(), m_redactHosts, u"redactHostsMessage"_s);
    form->addRow(heading(tr("Automatic analysis")));
    m_autoAnalysisMessage
        = addRowWithMessage(form, tr("Analyse alerts matching"), m_autoAnalysis, u"autoAnalysisMessage"_s);
    form->addRow(tr("Limit"), m_autoPerHour);
    auto *note = new QLabel(tr("Only new firing alerts are analysed automatically, each occurrence once."));
    note->setEnabled(false);
    note->setWordWrap(true);
    form->addRow(QString(), note);

    // Taller than the dialog: the form scrolls.
    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 8, 0);
    contentLayout->addLayout(form);
    contentLayout->addStretch();
    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    m_test->setRunner([this](auto report, std::function<void()> finish) {
        const QString base
            = m_baseUrl->text().trimmed().isEmpty() ? m_baseUrl->placeholderText() : m_baseUrl->text().trimmed();
        m_apiKey->withValue(this, [this, base, report, finish](const QString &key) {
            ConnectionCheckRequest request;
            request.url = QUrl(base);
            request.headers = CompletionRequest::authHeaders(request.url, key.toUtf8());
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
    m_contextTokens->setValue(settings.value(Settings::analysisContextTokens));
    m_redactIps->setChecked(settings.value(Settings::redactIpAddresses));
    m_redactEmails->setChecked(settings.value(Settings::redactEmailAddresses));
    m_redactHosts->setPlainText(settings.value(Settings::redactHostPatterns).join(u'\n'));
    m_autoAnalysis->setText(settings.value(Settings::autoAnalysisMatchers));
    m_autoPerHour->setValue(settings.value(Settings::autoAnalysisPerHour));
}

bool AnalysisPage::validate()
{
    bool ok = setMessage(m_baseUrlMessage,
                         m_baseUrl->text().trimmed().isEmpty() ? QString() : urlProblem(m_baseUrl->text()));
    const QString matchers = m_autoAnalysis->text().trimmed();
    QString problem;
    if (!matchers.isEmpty()) {
        const Result<AlertFilter> parsed = AlertFilter::parse(matchers);
        if (!parsed)
            problem = parsed.error();
        else if (parsed->isEmpty())
            problem = tr("Give at least one matcher, such as severity=\"critical\".");
    }
    ok &= setMessage(m_autoAnalysisMessage, problem);
    PromptRedaction redaction;
    redaction.hostPatterns = hostPatterns(m_redactHosts->toPlainText());
    const QStringList invalid = redaction.invalidPatterns();
    ok &= setMessage(m_redactHostsMessage,
                     invalid.isEmpty() ? QString() : tr("Not a regular expression: %1").arg(invalid.join(u"; "_s)));
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
    settings.setValue(Settings::analysisContextTokens, m_contextTokens->value());
    settings.setValue(Settings::redactIpAddresses, m_redactIps->isChecked());
    settings.setValue(Settings::redactEmailAddresses, m_redactEmails->isChecked());
    settings.setValue(Settings::redactHostPatterns, hostPatterns(m_redactHosts->toPlainText()));
    settings.setValue(Settings::autoAnalysisPerHour, m_autoPerHour->value());
}

void AnalysisPage::setPreviewer(RequestPreviewer previewer)
{
    m_previewer = std::move(previewer);
    m_previewButton->setEnabled(bool(m_previewer));
}

AnalysisService::Settings AnalysisPage::enteredSettings() const
{
    // Through a scratch settings file: the preview is built by the same loader as
    // the real request after saving.
    QTemporaryDir scratch;
    AppSettings entered(scratch.filePath(u"preview.ini"_s));
    save(entered);
    return AnalysisSettings::load(entered, QLocale().name());
}

void AnalysisPage::showPreview()
{
    if (!m_previewer)
        return;
    const std::optional<RequestPreview> preview = m_previewer(enteredSettings());
    if (!preview) {
        auto *box = new QMessageBox(QMessageBox::Information, tr("Preview request"),
                                    tr("Select an alert in the main window first: the preview shows the request "
                                       "for that alert."),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    m_apiKey->withValue(this, [this, preview = *preview](const QString &key) {
        auto *dialog = new RequestPreviewDialog(preview, !key.isEmpty(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}
