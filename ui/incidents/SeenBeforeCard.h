#pragma once

#include "incidents/SeenBefore.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

// "Seen before" for the selected alert or incident: a new / rare / occasional / frequent
// badge, how often and how long it fired in the last 30 days, and the best earlier
// matches with why each matched and what fixed it then. Every text from alerts, notes
// and analyses is shown as plain text; a note's link only when it is a web address.
class SeenBeforeCard final : public QWidget
{
    Q_OBJECT

public:
    explicit SeenBeforeCard(QWidget *parent = nullptr);

    void setReport(const SeenBefore::Report &report);
    // "Fired 7 times in the last 30 days, usually for 12m 0s." / "Not seen in the last 30 days."
    static QString frequencyText(const SeenBefore::Report &report);
    void setLoading();
    // Nothing selected: says what the card will show; the note button is off.
    void clear();
    // No history to look in (demo or replayed alerts): says so; the note button is off.
    void setUnavailable(const QString &why);

    QLabel *badge() const { return m_badge; }
    QLabel *frequency() const { return m_frequency; }
    // The shown matches, one widget each (for tests).
    QList<QWidget *> matchWidgets() const { return m_matchWidgets; }

signals:
    // "Resolution note…" was clicked.
    void noteRequested();

private:
    QWidget *matchWidget(const SeenBefore::Match &match);

    QLabel *m_badge;
    QLabel *m_frequency;
    QLabel *m_recent;
    QVBoxLayout *m_matches;
    QList<QWidget *> m_matchWidgets;
    QPushButton *m_note;
};
