#include "AnalysisPanel.h"

#include "analysis/AnalysisService.h"
#include "analysis/ConversationText.h"
#include "analysis/EvidenceChips.h"
#include "analysis/FollowUpInput.h"
#include "analysis/HypothesesBoard.h"
#include "analysis/MarkdownStreamView.h"
#include "analysis/ToolStepsView.h"

#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QString tokens(int count)
{
    return QLocale().toString(count);
}

} // namespace

AnalysisPanel::AnalysisPanel(QWidget *parent)
    : QWidget(parent)
    , m_subject(new QLabel(this))
    , m_analyzeButton(new QPushButton(QIcon(u":/icons/analyze.svg"_s), tr("Analyze this alert"), this))
    , m_stopButton(new QToolButton(this))
    , m_copyButton(new QToolButton(this))
    , m_status(new QLabel(this))
    , m_settingsButton(new QPushButton(tr("Open Settings → AI analysis"), this))
    , m_reasoningToggle(new QToolButton(this))
    , m_reasoning(new QPlainTextEdit(this))
    , m_output(new MarkdownStreamView(this))
    , m_board(new HypothesesBoard(this))
    , m_answerArea(new QBoxLayout(QBoxLayout::TopToBottom))
    , m_steps(new ToolStepsView(this))
    , m_followUp(new FollowUpInput(this))
    , m_forwardChoice(new QComboBox(this))
    , m_citations(new QLabel(this))
    , m_footer(new QLabel(this))
{
    setObjectName(u"analysisPanel"_s);
    m_subject->setObjectName(u"analysisSubject"_s);
    m_subject->setWordWrap(true);
    m_subject->setTextFormat(Qt::RichText);
    m_analyzeButton->setObjectName(u"analyzeButton"_s);
    // A click does not take the keyboard from the table (the button is disabled while
    // it runs, which would hand the focus on to the answer).
    m_analyzeButton->setFocusPolicy(Qt::TabFocus);
    m_analyzeButton->setToolTip(tr("Ask the AI provider to analyze the selected alert with its metrics and logs "
                                   "(Ctrl+Enter)"));
    m_stopButton->setObjectName(u"stopAnalysisButton"_s);
    m_stopButton->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    m_stopButton->setText(tr("Stop"));
    m_stopButton->setToolTip(tr("Stop the analysis; the text so far is kept"));
    m_stopButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copyButton->setObjectName(u"copyAnalysisButton"_s);
    m_copyButton->setText(tr("Copy"));
    m_copyButton->setToolTip(tr("Copy the answer as Markdown"));
    m_copyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copyButton->setIcon(QIcon::fromTheme(u"edit-copy"_s));
    m_status->setObjectName(u"analysisStatus"_s);
    m_status->setTextFormat(Qt::PlainText); // errors quote the provider's answer
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_settingsButton->setObjectName(u"analysisSettingsButton"_s);
    m_settingsButton->setVisible(false);
    m_reasoningToggle->setObjectName(u"reasoningToggle"_s);
    m_reasoningToggle->setCheckable(true);
    m_reasoningToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_reasoningToggle->setArrowType(Qt::RightArrow);
    m_reasoningToggle->setAutoRaise(true);
    m_reasoning->setObjectName(u"analysisReasoning"_s);
    m_reasoning->setReadOnly(true);
    m_reasoning->setMaximumHeight(180);
    m_reasoning->setVisible(false);
    m_output->setObjectName(u"analysisOutput"_s);
    m_output->setDecorator(&m_chips);
    EvidenceChips::install(m_output);
    m_board->setVisible(false);
    m_forwardChoice->setObjectName(u"forwardChoice"_s);
    m_forwardChoice->setToolTip(tr("Which answer Forward sends with the alert"));
    m_forwardChoice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_forwardChoice->setMinimumContentsLength(16);
    m_forwardChoice->setVisible(false);
    m_citations->setObjectName(u"citationFooter"_s);
    m_citations->setTextFormat(Qt::PlainText);
    m_citations->setWordWrap(true);
    m_citations->setToolTip(tr("Claims are sentences that state a cause, a number or cite evidence; cited ones name "
                               "evidence the request listed; unsupported ones state a cause without citing any."));
    m_citations->setVisible(false);
    m_footer->setObjectName(u"analysisFooter"_s);
    m_footer->setTextFormat(Qt::PlainText); // the model's name
    m_footer->setEnabled(false);
    m_footer->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_analyzeButton, 1);
    buttons->addWidget(m_stopButton);
    buttons->addWidget(m_copyButton);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_subject);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_settingsButton, 0, Qt::AlignLeft);
    layout->addWidget(m_reasoningToggle);
    layout->addWidget(m_reasoning);
    layout->addWidget(m_steps);
    m_answerArea->setContentsMargins(0, 0, 0, 0);
    m_answerArea->addWidget(m_output, 1);
    m_answerArea->addWidget(m_board);
    layout->addLayout(m_answerArea, 1);
    layout->addWidget(m_citations);
    layout->addWidget(m_followUp);
    auto *forwardRow = new QHBoxLayout;
    m_forwardLabel = new QLabel(tr("Forward sends:"), this);
    m_forwardLabel->setVisible(false);
    forwardRow->addWidget(m_forwardLabel);
    forwardRow->addWidget(m_forwardChoice, 1);
    layout->addLayout(forwardRow);
    layout->addWidget(m_footer);

    connect(m_analyzeButton, &QPushButton::clicked, this, &AnalysisPanel::analyze);
    connect(m_stopButton, &QToolButton::clicked, this, &AnalysisPanel::stop);
    connect(m_copyButton, &QToolButton::clicked, this, &AnalysisPanel::copyAnswer);
    connect(m_settingsButton, &QPushButton::clicked, this, [this] { emit settingsRequested(u"analysisPage"_s); });
    connect(m_output, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (const std::optional<QString> id = EvidenceChips::idOf(url))
            activate(*id);
    });
    connect(m_board, &HypothesesBoard::evidenceActivated, this, &AnalysisPanel::activate);
    connect(m_followUp, &FollowUpInput::asked, this, &AnalysisPanel::ask);
    connect(m_reasoningToggle, &QToolButton::toggled, this, [this](bool open) {
        m_reasoning->setVisible(open);
        m_reasoningToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    });
    m_renderTimer.setSingleShot(true);
    connect(&m_renderTimer, &QTimer::timeout, this, &AnalysisPanel::render);
    clearAlert();
}

