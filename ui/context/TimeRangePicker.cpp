#include "TimeRangePicker.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {
using Kind = TimeRange::Kind;
const QList<Kind> kinds{Kind::AroundAlert, Kind::Last15Minutes, Kind::LastHour,
                        Kind::Last6Hours,  Kind::Last24Hours,   Kind::Custom};
} // namespace

TimeRangePicker::TimeRangePicker(QWidget *parent)
    : QWidget(parent)
    , m_choice(new QComboBox)
    , m_from(new QDateTimeEdit)
    , m_to(new QDateTimeEdit)
    , m_apply(new QToolButton)
{
    setObjectName(u"timeRangePicker"_s);
    m_choice->setObjectName(u"timeRange"_s);
    m_choice->setToolTip(tr("The time range of the Metrics and Logs tabs"));
    m_choice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const Kind kind : kinds) {
        TimeRange range;
        range.kind = kind;
        m_choice->addItem(kind == Kind::Custom ? tr("Custom…") : range.text());
    }
    m_choice->setItemData(0,
                          tr("From before the alert's start to now while it fires, to a while after its end "
                             "once resolved"),
                          Qt::ToolTipRole);
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm"_s);
        edit->setCalendarPopup(true);
    }
    m_from->setObjectName(u"rangeFrom"_s);
    m_to->setObjectName(u"rangeTo"_s);
    m_apply->setObjectName(u"applyRange"_s);
    m_apply->setText(tr("Apply"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_choice);
    layout->addWidget(m_from);
    layout->addWidget(m_to);
    layout->addWidget(m_apply);
    showCustomFields(false);

    connect(m_choice, &QComboBox::activated, this, [this](int index) {
        const Kind kind = kinds.value(index, Kind::AroundAlert);
        if (kind == Kind::Custom) {
            showCustomFields(true);
            return;
        }
        showCustomFields(false);
        m_range = {};
        m_range.kind = kind;
        m_choice->setItemText(int(kinds.indexOf(Kind::Custom)), tr("Custom…"));
        emit rangeChosen(m_range);
    });
    connect(m_apply, &QToolButton::clicked, this,
            [this] { applyCustom(m_from->dateTime().toUTC(), m_to->dateTime().toUTC()); });
}

void TimeRangePicker::showCustomFields(bool shown)
{
    m_from->setVisible(shown);
    m_to->setVisible(shown);
    m_apply->setVisible(shown);
}

void TimeRangePicker::applyCustom(const QDateTime &start, const QDateTime &end)
{
    if (!start.isValid() || !end.isValid() || start == end)
        return;
    setRange(TimeRange::custom(start, end));
    showCustomFields(false);
    emit rangeChosen(m_range);
}

void TimeRangePicker::setRange(const TimeRange &range)
{
    m_range = range;
    const int custom = int(kinds.indexOf(Kind::Custom));
    m_choice->setItemText(custom, range.kind == Kind::Custom ? range.text() : tr("Custom…"));
    m_choice->setCurrentIndex(int(kinds.indexOf(range.kind)));
    if (range.kind == Kind::Custom)
        setShownWindow(range.customStart, range.customEnd);
}

void TimeRangePicker::setShownWindow(const QDateTime &start, const QDateTime &end)
{
    m_from->setDateTime(start.toLocalTime());
    m_to->setDateTime(end.toLocalTime());
}
