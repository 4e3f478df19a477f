#include "MarkdownStreamView.h"

#include <QDesktopServices>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QTextList>

using namespace Qt::StringLiterals;

namespace {

// Every image the model's Markdown names resolves to nothing: no file is read and
// nothing is downloaded. (A valid, empty value stops QTextDocument's own loading.)
QVariant noResource(const QUrl &)
{
    return QVariant(QByteArray());
}

bool isFence(QStringView line)
{
    const QStringView trimmed = line.trimmed();
    return trimmed.startsWith(u"```") || trimmed.startsWith(u"~~~");
}

// A line that belongs to the block before a blank line: an indented continuation
// or another list item (a list split in two would restart its numbering).
bool continuesBlock(QStringView line)
{
    if (line.isEmpty())
        return false;
    if (line.front().isSpace())
        return true;
    if (line.startsWith(u"- ") || line.startsWith(u"* ") || line.startsWith(u"+ ") || line.startsWith(u"> "))
        return true;
    qsizetype digits = 0;
    while (digits < line.size() && line.at(digits).isDigit())
        ++digits;
    return digits > 0 && digits + 1 < line.size() && (line.at(digits) == u'.' || line.at(digits) == u')')
        && line.at(digits + 1) == u' ';
}

} // namespace

MarkdownStreamView::MarkdownStreamView(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    document()->setResourceProvider(noResource);
    connect(this, &QTextBrowser::anchorClicked, this, [](const QUrl &url) {
        const QString scheme = url.scheme().toLower();
        if (scheme == u"http"_s || scheme == u"https"_s || scheme == u"mailto"_s)
            QDesktopServices::openUrl(url);
    });
}

QVariant MarkdownStreamView::loadResource(int, const QUrl &name)
{
    return noResource(name);
}

void MarkdownStreamView::reset()
{
    document()->clear();
    m_markdown.clear();
    m_committed = 0;
    m_committedEnd = 0;
    m_scanned = 0;
    m_inFence = false;
    m_pendingBlank = -1;
}

void MarkdownStreamView::showMarkdown(const QString &markdown)
{
    if (markdown == m_markdown)
        return;
    if (!markdown.startsWith(QStringView(m_markdown).left(m_scanned)))
        reset();
    m_markdown = markdown;
    renderFromCommitted();
}

void MarkdownStreamView::refreshTail()
{
    if (!m_markdown.isEmpty())
        renderFromCommitted();
}

void MarkdownStreamView::restart()
{
    reset();
}

void MarkdownStreamView::renderFromCommitted()
{
    QScrollBar *scroll = verticalScrollBar();
    const bool following = scroll->value() >= scroll->maximum() - 4;
    const int scrolledTo = scroll->value();
    QTextCursor cursor(document());
    cursor.beginEditBlock();
    // The open tail goes; kept blocks stay as they are.
    cursor.setPosition(m_committedEnd);
    cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    if (const qsizetype boundary = scanForBoundary(); boundary > m_committed) {
        appendBlocks(m_markdown.mid(m_committed, boundary - m_committed), m_committed);
        m_committed = boundary;
        QTextCursor end(document());
        end.movePosition(QTextCursor::End);
        m_committedEnd = end.position();
    }
    if (m_committed < m_markdown.size())
        appendBlocks(m_markdown.mid(m_committed), m_committed);
    cursor.endEditBlock();
    scroll->setValue(following ? scroll->maximum() : scrolledTo);
}

qsizetype MarkdownStreamView::scanForBoundary()
{
    qsizetype boundary = m_committed;
    while (true) {
        const qsizetype end = m_markdown.indexOf(u'\n', m_scanned);
        if (end < 0)
            break;
        const QStringView line = QStringView(m_markdown).mid(m_scanned, end - m_scanned);
        if (m_pendingBlank >= 0 && !line.trimmed().isEmpty()) {
            if (!continuesBlock(line))
                boundary = m_pendingBlank;
            m_pendingBlank = -1;
        }
        if (isFence(line))
            m_inFence = !m_inFence;
        else if (!m_inFence && line.trimmed().isEmpty() && m_scanned > m_committed)
            m_pendingBlank = end + 1;
        m_scanned = end + 1;
    }
    return boundary;
}

void MarkdownStreamView::appendBlocks(const QString &markdown, qsizetype from)
{
    QTextDocument part;
    part.setResourceProvider(noResource);
    part.setDefaultFont(document()->defaultFont());
    part.setMarkdown(m_decorator ? m_decorator->mark(markdown, from) : markdown, markdownFeatures);
    if (m_decorator)
        m_decorator->decorate(part);
    styleCodeBlocks(part);
    QTextCursor target(document());
    target.movePosition(QTextCursor::End);
    if (!document()->isEmpty()) {
        // The fragment's first block merges into the block at the cursor and would
        // lose its own format (a heading, a list item): lead with an empty plain
        // block that takes the merge instead.
        QTextCursor lead(&part);
        lead.insertBlock();
        lead.movePosition(QTextCursor::Start);
        lead.setBlockFormat(QTextBlockFormat());
        if (QTextList *list = lead.currentList())
            list->remove(lead.block());
    }
    target.insertFragment(QTextDocumentFragment(&part));
}

void MarkdownStreamView::styleCodeBlocks(QTextDocument &document) const
{
    const QColor background = palette().color(QPalette::AlternateBase);
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (!block.blockFormat().nonBreakableLines())
            continue;
        QTextCursor cursor(block);
        QTextBlockFormat format = block.blockFormat();
        format.setBackground(background);
        format.setLeftMargin(8);
        cursor.setBlockFormat(format);
    }
}
