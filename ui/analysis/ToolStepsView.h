#pragma once

#include "analysis/AnalysisConversation.h"

#include <QScrollArea>

class QVBoxLayout;
class ToolStepRow;

// The tool calls the model made for the conversation shown, one compact row each:
// a state mark (… while it runs), the tool's name and its one-line summary (why not,
// for a refused or failed call), expandable to the result drawn small: a sparkline
// for a metric query, the first log lines for a log query, a short list of series.
// Everything the model or a data source wrote is shown as plain text. At most
// maxRows rows are built (the latest calls); the earlier ones are counted.
class ToolStepsView final : public QScrollArea
{
    Q_OBJECT

public:
    static constexpr int maxRows = 100;

    explicit ToolStepsView(QWidget *parent = nullptr);

    // Shows `steps`, at most maxRows (rows whose call is the same are updated in place);
    // `earlier`: calls made before them that are not listed.
    void setSteps(const QList<ToolStep> &steps, qsizetype earlier = 0);
    int rowCount() const { return int(m_rows.size()); }
    // Expands and marks the row of this call, and scrolls to it; false: no such row.
    bool highlight(const QString &callId);
    // The row of a call (tests), or null.
    ToolStepRow *row(const QString &callId) const;

    // "…", "✓", "⊘", "✗", "■".
    static QString stateMark(ToolStep::State state);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitHeight();

    QWidget *m_content;
    QVBoxLayout *m_rowsLayout;
    QList<ToolStepRow *> m_rows;
    class QLabel *m_more;
};

// One tool step: its header line and, once opened, its result.
class ToolStepRow final : public QWidget
{
    Q_OBJECT

public:
    explicit ToolStepRow(QWidget *parent = nullptr);
    // False: it showed this already.
    bool setStep(const ToolStep &step);
    const ToolStep &step() const { return m_step; }
    QString headerText() const;
    bool isExpanded() const;
    void setExpanded(bool open);
    void setHighlighted(bool on);
    bool isHighlighted() const { return m_highlighted; }
    // The result widget, once opened (null before, or when there is nothing to draw).
    QWidget *detail() const { return m_detail; }

signals:
    void expandedChanged(bool open);

private:
    void buildDetail();

    ToolStep m_step;
    class QToolButton *m_toggle;
    class QLabel *m_mark;
    class QLabel *m_text;
    QWidget *m_detail = nullptr;
    bool m_highlighted = false;
};

// A metric result as small lines (one per series, at most a few), no axes: the shape
// of the curve at a glance. The summary line says the numbers.
class Sparkline final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int maxSeries = 5;
    static constexpr int maxPoints = 400; // per series, by striding

    explicit Sparkline(const MetricResult &result, QWidget *parent = nullptr);
    QSize sizeHint() const override { return {240, 48}; }
    int seriesCount() const { return int(m_lines.size()); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<QList<QPointF>> m_lines; // x, y in 0..1
};
