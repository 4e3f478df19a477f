#pragma once

#include "context/ContextService.h"

#include <QWidget>

class MetricChart;
class QLabel;
class QVBoxLayout;

// The Metrics tab: one MetricChart per planned query of the selected alert, or why
// there is nothing to plot.
class MetricsPane final : public QWidget
{
    Q_OBJECT

public:
    explicit MetricsPane(QWidget *parent = nullptr);

    void showContext(const ContextService::Context &context, const Alert &alert, const QUrl &prometheusUrl,
                     bool prometheusConfigured);
    void clear();
    QList<MetricChart *> charts() const { return m_charts; }
    QString status() const;

signals:
    void rerunRequested(int index, const QString &expression);

private:
    QString m_key;
    QLabel *m_status;
    QVBoxLayout *m_chartLayout;
    QList<MetricChart *> m_charts;
};
