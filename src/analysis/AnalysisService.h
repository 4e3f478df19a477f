#pragma once

#include "analysis/AnalysisPrompt.h"
#include "analysis/ChatCompletion.h"
#include "core/HourlyLimit.h"
#include "model/AlertChange.h"
#include "model/AlertFilter.h"
#include "model/AlertKey.h"
#include "store/StoredRecords.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>
#include <memory>

class ContextService;
class AlertHistory;
class QNetworkAccessManager;
class SecretStore;
struct AlertChange;

// Runs AI analyses of alerts: gathers the evidence (the alert's metrics and logs
// from the context service, its earlier occurrences from the store), reads the API
// key, builds the prompt and streams the answer. Several alerts can be analysed at
// once; each run goes on when the selection moves and is found again by its alert.
// A finished run is stored with the alert. Auto-analysis rules start runs for new
// firing alerts, within an hourly limit and never twice for the same occurrence.
class AnalysisService final : public QObject
{
    Q_OBJECT

public:
    struct Settings {
        CompletionRequest request{}; // base URL, model, temperature, max tokens, timeout; no messages, no key
        AnalysisPrompt::Options prompt{};
        RetryPolicy retry{};
        std::optional<AlertFilter> autoRule{}; // none: automatic analysis is off
        int autoPerHour = 10;
        // How long an analysis waits for the alert's metrics and logs before it goes
        // ahead with what has arrived.
        std::chrono::milliseconds contextWait{20'000};
    };

    struct Run {
        enum class Phase { Gathering, Streaming, Done };
        AlertKey key;
        Alert alert;
        Phase phase = Phase::Gathering;
        bool automatic = false;
        bool stoppedEarly = false; // stopped while gathering: nothing was sent
        QDateTime startedAt;
        QString model;
        AnalysisPrompt::Result prompt;
        std::unique_ptr<ChatCompletion> completion; // from the Streaming phase on
        QString error; // a failure before the request was sent (no provider URL…)
        bool setupProblem = false; // `error` is fixed in Settings → AI analysis (no URL, no key)
        std::optional<StoredAnalysis> stored; // once saved

        // The run failed for something only Settings → AI analysis can fix: no provider,
        // no key for a remote one, a bad URL, a refused key, a model it does not offer.
        bool needsSettings() const;
        // One line for the panel.
        QString statusText() const;
        // "finished", "cut-off", "failed", "stopped" once Done.
        AnalysisOutcome outcome() const;
        bool isRunning() const { return phase != Phase::Done; }
    };

    static constexpr int keptFinishedRuns = 20;

    AnalysisService(ContextService *context, AlertHistory *history, SecretStore *secrets, QObject *parent = nullptr);
    ~AnalysisService() override;

    void setSettings(const Settings &settings);
    const Settings &settings() const { return m_settings; }

    // Analyses `alert` (again): a run already going for it is stopped first.
    void analyze(const Alert &alert, bool automatic = false);
    void stop(const AlertKey &key);
    // The latest run for the alert in this session, running or not.
    const Run *run(const AlertKey &key) const;
    QList<AlertKey> runningKeys() const;

    // The prompt that analysing `alert` now with `options` would send, from the
    // evidence at hand (the Settings preview). `occurrences` may be empty. Built on the
    // calling thread: one prompt for one click, from bounded inputs (the expression
    // and the alert's texts are cut, log lines are at most Context/logLineLimit).
    AnalysisPrompt::Result preview(const Alert &alert, const QList<StoredOccurrence> &occurrences,
                                   const AnalysisPrompt::Options &options) const;

    // New and re-firing alerts, for the auto-analysis rule.
    void handleAlertChanges(const QList<AlertChange> &changes);
    // Automatic runs started in the last hour.
    int automaticRunsThisHour() const;

    // Test hook: runs on the thread that builds each run's prompt, before it does.
    void setPromptHook(std::function<void()> hook) { m_promptHook = std::move(hook); }

signals:
    // A run started, changed phase or status, or ended.
    void runChanged(const AlertKey &key);
    // Its answer or reasoning grew.
    void runGrew(const AlertKey &key);
    void runFinished(const AlertKey &key);
    // The ended run is on disk (or could not be stored: `error`).
    void analysisStored(const StoredAnalysis &analysis, const QString &error);
    // The hourly limit held an automatic analysis back.
    void autoAnalysisLimited(const Alert &alert);

private:
    struct Gathering;
    void gather(Run &run);
    void maybeSend(const AlertKey &key);
    void buildPrompt(const std::shared_ptr<Run> &run, const QString &apiKey, const AnalysisPrompt::Evidence &evidence);
    void send(Run &run, const QString &apiKey);
    // A remote provider without a key: fails the run before anything is sent.
    bool refuseWithoutKey(Run &run, const QString &apiKey);
    void finishRun(const AlertKey &key);
    void store(Run &run);
    void forgetOldRuns();
    AnalysisPrompt::Evidence evidenceFor(const Alert &alert, const QList<StoredOccurrence> &occurrences) const;
    void startAutomatic(const Alert &alert);

    ContextService *m_context;
    QPointer<AlertHistory> m_history;
    SecretStore *m_secrets;
    QNetworkAccessManager *m_network;
    Settings m_settings;
    QHash<AlertKey, std::shared_ptr<Run>> m_runs;
    QHash<AlertKey, std::shared_ptr<Gathering>> m_gathering;
    QList<AlertKey> m_finishedOrder; // oldest first
    QSet<OccurrenceKey> m_autoOccurrences; // analysed automatically
    HourlyLimit m_autoStarts;
    std::function<void()> m_promptHook;
};
