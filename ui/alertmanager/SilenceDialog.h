#pragma once

#include "alertmanager/AlertmanagerApi.h"

#include <QDialog>

#include <chrono>

class AlertmanagerClient;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

// A silence, new for one alert or edited: matchers (each editable or removable, regex
// or negated allowed, more can be added), a duration or a chosen end (date and time,
// in the future), a comment and the author; a
// preview of which alerts shown now the silence would match; then POST
// /api/v2/silences (with the id when editing). Alertmanager's refusal is shown as it
// said it.
class SilenceDialog final : public QDialog
{
    Q_OBJECT

public:
    // A new silence for `alert`, prefilled with its labels; "until resolved" is offered.
    SilenceDialog(const Alert &alert, const QList<Alert> &shown, const ConnectionCheckRequest &alertmanager,
                  const QString &author, QWidget *parent = nullptr);
    // Edits an existing silence (re-POSTed with its id).
    SilenceDialog(const Silence &silence, const QList<Alert> &shown, const ConnectionCheckRequest &alertmanager,
                  QWidget *parent = nullptr);

    QList<SilenceMatcher> matchers() const;
    // The alerts shown now that the matchers select.
    QList<Alert> matching() const;
    // "Until resolved" was chosen: the caller keeps the silence alive while the alert fires.
    bool untilResolved() const;
    QString alertFingerprint() const { return m_fingerprint; }
    void create();

    // How long an "until resolved" silence lasts before it is extended.
    static constexpr std::chrono::minutes untilResolvedWindow{60};

signals:
    // With the id Alertmanager gave (a new one when an active silence's matchers change).
    void silenceSaved(const Silence &silence);

private:
    SilenceDialog(const Silence &draft, const QList<Alert> &shown, const ConnectionCheckRequest &alertmanager,
                  const QString &fingerprint, QWidget *parent);
    void addMatcherRow(const SilenceMatcher &matcher);
    void updatePreview();
    void updateCustomEnd();
    QDateTime chosenEnd(const QDateTime &start) const;

    Silence m_draft;
    QString m_fingerprint; // the alert it was made for; empty when editing
    QList<Alert> m_shown;
    ConnectionCheckRequest m_alertmanager;
    AlertmanagerClient *m_client;
    QTableWidget *m_matchers;
    QComboBox *m_duration;
    QDateTimeEdit *m_customEnd; // shown for "Custom end…"
    QLabel *m_customEndHint; // "in 2 h 30 min"
    QLineEdit *m_comment;
    QLineEdit *m_author;
    QLabel *m_preview;
    QLabel *m_result;
    QPushButton *m_create = nullptr;
};
