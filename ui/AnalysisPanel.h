#pragma once

#include "model/Alert.h"
#include "model/AlertKey.h"
#include "store/StoredRecords.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <optional>

class AnalysisService;
class MarkdownStreamView;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

// The right-hand panel where the AI analysis of the selected alert streams in:
// Analyze / Re-run, Stop, Copy, a live status line, the answer rendered as Markdown
// as it arrives (at most ~30 times a second), the model's reasoning in a
// collapsible section, and the token usage. A run goes on when another alert is
// selected and is shown again on return; without one, the alert's latest stored
// analysis is shown.
class AnalysisPanel final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int renderIntervalMs = 33;

    explicit AnalysisPanel(QWidget *parent = nullptr);

    void setService(AnalysisService *service);
    void showAlert(const Alert &alert);
    void clearAlert();
    // The selected alert's stored analyses (newest first), once the store answers.
    void showStoredAnalyses(const AlertKey &alert, const QList<StoredAnalysis> &analyses);
    // Shows one stored analysis (picked in the History tab).
    void showStoredAnalysis(const StoredAnalysis &analysis);

    // Analyses the shown alert (the toolbar action, Ctrl+Enter).
    void analyze();
    void stop();
    void copyAnswer();

    bool canAnalyze() const { return m_alert.has_value(); }
    bool isRunning() const;
    // Renders so far (tests and the benchmark: batching holds).
    int renderCount() const { return m_renders; }

signals:
    // Running state of the shown alert changed (toolbar actions follow).
    void runningChanged(bool running);
    // The run failed for something only Settings can fix: open this page.
    void settingsRequested(const QString &page);

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

    AnalysisService *m_service = nullptr;
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
    QLabel *m_footer;
    QTimer m_renderTimer;
    QElapsedTimer m_sinceRender;
    int m_renders = 0;
    bool m_wasRunning = false;
};
