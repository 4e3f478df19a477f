#pragma once

#include "model/Alert.h"

#include <QDateTime>
#include <QList>
#include <QWidget>

// An incident's members over time: one lane per alert, a bar from its start to its end
// (or to now while it fires, open at the right), coloured by severity, on a time axis
// of whole local minutes or hours. Hovering a lane names the alert and its times.
class IncidentTimeline final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int maxLanes = 40; // then "and N more"

    explicit IncidentTimeline(QWidget *parent = nullptr);

    // One lane each, in the order given.
    void setMembers(const QList<Alert> &members, const QDateTime &now);
    int laneCount() const { return int(std::min<qsizetype>(m_members.size(), maxLanes)); }
    // The lane under a point, or -1.
    int laneAt(const QPoint &point) const;
    // A lane's bar, for tests and tooltips.
    QRect barRect(int lane) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    // A lane was clicked: the alert it shows.
    void alertActivated(const Alert &alert);

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    int laneHeight() const;
    int labelWidth() const;
    QRect plotRect() const;
    int xOf(qint64 ms) const;
    qint64 endOf(const Alert &alert) const;

    QList<Alert> m_members;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    qint64 m_nowMs = 0;
};
