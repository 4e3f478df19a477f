#pragma once

#include "context/ContextData.h"
#include "context/ContextPlan.h"
#include "context/ContextService.h"
#include "context/LogLevel.h"

#include <QUrl>
#include <QWidget>

class LogHighlighter;
class LogVolumeHistogram;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

// Log lines from around the alert's start, oldest first: the LogQL that fetched them
// (editable: Run or Ctrl+Enter, Reset to the planned one), how the streams were found,
// a histogram of lines per time by level (click a bar to go there), then the lines:
// local time with milliseconds, coloured by level, the stream's labels on hover, a
// marker where the alert started. Every line is shown; a toggle narrows to error-like
// lines, and a search highlights what it finds.
class LogsPane final : public QWidget
{
    Q_OBJECT

public:
    explicit LogsPane(QWidget *parent = nullptr);

    // The Logs tab's part of an alert's context, in whatever state it is.
    void showContext(const ContextService::Context &context, const QDateTime &alertStart);
    void showLoading(const ContextPlan::LogQuery &query, const ContextPlan::Window &window);
    void showProblem(const QString &problem);
    void showLines(const ContextPlan::LogQuery &query, const LogResult &result, const QDateTime &alertStart,
                   const ContextPlan::Window &window = {});
    void clear();
    // "Open in Grafana Explore" with this link; an empty URL hides the button.
    void setExploreLink(const QUrl &url);
    QUrl exploreLink() const { return m_explore; }

    using Level = LogLevel::Level;
    static Level levelOf(const QString &line) { return LogLevel::of(line); }

    QString text() const;
    QString status() const;
    QString logQl() const; // as in the query field
    QString discovery() const; // how the streams were found (empty: nothing to say)
    int matches() const; // of the search text
    void setSearch(const QString &text);
    // Only error-like lines (LogLevel::isErrorLike); off: every line.
    void setErrorLinesOnly(bool only);
    // The labels of the stream of the line at `blockNumber` (hover text).
    QString labelsAt(int blockNumber) const;
    Level levelAt(int blockNumber) const;
    // The first line shown at the top of the view, and scrolling to a time.
    int firstVisibleBlock() const;
    void scrollToTime(qint64 ns);
    LogVolumeHistogram *volume() const { return m_volume; }

    // Shows evidence: selects and highlights the line of stream `labels` at `ns` whose
    // text hashes to `lineHash` (EvidenceLocator::hashOf; empty: the first at `ns`),
    // scrolled into view. Narrowed to error-like lines, it widens again when the line
    // is not one. The line is kept (until another alert) and selected whenever lines arrive.
    enum class Found { Shown, Waiting, NotLoaded };
    Found showLine(const LabelMap &labels, qint64 ns, const QString &lineHash);
    // The block of the selected line (the cursor's), or -1 when none is selected.
    int selectedBlock() const;
    // The time window of the lines shown (invalid: not known).
    const ContextPlan::Window &shownWindow() const { return m_window; }
    // How saving the rules (saveRulesRequested) went.
    void showRulesSaved(const Result<> &saved);

signals:
    // Run `logQl` for the alert shown; empty: the planned query again (Reset).
    void runRequested(const QString &logQl);
    // Keep the label-map rules that found this alert's streams.
    void saveRulesRequested(const QList<ContextPlan::LabelRule> &rules);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Entry {
        qint64 ns = 0;
        QString text; // time and body, continuation lines indented
        qsizetype labels = -1; // index into m_streams
        Level level = Level::None;
        bool errorLike = false;
    };
    void showQuery(const ContextPlan::LogQuery &query);
    // The line of `m_entries` the evidence names, or -1.
    qsizetype entryOf(const QString &streamText, qint64 ns, const QString &lineHash) const;
    void selectEntry(qsizetype entry);
    void render();
    void run();

    QUrl m_explore;
    OccurrenceKey m_key;
    QString m_planned; // the planned LogQL, for Reset
    QList<ContextPlan::LabelRule> m_foundRules;
    QPushButton *m_exploreButton;
    QLineEdit *m_query;
    QPushButton *m_run;
    QPushButton *m_reset;
    QLabel *m_discovery;
    QPushButton *m_saveRules;
    LogVolumeHistogram *m_volume;
    QCheckBox *m_errorsOnly;
    QLineEdit *m_search;
    QLabel *m_status;
    QPlainTextEdit *m_lines;
    LogHighlighter *m_highlighter;
    QList<Entry> m_entries; // oldest first
    QStringList m_streams; // distinct stream label texts
    qint64 m_alertStartNs = -1;
    QString m_alertStartText;
    // Per text block of what is shown.
    QList<qsizetype> m_blockEntries; // index into m_entries; -1: the alert-start marker
    ContextPlan::Window m_window;
    struct LineWanted {
        QString stream;
        qint64 ns = 0;
        QString lineHash;
    };
    std::optional<LineWanted> m_wanted; // evidence to show once lines arrive
};
