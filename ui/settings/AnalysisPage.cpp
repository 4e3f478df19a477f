#include "AnalysisPage.h"

#include "ConnectionTestButton.h"
#include "RequestPreviewDialog.h"
#include "SecretField.h"
#include "analysis/AnalysisSettings.h"
#include "analysis/ChatCompletion.h"
#include "analysis/ProviderModels.h"
#include "incidents/RuleTarget.h"
#include "model/AlertFilter.h"
#include "secrets/SecretId.h"
#include "settings/AppSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
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
    , m_fetcher(new ProviderModelFetcher(this))
    , m_baseUrl(new QLineEdit)
    , m_model(new QComboBox)
    , m_refreshModels(new QPushButton(tr("Refresh list")))
    , m_modelNote(new QLabel)
    , m_thinking(new QCheckBox(tr("Think before answering")))
    , m_effort(new QComboBox)
    , m_thinkingNote(new QLabel(tr("DeepSeek only: other providers never get these fields.")))
    , m_apiKey(new SecretField(secrets, Secrets::providerApiKey))
    , m_test(new ConnectionTestButton(u"providerTest"_s))
    , m_temperature(new QDoubleSpinBox)
    , m_maxTokens(new QSpinBox)
    , m_timeout(new QSpinBox)
    , m_language(new QComboBox)
    , m_prompt(new QPlainTextEdit)
    , m_contextTokens(new QSpinBox)
    , m_tools(new QCheckBox(tr("Let the model query metrics and logs (read-only tools)")))
    , m_maxToolCalls(new QSpinBox)
    , m_redactIps(new QCheckBox(tr("IP addresses")))
    , m_redactEmails(new QCheckBox(tr("E-mail addresses")))
    , m_redactHosts(new QPlainTextEdit)
    , m_autoAnalysis(new QLineEdit)
    , m_autoPerHour(new QSpinBox)
    , m_autoTarget(new QComboBox)
    , m_previewButton(new QPushButton(tr("Preview request…")))
{
    setObjectName(u"analysisPage"_s);
    m_baseUrl->setObjectName(u"providerBaseUrl"_s);
    m_baseUrl->setPlaceholderText(u"https://api.deepseek.com"_s);
    m_baseUrl->setToolTip(tr("Any OpenAI-compatible endpoint: https://api.openai.com/v1, http://localhost:11434/v1 "
                             "(Ollama), a vLLM or llama.cpp server…"));
    m_model->setObjectName(u"providerModel"_s);
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_model->setMinimumContentsLength(24);
    m_model->setToolTip(tr("The models the provider offers (GET /models); any other id can be typed."));
    m_refreshModels->setObjectName(u"refreshModels"_s);
    m_refreshModels->setToolTip(tr("Ask the provider which models it offers, with the key below"));
    connect(m_refreshModels, &QPushButton::clicked, this, &AnalysisPage::refreshModels);
    m_modelNote->setObjectName(u"modelNote"_s);
    m_modelNote->setWordWrap(true);
    m_modelNote->setTextFormat(Qt::PlainText); // model ids come from the provider
    m_modelNote->setVisible(false);
    m_thinking->setObjectName(u"providerThinking"_s);
    m_thinking->setToolTip(tr("The model reasons first (shown in the panel's Reasoning section): slower, often "
                              "better. Temperature is ignored while it thinks."));
    m_effort->setObjectName(u"reasoningEffort"_s);
    m_effort->addItem(tr("Low effort"), u"low"_s);
    m_effort->addItem(tr("High effort"), u"high"_s);
    m_effort->addItem(tr("Maximum effort"), u"max"_s);
    m_thinkingNote->setObjectName(u"thinkingNote"_s);
    m_thinkingNote->setEnabled(false);
    connect(m_thinking, &QCheckBox::toggled, m_effort, &QWidget::setEnabled);
    connect(m_baseUrl, &QLineEdit::textChanged, this, [this] {
        showModels(ProviderModels::cachedIn(m_modelCache, effectiveBaseUrl()));
        updateProviderHints();
    });
    connect(m_model, &QComboBox::currentTextChanged, this, &AnalysisPage::updateProviderHints);
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
    m_tools->setObjectName(u"analysisTools"_s);
    m_tools->setToolTip(tr("The model may ask the configured Prometheus and Loki for more data while it "
                           "analyses, and read the alert's history. It can never write anything or reach "
                           "another host."));
    m_maxToolCalls->setObjectName(u"maxToolCalls"_s);
    m_maxToolCalls->setRange(1, 20);
    m_maxToolCalls->setPrefix(tr("at most "));
    m_maxToolCalls->setSuffix(tr(" calls per analysis"));
    m_maxToolCalls->setMaximumWidth(260);
    connect(m_tools, &QCheckBox::toggled, m_maxToolCalls, &QWidget::setEnabled);
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
    m_autoTarget->setObjectName(u"autoTarget"_s);
    m_autoTarget->addItem(tr("Each matching alert"), ruleTargetName(RuleTarget::Alert));
    m_autoTarget->addItem(tr("Each incident once, with all its alerts"), ruleTargetName(RuleTarget::Incident));
    m_autoTarget->setToolTip(tr("An incident is analysed once, when one of its alerts matches, after a short wait "
                                "for the rest of its alerts to arrive; one analysis covers them all."));
    m_autoAnalysis->setObjectName(u"autoAnalysis"_s);
    m_autoAnalysis->setPlaceholderText(tr("empty: only on request; e.g. severity=\"critical\""));
    m_autoAnalysis->setToolTip(tr("New firing alerts that match these filter-bar matchers are analysed at once."));

    auto *form = new QFormLayout;
    form->addRow(heading(tr("Provider")));
    m_baseUrlMessage = addRowWithMessage(form, tr("Base URL"), m_baseUrl, u"baseUrlMessage"_s);
    auto *modelRow = new QWidget;
    auto *modelLayout = new QHBoxLayout(modelRow);
    modelLayout->setContentsMargins(0, 0, 0, 0);
    modelLayout->addWidget(m_model, 1);
    modelLayout->addWidget(m_refreshModels);
    m_modelMessage = addRowWithMessage(form, tr("Model"), modelRow, u"modelMessage"_s);
    form->addRow(QString(), m_modelNote);
    auto *thinkingRow = new QHBoxLayout;
    thinkingRow->addWidget(m_thinking);
    thinkingRow->addWidget(m_effort);
    thinkingRow->addStretch();
    form->addRow(tr("Thinking"), thinkingRow);
    form->addRow(QString(), m_thinkingNote);
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
    form->addRow(tr("Tools"), m_tools);
    form->addRow(QString(), m_maxToolCalls);
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
    form->addRow(tr("Analyse"), m_autoTarget);
    form->addRow(tr("Limit"), m_autoPerHour);
    auto *note
        = new QLabel(tr("Only new firing alerts are analysed automatically, each occurrence (or incident) once."));
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

    // Lists the models, as the Refresh button does, and says whether the entered one is
    // among them: a model the provider no longer offers is named with the current ones.
    m_test->setRunner([this](auto report, std::function<void()> finish) {
        const QUrl base = effectiveBaseUrl();
        m_apiKey->withValue(this, [this, base, report, finish](const QString &key) {
            if (key.isEmpty() && !CompletionRequest::isLocal(base)) {
                report({},
                       {false, 0, tr("No API key is set for %1: enter it above. Nothing was sent.").arg(base.host())});
                return finish();
            }
            const auto timeout = std::chrono::seconds(std::min(m_timeout->value(), 30));
            m_fetcher->fetch(base, key.toUtf8(), timeout, this,
                             [this, base, report, finish](const ProviderModelFetcher::Answer &answer) {
                                 const QString model = m_model->currentText().trimmed();
                                 ConnectionCheckResult result{answer.ok, answer.httpStatus, answer.error};
                                 if (answer.ok) {
                                     m_modelCache = ProviderModels::withEntry(m_modelCache, base, answer.ids);
                                     showModels(answer.ids);
                                     updateProviderHints();
                                     if (model.isEmpty() || answer.ids.contains(model)) {
                                         result.summary = tr("Connected: the key works; %n model(s) offered", nullptr,
                                                             int(answer.ids.size()))
                                             + (model.isEmpty() ? QString() : tr(", including %1").arg(model));
                                     } else {
                                         result.ok = false;
                                         result.summary
                                             = tr("Connected, but the provider does not offer the model \"%1\". "
                                                  "Current models: %2.")
                                                   .arg(model, answer.ids.join(u", "_s));
                                     }
                                 }
                                 report({}, result);
                                 finish();
                             });
        });
    });
    updateProviderHints();
}