void AnalysisPanel::setService(AnalysisService *service)
{
    m_service = service;
    connect(service, &AnalysisService::runChanged, this, &AnalysisPanel::runChanged);
    connect(service, &AnalysisService::runGrew, this, &AnalysisPanel::runGrew);
    connect(service, &AnalysisService::stepsChanged, this, &AnalysisPanel::runGrew);
    updateButtons();
}

AlertKey AnalysisPanel::currentKey() const
{
    return m_alert ? AlertKey::of(*m_alert) : AlertKey();
}

bool AnalysisPanel::isRunning() const
{
    const AnalysisService::Run *run = m_service && m_alert ? m_service->run(currentKey()) : nullptr;
    return run && run->isRunning();
}

void AnalysisPanel::keepShownWhile(const AlertKey &other)
{
    if (m_alert)
        m_keptFor = other;
}

void AnalysisPanel::showAlert(const Alert &alert)
{
    if (m_keptFor && *m_keptFor == AlertKey::of(alert))
        return; // a cited alert is shown beside this analysis
    m_keptFor.reset();
    const bool sameAlert = m_alert && AlertKey::of(*m_alert) == AlertKey::of(alert);
    m_alert = alert;
    m_subject->setText(subjectText());
    if (sameAlert) {
        updateButtons(); // it may lead an incident now, or no longer
        return; // an update of the shown alert: what is shown stays
    }
    m_stored.reset();
    showRunOrStored();
}

