#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

// Why a firing alert is muted, as the table, the status bar and the overview say it:
// silenced or inhibited in Alertmanager, or acknowledged here (a silence AlertDeck
// renews while the alert fires). Muted alerts stay in the table, dimmed, and are
// counted apart from the firing ones.
struct AlertMute {
    Q_DECLARE_TR_FUNCTIONS(AlertMute)

public:
    enum class Kind { None, Silenced, Inhibited, Acknowledged };
    Kind kind = Kind::None;
    QString by{}; // who silenced or acknowledged; empty when Alertmanager did not say
    QDateTime until{}; // when the silence ends; invalid when unknown
    bool untilResolved = false; // renewed while the alert fires
    QString comment{};
    // When the silence began to mute: its startsAt in Alertmanager (made now, or the start it
    // was scheduled for). Not its updatedAt: AlertDeck renews acknowledgements and "until
    // resolved" silences in place, which moves updatedAt every few minutes. Invalid when
    // unknown (inhibited, or Alertmanager did not list the silence).
    QDateTime since{};

    bool isMuted() const { return kind != Kind::None; }
    // For the State column: "acknowledged by alice", "silenced by bob until 15:30".
    QString shortText(const QDateTime &now) const;
    // For tooltips and the overview: every detail, with full dates.
    QString fullText() const;

    friend bool operator==(const AlertMute &, const AlertMute &) = default;
};
