#pragma once

#include "forward/ForwardService.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

// The exact message a forward sends, per destination, before it goes: where (the
// URL's host only: the rest may be the secret), how large against the tool's limit,
// whether the analysis was cut, and the JSON body. Send forwards it as shown.
class ForwardPreviewDialog final : public QDialog
{
    Q_OBJECT

public:
    ForwardPreviewDialog(ForwardService *service, const Alert &alert, const QString &destinationId,
                         QWidget *parent = nullptr);

    QString destinationId() const;
    QString bodyText() const;
    QString readableText() const;
    // The string fields of a JSON body worth reading ("text", "attachments[0].text"…),
    // each under its path, with line breaks as line breaks.
    static QString readableFields(const QByteArray &json);

signals:
    // Send was chosen: forward the alert to this destination.
    void sendRequested(const QString &destinationId);

private:
    void load();
    void showPreview(const ForwardService::Preview &preview);

    ForwardService *m_service;
    Alert m_alert;
    QComboBox *m_destination;
    QLabel *m_summary;
    QPlainTextEdit *m_readable; // the message's text fields, as people read them
    QPlainTextEdit *m_body; // the exact JSON
    QPushButton *m_send;
    QPushButton *m_copy;
    int m_loading = 0; // answers for earlier choices are dropped
};