std::optional<IncidentSnapshot> AnalysisPanel::shownIncident() const
{
    if (!m_alert || !m_incidentSource)
        return std::nullopt;
    std::optional<IncidentSnapshot> incident = m_incidentSource();
    if (!incident || incident->members.size() < 2 || AlertKey::of(incident->primary()) != AlertKey::of(*m_alert))
        return std::nullopt;
    return incident;
}

QString AnalysisPanel::subjectText() const
{
    if (!m_alert)
        return tr("No alert selected.");
    if (const std::optional<IncidentSnapshot> incident = shownIncident())
        return tr("<b>Incident: %1</b><br>%n alert(s), analysed together, the worst first", nullptr,
                  int(incident->members.size()))
            .arg(incident->title.toHtmlEscaped());
    return tr("<b>%1</b> %2").arg(m_alert->name.toHtmlEscaped(), m_alert->target().toHtmlEscaped());
}

void AnalysisPanel::clearAlert()
{
    m_keptFor.reset();
    m_alert.reset();
    m_stored.reset();
    m_subject->setText(subjectText());
    showRunOrStored();
}

void AnalysisPanel::showStoredAnalyses(const AlertKey &alert, const QList<StoredAnalysis> &analyses)
{
    if (!m_alert || AlertKey::of(*m_alert) != alert || analyses.isEmpty())
        return;
    // A run of this session is newer than anything stored.
    if (m_service && m_service->run(currentKey()))
        return;
    showStoredAnalysis(analyses.first());
}

void AnalysisPanel::showStoredAnalysis(const StoredAnalysis &analysis)
{
    if (!m_alert || AlertKey::of(*m_alert) != analysis.alert())
        return;
    if (isRunning())
        return; // the stream keeps the panel
    m_stored = analysis;
    const QString when = QLocale().toString(analysis.createdAt.toLocalTime(), QLocale::ShortFormat);
    m_status->setText(
        analysis.outcome == AnalysisOutcome::Finished
            ? tr("Analysis of %1").arg(when)
            : tr("Analysis of %1 (%2)")
                  .arg(when, analysis.error.isEmpty() ? analysisOutcomeText(analysis.outcome) : analysis.error));
    Result<EvidenceSet> evidence = EvidenceSet::fromJson(analysis.evidence);
    m_evidenceProblem = evidence ? QString() : evidence.error();
    Result<QList<Hypothesis>> hypotheses = Hypotheses::fromJson(analysis.hypotheses);
    std::optional<QList<Hypothesis>> stored;
    if (hypotheses && !hypotheses->isEmpty())
        stored = *hypotheses;
    // A conversation stored with it: its follow-ups too (an old analysis has none).
    Result<QList<ConversationTurn>> conversation = AnalysisConversation::fromJson(analysis.conversation);
    QList<ConversationTurn> turns = conversation ? *conversation : QList<ConversationTurn>();
    if (!conversation) // the analysis itself is still shown
        m_evidenceProblem = QStringList{m_evidenceProblem, conversation.error()}.join(u' ').trimmed();
    if (turns.isEmpty())
        turns.append({.answer = analysis.content, .reasoning = analysis.reasoning});
    if (turns.size() > 1)
        stored.reset(); // the board follows the conversation's latest hypotheses
    const QString source
        = u"stored:%1:%2:%3"_s.arg(analysis.id).arg(analysis.createdAt.toMSecsSinceEpoch()).arg(turns.size());
    const QString answer = showConversation(source, turns, turns.last().answer);
    showAnswer(source, evidence ? *evidence : EvidenceSet(), answer, false, stored);
    setReasoning(turns.last().reasoning);
    m_shownModel = analysis.model;
    QStringList footer{analysis.model};
    if (analysis.promptTokens >= 0)
        footer
            << tr("%1 prompt + %2 answer tokens").arg(tokens(analysis.promptTokens), tokens(analysis.completionTokens));
    if (analysis.automatic)
        footer << tr("started automatically");
    m_footer->setText(footer.join(u" · "_s));
    updateButtons();
}

