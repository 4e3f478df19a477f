#pragma once

#include "core/Result.h"
#include "forward/ChatTool.h"
#include "shift/HandoverReport.h"

#include <QDialog>

#include <memory>
#include <optional>

class HandoverForwarder;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class ProgressRun;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class SecretStore;

// The handover report in a window: the window of time to cover, the report (built off
// the UI thread, with progress and Cancel), Export Markdown…, Export PDF… and Send to a
// chat destination. Everything shown comes from the store and Alertmanager and is
// escaped (the report's Markdown), never read as markup.
class HandoverReportDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Services {
        QString dataDir; // holds alerts.sqlite and the last report's time
        SecretStore *secrets = nullptr; // destinations' URLs and tokens
        QList<ChatDestination> destinations{};
        QString telegramApi = QStringLiteral("https://api.telegram.org");
        IncidentRules incidentRules{}; // the scopes an open incident's shared scope is read with
    };

    explicit HandoverReportDialog(const Services &services, QWidget *parent = nullptr);
    ~HandoverReportDialog() override;

    // Alertmanager's silences (expired ones included), for acknowledgements and silences;
    // until given, the report says Alertmanager was not asked (or `why` it could not be).
    void setSilences(const QList<Silence> &silences);
    void setSilencesUnavailable(const QString &why);

    // Builds the report for the chosen window (the last one is cancelled first).
    void build();
    void cancel();
    bool isBuilding() const;
    const std::optional<HandoverReport> &report() const { return m_report; }
    QString markdown() const;

    // What the buttons do once a file is chosen.
    Result<> exportMarkdownTo(const QString &path);
    Result<> exportPdfTo(const QString &path);
    void forwardTo(const QString &destinationId);
    QString statusText() const;

signals:
    void reportReady();
    void buildFailed(const QString &error);
    void forwardFinished(const ChatResult &result);

private:
    enum class Span { SinceLastReport, Hours12, Hours24, Days7, Custom };
    void chooseSpan();
    void showReport(const Result<HandoverReport> &report);
    void showStatus(const QString &text, bool error);
    void updateButtons();
    void chooseMarkdownFile();
    void choosePdfFile();

    Services m_services;
    std::optional<QList<Silence>> m_silences;
    QString m_silencesUnknownReason;
    std::optional<HandoverReport> m_report;

    QComboBox *m_span;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QPushButton *m_build;
    QProgressBar *m_progressBar;
    ProgressRun *m_run; // after the bar it shows progress on
    QPushButton *m_cancelButton;
    QTextBrowser *m_view;
    QLabel *m_status;
    QPushButton *m_exportMarkdown;
    QPushButton *m_exportPdf;
    QComboBox *m_destination;
    QPushButton *m_send;
    HandoverForwarder *m_forwarder;
};
