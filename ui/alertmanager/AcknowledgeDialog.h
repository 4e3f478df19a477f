#pragma once

#include "alertmanager/Acknowledgements.h"

#include <QDialog>

class QPushButton;

// Shown when Acknowledge made no silence: the matchers would silence other alerts too
// (how many, and some of them), the alert is not in Alertmanager, or Alertmanager could
// not be asked. Cancel (Close) is the default; "Silence all N" goes ahead with the
// checked matchers; "Silence…" opens the full dialog to narrow them. Labels are shown
// as plain text: they are anyone's words.
class AcknowledgeDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AcknowledgeDialog(const AcknowledgeCheck &check, QWidget *parent = nullptr);

    const AcknowledgeCheck &check() const { return m_check; }
    // One line for an alert: its name and up to three telling labels, bounded in length.
    static QString describeAlert(const Alert &alert);

signals:
    // "Silence all N": acknowledge with the checked matchers after all.
    void silenceAllChosen();
    // "Silence…": the full dialog, to narrow the matchers.
    void narrowChosen();

private:
    QString headline() const;
    QString explanation() const;

    AcknowledgeCheck m_check;
};
