#pragma once

#include <QLabel>

class AlertTableModel;

// Status-bar summary of firing alerts by severity.
class SeverityCountsIndicator final : public QLabel
{
    Q_OBJECT

public:
    explicit SeverityCountsIndicator(AlertTableModel *model, QWidget *parent = nullptr);

private:
    void refresh();

    AlertTableModel *m_model;
};
