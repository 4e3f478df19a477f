#pragma once

#include "analysis/AnswerText.h"
#include "analysis/CitationChips.h"
#include "analysis/EvidenceSet.h"
#include "analysis/Hypotheses.h"
#include "forward/ForwardService.h"
#include "incidents/IncidentSnapshot.h"
#include "model/Alert.h"
#include "model/AlertKey.h"
#include "store/StoredRecords.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <optional>

class AnalysisService;
class FollowUpInput;
class ToolStepsView;
struct ConversationTurn;
class HypothesesBoard;
class MarkdownStreamView;
class QBoxLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

// The right-hand panel where the AI analysis of the selected alert streams in:
// Analyze / Re-run, Stop, Copy, a live status line, the answer rendered as Markdown
// as it arrives (at most ~30 times a second), the model's reasoning in a
// collapsible section, and the token usage. Citations of the evidence ([E3]) show as
// chips that lead to the evidence (evidenceActivated), causes stated without evidence
// are marked, the footer counts claims, and the hypotheses block is shown as a board
// beside the answer (under it when the panel is narrow) instead of as JSON. A run goes on when another alert is
// selected and is shown again on return; without one, the alert's latest stored
// analysis is shown.
class AnalysisPanel final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int renderIntervalMs = 33;

    explicit AnalysisPanel(QWidget *parent = nullptr);

    void setService(AnalysisService *service);
    // Where the panel learns that the shown alert stands for a whole incident (its row is
    // selected in the Incidents view): Analyze then analyses all of its alerts together.
    using IncidentSource = std::function<std::optional<IncidentSnapshot>()>;
    void setIncidentSource(IncidentSource source) { m_incidentSource = std::move(source); }
    void showAlert(const Alert &alert);
    void clearAlert();
    // The details are about to show `other` (an alert an incident analysis cites): the
    // panel keeps showing this analysis while it is, instead of following the selection.
    void keepShownWhile(const AlertKey &other);
    // The selected alert's stored analyses (newest first), once the store answers.
    void showStoredAnalyses(const AlertKey &alert, const QList<StoredAnalysis> &analyses);
    // Shows one stored analysis (picked in the History tab).
    void showStoredAnalysis(const StoredAnalysis &analysis);

    // Analyses the shown alert (the toolbar action, Ctrl+Enter).
    void analyze();
    void stop();
    void copyAnswer();

    bool canAnalyze() const { return m_alert.has_value(); }
    // The alert whose analysis is shown (an incident's: its worst alert).
    const std::optional<Alert> &shownAlert() const { return m_alert; }
    bool isRunning() const;
    // Renders so far (tests and the benchmark: batching holds).
    int renderCount() const { return m_renders; }
    // The evidence of what is shown (the run's, or the stored analysis').
    const EvidenceSet &shownEvidence() const { return m_chips.evidence(); }
    // The answer Forward sends: the chosen turn's (the latest by default); empty: none.
    QString forwardText() const;
    // What Forward sends with `alert`: the chosen answer and its model, when the panel
    // shows that alert's analysis and the answer is complete; none: the newest one.
    std::optional<ForwardService::AnalysisText> forwardAnalysis(const Alert &alert) const;
    // Picks the turn whose answer Forward sends (0: the analysis); -1: the latest.
    void setForwardTurn(int turn);
    // Wider than this, the hypotheses board stands beside the answer.
    static constexpr int besideWidth = 760;

signals:
    // Running state of the shown alert changed (toolbar actions follow).
    void runningChanged(bool running);
    // The run failed for something only Settings can fix: open this page.
    void settingsRequested(const QString &page);
    // A chip was clicked (or Enter pressed on it): show this item where it is.
    void evidenceActivated(const EvidenceItem &item);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    AlertKey currentKey() const;
    void runChanged(const AlertKey &key);
    void runGrew(const AlertKey &key);
    void scheduleRender();
    void render();
    void showRunOrStored();
    void setReasoning(const QString &text);
    void updateButtons();
    void showPlaceholder();
    // Shows `answer` with chips for `evidence`; `source` tells analyses apart (another
    // one starts the chips and the board over). `stored`: the hypotheses stored with it.
    void showAnswer(const QString &source, const EvidenceSet &evidence, const QString &answer, bool streaming,
                    const std::optional<QList<Hypothesis>> &stored = std::nullopt);
    void updateBoard(const QString &answer, bool streaming, const std::optional<QList<Hypothesis>> &stored);
    void placeBoard();
    void activate(const QString &id);
    void ask(const QString &question, bool refreshEvidence);
    // The conversation shown: its turns, the latest answer, the steps of all turns.
    // `source` as for showAnswer(): what does not change while it streams is kept. Returns
    // the conversation's Markdown.
    QString showConversation(const QString &source, const QList<ConversationTurn> &turns, const QString &latestAnswer);
    void updateForwardChoice();

    // The incident the shown alert leads, now; none: a single alert.
    std::optional<IncidentSnapshot> shownIncident() const;
    QString subjectText() const;

    AnalysisService *m_service = nullptr;
    IncidentSource m_incidentSource;
    std::optional<AlertKey> m_keptFor; // see keepShownWhile()
    std::optional<Alert> m_alert;
    std::optional<StoredAnalysis> m_stored; // shown when no run is
    QLabel *m_subject;
    QPushButton *m_analyzeButton;
    QToolButton *m_stopButton;
    QToolButton *m_copyButton;
    QLabel *m_status;
    QPushButton *m_settingsButton;
    QToolButton *m_reasoningToggle;
    QPlainTextEdit *m_reasoning;
    MarkdownStreamView *m_output;
    HypothesesBoard *m_board;
    QBoxLayout *m_answerArea;
    ToolStepsView *m_steps;
    FollowUpInput *m_followUp;
    class QComboBox *m_forwardChoice;
    QLabel *m_forwardLabel = nullptr;
    QLabel *m_citations;
    QLabel *m_footer;
    CitationChips m_chips;
    AnswerText m_answerText;
    QString m_source; // what the chips and the board were set up for
    bool m_boardRead = false; // the closed block was read for the board
    int m_boardPlaced = -1; // the board's revision its size was set for
    QString m_evidenceProblem;
    QStringList m_turnAnswers; // of the conversation shown, for Forward
    QStringList m_turnQuestions;
    QString m_shownModel;
    QString m_conversationSource; // what m_conversationPrefix and m_earlierHypotheses are of
    QString m_conversationPrefix; // the turns before the latest, as Markdown
    std::optional<QList<Hypothesis>>
        m_earlierHypotheses; // shown while the latest answer has none // the stored evidence could not be read
    QTimer m_renderTimer;
    QElapsedTimer m_sinceRender;
    int m_renders = 0;
    bool m_wasRunning = false;
};