void AnalysisPanel::showRunOrStored()
{
    m_renderTimer.stop();
    const AnalysisService::Run *run = m_service && m_alert ? m_service->run(currentKey()) : nullptr;
    m_settingsButton->setVisible(false);
    if (!run && m_stored) {
        showStoredAnalysis(*m_stored);
        return;
    }
    if (!run) {
        showPlaceholder();
        return;
    }
    render();
    updateButtons();
}

void AnalysisPanel::showPlaceholder()
{
    showConversation({}, {}, {});
    showAnswer({}, {}, {}, false);
    setReasoning({});
    m_footer->clear();
    // Without an alert the subject line and the placeholder say it all.
    m_output->setPlaceholderText(m_alert ? tr("The AI analysis of the selected alert appears here.")
                                         : tr("Select an alert in the table, then Analyze (Ctrl+Enter)."));
    if (!m_alert)
        m_status->clear();
    else
        m_status->setText(tr("Not analyzed yet. The request sends the alert, its metric summary and log lines "
                             "to the provider set in Settings → AI analysis."));
    updateButtons();
}

void AnalysisPanel::analyze()
{
    if (!m_service || !m_alert)
        return;
    m_stored.reset();
    // The keyboard stays where the engineer works (the table: j/k, Enter); the answer
    // streams in without taking it.
    if (const std::optional<IncidentSnapshot> incident = shownIncident())
        m_service->analyzeIncident(*incident);
    else
        m_service->analyze(*m_alert);
}

void AnalysisPanel::stop()
{
    if (m_service && m_alert)
        m_service->stop(currentKey());
}

void AnalysisPanel::copyAnswer()
{
    QString answer = m_output->markdown();
    while (answer.endsWith(u'\n') || answer.endsWith(u' '))
        answer.chop(1); // the blank lines before the hypotheses block
    if (!answer.isEmpty())
        QGuiApplication::clipboard()->setText(answer);
}

void AnalysisPanel::runChanged(const AlertKey &key)
{
    if (key != currentKey())
        return;
    m_stored.reset();
    render();
    updateButtons();
}

void AnalysisPanel::runGrew(const AlertKey &key)
{
    if (key == currentKey())
        scheduleRender();
}

// At most one render per interval; a chunk after a quiet spell shows at once.
void AnalysisPanel::scheduleRender()
{
    if (m_renderTimer.isActive())
        return;
    const qint64 since = m_sinceRender.isValid() ? m_sinceRender.elapsed() : renderIntervalMs;
    m_renderTimer.start(int(std::max<qint64>(0, renderIntervalMs - since)));
}

void AnalysisPanel::render()
{
    m_renderTimer.stop();
    m_sinceRender.start();
    ++m_renders;
    const AnalysisService::Run *run = m_service && m_alert ? m_service->run(currentKey()) : nullptr;
    if (!run)
        return;
    m_status->setText(run->statusText());
    m_settingsButton->setVisible(!run->isRunning() && run->needsSettings());
    m_evidenceProblem.clear();
    // The tool results are evidence too: the run's set, not the prompt's.
    const QString latest = run->content();
    const QString source = u"run:%1:%2"_s.arg(run->startedAt.toMSecsSinceEpoch()).arg(run->turns.size());
    showAnswer(source, run->evidence, showConversation(source, run->turns, latest), run->isRunning());
    setReasoning(run->reasoning());
    m_shownModel = run->model;
    QStringList footer{run->model};
    if (run->promptTokens >= 0) {
        footer << tr("%1 prompt + %2 answer tokens")
                      .arg(tokens(run->promptTokens), tokens(std::max(0, run->completionTokens)));
    } else if (!run->prompt.messages.isEmpty()) {
        footer << tr("about %1 prompt tokens").arg(tokens(run->prompt.estimatedTokens));
    }
    if (!run->prompt.trimmed.isEmpty())
        footer << tr("trimmed to the context budget: %1").arg(run->prompt.trimmed.join(u"; "_s));
    if (run->automatic)
        footer << tr("started automatically");
    m_footer->setText(footer.join(u" · "_s));
    updateButtons();
}