QUrl AnalysisPage::effectiveBaseUrl() const
{
    const QString base = m_baseUrl->text().trimmed();
    return QUrl(base.isEmpty() ? Settings::providerBaseUrl.defaultValue : base);
}

void AnalysisPage::showModels(const QStringList &ids)
{
    const QString current = m_model->currentText();
    const QStringList shown = ids.isEmpty() ? ProviderModels::fallback(effectiveBaseUrl()) : ids;
    const QSignalBlocker blocker(m_model);
    m_model->clear();
    m_model->addItems(shown);
    m_model->setCurrentText(current);
}

void AnalysisPage::refreshModels()
{
    const QUrl base = effectiveBaseUrl();
    m_refreshModels->setEnabled(false);
    m_modelNote->setText(tr("Asking %1 for its models…").arg(base.host()));
    m_modelNote->setStyleSheet({});
    m_modelNote->setVisible(true);
    m_apiKey->withValue(this, [this, base](const QString &key) {
        if (key.isEmpty() && !CompletionRequest::isLocal(base)) {
            m_refreshModels->setEnabled(true);
            m_modelNote->setText(tr("No API key is set for %1: enter it above to list its models.").arg(base.host()));
            return;
        }
        m_fetcher->fetch(base, key.toUtf8(), std::chrono::seconds(std::min(m_timeout->value(), 30)), this,
                         [this, base](const ProviderModelFetcher::Answer &answer) {
                             m_refreshModels->setEnabled(true);
                             if (!answer.ok) {
                                 m_modelNote->setText(tr("Could not list the models: %1").arg(answer.error));
                                 m_modelNote->setStyleSheet(u"color: #c62828;"_s);
                                 return;
                             }
                             m_modelCache = ProviderModels::withEntry(m_modelCache, base, answer.ids);
                             showModels(answer.ids);
                             updateProviderHints();
                         });
    });
}

