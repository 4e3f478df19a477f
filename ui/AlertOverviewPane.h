#pragma once

#include <QTextBrowser>

struct Alert;

// The Overview tab: everything known about the selected alert, links clickable.
class AlertOverviewPane final : public QTextBrowser
{
    Q_OBJECT

public:
    explicit AlertOverviewPane(QWidget *parent = nullptr);

    void showAlert(const Alert &alert);
    void clearAlert();

    static QString toHtml(const Alert &alert);
};
