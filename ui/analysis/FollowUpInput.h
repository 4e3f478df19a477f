#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

// Under the answer: "Ask a follow-up…" (Enter sends, Shift+Enter starts a new line),
// "with fresh data" (the evidence is gathered again for the question), Ask, and the
// reason when a question could not be asked.
class FollowUpInput final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int maxQuestionCharacters = 16000; // the service says when it is too long

    explicit FollowUpInput(QWidget *parent = nullptr);

    QString question() const;
    void clearQuestion();
    // Whether a question can be sent now (a finished analysis is shown, nothing runs).
    void setAskable(bool askable);
    // "with fresh data" is offered (a run of this session; not for a stored analysis).
    void setFreshDataOffered(bool offered);
    // Shown under the input until the next question; empty: hidden.
    void setError(const QString &error);
    QString error() const;

signals:
    void asked(const QString &question, bool refreshEvidence);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void send();

    QPlainTextEdit *m_input;
    QCheckBox *m_fresh;
    QPushButton *m_ask;
    QLabel *m_error;
};
