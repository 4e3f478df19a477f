#pragma once

#include "model/Alert.h"
#include "model/AlertMute.h"
#include "store/StoredRecords.h"

#include <QTextBrowser>

#include <optional>

// The Overview tab: everything known about the selected alert, links clickable.
class AlertOverviewPane final : public QTextBrowser
{
    Q_OBJECT

public:
    explicit AlertOverviewPane(QWidget *parent = nullptr);

    void showAlert(const Alert &alert);
    // How the next alert shown is muted (silenced, inhibited, acknowledged), if it is.
    void setMute(const AlertMute &mute) { m_mute = mute; }
    // Adds what only the store knows: the raw payload and Alertmanager's truncation.
    void showDetails(const AlertDetails &details);
    void clearAlert();

    static QString toHtml(const Alert &alert, const std::optional<AlertDetails> &details = std::nullopt,
                          const AlertMute &mute = {});
    // The expression is shown up to this many characters (a sender can make it
    // megabytes long); the whole of it is one "copy" link away.
    static constexpr qsizetype shownExpressionLength = 2000;

private:
    void followLink(const QUrl &url);

    std::optional<Alert> m_alert;
    AlertMute m_mute;
};
