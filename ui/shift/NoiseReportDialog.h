#pragma once

#include "alertmanager/AlertmanagerApi.h"
#include "core/Result.h"
#include "shift/NoiseReportBuilder.h"

#include <QDialog>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

class NoiseRuleTableModel;
class QComboBox;
class QDateTimeEdit;
class QGroupBox;
class QLabel;
class ProgressRun;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;

// The noise report in a window: a period, the rules ranked noisiest first (built off the
// UI thread, with progress and Cancel) with a trend per rule, and for the selected rule
// the what-if of a longer `for:` and its Prometheus rule snippet to copy. Everything from
// the store is shown as plain text.
class NoiseReportDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Services {
        QString dataDir; // holds alerts.sqlite
    };

    explicit NoiseReportDialog(const Services &services, QWidget *parent = nullptr);
    ~NoiseReportDialog() override;

    // Alertmanager's silences (expired ones included), for "never acknowledged"; until
    // given, that column says unknown (and why, when `setSilencesUnavailable` said).
    void setSilences(const QList<Silence> &silences);
    void setSilencesUnavailable(const QString &why);

    // Builds the report for the chosen period (the last build is cancelled first).
    void build();
    void cancel();
    bool isBuilding() const;
    const std::optional<NoiseReportBuilder::Report> &report() const { return m_report; }
    // The selected rule (in the report's order), or none.
    std::optional<NoiseReport::RuleStats> selectedRule() const;
    // The `for:` the what-if and the snippet use, and the rule's present one.
    void setFor(std::chrono::seconds newFor, std::chrono::seconds presentFor = {});
    QString whatIfText() const;
    QString statusText() const;
    // The selected rule with the chosen `for:` as a Prometheus alerting rule; also on the clipboard.
    QString copyRuleSnippet();

signals:
    void reportReady();
    void whatIfReady();
    void buildFailed(const QString &error);

private:
    enum class Span { Hours24, Days7, Days30, Custom };
    void chooseSpan();
    void showReport(const Result<NoiseReportBuilder::Report> &report);
    void showStatus(const QString &text, bool error);
    void updateButtons();
    void computeWhatIf();
    void showWhatIf(const Result<NoiseReportBuilder::WhatIfResult> &result, const QString &rule);
    std::chrono::seconds newFor() const;
    std::chrono::seconds presentFor() const;

    Services m_services;
    std::optional<QList<Silence>> m_silences;
    QString m_silencesUnknownReason;
    std::optional<NoiseReportBuilder::Report> m_report;
    std::shared_ptr<std::atomic<bool>> m_whatIfCancel;

    QComboBox *m_span;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QPushButton *m_build;
    QProgressBar *m_progressBar;
    ProgressRun *m_run; // after the bar it shows progress on
    QPushButton *m_cancelButton;
    NoiseRuleTableModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QTableView *m_table;
    QLabel *m_summary;
    QGroupBox *m_whatIfBox;
    QSpinBox *m_newFor;
    QSpinBox *m_presentFor;
    QLabel *m_whatIf;
    QPushButton *m_copy;
    QLabel *m_status;
};
