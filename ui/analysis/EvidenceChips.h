#pragma once

#include "analysis/EvidenceSet.h"
#include "analysis/Hypotheses.h"

#include <QCoreApplication>
#include <QString>
#include <QTextCharFormat>
#include <QUrl>

#include <optional>

class QTextCursor;
class QTextEdit;

// Evidence chips in a text view: "E3" drawn as a small rounded pill inline with the
// text, a link ("evidence:E3") whose tooltip names the item's kind and text. An id the
// evidence does not hold is drawn dashed and red, and is no link; a cause stated
// without evidence gets a small amber "unsupported" pill; a hypothesis' status is a
// badge. The pills are text objects painted with the view's palette at paint time, so
// they follow a theme change. Each is framed by narrow spaces with the same format:
// a text view finds an anchor and a tooltip by the character beside the pointer.
class EvidenceChips final
{
    Q_DECLARE_TR_FUNCTIONS(EvidenceChips)

public:
    enum class Style { Evidence, Invalid, Unsupported, Likely, Possible, RuledOut };

    static constexpr int objectType = QTextFormat::UserObject + 41;
    static constexpr int styleProperty = QTextFormat::UserProperty + 41;
    static constexpr int textProperty = QTextFormat::UserProperty + 42;
    // Tooltips quote evidence text up to this many characters.
    static constexpr qsizetype maxToolTipText = 400;

    // Paints the chips of `view`'s document (once per view).
    static void install(QTextEdit *view);

    // At `cursor`, in `base`'s font: a chip for `id`, a link when `evidence` holds it.
    static void insertEvidence(QTextCursor &cursor, const QTextCharFormat &base, const QString &id,
                               const EvidenceSet &evidence);
    static void insertUnsupported(QTextCursor &cursor, const QTextCharFormat &base);
    static void insertStatus(QTextCursor &cursor, const QTextCharFormat &base, HypothesisStatus status);

    static QUrl href(const QString &id);
    // The id of an "evidence:E3" link, or nothing.
    static std::optional<QString> idOf(const QUrl &url);
    // What a chip's tooltip says.
    static QString toolTip(const QString &id, const EvidenceSet &evidence);

    // The chips in `document`, in order: style and text (tests, review).
    struct Shown {
        Style style;
        QString text;
        QString href;
        QString toolTip;
    };
    static QList<Shown> chipsIn(const QTextDocument &document);
};
