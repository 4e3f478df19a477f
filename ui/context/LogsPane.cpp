#include "LogsPane.h"

#include "model/AlertTableModel.h"

#include <QDesktopServices>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QToolTip>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

// Colours each line by its level and marks the search text.
class LogHighlighter final : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;
    QString search;

protected:
    void highlightBlock(const QString &text) override
    {
        if (text.startsWith(u"────"_s)) {
            QTextCharFormat marker;
            marker.setForeground(QColor(0xfb, 0x8c, 0x00));
            marker.setFontWeight(QFont::Bold);
            setFormat(0, int(text.size()), marker);
        } else {
            QTextCharFormat level;
            switch (LogsPane::levelOf(text)) {
            case LogsPane::Level::Error: level.setForeground(QColor(0xe5, 0x39, 0x35)); break;
            case LogsPane::Level::Warning: level.setForeground(QColor(0xef, 0x8f, 0x00)); break;
            case LogsPane::Level::Debug: level.setForeground(QColor(0x90, 0x90, 0x90)); break;
            case LogsPane::Level::Info:
            case LogsPane::Level::None: break;
            }
            if (level.hasProperty(QTextFormat::ForegroundBrush))
                setFormat(13, int(text.size()) - 13, level);
            QTextCharFormat time;
            time.setForeground(QColor(0x80, 0x80, 0x80));
            setFormat(0, std::min<int>(12, int(text.size())), time);
        }
        if (search.isEmpty())
            return;
        QTextCharFormat found;
        found.setBackground(QColor(0xff, 0xeb, 0x3b));
        found.setForeground(Qt::black);
        for (qsizetype at = text.indexOf(search, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(search, at + search.size(), Qt::CaseInsensitive))
            setFormat(int(at), int(search.size()), found);
    }
};