// The reasoning only grows while it streams: append, do not re-set.
void AnalysisPanel::setReasoning(const QString &text)
{
    const QString shown = m_reasoning->toPlainText();
    if (text.startsWith(shown) && !shown.isEmpty()) {
        if (text.size() > shown.size()) {
            QScrollBar *scroll = m_reasoning->verticalScrollBar();
            const bool following = scroll->value() >= scroll->maximum() - 4;
            QTextCursor end(m_reasoning->document());
            end.movePosition(QTextCursor::End);
            end.insertText(text.mid(shown.size()));
            if (following)
                scroll->setValue(scroll->maximum());
        }
    } else if (text != shown) {
        m_reasoning->setPlainText(text);
    }
    m_reasoningToggle->setVisible(!text.isEmpty());
    m_reasoningToggle->setText(tr("Reasoning (%1 characters)").arg(QLocale().toString(text.size())));
    if (text.isEmpty())
        m_reasoningToggle->setChecked(false);
}

void AnalysisPanel::updateButtons()
{
    const bool running = isRunning();
    const AnalysisService::Run *run = m_service && m_alert ? m_service->run(currentKey()) : nullptr;
    const bool hasAnswer = !m_output->markdown().isEmpty();
    m_analyzeButton->setEnabled(m_service && m_alert && !running);
    if (shownIncident())
        m_analyzeButton->setText(run && run->incidentAnchor ? tr("Re-run incident analysis")
                                                            : tr("Analyze this incident"));
    else
        m_analyzeButton->setText(run || m_stored ? tr("Re-run analysis") : tr("Analyze this alert"));
    if (!m_service)
        m_analyzeButton->setToolTip(tr("AI analysis is not available here."));
    m_stopButton->setVisible(running);
    m_copyButton->setEnabled(hasAnswer);
    // A follow-up continues a finished analysis: this session's, or a stored one.
    const bool askable = m_service && m_alert && !running && (run || m_stored) && hasAnswer;
    m_followUp->setVisible(m_service && m_alert && (run || m_stored));
    m_followUp->setAskable(askable);
    m_followUp->setFreshDataOffered(run != nullptr);
    if (running != m_wasRunning) {
        m_wasRunning = running;
        emit runningChanged(running);
    }
}

void AnalysisPanel::showAnswer(const QString &source, const EvidenceSet &evidence, const QString &answer,
                               bool streaming, const std::optional<QList<Hypothesis>> &stored)
{
    // The evidence of a run arrives with its prompt, before any of the answer.
    if (source != m_source || evidence.size() != m_chips.evidence().size()) {
        m_source = source;
        m_chips.setEvidence(evidence);
        m_answerText.reset();
        m_output->restart();
        m_boardRead = false;
    }
    const bool wasFinished = m_chips.finished();
    m_chips.update(answer);
    if (!streaming)
        m_chips.finish();
    m_answerText.update(answer);
    m_output->showMarkdown(m_answerText.shown(answer, streaming));
    if (m_chips.finished() && !wasFinished)
        m_output->refreshTail(); // its last sentence is closed now: marked as it ends

    const CitationCounts counts = m_chips.counts();
    QStringList citations;
    if (counts.claims > 0 || !evidence.isEmpty())
        citations << counts.footer();
    if (counts.invalidCitations > 0)
        citations << tr("%n citation(s) of evidence not in this analysis", nullptr, counts.invalidCitations);
    if (!m_evidenceProblem.isEmpty())
        citations << m_evidenceProblem;
    // Set only when it changes: a label that changes lays the panel out again.
    if (const QString text = citations.join(u" · "_s); m_citations->text() != text)
        m_citations->setText(text);
    if (const bool shown = !answer.isEmpty() && !citations.isEmpty(); m_citations->isVisibleTo(this) != shown)
        m_citations->setVisible(shown);
    updateBoard(answer, streaming, stored);
}

