#pragma once

#include "ingest/PayloadParser.h"
#include "model/Alert.h"
#include "store/AlertMerge.h"

#include <QHash>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

// One accepted webhook delivery, as it is written to disk.
struct IncomingPayload {
    QDateTime receivedAt;
    QString path; // e.g. "/webhook/alertmanager"
    PayloadFormat format = PayloadFormat::Auto;
    QByteArray headers; // JSON object of request headers, secrets already removed
    QByteArray body; // exactly as received
    int truncatedAlerts = 0;
    QList<Alert> alerts; // parsed from body
};

struct StoredOccurrence {
    QDateTime startsAt;
    QDateTime endsAt;
    AlertState state = AlertState::Firing;
};

// One AI analysis of an alert, as it ended (finished, cut off, failed or stopped).
struct StoredAnalysis {
    qint64 id = 0; // set when stored
    QString source{};
    QString fingerprint{};
    QDateTime occurrenceStartsAt{}; // which firing it was about
    QDateTime createdAt{};
    qint64 durationMs = 0;
    QString model{};
    QString promptHash{};
    QString outcome{}; // "finished", "cut-off", "failed", "stopped"
    QString error{};
    QString content{};
    QString reasoning{};
    int promptTokens = -1; // -1: not reported
    int completionTokens = -1;
    bool automatic = false; // started by an auto-analysis rule
};

Q_DECLARE_METATYPE(StoredAnalysis)

// One forward of an alert to a chat destination, as it ended. The message is the
// tool's answer, already free of URLs and tokens.
struct StoredForward {
    qint64 id = 0; // set when stored
    QString source{};
    QString fingerprint{};
    QDateTime occurrenceStartsAt{}; // which firing it was about
    QDateTime sentAt{};
    QString destinationId{};
    QString destinationName{};
    QString tool{}; // "Slack", "DingTalk"…
    bool ok = false;
    QString message{};
    bool automatic = false; // sent by a forwarding rule
    bool withAnalysis = false;
};

Q_DECLARE_METATYPE(StoredForward)

// What the detail view shows for one alert, besides the alert itself.
struct AlertDetails {
    QList<StoredOccurrence> occurrences; // oldest first
    QList<StoredAnalysis> analyses; // newest first
    QList<StoredForward> forwards; // newest first
    QByteArray lastPayloadBody; // the delivery that last changed the alert
    QString lastPayloadPath;
    int truncatedAlerts = 0; // of that delivery: alerts Alertmanager left out
    int payloadAlertCount = 0; // alerts that delivery did carry
};

// Names one alert in the store.
struct AlertKey {
    QString source;
    QString fingerprint;
    friend bool operator==(const AlertKey &, const AlertKey &) = default;
};

// What one retention step removed. `finished`: nothing older than the cutoff is left.
struct PruneStep {
    QList<AlertKey> removedAlerts;
    qint64 removedOccurrences = 0;
    qint64 removedPayloads = 0;
    bool finished = false;
};

// What writing one alert did, for the live table.
struct AlertChange {
    Alert alert; // as it is now
    AlertMerge::Outcome outcome;

    // A new alert, a new occurrence or a reopened one that is firing: what automatic
    // analysis, forwarding rules and prefetching react to.
    bool startedFiring() const
    {
        const bool started = outcome == AlertMerge::Outcome::NewAlert || outcome == AlertMerge::Outcome::NewOccurrence
            || outcome == AlertMerge::Outcome::Reopened;
        return started && alert.state == AlertState::Firing;
    }
};

// The durable store: raw payloads, normalised alerts and their occurrences in one
// SQLite file (WAL, synchronous=FULL: a committed write survives a crash or power
// loss). Not thread-safe: create and use it on one thread (the store thread).
class AlertStore final
{
public:
    static constexpr int schemaVersion = 3; // 2: analyses, 3: forwards
    static constexpr quint32 applicationId = 0x41444B31; // "ADK1"
    // How long a write waits for a lock held elsewhere before it fails (and the
    // sender gets a 503 and retries).
    static constexpr int busyTimeoutMs = 2000;

    AlertStore();
    ~AlertStore();
    AlertStore(const AlertStore &) = delete;
    AlertStore &operator=(const AlertStore &) = delete;

    // Opens or creates the store. A file that is not an AlertDeck store (another
    // program's database, a corrupt file) is refused and never modified.
    std::optional<QString> open(const QString &filePath);
    bool isOpen() const;

    // Writes all payloads in one transaction: everything or nothing. On success the
    // changes to the live alerts are appended to `changes`.
    std::optional<QString> write(const QList<IncomingPayload> &batch, QList<AlertChange> &changes);

    // The current state of every alert, as restored after a restart.
    QList<Alert> alerts() const;
    QList<StoredOccurrence> occurrences(const QString &source, const QString &fingerprint) const;
    AlertDetails details(const QString &source, const QString &fingerprint) const;
    qint64 payloadCount() const;

    // Analyses are kept with their alert and removed with it by retention.
    std::optional<QString> addAnalysis(StoredAnalysis &analysis);
    QList<StoredAnalysis> analyses(const QString &source, const QString &fingerprint) const;
    std::optional<QString> addForward(StoredForward &forward);
    QList<StoredForward> forwards(const QString &source, const QString &fingerprint) const;

    // Retention, in short transactions so that webhook writes queued meanwhile wait
    // for one step at most. Removes what is older than `cutoff`: resolved alerts last
    // updated before it (with their history and analyses), resolved occurrences that ended before
    // it, and payloads received before it that no kept alert still points to. Firing
    // alerts stay whatever their age. `limit`: rows per table in this step.
    std::optional<QString> pruneStep(const QDateTime &cutoff, int limit, PruneStep &step);
    // Gives up to `pages` free pages back to the file system; returns the free pages
    // left (0 when done or when the store was created without incremental vacuum).
    qint64 reclaimFreePages(int pages);

private:
    std::optional<QString> checkOwnership();
    std::optional<QString> createSchema();
    std::optional<QString> loadCurrentAlerts();
    std::optional<QString> writePayload(const IncomingPayload &payload, QHash<QString, Alert> &pending,
                                        QList<AlertChange> &changes);

    struct Statements;

    QString m_connectionName;
    QSqlDatabase m_db;
    std::unique_ptr<Statements> m_statements; // prepared once per open store
    QHash<QString, Alert> m_current; // "source\nfingerprint" → alert, mirrors the alerts table
};
