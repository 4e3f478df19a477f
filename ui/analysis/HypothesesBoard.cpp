#include "HypothesesBoard.h"

#include "EvidenceChips.h"
#include "model/AlertTableModel.h"

#include <QAbstractTextDocumentLayout>
#include <QEvent>
#include <QLocale>
#include <QTextBlock>
#include <QTextCursor>

#include <memory>

using namespace Qt::StringLiterals;

HypothesesBoard::HypothesesBoard(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(u"hypothesesBoard"_s);
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setFrameShape(QFrame::StyledPanel);
    EvidenceChips::install(this);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (const std::optional<QString> id = EvidenceChips::idOf(url))
            emit evidenceActivated(*id);
    });
}

void HypothesesBoard::showHypotheses(const QList<Hypothesis> &hypotheses, const EvidenceSet &evidence,
                                     const QStringList &problems, bool arriving)
{
    if (m_hypotheses == hypotheses && m_evidence == evidence && m_problems == problems && m_arriving == arriving
        && m_hasContent)
        return;
    m_hypotheses = hypotheses;
    m_evidence = evidence;
    m_problems = problems;
    m_arriving = arriving;
    render();
}

void HypothesesBoard::clearHypotheses()
{
    m_hypotheses.clear();
    m_evidence = {};
    m_problems.clear();
    m_arriving = false;
    render();
}

int HypothesesBoard::contentHeight(int textWidth) const
{
    // Measured on a copy: the shown document keeps the view's own width.
    const std::unique_ptr<QTextDocument> copy(document()->clone());
    copy->setTextWidth(textWidth);
    return int(copy->size().height()) + 2 * frameWidth() + 4;
}

void HypothesesBoard::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_hasContent)
        render(); // the muted colours are fixed when written
}

void HypothesesBoard::render()
{
    ++m_revision;
    document()->clear();
    m_message.clear();
    m_hasContent = !m_hypotheses.isEmpty() || !m_problems.isEmpty() || m_arriving;
    if (!m_hasContent)
        return;
    const QPalette colours = palette();
    const QColor muted = colours.color(QPalette::PlaceholderText);
    const bool dark = colours.color(QPalette::Base).lightness() < 128;
    QTextCursor cursor(document());
    QTextCharFormat plain;
    QTextCharFormat heading;
    heading.setFontWeight(QFont::Bold);
    cursor.insertText(tr("Hypotheses"), heading);

    auto newBlock = [&cursor](qreal top, qreal indent = 0) {
        QTextBlockFormat block;
        block.setTopMargin(top);
        block.setLeftMargin(indent);
        cursor.insertBlock(block);
    };
    if (!m_problems.isEmpty()) {
        m_message = m_problems.size() == 1
            ? m_problems.first()
            : tr("%1 (and %n more problem(s))", nullptr, int(m_problems.size() - 1)).arg(m_problems.first());
        newBlock(4);
        QTextCharFormat warning;
        warning.setForeground(dark ? QColor(0xff, 0xca, 0x28) : QColor(0x8a, 0x53, 0x00));
        warning.setToolTip(AlertTableModel::plainToolTip(m_problems.join(u'\n')));
        cursor.insertText(u"⚠ "_s + m_message, warning);
    }
    if (m_arriving && m_hypotheses.isEmpty()) {
        newBlock(4);
        QTextCharFormat note;
        note.setForeground(muted);
        note.setFontItalic(true);
        cursor.insertText(tr("The hypotheses are arriving…"), note);
    }
    for (const Hypothesis &hypothesis : std::as_const(m_hypotheses)) {
        const bool ruledOut = hypothesis.status == HypothesisStatus::RuledOut;
        newBlock(8);
        EvidenceChips::insertStatus(cursor, plain, hypothesis.status);
        QTextCharFormat title;
        title.setFontWeight(QFont::DemiBold);
        if (ruledOut) {
            title.setForeground(muted);
            title.setFontStrikeOut(true);
        }
        cursor.insertText(u" "_s, plain);
        cursor.insertText(hypothesis.title, title);
        if (hypothesis.confidence) {
            QTextCharFormat confidence;
            confidence.setForeground(muted);
            confidence.setToolTip(tr("The model's confidence in this hypothesis"));
            cursor.insertText(u"  "_s + tr("%1 %").arg(QLocale().toString(qRound(*hypothesis.confidence * 100))),
                              confidence);
        }
        for (const auto &[label, ids] :
             {std::pair{tr("For:"), &hypothesis.evidenceFor}, std::pair{tr("Against:"), &hypothesis.evidenceAgainst}}) {
            if (ids->isEmpty())
                continue;
            newBlock(2, 16);
            QTextCharFormat labelFormat;
            labelFormat.setForeground(muted);
            cursor.insertText(label, labelFormat);
            for (const QString &id : *ids)
                EvidenceChips::insertEvidence(cursor, plain, id, m_evidence);
        }
    }
    moveCursor(QTextCursor::Start); // from the top
}
