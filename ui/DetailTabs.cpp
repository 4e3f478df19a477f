#include "DetailTabs.h"

#include "AlertOverviewPane.h"
#include "model/AlertTableModel.h"

#include <QLabel>
#include <QStackedWidget>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

namespace {

QWidget *placeholderPage(const QString &objectName, const QString &text)
{
    auto *label = new QLabel(text);
    label->setObjectName(objectName);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setStyleSheet(u"color: palette(mid); padding: 24px;"_s);
    return label;
}

} // namespace

DetailTabs::DetailTabs(QWidget *parent)
    : QTabWidget(parent)
    , m_overview(new AlertOverviewPane)
    , m_history(new QStackedWidget)
    , m_occurrences(new QTreeWidget)
{
    m_occurrences->setObjectName(u"occurrenceList"_s);
    m_occurrences->setRootIsDecorated(false);
    m_occurrences->setHeaderLabels({tr("Started"), tr("Ended"), tr("Duration"), tr("State")});
    m_occurrences->setColumnWidth(0, 180);
    m_occurrences->setColumnWidth(1, 180);
    m_history->addWidget(
        placeholderPage(u"historyPage"_s, tr("Earlier occurrences of the selected alert are listed here.")));
    m_history->addWidget(m_occurrences);
    setObjectName(u"detailTabs"_s);
    setDocumentMode(true);
    addTab(m_overview, tr("&Overview"));
    addTab(placeholderPage(u"metricsPage"_s, tr("Metric windows around the selected alert's start are shown here.")),
           tr("&Metrics"));
    addTab(placeholderPage(u"logsPage"_s, tr("Log lines from around the selected alert's start are shown here.")),
           tr("&Logs"));
    addTab(m_history, tr("Hi&story"));
}

void DetailTabs::showAlert(const Alert &alert)
{
    m_overview->showAlert(alert);
}

void DetailTabs::showDetails(const AlertDetails &details)
{
    m_overview->showDetails(details);
    m_occurrences->clear();
    auto timeText = [](const QDateTime &time) {
        return time.isValid() ? time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s) : QString();
    };
    // Newest first: the latest episode is what the on-call engineer looks at.
    for (auto it = details.occurrences.crbegin(); it != details.occurrences.crend(); ++it) {
        const bool resolved = it->state == AlertState::Resolved;
        const qint64 seconds
            = it->startsAt.secsTo(resolved && it->endsAt.isValid() ? it->endsAt : QDateTime::currentDateTimeUtc());
        m_occurrences->addTopLevelItem(
            new QTreeWidgetItem({timeText(it->startsAt), timeText(it->endsAt),
                                 AlertTableModel::formatDuration(std::max<qint64>(0, seconds)), stateName(it->state)}));
    }
    m_history->setCurrentWidget(m_occurrences);
}

void DetailTabs::clearAlert()
{
    m_overview->clearAlert();
    m_occurrences->clear();
    m_history->setCurrentIndex(0);
}
