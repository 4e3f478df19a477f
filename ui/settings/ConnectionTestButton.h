#pragma once

#include "net/ConnectionCheck.h"

#include <QWidget>

class QLabel;
class QPushButton;

// "Test connection" and the outcome beside it (green when it worked, red with the
// exact reason when not). The page supplies what to check; one test at a time.
class ConnectionTestButton final : public QWidget
{
    Q_OBJECT

public:
    // Starts the check(s) and reports each result through `report`; call
    // `finish` after the last one.
    using Runner = std::function<void(std::function<void(const QString &label, const ConnectionCheckResult &)> report,
                                      std::function<void()> finish)>;

    explicit ConnectionTestButton(const QString &objectName, QWidget *parent = nullptr);

    void setRunner(Runner runner) { m_runner = std::move(runner); }
    void run();
    QString resultText() const;
    bool isRunning() const { return m_running; }

signals:
    void finished();

private:
    Runner m_runner;
    QPushButton *m_button;
    QLabel *m_result;
    QStringList m_lines;
    bool m_allOk = true;
    bool m_running = false;
};
