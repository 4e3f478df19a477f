#pragma once

#include <QTextBrowser>

// Turns parts of the Markdown into something Markdown has no syntax for (evidence
// chips): mark() replaces them with placeholder characters before a part is rendered,
// decorate() replaces the placeholders in the rendered part.
class MarkdownDecorator
{
public:
    virtual ~MarkdownDecorator() = default;
    // `markdown` is the shown text from offset `from` on (a whole part).
    virtual QString mark(const QString &markdown, qsizetype from) = 0;
    // `part` is what the last mark() returned, rendered.
    virtual void decorate(QTextDocument &part) = 0;
};

// Shows Markdown that grows as it streams in, without re-parsing all of it each
// time: complete top-level blocks (ended by a blank line outside a code fence and
// not continued by a list item) are rendered once and kept; only the open block at
// the end is rendered again. Nothing is fetched: images are never loaded, and a
// clicked http(s) or mailto link is handed to the system browser.
class MarkdownStreamView final : public QTextBrowser
{
    Q_OBJECT

public:
    // GitHub's dialect without raw HTML: the answer may repeat alert data, and an <img>,
    // a styled <span> or a <table> in it is shown as the text it is.
    static constexpr QTextDocument::MarkdownFeatures markdownFeatures{
        QFlag(QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML)};

    explicit MarkdownStreamView(QWidget *parent = nullptr);

    // Shows `markdown`; when it extends what is shown, only the new part is rendered.
    void showMarkdown(const QString &markdown);
    const QString &markdown() const { return m_markdown; }
    // Characters rendered as final blocks (tests: streaming stays incremental).
    qsizetype committedCharacters() const { return m_committed; }
    // Not owned; null: plain Markdown. Set it before showing text.
    void setDecorator(MarkdownDecorator *decorator) { m_decorator = decorator; }
    // Renders the open block at the end again (its decorations changed).
    void refreshTail();
    // Forgets what is shown: the next showMarkdown() renders everything.
    void restart();

protected:
    QVariant loadResource(int type, const QUrl &name) override;

private:
    void reset();
    // Where the kept blocks may end now: after the last blank line that closes a block.
    qsizetype scanForBoundary();
    void appendBlocks(const QString &markdown, qsizetype from);
    void renderFromCommitted();
    void styleCodeBlocks(QTextDocument &document) const;

    MarkdownDecorator *m_decorator = nullptr;
    QString m_markdown;
    qsizetype m_committed = 0; // characters rendered as final blocks
    int m_committedEnd = 0; // document position after them
    qsizetype m_scanned = 0; // complete lines looked at
    bool m_inFence = false; // at m_scanned
    qsizetype m_pendingBlank = -1; // a blank line whose block end depends on the next line
};
