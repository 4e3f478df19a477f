#pragma once

#include "analysis/EvidenceSet.h"
#include "analysis/Hypotheses.h"

#include <QTextBrowser>

// The model's hypotheses beside the answer, most likely first: each with its status
// badge (likely, possible, ruled out: ruled-out ones stay, dimmed and struck), its
// confidence, and the evidence for and against it as chips that click through like
// those in the answer. A block the app could not read is one line saying why.
class HypothesesBoard final : public QTextBrowser
{
    Q_OBJECT

public:
    explicit HypothesesBoard(QWidget *parent = nullptr);

    // What to show: the hypotheses read, and the problems reading them (the first is
    // shown as one line, all of them in its tooltip). `arriving`: the block has begun
    // streaming but is not closed yet.
    void showHypotheses(const QList<Hypothesis> &hypotheses, const EvidenceSet &evidence,
                        const QStringList &problems = {}, bool arriving = false);
    void clearHypotheses();
    // Whether there is anything to show (the panel hides the board otherwise).
    bool hasContent() const { return m_hasContent; }
    // The one-line message shown instead of (or above) the hypotheses; empty: none.
    QString message() const { return m_message; }
    // Counts what was shown (a size worked out for one revision holds until the next).
    int revision() const { return m_revision; }
    // The height the content needs at `textWidth`.
    int contentHeight(int textWidth) const;

signals:
    void evidenceActivated(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void render();

    QList<Hypothesis> m_hypotheses;
    EvidenceSet m_evidence;
    QStringList m_problems;
    bool m_arriving = false;
    bool m_hasContent = false;
    int m_revision = 0;
    QString m_message;
};