void AnalysisPage::updateProviderHints()
{
    const QUrl base = effectiveBaseUrl();
    const bool deepSeek = CompletionRequest::isDeepSeek(base);
    m_thinking->setEnabled(deepSeek);
    m_effort->setEnabled(deepSeek && m_thinking->isChecked());
    m_thinkingNote->setVisible(!deepSeek);
    m_thinkingNote->setText(deepSeek ? QString() : tr("DeepSeek only: %1 does not get these fields.").arg(base.host()));
    const QString model = m_model->currentText().trimmed();
    const QStringList cached = ProviderModels::cachedIn(m_modelCache, base);
    const QStringList known = cached.isEmpty() ? ProviderModels::fallback(base) : cached;
    QString note;
    if (deepSeek && ProviderModels::isRetired(model))
        note = tr("DeepSeek retired \"%1\" on 2026-07-24; current models: %2.")
                   .arg(model, ProviderModels::fallback(base).join(u", "_s));
    else if (!model.isEmpty() && !cached.isEmpty() && !cached.contains(model))
        note = tr("\"%1\" is not in the provider's list (%2).").arg(model, known.join(u", "_s));
    if (note.isEmpty() && m_refreshModels->isEnabled()) {
        m_modelNote->setVisible(false);
        return;
    }
    if (!note.isEmpty()) {
        m_modelNote->setText(note);
        m_modelNote->setStyleSheet(u"color: #c62828;"_s);
        m_modelNote->setVisible(true);
    }
}

