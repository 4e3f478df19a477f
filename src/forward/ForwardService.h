#pragma once

#include "core/HourlyLimit.h"
#include "forward/ChatTool.h"
#include "incidents/IncidentSnapshot.h"
#include "incidents/RuleTarget.h"
#include "model/AlertChange.h"
#include "model/AlertFilter.h"
#include "model/AlertKey.h"
#include "store/StoredRecords.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>

class AnalysisService;
class ChatSender;
class IncidentRuleForwards;
class AlertHistory;
class SecretStore;
struct AlertChange;

// "Send new critical alerts to #ops": a matcher and the destination it forwards to,
// each matching alert, or each incident a matching alert is in, once (its members listed).
struct ForwardRule {
    QString matcher; // as typed, e.g. severity="critical" (empty never matches)
    QString destinationId;
    RuleTarget target = RuleTarget::Alert;

    friend bool operator==(const ForwardRule &, const ForwardRule &) = default;
};

// As saved: [{"matcher", "destination", "target": "alert" | "incident"}]; no "target": alert.
namespace ForwardRules {
// Rules without a matcher or destination, or with an unknown target, are left out.
QList<ForwardRule> fromJson(const QString &json);
QString toJson(const QList<ForwardRule> &rules);
// Empty when `json` is empty or an array of rules AlertDeck can read; else what is wrong.
QString problem(const QString &json);
} // namespace ForwardRules

// Forwards alerts with their analysis to chat destinations: reads the destination's
// secrets, builds the tool's message, keeps each destination's rate limit by queueing,
// retries 429/5xx with backoff (honouring the tool's hint) and logs every forward
// with its alert. Forwarding rules send new firing alerts automatically, within an
// hourly limit and never twice for the same occurrence and destination. An incident
// goes as one message: its primary (worst) alert's facts and the others listed; a rule
// that targets incidents sends each incident once (see IncidentRuleForwards).
class ForwardService final : public QObject
{
    Q_OBJECT

public:
    struct AnalysisText {
        QString content;
        QString model{};
    };

