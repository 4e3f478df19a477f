#pragma once

#include "AnalysisPage.h"

#include <QDialog>

class QPlainTextEdit;

// The exact request an analysis of the selected alert would send: endpoint,
// headers (the key never shown), the JSON body, what the budget trimmed; copied
// as JSON or as a curl command that reads the key from the environment.
class RequestPreviewDialog final : public QDialog
{
    Q_OBJECT

public:
    RequestPreviewDialog(const RequestPreview &preview, bool hasKey, QWidget *parent = nullptr);

    QString requestText() const;
    QString curlCommand() const;

private:
    CompletionRequest m_request;
    QPlainTextEdit *m_text;
};