void AnalysisPage::load(const AppSettings &settings)
{
    const QString base = settings.value(Settings::providerBaseUrl);
    m_baseUrl->setText(base == Settings::providerBaseUrl.defaultValue ? QString() : base);
    m_modelCache = settings.value(Settings::providerModelCache);
    showModels(ProviderModels::cachedIn(m_modelCache, effectiveBaseUrl()));
    m_model->setCurrentText(settings.value(Settings::providerModel));
    m_thinking->setChecked(settings.value(Settings::providerThinking));
    m_effort->setCurrentIndex(
        std::max(0, m_effort->findData(settings.value(Settings::providerReasoningEffort).trimmed().toLower())));
    m_temperature->setValue(settings.value(Settings::temperature));
    m_maxTokens->setValue(settings.value(Settings::maxTokens));
    m_timeout->setValue(settings.value(Settings::providerTimeoutSeconds));
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.value(Settings::analysisLanguage))));
    m_prompt->setPlainText(settings.value(Settings::promptTemplate));
    m_contextTokens->setValue(settings.value(Settings::analysisContextTokens));
    m_tools->setChecked(settings.value(Settings::analysisTools));
    m_maxToolCalls->setValue(settings.value(Settings::analysisMaxToolCalls));
    m_maxToolCalls->setEnabled(m_tools->isChecked());
    m_redactIps->setChecked(settings.value(Settings::redactIpAddresses));
    m_redactEmails->setChecked(settings.value(Settings::redactEmailAddresses));
    m_redactHosts->setPlainText(settings.value(Settings::redactHostPatterns).join(u'\n'));
    m_autoAnalysis->setText(settings.value(Settings::autoAnalysisMatchers));
    m_autoPerHour->setValue(settings.value(Settings::autoAnalysisPerHour));
    m_autoTarget->setCurrentIndex(std::max(0, m_autoTarget->findData(settings.value(Settings::autoAnalysisTarget))));
    updateProviderHints();
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
    ok &= setMessage(
        m_modelMessage,
        m_model->currentText().trimmed().isEmpty()
            ? tr("Name the model to use (for DeepSeek: %1).")
                  .arg(ProviderModels::fallback(QUrl(Settings::providerBaseUrl.defaultValue)).join(tr(" or ")))
            : QString());
    return ok;
}

void AnalysisPage::save(AppSettings &settings) const
{
    const QString base = m_baseUrl->text().trimmed();
    settings.setValue(Settings::providerBaseUrl, base.isEmpty() ? Settings::providerBaseUrl.defaultValue : base);
    settings.setValue(Settings::providerModel, m_model->currentText().trimmed());
    settings.setValue(Settings::providerThinking, m_thinking->isChecked());
    settings.setValue(Settings::providerReasoningEffort, m_effort->currentData().toString());
    settings.setValue(Settings::providerModelCache, m_modelCache);
    settings.setValue(Settings::temperature, m_temperature->value());
    settings.setValue(Settings::maxTokens, m_maxTokens->value());
    settings.setValue(Settings::providerTimeoutSeconds, m_timeout->value());
    settings.setValue(Settings::analysisLanguage, m_language->currentData().toString());
    settings.setValue(Settings::promptTemplate, m_prompt->toPlainText());
    settings.setValue(Settings::autoAnalysisMatchers, m_autoAnalysis->text().trimmed());
    settings.setValue(Settings::analysisContextTokens, m_contextTokens->value());
    settings.setValue(Settings::analysisTools, m_tools->isChecked());
    settings.setValue(Settings::analysisMaxToolCalls, m_maxToolCalls->value());
    settings.setValue(Settings::redactIpAddresses, m_redactIps->isChecked());
    settings.setValue(Settings::redactEmailAddresses, m_redactEmails->isChecked());
    settings.setValue(Settings::redactHostPatterns, hostPatterns(m_redactHosts->toPlainText()));
    settings.setValue(Settings::autoAnalysisPerHour, m_autoPerHour->value());
    settings.setValue(Settings::autoAnalysisTarget, m_autoTarget->currentData().toString());
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
