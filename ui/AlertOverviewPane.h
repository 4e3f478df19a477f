#pragma once

#include "context/InstantValues.h"
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
    // The alert expression's value at the alert's start and end, as Prometheus answered
    // (many senders send no value at recovery). `expression` gives the unit.
    void showValues(const std::optional<InstantResult> &atStart, const std::optional<InstantResult> &atEnd,
                    const QString &expression);

    // Rows for the values at the start and the end, already worded; empty: not shown.
    struct QueriedValues {
        QString atStart;
        QString atEnd;
        bool operator==(const QueriedValues &) const = default;
    };
    static QString valueText(const InstantResult &result, const LabelMap &alertLabels, const QString &expression);
    static QString toHtml(const Alert &alert, const std::optional<AlertDetails> &details = std::nullopt,
                          const AlertMute &mute = {}, const QueriedValues &values = {});
    // The expression is shown up to this many characters (a sender can make it
    // megabytes long); the whole of it is one "copy" link away.
    static constexpr qsizetype shownExpressionLength = 2000;

    // Shows evidence: highlights the row of `field` (EvidenceLocator::field: "name",
    // "state", "severity", "startsAt", "endsAt", "expression", "value",
    // "labels.<name>", "annotations.<name>"; "mute": how it is muted) and scrolls to it.
    // False when the alert shows no such row. Kept across updates of the same alert.
    bool highlightField(const QString &field);
    // The highlighted field and the text of its row ("instance db-1"); empty: none.
    QString highlightedField() const { return m_highlightShown ? m_highlight : QString(); }
    QString highlightedText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void followLink(const QUrl &url);
    // Shows `html` with links in the palette's link colour (kept to show again when the
    // theme changes: the colour is fixed when the HTML is read).
    void renderHtml(const QString &html);
    // Shows the alert with what is known of it (details, mute, queried values).
    void render();
    // The extra selections for m_highlight in what is shown; false: no such row.
    bool applyHighlight();

    std::optional<Alert> m_alert;
    QString m_html;
    AlertMute m_mute;
    std::optional<AlertDetails> m_details;
    QueriedValues m_values;
    QString m_highlight; // a field shown as evidence
    bool m_highlightShown = false;
};
