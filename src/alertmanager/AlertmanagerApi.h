#pragma once

#include "model/Alert.h"
#include "net/ConnectionCheck.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QNetworkAccessManager;

// An alert as Alertmanager's API v2 reports it: the alert, and whether it is
// silenced or inhibited ("suppressed") and by what.
struct AlertmanagerAlert {
    Alert alert;
    QString state; // "active", "suppressed", "unprocessed"
    QStringList silencedBy;
    QStringList inhibitedBy;
};

// A silence matcher (name, value, regex, equal) as the API takes it.
struct SilenceMatcher {
    QString name;
    QString value;
    bool isRegex = false;
    bool isEqual = true;

    friend bool operator==(const SilenceMatcher &, const SilenceMatcher &) = default;
};

struct Silence {
    QString id{}; // empty: a new one
    QList<SilenceMatcher> matchers;
    QDateTime startsAt;
    QDateTime endsAt;
    QString createdBy;
    QString comment;
    QString state{}; // "active", "pending", "expired" (as reported)
};

// Alertmanager's HTTP API v2 (see PROTOCOLS.md): parsing is pure; the client does I/O.
namespace AlertmanagerApi {

struct AlertsResult {
    QList<AlertmanagerAlert> alerts;
    QString error; // empty: fine
};
AlertsResult parseAlerts(const QByteArray &body);
struct SilencesResult {
    QList<Silence> silences;
    QString error;
};
SilencesResult parseSilences(const QByteArray &body);
QByteArray silenceBody(const Silence &silence);
// The matchers that select exactly this alert: one equality matcher per label.
QList<SilenceMatcher> matchersFor(const Alert &alert);
// Whether labels satisfy all matchers, as Alertmanager decides (regexes anchored).
bool matches(const QList<SilenceMatcher> &matchers, const LabelMap &labels);
// PromQL-like text: alertname="DiskFull", instance=~"db-.*"
QString describe(const QList<SilenceMatcher> &matchers);
// One matcher as a `filter` item of GET /api/v2/alerts takes it. Names and values are
// anyone's text: the value is always double-quoted with \\, \" and \n escaped (what both
// Alertmanager's classic and UTF-8 matcher parsers read back verbatim), and a name that
// is not a plain label name is quoted the same way (only UTF-8 Alertmanagers accept it;
// others answer 400), so no label can add, drop or widen a matcher.
QString filterMatcher(const SilenceMatcher &matcher);
// The query of GET /api/v2/alerts for every alert, active, silenced, inhibited or not
// yet processed, that all `matchers` select; each filter item percent-encoded whole.
QByteArray alertsQuery(const QList<SilenceMatcher> &matchers);

} // namespace AlertmanagerApi

// Talks to one Alertmanager: lists alerts and silences, creates and expires silences.
// Each answer arrives through its callback on the caller's thread, unless `context` is
// gone; errors are plain sentences (Alertmanager's own 400 message verbatim).
class AlertmanagerClient final : public QObject
{
    Q_OBJECT

public:
    explicit AlertmanagerClient(QObject *parent = nullptr);

    void fetchAlerts(const ConnectionCheckRequest &endpoint, QObject *context,
                     std::function<void(const AlertmanagerApi::AlertsResult &)> done);
    // The alerts Alertmanager itself selects with `matchers` (its `filter` parameter).
    void fetchAlertsMatching(const ConnectionCheckRequest &endpoint, const QList<SilenceMatcher> &matchers,
                             QObject *context, std::function<void(const AlertmanagerApi::AlertsResult &)> done);
    void fetchSilences(const ConnectionCheckRequest &endpoint, QObject *context,
                       std::function<void(const AlertmanagerApi::SilencesResult &)> done);
    // Creates the silence (or replaces the one with silence.id): `done` gets its id, or an error.
    void saveSilence(const ConnectionCheckRequest &endpoint, const Silence &silence, QObject *context,
                     std::function<void(const QString &id, const QString &error)> done);
    void expireSilence(const ConnectionCheckRequest &endpoint, const QString &id, QObject *context,
                       std::function<void(const QString &error)> done);

private:
    void send(const ConnectionCheckRequest &endpoint, const QByteArray &verb, const QString &path,
              const QByteArray &body, QObject *context,
              std::function<void(int status, const QByteArray &body, const QString &transportError)> done);

    QNetworkAccessManager *m_network;
};
