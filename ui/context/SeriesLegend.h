#pragma once

#include <QColor>
#include <QListWidget>

// A chart's legend as a list: one checkable row per series (ticking shows it on the
// chart), its colour, its labels elided in the middle with the whole of them in the
// tooltip, so a long label set is never cut off. The alert's own series is bold.
class SeriesLegend final : public QListWidget
{
    Q_OBJECT

public:
    struct Entry {
        QString name;
        QColor color;
        bool visible = true;
        bool alert = false; // the selected alert's own series
    };
    static constexpr int maxShownRows = 5; // more scroll

    explicit SeriesLegend(QWidget *parent = nullptr);
    void setEntries(const QList<Entry> &entries);

signals:
    void visibilityChanged(int index, bool visible);
};
