#pragma once

#include <QWidget>

class StoreService;
class QLabel;
class QProgressBar;

// Status-bar progress while the alert store opens and its alerts are loaded into
// the table after start-up, and while the table catches up with senders faster than
// it (StoreService::applyLag()); hidden otherwise.
class StoreLoadIndicator final : public QWidget
{
    Q_OBJECT

public:
    explicit StoreLoadIndicator(StoreService *ingest, QWidget *parent = nullptr);

private:
    void refresh();

    StoreService *m_ingest;
    QLabel *m_label;
    QProgressBar *m_progress;
};
