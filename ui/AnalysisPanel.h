#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTextBrowser;
struct Alert;

// The right-hand panel where the LLM analysis of the selected alert streams in.
class AnalysisPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit AnalysisPanel(QWidget *parent = nullptr);

    void showAlert(const Alert &alert);
    void clearAlert();

signals:
    void analyzeRequested();

private:
    QLabel *m_subject;
    QPushButton *m_analyzeButton;
    QTextBrowser *m_output;
};
