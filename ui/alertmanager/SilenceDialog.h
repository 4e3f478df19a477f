#pragma once

#include "alertmanager/AlertmanagerApi.h"

#include <QDialog>

class AlertmanagerClient;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

// Silence… for one alert: matchers from its labels (each editable or removable, regex
// allowed), a duration, a comment and the author; a preview of which alerts shown now
// the silence would match; then POST /api/v2/silences. Alertmanager's refusal is shown
// as it said it.
class SilenceDialog final : public QDialog
{
    Q_OBJECT

public:
    SilenceDialog(const Alert &alert, const QList<Alert> &shown, const ConnectionCheckRequest &alertmanager,
                  const QString &author, QWidget *parent = nullptr);

    QList<SilenceMatcher> matchers() const;
    // The alerts shown now that the matchers select.
    QList<Alert> matching() const;
    void create();

signals:
    void silenceCreated(const QString &id);

private:
    void updatePreview();

    QList<Alert> m_shown;
    ConnectionCheckRequest m_alertmanager;
    AlertmanagerClient *m_client;
    QTableWidget *m_matchers;
    QComboBox *m_duration;
    QLineEdit *m_comment;
    QLineEdit *m_author;
    QLabel *m_preview;
    QLabel *m_result;
    QPushButton *m_create;
};