    struct Settings {
        QList<ChatDestination> destinations{};
        ForwardLinkSources links{};
        QList<ForwardRule> rules{}; // none: no automatic forwards
        int rulePerHour = 10;
        int maxTries = 3;
        std::chrono::milliseconds firstBackoff{2000}; // then doubled per try
        // A rule's forward waits this long for the alert's automatic analysis.
        std::chrono::milliseconds analysisWait{120'000};
        // A rule that targets incidents waits this long after an incident's first matching
        // alert, so that the rest of its storm joins the one message.
        std::chrono::milliseconds incidentSettle{30'000};
        QString telegramApi = QStringLiteral("https://api.telegram.org");
        std::optional<RateLimit> rateLimitOverride{}; // tests: instead of each tool's own
    };

    struct Job {
        enum class Phase { Preparing, Queued, Sending, Done };
        quint64 id = 0;
        Alert alert; // an incident's: its primary, whose forward log has the entry
        // An incident's forward: what names it, and its other members, worst first.
        std::optional<OccurrenceKey> incidentAnchor{};
        QList<Alert> related{};
        ChatDestination destination;
        AnalysisText analysis{};
        bool automatic = false;
        Phase phase = Phase::Preparing;
        int tries = 0;
        int maxTries = 3;
        qint64 notBeforeMs = 0; // on the service's clock; queued until then
        ChatResult result{}; // the last try's
        bool truncated = false;
        bool secretsMissing = false; // the URL or token could not be read: nothing was sent
        // A previewed forward: composed at the preview's time, so it goes byte for byte
        // as shown (a signed body carries its time); none: composed when it is sent.
        std::optional<QDateTime> composedAt{};

        bool isDone() const { return phase == Phase::Done; }
        // For the status bar: "Sending to #ops…", "Sent to #ops", "Waiting…".
        QString statusText(qint64 nowMs) const;
    };

    struct Preview {
        ChatRequest request;
        QString shownUrl; // scheme and host only: the rest may be the secret
        QString warning{}; // e.g. no URL stored yet: the message is shown anyway
        // What it was built from, so that forwardAsPreviewed() sends exactly this body.
        QString destinationId{};
        AnalysisText analysis{};
        QDateTime composedAt{};
        std::optional<IncidentSnapshot> incident{}; // an incident's preview: its members as shown
    };
    // A preview older than this is composed again when sent: the tools refuse old
    // signatures (DingTalk and Feishu allow an hour).
    static constexpr qint64 maxPreviewAgeSecs = 30 * 60;

    ForwardService(AlertHistory *history, SecretStore *secrets, AnalysisService *analysis, QObject *parent = nullptr);
    ~ForwardService() override;

    void setSettings(const Settings &settings);
    const Settings &settings() const { return m_settings; }
    std::optional<ChatDestination> destination(const QString &id) const;
    std::optional<ChatDestination> defaultDestination() const;

    // Forwards `alert` with `analysis`, or with its latest analysis when none is given.
    // Returns the job's id; 0 when there is no such destination.
    quint64 forward(const Alert &alert, const QString &destinationId,
                    std::optional<AnalysisText> analysis = std::nullopt, bool automatic = false);
    // Forwards an incident as one message: its primary's facts, the others listed. Without
    // `analysis`: the incident's own analysis (incidentAnalysis()). Logged with the primary.
    quint64 forwardIncident(const IncidentSnapshot &incident, const QString &destinationId,
                            std::optional<AnalysisText> analysis = std::nullopt, bool automatic = false);
    // Sends what `preview` showed: the same alert (or incident and its members), analysis
    // and composition time, so the tool receives the previewed body byte for byte. 0 when
    // the destination is gone.
    quint64 forwardAsPreviewed(const Alert &alert, const Preview &preview);
    const Job *job(quint64 id) const;
    // The job's status line, now (counts down while it waits).
    QString statusOf(quint64 id) const;
    // Forwards not yet sent: held by a rate limit or waiting to be retried.
    QList<const Job *> waiting() const;
    // One line for the status bar; empty when nothing waits.
    QString queueSummary() const;

    // The exact message forwarding `alert` to the destination would send now.
    void preview(const Alert &alert, const QString &destinationId, std::optional<AnalysisText> analysis,
                 QObject *context, std::function<void(const Preview &)> done);
    // The same for an incident: one message, its members listed.
    void previewIncident(const IncidentSnapshot &incident, const QString &destinationId,
                         std::optional<AnalysisText> analysis, QObject *context,
                         std::function<void(const Preview &)> done);
    // The alert's newest analysis with text: this session's run, else the stored one.
    void latestAnalysis(const Alert &alert, QObject *context, std::function<void(const AnalysisText &)> done);
    // An incident's: this session's finished analysis of the incident (a member's run whose
    // incidentAnchor is the incident's, the primary's first), else the primary's latest.
    void incidentAnalysis(const IncidentSnapshot &incident, QObject *context,
                          std::function<void(const AnalysisText &)> done);
    // Where rules that target incidents find an alert's incident; none: they act as
    // alert rules.
    void setIncidentLookup(IncidentLookup lookup);

    // New and re-firing alerts, for the forwarding rules.
    void handleAlertChanges(const QList<AlertChange> &changes);

    static QString shownUrl(const QUrl &url);
    // "Now" for composing messages (signatures carry it); tests set a clock that stands still.
    void setWallClock(std::function<QDateTime()> clock) { m_wallClock = std::move(clock); }

signals:
    void jobChanged(quint64 id);
    void jobFinished(quint64 id);
    // The ended forward is in the log (or could not be stored: `error`).
    void forwardStored(const StoredForward &forward, const QString &error);
    void queueChanged();
    // The hourly limit held a rule's forward back.
    void ruleLimited(const Alert &alert, const QString &destinationName);
    // A rule's forward of `alert` (an incident's: its primary) waits for its automatic
    // analysis (at most Settings::analysisWait).
    void ruleWaitingForAnalysis(const Alert &alert, const QString &destinationName);

private:
    friend class IncidentRuleForwards; // shares the rules' hourly limit

    // What a forward is about: one alert, or an incident's primary, anchor and others.
    struct Subject {
        Alert alert;
        std::optional<OccurrenceKey> incidentAnchor{};
        QList<Alert> related{};

        static Subject of(const IncidentSnapshot &incident);
        ForwardMessage message(const AnalysisText &analysis, const ForwardLinkSources &links) const;
    };
    struct Secrets {
        QString target;
        QString signing;
        QString error;
    };
    quint64 startJob(const Subject &subject, const QString &destinationId, std::optional<AnalysisText> analysis,
                     bool automatic, std::optional<QDateTime> composedAt);
    void buildPreview(const Subject &subject, const QString &destinationId, std::optional<AnalysisText> analysis,
                      QObject *context, std::function<void(const Preview &)> done);
    void analysisOf(const Subject &subject, QObject *context, std::function<void(const AnalysisText &)> done);
    void readSecrets(const ChatDestination &destination, QObject *context, std::function<void(const Secrets &)> done);
    void enqueue(Job &job);
    void pump();
    void send(Job &job);
    void finish(Job &job);
    RateLimit rateLimitFor(const ChatDestination &destination) const;
    qint64 nowMs() const { return m_clock.elapsed(); }
    void forgetOldJobs();
    void startRuleForward(const Alert &alert, const ForwardRule &rule, const ChatDestination &destination);
    void forwardAfterAnalysis(const Alert &alert, const ChatDestination &destination);

    QPointer<AlertHistory> m_history;
    SecretStore *m_secrets;
    QPointer<AnalysisService> m_analysis;
    ChatSender *m_sender;
    Settings m_settings;
    QElapsedTimer m_clock;
    std::function<QDateTime()> m_wallClock = [] { return QDateTime::currentDateTimeUtc(); };
    QTimer m_wake;
    quint64 m_nextId = 1;
    std::map<quint64, std::unique_ptr<Job>> m_jobs; // by id, oldest first
    QHash<QString, std::deque<quint64>> m_queues; // per destination, in order
    QHash<QString, std::deque<qint64>> m_sentAt; // per destination: recent sends, for the rate limit
    QSet<std::pair<QString, OccurrenceKey>> m_ruleOccurrences; // (destination id, occurrence) sent by a rule
    HourlyLimit m_ruleStarts;
    IncidentRuleForwards *m_incidentRules; // a child
};
