#include "DetailTabs.h"

#include "AlertOverviewPane.h"

#include <QLabel>

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
{
    setObjectName(u"detailTabs"_s);
    setDocumentMode(true);
    addTab(m_overview, tr("&Overview"));
    addTab(placeholderPage(u"metricsPage"_s, tr("Metric windows around the selected alert's start are shown here.")),
           tr("&Metrics"));
    addTab(placeholderPage(u"logsPage"_s, tr("Log lines from around the selected alert's start are shown here.")),
           tr("&Logs"));
    addTab(placeholderPage(u"historyPage"_s, tr("Earlier occurrences of the selected alert are listed here.")),
           tr("Hi&story"));
}

void DetailTabs::showAlert(const Alert &alert)
{
    m_overview->showAlert(alert);
}

void DetailTabs::clearAlert()
{
    m_overview->clearAlert();
}
