#pragma once

#include "core/Result.h"
#include "model/Alert.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

// The evidence an analysis saw, frozen: each item has a short id ("E1", "E2"…) that the
// model cites as [E3], a one-line text as the prompt listed it, and a locator with
// which a view finds the thing itself (a chart point, a log line, an alert field).
// Stored with the analysis, so an old analysis opens with exactly its evidence.

enum class EvidenceKind { AlertField, Annotation, MetricSeries, LogGroup, LogLine, Occurrence, Silence };

// As stored: "field", "annotation", "metric", "log-group", "log-line", "occurrence", "silence".
QString evidenceKindName(EvidenceKind kind);
std::optional<EvidenceKind> evidenceKindFromName(QStringView name);
// As a person reads it, translated: "alert field", "metric series"…
QString evidenceKindText(EvidenceKind kind);

// Where a view finds an item. Which members are set depends on the kind:
// - AlertField / Annotation: `field` ("name", "state", "severity", "startsAt", "endsAt",
//   "expression", "value", "labels.<name>", "annotations.<name>").
// - MetricSeries: `queryIndex` (into the context's metric queries), `labels` (the
//   series), `timeMs` (the point to highlight: the largest change's later sample, else
//   the value at the trigger, else the last sample).
// - LogGroup / LogLine: `labels` (the stream), `ns` (the line's Loki timestamp; for a
//   group its newest example) and `lineHash` (hashOf() the exact line text).
// - Occurrence: `timeMs` (startsAt) and `endMs` (endsAt; -1 while unresolved).
// - Silence: `timeMs` (until; -1 when unknown) and `field` (who silenced it).
struct EvidenceLocator {
    QString field{};
    int queryIndex = -1;
    LabelMap labels{};
    qint64 timeMs = -1;
    qint64 endMs = -1;
    qint64 ns = 0;
    QString lineHash{};

    // 16 hex digits of SHA-256 over the UTF-8 line: finds a line again without storing it twice.
    static QString hashOf(QStringView line);
    friend bool operator==(const EvidenceLocator &, const EvidenceLocator &) = default;
};

struct EvidenceItem {
    QString id; // "E1"…
    EvidenceKind kind = EvidenceKind::AlertField;
    QString text; // one line, as the prompt listed it (after redaction)
    EvidenceLocator locator{};
    friend bool operator==(const EvidenceItem &, const EvidenceItem &) = default;
};

class EvidenceSet final
{
    Q_DECLARE_TR_FUNCTIONS(EvidenceSet)

public:
    static constexpr int formatVersion = 1;
    // Bounds for reading a stored set back (what the builder makes stays well within them).
    static constexpr int maxItems = 400;
    static constexpr qsizetype maxTextCharacters = 2000;
    static constexpr qsizetype maxJsonBytes = 2 * 1024 * 1024;

    EvidenceSet() = default;
    // Ids are given in order: the first item is E1. `items`' own ids are replaced.
    explicit EvidenceSet(QList<EvidenceItem> items);

    const QList<EvidenceItem> &items() const { return m_items; }
    qsizetype size() const { return m_items.size(); }
    bool isEmpty() const { return m_items.isEmpty(); }
    // The item with this id ("E3", case-insensitive), or null.
    const EvidenceItem *find(QStringView id) const;
    bool contains(QStringView id) const { return find(id) != nullptr; }
    // The first `count` items (E1…E<count>), for a prompt that had no room for the rest.
    EvidenceSet first(qsizetype count) const;

    // Versioned JSON: {"version":1,"items":[{"id","kind","text","locator":{…}}]}.
    QByteArray toJson() const;
    // An empty input reads as an empty set (analyses stored before evidence was kept).
    static Result<EvidenceSet> fromJson(const QByteArray &json);

    static QString idFor(qsizetype index) { return u'E' + QString::number(index + 1); }

    friend bool operator==(const EvidenceSet &a, const EvidenceSet &b) { return a.m_items == b.m_items; }

private:
    QList<EvidenceItem> m_items; // m_items[i].id == idFor(i)
};
