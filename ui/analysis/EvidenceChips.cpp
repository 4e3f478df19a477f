#include "EvidenceChips.h"

#include "model/AlertTableModel.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextEdit>
#include <QTextObjectInterface>

using namespace Qt::StringLiterals;

namespace {

constexpr QChar stickToWord(0x202F); // narrow no-break space: the chip stays with its word
constexpr QChar thinSpace(0x2009); // a line may break after a chip
constexpr qreal padding = 5;

QColor mixed(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t),
                            float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

struct Colours {
    QColor fill;
    QColor border;
    QColor text;
    Qt::PenStyle borderStyle = Qt::SolidLine;
    bool struck = false;
};

Colours coloursFor(EvidenceChips::Style style, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const bool dark = isDark(palette);
    const QColor red = dark ? QColor(0xef, 0x9a, 0x9a) : QColor(0xc6, 0x28, 0x28);
    const QColor amber = dark ? QColor(0xff, 0xca, 0x28) : QColor(0xb2, 0x6a, 0x00);
    const QColor green = dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
    switch (style) {
    case EvidenceChips::Style::Evidence: {
        const QColor accent = palette.color(QPalette::Highlight);
        return {mixed(base, accent, dark ? 0.35 : 0.16), mixed(base, accent, dark ? 0.8 : 0.55), text};
    }
    case EvidenceChips::Style::Invalid: return {base, red, red, Qt::DashLine, true};
    case EvidenceChips::Style::Unsupported: return {mixed(base, amber, 0.18), amber, mixed(text, amber, 0.6)};
    case EvidenceChips::Style::Likely: return {mixed(base, green, 0.22), green, mixed(text, green, 0.5)};
    case EvidenceChips::Style::Possible: return {mixed(base, amber, 0.18), amber, mixed(text, amber, 0.5)};
    case EvidenceChips::Style::RuledOut: {
        const QColor muted = palette.color(QPalette::PlaceholderText);
        return {base, muted, muted, Qt::SolidLine, true};
    }
    }
    return {base, text, text};
}

QFont chipFont(const QFont &around)
{
    QFont font = around;
    if (font.pointSizeF() > 0)
        font.setPointSizeF(std::max(7.0, font.pointSizeF() * 0.86));
    else if (font.pixelSize() > 0)
        font.setPixelSize(std::max(9, qRound(font.pixelSize() * 0.86)));
    font.setWeight(QFont::DemiBold);
    font.setUnderline(false);
    font.setItalic(false);
    return font;
}

// Paints the chips: measured and coloured at layout and paint time, from the view.
class ChipPainter final : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    explicit ChipPainter(QTextEdit *view)
        : QObject(view)
        , m_view(view)
    { }

    QSizeF intrinsicSize(QTextDocument *document, int, const QTextFormat &format) override
    {
        const QFont around = format.toCharFormat().font().resolve(document->defaultFont());
        const QFontMetricsF line(around);
        const QFontMetricsF chip(chipFont(around));
        return {chip.horizontalAdvance(format.stringProperty(EvidenceChips::textProperty)) + 2 * padding,
                line.ascent() + line.descent()};
    }

    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document, int,
                    const QTextFormat &format) override
    {
        const QPalette palette = m_view ? m_view->palette() : QPalette();
        const auto style = EvidenceChips::Style(format.intProperty(EvidenceChips::styleProperty));
        const Colours colours = coloursFor(style, palette);
        const QFont around = format.toCharFormat().font().resolve(document->defaultFont());
        const QFont font = chipFont(around);
        const QFontMetricsF metrics(font);
        // A little less tall than the line: chips on consecutive lines do not touch.
        const qreal height = std::min(rect.height() - 2, metrics.height() + 3);
        const QRectF pill(rect.left() + 0.5, rect.center().y() - height / 2 + 0.5, rect.width() - 1, height);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        QPen border(colours.border, 1);
        border.setStyle(colours.borderStyle);
        painter->setPen(border);
        painter->setBrush(colours.fill);
        painter->drawRoundedRect(pill, height / 2.4, height / 2.4);
        QFont shown = font;
        shown.setStrikeOut(colours.struck && style == EvidenceChips::Style::Invalid);
        painter->setFont(shown);
        painter->setPen(colours.text);
        painter->drawText(pill, Qt::AlignCenter, format.stringProperty(EvidenceChips::textProperty));
        painter->restore();
    }

