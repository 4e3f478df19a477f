#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

// A dismissible strip above the alert table for things a person must notice
// (port in use, demo data) without a modal dialog in the way.
class NotificationBanner final : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Info, Warning, Error };

    explicit NotificationBanner(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    // An optional action button; hidden when `text` is empty.
    void setActionText(const QString &text);
    QString text() const;

signals:
    void actionTriggered();
    void dismissed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyStyle();

    Kind m_kind = Kind::Info;
    QLabel *m_label;
    QPushButton *m_actionButton;
};
