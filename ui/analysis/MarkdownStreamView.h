#pragma once

#include <QTextBrowser>

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

protected:
    QVariant loadResource(int type, const QUrl &name) override;

private:
    void reset();
    // Where the kept blocks may end now: after the last blank line that closes a block.
    qsizetype scanForBoundary();
    void appendBlocks(const QString &markdown);
    void styleCodeBlocks(QTextDocument &document) const;

    QString m_markdown;
    qsizetype m_committed = 0; // characters rendered as final blocks
    int m_committedEnd = 0; // document position after them
    qsizetype m_scanned = 0; // complete lines looked at
    bool m_inFence = false; // at m_scanned
    qsizetype m_pendingBlank = -1; // a blank line whose block end depends on the next line
};
