#pragma once

#include "context/LogLevel.h"

#include <QList>
#include <QWidget>

#include <array>

// Lines per time bucket, stacked by level (errors at the bottom, in red), above the
// log lines: where the burst is, at a glance. The alert's start is marked; a click on
// a bar asks for that time (the lines scroll there). Counting is one pass over the
// lines when they are set; painting only reads the buckets.
class LogVolumeHistogram final : public QWidget
{
    Q_OBJECT

public:
    struct Entry {
        qint64 ns = 0;
        LogLevel::Level level = LogLevel::Level::None;
    };
    static constexpr int maxBuckets = 120;

    explicit LogVolumeHistogram(QWidget *parent = nullptr);

    // `fromNs`..`toNs` is the window shown (an empty range: the entries' own span);
    // `markerNs` < 0: no alert start to mark.
    void setEntries(const QList<Entry> &entries, qint64 fromNs, qint64 toNs, qint64 markerNs);
    void clear();

    int bucketCount() const { return int(m_buckets.size()); }
    // Lines in bucket `index` (all levels) and the time the bucket starts.
    int linesIn(int index) const;
    qint64 bucketStartNs(int index) const;
    // The bucket drawn at x (widget coordinates), or -1.
    int bucketAt(int x) const;
    // Where the alert's start is drawn, or -1.
    int markerX() const;

    QSize sizeHint() const override { return {400, 64}; }
    QSize minimumSizeHint() const override { return {120, 48}; }

signals:
    void bucketClicked(qint64 startNs);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    // Counts per level: error, warning, info/none, debug.
    using Counts = std::array<int, 4>;
    QRect plotArea() const;
    int xOf(qint64 ns) const;

    QList<Counts> m_buckets;
    qint64 m_fromNs = 0;
    qint64 m_bucketNs = 1;
    qint64 m_markerNs = -1;
    int m_peak = 0;
};