private:
    QPointer<QTextEdit> m_view;
};

void insertChip(QTextCursor &cursor, const QTextCharFormat &base, EvidenceChips::Style style, const QString &text,
                const QString &href, const QString &toolTip)
{
    QTextCharFormat around = base;
    around.clearProperty(QTextFormat::ObjectType);
    around.setAnchor(!href.isEmpty());
    around.setAnchorHref(href);
    around.setToolTip(toolTip);
    around.setFontUnderline(false);
    QTextCharFormat chip = around;
    chip.setObjectType(EvidenceChips::objectType);
    chip.setProperty(EvidenceChips::styleProperty, int(style));
    chip.setProperty(EvidenceChips::textProperty, text);
    chip.setVerticalAlignment(QTextCharFormat::AlignBaseline);
    cursor.insertText(QString(stickToWord), around);
    cursor.insertText(QString(QChar::ObjectReplacementCharacter), chip);
    cursor.insertText(QString(thinSpace), around);
}

} // namespace

void EvidenceChips::install(QTextEdit *view)
{
    auto *painter = new ChipPainter(view);
    view->document()->documentLayout()->registerHandler(objectType, painter);
}

QUrl EvidenceChips::href(const QString &id)
{
    return QUrl(u"evidence:"_s + id);
}

std::optional<QString> EvidenceChips::idOf(const QUrl &url)
{
    if (url.scheme() != u"evidence"_s || url.path().isEmpty())
        return std::nullopt;
    return url.path();
}

QString EvidenceChips::toolTip(const QString &id, const EvidenceSet &evidence)
{
    const EvidenceItem *item = evidence.find(id);
    if (!item)
        return AlertTableModel::plainToolTip(tr("%1 is not in this analysis's evidence").arg(id));
    QString text = item->text;
    if (text.size() > maxToolTipText)
        text = text.left(maxToolTipText - 1) + u'…';
    // An earlier incident has no chart or line to show: its text says what it was (name,
    // when, the note), and the Overview's "Seen before" has the rest.
    if (item->kind == EvidenceKind::PriorIncident)
        return AlertTableModel::plainToolTip(tr("%1 · %2\n%3\nClick to see “Seen before” on the Overview")
                                                 .arg(item->id, evidenceKindText(item->kind), text));
    return AlertTableModel::plainToolTip(
        tr("%1 · %2\n%3\nClick to show it").arg(item->id, evidenceKindText(item->kind), text));
}

void EvidenceChips::insertEvidence(QTextCursor &cursor, const QTextCharFormat &base, const QString &id,
                                   const EvidenceSet &evidence)
{
    const bool valid = evidence.contains(id);
    insertChip(cursor, base, valid ? Style::Evidence : Style::Invalid, id, valid ? href(id).toString() : QString(),
               toolTip(id, evidence));
}

void EvidenceChips::insertUnsupported(QTextCursor &cursor, const QTextCharFormat &base)
{
    insertChip(cursor, base, Style::Unsupported, tr("unsupported"), {},
               AlertTableModel::plainToolTip(tr("This sentence states a cause without citing evidence.")));
}

void EvidenceChips::insertStatus(QTextCursor &cursor, const QTextCharFormat &base, HypothesisStatus status)
{
    const Style style = status == HypothesisStatus::Likely ? Style::Likely
        : status == HypothesisStatus::Possible             ? Style::Possible
                                                           : Style::RuledOut;
    insertChip(cursor, base, style, Hypotheses::statusText(status), {}, {});
}

QList<EvidenceChips::Shown> EvidenceChips::chipsIn(const QTextDocument &document)
{
    QList<Shown> chips;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.objectType() != objectType)
                continue;
            for (int i = 0; i < it.fragment().length(); ++i)
                chips.append({Style(format.intProperty(styleProperty)), format.stringProperty(textProperty),
                              format.anchorHref(), format.toolTip()});
        }
    return chips;
}

#include "EvidenceChips.moc"