LogsPane::Level LogsPane::levelOf(const QString &line)
{
    static const QRegularExpression structured(
        u"(?:\\blevel\\s*=\\s*\"?|\"level\"\\s*:\\s*\"|\\blvl\\s*=\\s*\"?|\"severity\"\\s*:\\s*\")(\\w+)"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression plain(
        u"\\b(panic|fatal|critical|crit|error|err|exception|failed|refused|warn|warning|info|debug|trace)\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    QRegularExpressionMatch match = structured.match(line);
    if (!match.hasMatch())
        match = plain.match(line);
    if (!match.hasMatch())
        return Level::None;
    const QString word = match.captured(1).toLower();
    if (word.startsWith(u"err"_s) || word == u"panic"_s || word == u"fatal"_s || word.startsWith(u"crit"_s)
        || word == u"exception"_s || word == u"failed"_s || word == u"refused"_s)
        return Level::Error;
    if (word.startsWith(u"warn"_s))
        return Level::Warning;
    if (word == u"debug"_s || word == u"trace"_s)
        return Level::Debug;
    return Level::Info;
}

LogsPane::LogsPane(QWidget *parent)
    : QWidget(parent)
    , m_exploreButton(new QPushButton(tr("Open in Grafana Explore")))
    , m_query(new QLabel)
    , m_search(new QLineEdit)
    , m_status(new QLabel)
    , m_lines(new QPlainTextEdit)
    , m_highlighter(new LogHighlighter(m_lines->document()))
{
    setObjectName(u"logsPane"_s);
    // The query holds alert labels, the status Loki's answers: data, never markup.
    m_query->setObjectName(u"logQuery"_s);
    m_query->setTextFormat(Qt::PlainText);
    m_query->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_query->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_query->setWordWrap(true);
    m_search->setObjectName(u"logSearch"_s);
    m_search->setPlaceholderText(tr("Find in these lines"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(260);
    m_status->setObjectName(u"logStatus"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lines->setObjectName(u"logLines"_s);
    m_lines->setReadOnly(true);
    m_lines->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_lines->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_lines->viewport()->installEventFilter(this);

    auto *header = new QHBoxLayout;
    header->addWidget(m_query, 1);
    header->addWidget(m_search);
    header->addWidget(m_exploreButton);
    m_exploreButton->setObjectName(u"openExplore"_s);
    m_exploreButton->hide();
    connect(m_exploreButton, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(m_explore); });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(header);
    layout->addWidget(m_status);
    layout->addWidget(m_lines, 1);
    connect(m_search, &QLineEdit::textChanged, this, &LogsPane::setSearch);
    clear();
}

void LogsPane::setExploreLink(const QUrl &url)
{
    m_explore = url;
    m_exploreButton->setVisible(url.isValid() && !url.isEmpty());
}

void LogsPane::clear()
{
    setExploreLink({});
    m_query->clear();
    m_lines->clear();
    m_blockLabels.clear();
    m_status->setText(tr("Log lines from around the selected alert's start are shown here."));
}

void LogsPane::showLoading(const ContextPlan::LogQuery &query, const ContextPlan::Window &window)
{
    m_query->setText(query.logQl());
    m_lines->clear();
    m_blockLabels.clear();
    m_status->setText(
        tr("Loading lines from %1 to %2…")
            .arg(window.start.toLocalTime().toString(u"HH:mm"_s), window.end.toLocalTime().toString(u"HH:mm"_s)));
}

void LogsPane::showProblem(const QString &problem)
{
    m_query->clear();
    m_lines->clear();
    m_blockLabels.clear();
    m_status->setText(problem);
}

void LogsPane::showLines(const ContextPlan::LogQuery &query, const LogResult &result, const QDateTime &alertStart)
{
    m_query->setText(query.logQl());
    m_blockLabels.clear();
    if (!result.ok) {
        m_lines->clear();
        m_status->setText(tr("Loki: %1").arg(result.error));
        return;
    }
    m_status->setText(result.lines.isEmpty() ? tr("No lines for %1 in this window.").arg(query.logQl())
                                             : tr("%n line(s), oldest first", nullptr, int(result.lines.size())));
    QStringList text;
    const qint64 startNs = alertStart.isValid() ? alertStart.toMSecsSinceEpoch() * 1'000'000 : -1;
    bool markerShown = startNs < 0;
    auto addMarker = [&] {
        text << tr("──── alert started %1 ────").arg(alertStart.toLocalTime().toString(u"HH:mm:ss"_s));
        m_blockLabels << QString();
        markerShown = true;
    };
    for (const LogLine &line : result.lines) {
        if (!markerShown && line.ns >= startNs)
            addMarker();
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(line.ns / 1'000'000).toLocalTime();
        // Multi-line entries (stack traces) stay together, indented under their time.
        QString body = line.line;
        body.replace(u'\n', u"\n             "_s);
        text << time.toString(u"HH:mm:ss.zzz"_s) + u' ' + body;
        QStringList labels;
        for (auto it = line.stream.cbegin(); it != line.stream.cend(); ++it)
            labels << it.key() + u"=\""_s + it.value() + u'"';
        const QString labelText = u'{' + labels.join(u", "_s) + u'}';
        for (qsizetype i = 0; i <= body.count(u'\n'); ++i)
            m_blockLabels << labelText;
    }
    if (!markerShown)
        addMarker();
    m_lines->setPlainText(text.join(u'\n'));
    m_highlighter->rehighlight();
}

QString LogsPane::text() const
{
    return m_lines->toPlainText();
}

QString LogsPane::status() const
{
    return m_status->text();
}

void LogsPane::setSearch(const QString &text)
{
    if (m_search->text() != text)
        m_search->setText(text);
    m_highlighter->search = text;
    m_highlighter->rehighlight();
    if (!text.isEmpty())
        m_lines->find(text) || (m_lines->moveCursor(QTextCursor::Start), m_lines->find(text));
}

int LogsPane::matches() const
{
    const QString search = m_highlighter->search;
    return search.isEmpty() ? 0 : int(m_lines->toPlainText().count(search, Qt::CaseInsensitive));
}

QString LogsPane::labelsAt(int blockNumber) const
{
    return blockNumber >= 0 && blockNumber < m_blockLabels.size() ? m_blockLabels.at(blockNumber) : QString();
}

bool LogsPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_lines->viewport() && event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString labels = labelsAt(m_lines->cursorForPosition(help->pos()).blockNumber());
        if (labels.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), AlertTableModel::plainToolTip(labels), m_lines);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}