void AnalysisPanel::updateBoard(const QString &answer, bool streaming, const std::optional<QList<Hypothesis>> &stored)
{
    if (stored) {
        m_board->showHypotheses(*stored, m_chips.evidence());
    } else if (m_earlierHypotheses && m_answerText.blockStart() < 0) {
        m_board->showHypotheses(*m_earlierHypotheses, m_chips.evidence());
    } else if (m_answerText.blockStart() < 0 && (streaming || Hypotheses::blockStart(answer) < 0)) {
        m_board->clearHypotheses();
    } else if (streaming && !m_answerText.blockClosed()) {
        m_board->showHypotheses({}, m_chips.evidence(), {}, true);
    } else if (!m_boardRead || !streaming) {
        // Read once when the block closes, and once the answer is complete.
        const Hypotheses::Parsed parsed = Hypotheses::parse(answer, &m_chips.evidence());
        m_boardRead = streaming;
        QStringList problems = parsed.problems;
        if (parsed.found && !parsed.complete)
            problems << tr("The hypotheses block was not finished; the answer ended inside it.");
        m_board->showHypotheses(parsed.hypotheses, m_chips.evidence(), problems);
    }
    if (m_board->hasContent() != m_board->isVisibleTo(this)) {
        m_board->setVisible(m_board->hasContent());
        placeBoard();
    } else if (m_board->hasContent() && m_board->revision() != m_boardPlaced) {
        placeBoard();
    }
    m_boardPlaced = m_board->revision();
}

void AnalysisPanel::activate(const QString &id)
{
    const EvidenceItem *item = m_chips.evidence().find(id);
    if (!item)
        return;
    // A tool's result is shown here, by its step; other evidence in the detail tabs.
    if (const QString field = item->locator.field; field.startsWith(u"tool:"_s)) {
        if (m_steps->highlight(field.mid(5)))
            return;
    }
    emit evidenceActivated(*item);
}

QString AnalysisPanel::showConversation(const QString &source, const QList<ConversationTurn> &turns,
                                        const QString &latestAnswer)
{
    m_turnAnswers.clear();
    m_turnQuestions.clear();
    for (qsizetype i = 0; i < turns.size(); ++i) {
        m_turnAnswers << (i + 1 == turns.size() ? latestAnswer : turns.at(i).answer);
        m_turnQuestions << turns.at(i).question;
    }
    // The latest calls of the conversation, up to what the view lists (it is rendered
    // each frame while the answer streams).
    QList<ToolStep> steps;
    qsizetype earlier = 0;
    for (qsizetype i = turns.size() - 1; i >= 0; --i) {
        const QList<ToolStep> &turnSteps = turns.at(i).steps;
        const qsizetype take = std::min(turnSteps.size(), ToolStepsView::maxRows - steps.size());
        steps = turnSteps.sliced(turnSteps.size() - take) + steps;
        earlier += turnSteps.size() - take;
    }
    m_steps->setSteps(steps, earlier);
    updateForwardChoice();
    // The earlier turns do not change while the latest streams: read them once.
    if (source != m_conversationSource || source.isEmpty()) {
        m_conversationSource = source;
        m_conversationPrefix = ConversationText::prefix(turns);
        m_earlierHypotheses.reset();
        if (const QString earlier = ConversationText::earlierHypothesesAnswer(turns); !earlier.isEmpty()) {
            if (const Hypotheses::Parsed parsed = Hypotheses::parse(earlier); !parsed.hypotheses.isEmpty())
                m_earlierHypotheses = parsed.hypotheses;
        }
    }
    return m_conversationPrefix + latestAnswer;
}

