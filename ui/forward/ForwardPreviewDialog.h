#pragma once

#include "forward/ForwardService.h"

#include <QDialog>

#include <optional>

class MarkdownStreamView;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

// The exact message a forward sends, per destination, before it goes: where (the
// URL's host only: the rest may be the secret), how large against the tool's limit,
// whether the analysis was cut, the message as the tool will show it (read back from
// the body, best effort per tool) and the body itself, byte for byte. Send forwards
// exactly that body.
class ForwardPreviewDialog final : public QDialog
{
    Q_OBJECT

public:
    // `analysis`: the answer to send (picked in the analysis panel); none: the newest one.
    ForwardPreviewDialog(ForwardService *service, const Alert &alert, const QString &destinationId,
                         std::optional<ForwardService::AnalysisText> analysis, QWidget *parent = nullptr);
    // An incident's one message: its primary's facts and its other members listed.
    ForwardPreviewDialog(ForwardService *service, const IncidentSnapshot &incident, const QString &destinationId,
                         std::optional<ForwardService::AnalysisText> analysis, QWidget *parent = nullptr);

    QString destinationId() const;
    // The body as shown: the bytes that are sent, as UTF-8.
    QString bodyText() const;
    // The message as the tool will show it, as rendered text.
    QString messageText() const;

signals:
    // Send was chosen: forward exactly what `preview` shows.
    void sendRequested(const ForwardService::Preview &preview);

private:
    void setUp(const QString &destinationId);
    void load();
    void showPreview(const ForwardService::Preview &preview);

    ForwardService *m_service;
    Alert m_alert;
    std::optional<IncidentSnapshot> m_incident;
    std::optional<ForwardService::AnalysisText> m_analysis;
    QComboBox *m_destination;
    QLabel *m_summary;
    MarkdownStreamView *m_message; // as the tool shows it
    QPlainTextEdit *m_body; // the exact JSON
    std::optional<ForwardService::Preview> m_preview; // what Send sends
    QPushButton *m_send;
    QPushButton *m_copy;
    int m_loading = 0; // answers for earlier choices are dropped
};
