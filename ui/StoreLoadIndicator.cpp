#include "StoreLoadIndicator.h"

#include "store/StoreService.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>

#include <climits>

using namespace Qt::StringLiterals;

StoreLoadIndicator::StoreLoadIndicator(StoreService *ingest, QWidget *parent)
    : QWidget(parent)
    , m_ingest(ingest)
    , m_label(new QLabel)
    , m_progress(new QProgressBar)
{
    setObjectName(u"storeLoadIndicator"_s);
    m_label->setObjectName(u"storeLoadText"_s);
    m_progress->setObjectName(u"storeLoadProgress"_s);
    m_progress->setMaximumWidth(160);
    m_progress->setMaximumHeight(m_label->sizeHint().height());
    m_progress->setTextVisible(false);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_progress);
    connect(ingest, &StoreService::storeStateChanged, this, &StoreLoadIndicator::refresh);
    connect(ingest, &StoreService::alertsRestored, this, &StoreLoadIndicator::refresh);
    connect(ingest, &StoreService::applyLagChanged, this, &StoreLoadIndicator::refresh);
    refresh();
}

void StoreLoadIndicator::refresh()
{
    const QLocale locale;
    switch (m_ingest->storeState()) {
    case StoreService::StoreState::Opening:
        m_label->setText(tr("Opening the alert store…"));
        m_progress->setRange(0, 0); // busy
        setVisible(true);
        return;
    case StoreService::StoreState::Restoring:
        m_label->setText(
            tr("Loading stored alerts: %1 of %2")
                .arg(locale.toString(m_ingest->restoredAlerts()), locale.toString(m_ingest->storedAlertsAtOpen())));
        m_progress->setRange(0, std::max(1, m_ingest->storedAlertsAtOpen()));
        m_progress->setValue(m_ingest->restoredAlerts());
        setVisible(true);
        return;
    case StoreService::StoreState::Open:
        if (m_ingest->unappliedPayloads() > 0) {
            m_label->setText(tr("Table catching up: %Ln payload(s) waiting (%1 s behind)", nullptr,
                                int(std::min<qint64>(m_ingest->unappliedPayloads(), INT_MAX)))
                                 .arg(locale.toString(qint64(m_ingest->applyLag().count() / 1000))));
            m_progress->setRange(0, 0); // busy
            setToolTip(tr("Alerts arrive faster than the table takes them, so senders are answered first. "
                          "Every received payload is already safe on disk; the table catches up as soon "
                          "as the machine has room."));
            setVisible(true);
            return;
        }
        break;
    case StoreService::StoreState::Closed:
    case StoreService::StoreState::Failed: break;
    }
    setToolTip({});
    setVisible(false);
}