void AnalysisPanel::ask(const QString &question, bool refreshEvidence)
{
    if (!m_service || !m_alert)
        return;
    const AnalysisService::Run *run = m_service->run(currentKey());
    const Result<> asked = run || !m_stored ? m_service->ask(currentKey(), question, refreshEvidence)
                                            : m_service->askAbout(*m_stored, *m_alert, question);
    if (!asked) {
        m_followUp->setError(asked.error());
        return;
    }
    m_followUp->clearQuestion();
    m_followUp->setError({});
    m_forwardChoice->setCurrentIndex(-1); // the new answer is the latest: Forward follows it
    updateButtons();
}

void AnalysisPanel::updateForwardChoice()
{
    // Offered once there is more than one answer; the latest is picked unless another was.
    const qsizetype count = m_turnAnswers.size();
    const int chosen = m_forwardChoice->currentIndex();
    const bool latest = chosen < 0 || chosen == m_forwardChoice->count() - 1;
    if (m_forwardChoice->count() != count) {
        QSignalBlocker block(m_forwardChoice);
        m_forwardChoice->clear();
        for (qsizetype i = 0; i < count; ++i) {
            const QString question = m_turnQuestions.at(i).simplified();
            m_forwardChoice->addItem(
                question.isEmpty()
                    ? tr("The analysis")
                    : tr("Answer to “%1”").arg(question.size() > 60 ? question.left(60) + u'…' : question));
        }
        m_forwardChoice->setCurrentIndex(latest ? int(count) - 1 : std::min(chosen, int(count) - 1));
    }
    m_forwardChoice->setVisible(count > 1);
    m_forwardLabel->setVisible(count > 1);
}

QString AnalysisPanel::forwardText() const
{
    const int chosen = m_forwardChoice->currentIndex();
    if (chosen >= 0 && chosen < m_turnAnswers.size())
        return m_turnAnswers.at(chosen);
    return m_turnAnswers.isEmpty() ? QString() : m_turnAnswers.last();
}

std::optional<ForwardService::AnalysisText> AnalysisPanel::forwardAnalysis(const Alert &alert) const
{
    if (!m_alert || AlertKey::of(*m_alert) != AlertKey::of(alert))
        return std::nullopt;
    const int chosen
        = m_forwardChoice->currentIndex() < 0 ? int(m_turnAnswers.size()) - 1 : m_forwardChoice->currentIndex();
    // The latest answer while it streams is not complete: the newest finished one goes.
    if (chosen < 0 || chosen >= m_turnAnswers.size() || (isRunning() && chosen == m_turnAnswers.size() - 1))
        return std::nullopt;
    const QString &text = m_turnAnswers.at(chosen);
    if (text.trimmed().isEmpty())
        return std::nullopt;
    return ForwardService::AnalysisText{text, m_shownModel};
}

void AnalysisPanel::setForwardTurn(int turn)
{
    m_forwardChoice->setCurrentIndex(turn < 0 ? m_forwardChoice->count() - 1 : turn);
}

void AnalysisPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    placeBoard();
}

// Beside the answer when there is room, else under it, as tall as it needs up to a third.
void AnalysisPanel::placeBoard()
{
    const bool beside = width() >= besideWidth;
    m_answerArea->setDirection(beside ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    if (beside) {
        m_board->setMinimumSize(0, 0);
        m_board->setMaximumHeight(QWIDGETSIZE_MAX);
        m_board->setFixedWidth(std::clamp(width() / 3, 240, 380));
    } else {
        m_board->setMinimumWidth(0);
        m_board->setMaximumWidth(QWIDGETSIZE_MAX);
        const int textWidth = std::max(100, width() - 2 * m_board->frameWidth() - 24);
        m_board->setFixedHeight(std::clamp(m_board->contentHeight(textWidth), 60, std::max(60, height() / 3)));
    }
    layout()->activate(); // now, not at the next event: a grab or a test sees the placed board
}
