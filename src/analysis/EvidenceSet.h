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
//
// Earlier incidents like this one (PriorIncident: what an engineer noted then, and what
// its analysis said) have their own id series, "P1", "P2"…: the model can tell what
// happened before from what is true of this alert, and cite it as [P2].

enum class EvidenceKind {
    AlertField,
    Annotation,
    MetricSeries,
    LogGroup,
    LogLine,
    Occurrence,
    Silence,
    PriorIncident,
    RelatedAlert, // another alert of the incident being analysed
};

// As stored: "field", "annotation", "metric", "log-group", "log-line", "occurrence",
// "silence", "prior", "related".
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
// - PriorIncident: `timeMs` (its startsAt; -1 when unknown) and `endMs` (endsAt; -1
//   while unresolved). What it was is in the text.
// - RelatedAlert: `alert` (its fingerprint), `labels` (its labels), `timeMs`, `endMs`.
// An incident's analysis also has metric series and log items of its other alerts: their
// `alert` names the fingerprint (same source as the analysed alert) whose charts and logs
// they are in; empty: the analysed alert's own.
struct EvidenceLocator {
    QString field{};
    int queryIndex = -1;
    LabelMap labels{};
    qint64 timeMs = -1;
    qint64 endMs = -1;
    qint64 ns = 0;
    QString lineHash{};
    QString alert{};

    // 16 hex digits of SHA-256 over the UTF-8 line: finds a line again without storing it twice.
    static QString hashOf(QStringView line);
    friend bool operator==(const EvidenceLocator &, const EvidenceLocator &) = default;
};

struct EvidenceItem {
    QString id; // "E1"…, "P1"… for a PriorIncident
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
    // Ids are given in order, per series: the first item is E1, the first PriorIncident
    // P1. `items`' own ids are replaced.
    explicit EvidenceSet(QList<EvidenceItem> items);

    const QList<EvidenceItem> &items() const { return m_items; }
    qsizetype size() const { return m_items.size(); }
    bool isEmpty() const { return m_items.isEmpty(); }
    // The item with this id ("E3", "P2", case-insensitive), or null.
    const EvidenceItem *find(QStringView id) const;
    bool contains(QStringView id) const { return find(id) != nullptr; }
    // The first `count` items (their ids unchanged), for a prompt that had no room for the rest.
    EvidenceSet first(qsizetype count) const;

    // Versioned JSON: {"version":1,"items":[{"id","kind","text","locator":{…}}]}.
    QByteArray toJson() const;
    // An empty input reads as an empty set (analyses stored before evidence was kept).
    static Result<EvidenceSet> fromJson(const QByteArray &json);

    // The id of the `index`-th item (from 0) of its kind's series: "E3", "P1".
    static QString idFor(qsizetype index) { return idFor(EvidenceKind::AlertField, index); }
    static QString idFor(EvidenceKind kind, qsizetype index) { return seriesOf(kind) + QString::number(index + 1); }
    // The id letter of a kind: 'P' for earlier incidents, 'E' for the rest.
    static QChar seriesOf(EvidenceKind kind) { return kind == EvidenceKind::PriorIncident ? u'P' : u'E'; }
    // Whether `c` starts an id ('E', 'P', either case).
    static bool isSeriesLetter(QChar c) { return QStringView(u"EePp").contains(c); }

    friend bool operator==(const EvidenceSet &a, const EvidenceSet &b) { return a.m_items == b.m_items; }

private:
    void assignIds();

    QList<EvidenceItem> m_items; // in the given order, each numbered within its series
    QList<qsizetype> m_currentIndexes; // E<n> is m_items[m_currentIndexes[n - 1]]
    QList<qsizetype> m_priorIndexes; // P<n> is m_items[m_priorIndexes[n - 1]]
};
