#pragma once

#include "context/ContextData.h"
#include "context/ContextPlan.h"

#include <QUrl>
#include <QWidget>

class LogHighlighter;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

// Log lines from around the alert's start, oldest first: local time with
// milliseconds, the line coloured by level (error / warning / info, from logfmt
// `level=`, JSON "level" or plain words), the stream's labels on hover, a marker
// line where the alert started, and a search that highlights what it finds.
class LogsPane final : public QWidget
{
    Q_OBJECT

public:
    explicit LogsPane(QWidget *parent = nullptr);

    void showLoading(const ContextPlan::LogQuery &query, const ContextPlan::Window &window);
    void showProblem(const QString &problem);
    void showLines(const ContextPlan::LogQuery &query, const LogResult &result, const QDateTime &alertStart);
    void clear();
    // "Open in Grafana Explore" with this link; an empty URL hides the button.
    void setExploreLink(const QUrl &url);
    QUrl exploreLink() const { return m_explore; }

    enum class Level { None, Error, Warning, Info, Debug };
    static Level levelOf(const QString &line);

    QString text() const;
    QString status() const;
    int matches() const; // of the search text
    void setSearch(const QString &text);
    // The labels of the stream of the line at `blockNumber` (hover text).
    QString labelsAt(int blockNumber) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QUrl m_explore;
    QPushButton *m_exploreButton;
    QLabel *m_query;
    QLineEdit *m_search;
    QLabel *m_status;
    QPlainTextEdit *m_lines;
    LogHighlighter *m_highlighter;
    QList<QString> m_blockLabels; // per text block: the stream's labels
};
