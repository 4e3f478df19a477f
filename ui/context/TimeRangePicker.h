#pragma once

#include "context/TimeRange.h"

#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QToolButton;

// The time range of the Metrics and Logs tabs together: around the alert, the last
// 15 minutes … 24 hours, or custom (two times and Apply, shown when picked).
class TimeRangePicker final : public QWidget
{
    Q_OBJECT

public:
    explicit TimeRangePicker(QWidget *parent = nullptr);

    // Shows `range` (chosen elsewhere: a drag across a chart); no rangeChosen.
    void setRange(const TimeRange &range);
    const TimeRange &range() const { return m_range; }
    // What the custom fields start from: the window shown now.
    void setShownWindow(const QDateTime &start, const QDateTime &end);
    QComboBox *choice() const { return m_choice; }
    // Picks a custom range as the fields and Apply would (tests).
    void applyCustom(const QDateTime &start, const QDateTime &end);

signals:
    void rangeChosen(const TimeRange &range);

private:
    void showCustomFields(bool shown);

    TimeRange m_range;
    QComboBox *m_choice;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QToolButton *m_apply;
};
