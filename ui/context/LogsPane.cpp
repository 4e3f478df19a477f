#include "LogsPane.h"

#include "LogVolumeHistogram.h"
#include "analysis/EvidenceSet.h"
#include "model/AlertTableModel.h"

#include <QCheckBox>
#include <QDesktopServices>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

constexpr int timeChars = 12; // "HH:mm:ss.zzz"
const QString continuationIndent = QString(timeChars + 1, u' ');
constexpr int triedShown = 3;

QColor colourOf(LogLevel::Level level)
{
    switch (level) {
    case LogLevel::Level::Error: return QColor(0xe5, 0x39, 0x35);
    case LogLevel::Level::Warning: return QColor(0xef, 0x8f, 0x00);
    case LogLevel::Level::Debug: return QColor(0x90, 0x90, 0x90);
    case LogLevel::Level::Info:
    case LogLevel::Level::None: break;
    }
    return {};
}

// "HH:mm:ss.zzz" in local time, for many times in a row: the zone's offset is looked
// up once per hour of times (that lookup, not the formatting, is what costs).
class LocalClock
{
public:
    QString text(qint64 ms)
    {
        const qint64 hour = ms / 3'600'000;
        if (hour != m_hour) {
            m_hour = hour;
            m_offsetMs = qint64(QDateTime::fromMSecsSinceEpoch(ms).offsetFromUtc()) * 1000;
        }
        qint64 ofDay = (ms + m_offsetMs) % 86'400'000;
        if (ofDay < 0)
            ofDay += 86'400'000;
        const auto two = [](qint64 v) { return QChar(u'0' + int(v / 10)) + QString(QChar(u'0' + int(v % 10))); };
        QString text;
        text.reserve(timeChars);
        text += two(ofDay / 3'600'000);
        text += u':';
        text += two(ofDay / 60'000 % 60);
        text += u':';
        text += two(ofDay / 1000 % 60);
        text += u'.';
        text += QString::number(ofDay % 1000).rightJustified(3, u'0');
        return text;
    }

private:
    qint64 m_hour = std::numeric_limits<qint64>::min();
    qint64 m_offsetMs = 0;
};

} // namespace

// Colours each line by its level (worked out once, when the lines arrive) and marks
// the search text, by setting each block's formats directly: a QSyntaxHighlighter
// would assign a format per character, which costs more than everything else here.
class LogHighlighter final : public QObject
{
public:
    explicit LogHighlighter(QObject *parent)
        : QObject(parent)
    {
        m_time.setForeground(QColor(0x80, 0x80, 0x80));
        m_marker.setForeground(QColor(0xfb, 0x8c, 0x00));
        m_marker.setFontWeight(QFont::Bold);
        m_found.setBackground(QColor(0xff, 0xeb, 0x3b));
        m_found.setForeground(Qt::black);
        for (const LogLevel::Level level : {LogLevel::Level::Error, LogLevel::Level::Warning, LogLevel::Level::Debug}) {
            QTextCharFormat format;
            format.setForeground(colourOf(level));
            if (level == LogLevel::Level::Error)
                format.setFontWeight(QFont::DemiBold);
            m_levels.insert(int(level), format);
        }
    }

    QString search;
    QList<LogLevel::Level> blockLevels; // per block; the marker has none
    QList<bool> markers; // per block: the alert-start marker

    void apply(QTextDocument *document)
    {
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
            block.layout()->setFormats(formatsOf(block.blockNumber(), block.text()));
        document->markContentsDirty(0, document->characterCount());
    }

private:
    QList<QTextLayout::FormatRange> formatsOf(int block, const QString &text) const
    {
        QList<QTextLayout::FormatRange> ranges;
        const int length = int(text.size());
        if (block < markers.size() && markers.at(block)) {
            ranges.append({0, length, m_marker});
        } else {
            ranges.append({0, std::min(timeChars, length), m_time});
            const LogLevel::Level level = block < blockLevels.size() ? blockLevels.at(block) : LogLevel::Level::None;
            if (const auto format = m_levels.constFind(int(level)); format != m_levels.cend() && length > timeChars)
                ranges.append({timeChars + 1, length - timeChars - 1, *format});
        }
        if (!search.isEmpty()) {
            for (qsizetype at = text.indexOf(search, 0, Qt::CaseInsensitive); at >= 0;
                 at = text.indexOf(search, at + search.size(), Qt::CaseInsensitive))
                ranges.append({int(at), int(search.size()), m_found});
        }
        return ranges;
    }

    QTextCharFormat m_time;
    QTextCharFormat m_marker;
    QTextCharFormat m_found;
    QHash<int, QTextCharFormat> m_levels;
};

LogsPane::LogsPane(QWidget *parent)
    : QWidget(parent)
    , m_exploreButton(new QPushButton(tr("Open in Grafana Explore")))
    , m_query(new QLineEdit)
    , m_run(new QPushButton(tr("Run")))
    , m_reset(new QPushButton(tr("Reset")))
    , m_discovery(new QLabel)
    , m_saveRules(new QPushButton(tr("Save as label-map rule")))
    , m_volume(new LogVolumeHistogram)
    , m_errorsOnly(new QCheckBox(tr("Only error-like lines")))
    , m_search(new QLineEdit)
    , m_status(new QLabel)
    , m_lines(new QPlainTextEdit)
    , m_highlighter(new LogHighlighter(this))
{
    setObjectName(u"logsPane"_s);
    // The query holds alert labels, the status Loki's answers: data, never markup.
    m_query->setObjectName(u"logQuery"_s);
    m_query->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_query->setPlaceholderText(tr("LogQL, e.g. {job=\"node\"} |= \"error\""));
    m_query->setToolTip(tr("The LogQL that fetched these lines. Edit it and press Ctrl+Enter (or Run)."));
    m_query->installEventFilter(this);
    m_run->setObjectName(u"runLogQuery"_s);
    m_run->setToolTip(tr("Run the query (Ctrl+Enter)"));
    m_reset->setObjectName(u"resetLogQuery"_s);
    m_reset->setToolTip(tr("Back to the query AlertDeck planned for this alert"));
    m_discovery->setObjectName(u"logDiscovery"_s);
    m_discovery->setTextFormat(Qt::PlainText);
    m_discovery->setWordWrap(true);
    m_discovery->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_saveRules->setObjectName(u"saveLabelRule"_s);
    m_saveRules->setToolTip(tr("Add this mapping to the Loki label map (Settings → Metrics and logs), so it is "
                               "used first next time."));
    m_errorsOnly->setObjectName(u"errorLinesOnly"_s);
    m_errorsOnly->setToolTip(tr("Lines at error or warning level, or with words such as error, fail, panic, "
                                "fatal, critical, warn, kill, OOM, out of memory, timeout or refused"));
    m_search->setObjectName(u"logSearch"_s);
    m_search->setPlaceholderText(tr("Find in these lines"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(160);
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

    auto *queryRow = new QHBoxLayout;
    queryRow->addWidget(m_query, 1);
    queryRow->addWidget(m_run);
    queryRow->addWidget(m_reset);
    queryRow->addWidget(m_exploreButton);
    auto *discoveryRow = new QHBoxLayout;
    discoveryRow->addWidget(m_discovery, 1);
    discoveryRow->addWidget(m_saveRules, 0, Qt::AlignTop);
    auto *linesRow = new QHBoxLayout;
    linesRow->addWidget(m_status, 1);
    linesRow->addWidget(m_errorsOnly);
    linesRow->addWidget(m_search);
    m_exploreButton->setObjectName(u"openExplore"_s);
    m_exploreButton->hide();
    connect(m_exploreButton, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(m_explore); });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(queryRow);
    layout->addLayout(discoveryRow);
    layout->addWidget(m_volume);
    layout->addLayout(linesRow);
    layout->addWidget(m_lines, 1);
    connect(m_search, &QLineEdit::textChanged, this, &LogsPane::setSearch);
    connect(m_errorsOnly, &QCheckBox::toggled, this, &LogsPane::render);
    connect(m_run, &QPushButton::clicked, this, &LogsPane::run);
    connect(m_query, &QLineEdit::returnPressed, this, &LogsPane::run);
    connect(m_reset, &QPushButton::clicked, this, [this] {
        m_query->setText(m_planned);
        emit runRequested(QString());
    });
    connect(m_saveRules, &QPushButton::clicked, this, [this] {
        m_saveRules->setEnabled(false);
        m_saveRules->setText(tr("Saving…"));
        emit saveRulesRequested(m_foundRules);
    });
    connect(m_volume, &LogVolumeHistogram::bucketClicked, this, &LogsPane::scrollToTime);
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
    m_key = {};
    m_planned.clear();
    m_foundRules.clear();
    m_query->clear();
    m_query->setEnabled(false);
    m_run->setEnabled(false);
    m_reset->setEnabled(false);
    m_discovery->clear();
    m_discovery->hide();
    m_saveRules->hide();
    m_entries.clear();
    m_streams.clear();
    m_alertStartNs = -1;
    m_window = {};
    m_wanted.reset();
    render();
    m_status->setText(tr("Log lines from around the selected alert's start are shown here."));
}

void LogsPane::run()
{
    const QString logQl = m_query->text().trimmed();
    if (!m_run->isEnabled() || logQl.isEmpty())
        return;
    m_query->setModified(false);
    emit runRequested(logQl == m_planned ? QString() : logQl);
}

void LogsPane::showQuery(const ContextPlan::LogQuery &query)
{
    m_planned = query.plannedLogQl();
    // What the engineer is typing stays; a new query replaces an untouched field.
    if (!m_query->isModified())
        m_query->setText(query.logQl());
    const bool runnable = !query.selector.isEmpty();
    m_query->setEnabled(runnable);
    m_run->setEnabled(runnable);
    m_reset->setEnabled(runnable && (!query.edited.isEmpty() || m_query->text().trimmed() != m_planned));
    m_foundRules = query.foundRules;
    QStringList lines;
    if (!query.planned.isEmpty() || (query.selector.isEmpty() && !query.tried.isEmpty())
        || !query.foundRules.isEmpty()) {
        lines << (query.planned.isEmpty()
                      ? tr("Streams found by asking Loki with %1 (the label map has no rule for this alert's labels).")
                            .arg(query.selector)
                      : tr("Streams found by asking Loki with %1; the label map's %2 finds none.")
                            .arg(query.selector, query.planned));
    } else if (!query.tried.isEmpty() && !query.selector.isEmpty()) {
        lines << tr("Loki found no streams for any selector tried; showing %1 from the label map.").arg(query.selector);
    }
    if (!lines.isEmpty() && !query.tried.isEmpty()) {
        QStringList tried = query.tried.mid(0, triedShown);
        if (query.tried.size() > triedShown)
            tried << tr("%n more (hover)", nullptr, int(query.tried.size() - triedShown));
        lines << tr("Tried: %1").arg(tried.join(u"; "_s));
    }
    m_discovery->setText(lines.join(u'\n'));
    m_discovery->setToolTip(query.tried.isEmpty() ? QString() : AlertTableModel::plainToolTip(query.tried.join(u'\n')));
    m_discovery->setVisible(!lines.isEmpty());
    const bool offerRules = !query.foundRules.isEmpty();
    if (offerRules && !m_saveRules->isVisible()) {
        m_saveRules->setEnabled(true);
        m_saveRules->setText(tr("Save as label-map rule"));
        m_saveRules->setToolTip(tr("Add this mapping to the Loki label map (Settings → Metrics and logs), so it "
                                   "is used first next time."));
    }
    m_saveRules->setVisible(offerRules);
}

void LogsPane::showContext(const ContextService::Context &context, const QDateTime &alertStart)
{
    if (context.key != m_key) {
        m_key = context.key;
        m_wanted.reset();
        m_query->setModified(false);
        m_saveRules->hide();
    }
    if (context.discoveringLogs) {
        showQuery(context.logQuery);
        m_entries.clear();
        render();
        m_status->setText(tr("Asking Loki which streams hold this alert's logs…"));
    } else if (!context.logQuery.problem.isEmpty()) {
        showProblem(context.logQuery.problem);
    } else if (context.logs) {
        showLines(context.logQuery, *context.logs, alertStart, context.window);
    } else {
        showLoading(context.logQuery, context.window);
    }
}

void LogsPane::showLoading(const ContextPlan::LogQuery &query, const ContextPlan::Window &window)
{
    showQuery(query);
    m_entries.clear();
    m_volume->clear();
    render();
    m_status->setText(
        tr("Loading lines from %1 to %2…")
            .arg(window.start.toLocalTime().toString(u"HH:mm"_s), window.end.toLocalTime().toString(u"HH:mm"_s)));
}

void LogsPane::showProblem(const QString &problem)
{
    m_query->clear();
    m_query->setEnabled(false);
    m_run->setEnabled(false);
    m_reset->setEnabled(false);
    m_discovery->hide();
    m_saveRules->hide();
    m_entries.clear();
    m_volume->clear();
    render();
    m_status->setText(problem);
}

void LogsPane::showLines(const ContextPlan::LogQuery &query, const LogResult &result, const QDateTime &alertStart,
                         const ContextPlan::Window &window)
{
    showQuery(query);
    m_entries.clear();
    m_streams.clear();
    m_alertStartNs = alertStart.isValid() ? alertStart.toMSecsSinceEpoch() * 1'000'000 : -1;
    m_alertStartText = alertStart.toLocalTime().toString(u"HH:mm:ss"_s);
    if (!result.ok) {
        m_volume->clear();
        render();
        m_status->setText(tr("Loki: %1").arg(result.error));
        return;
    }
    // Each line's level and time text once, here; showing and narrowing only read them.
    m_entries.reserve(result.lines.size());
    LocalClock clock;
    QHash<QString, qsizetype> streams;
    const LabelMap *previous = nullptr;
    qsizetype streamIndex = -1;
    QList<LogVolumeHistogram::Entry> volume;
    volume.reserve(result.lines.size());
    for (const LogLine &line : result.lines) {
        Entry entry;
        entry.ns = line.ns;
        entry.level = LogLevel::of(line.line);
        entry.errorLike
            = entry.level == Level::Error || entry.level == Level::Warning || LogLevel::isErrorLike(line.line);
        // Multi-line entries (stack traces) stay together, indented under their time.
        QString body = line.line;
        body.replace(u'\n', u'\n' + continuationIndent);
        entry.text = clock.text(line.ns / 1'000'000) + u' ' + body;
        // Streams are few: their label text is built once per run of lines from one stream.
        if (!previous || *previous != line.stream) {
            QStringList labels;
            for (auto it = line.stream.cbegin(); it != line.stream.cend(); ++it)
                labels << it.key() + u"=\""_s + it.value() + u'"';
            const QString text = u'{' + labels.join(u", "_s) + u'}';
            auto known = streams.constFind(text);
            if (known == streams.cend()) {
                m_streams << text;
                known = streams.insert(text, m_streams.size() - 1);
            }
            streamIndex = known.value();
            previous = &line.stream;
        }
        entry.labels = streamIndex;
        volume.append({entry.ns, entry.level});
        m_entries.append(std::move(entry));
    }
    const bool hasWindow = window.start.isValid() && window.end.isValid();
    m_volume->setEntries(volume, hasWindow ? window.start.toMSecsSinceEpoch() * 1'000'000 : 0,
                         hasWindow ? window.end.toMSecsSinceEpoch() * 1'000'000 : 0, m_alertStartNs);
    m_window = window;
    render();
    if (m_entries.isEmpty())
        m_status->setText(tr("No lines for %1 in this window.").arg(query.logQl()));
    // Evidence asked for before the lines were there, or shown before this refresh.
    if (m_wanted)
        selectEntry(entryOf(m_wanted->stream, m_wanted->ns, m_wanted->lineHash));
}

void LogsPane::render()
{
    QStringList text;
    m_blockEntries.clear();
    m_highlighter->blockLevels.clear();
    m_highlighter->markers.clear();
    const bool narrow = m_errorsOnly->isChecked();
    bool markerShown = m_alertStartNs < 0;
    int shown = 0;
    const auto addMarker = [&] {
        text << tr("──── alert started %1 ────").arg(m_alertStartText);
        m_blockEntries << -1;
        m_highlighter->blockLevels << Level::None;
        m_highlighter->markers << true;
        markerShown = true;
    };
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const Entry &entry = m_entries.at(i);
        if (narrow && !entry.errorLike)
            continue;
        if (!markerShown && entry.ns >= m_alertStartNs)
            addMarker();
        text << entry.text;
        ++shown;
        const qsizetype blocks = entry.text.count(u'\n') + 1;
        for (qsizetype b = 0; b < blocks; ++b) {
            m_blockEntries << i;
            m_highlighter->blockLevels << entry.level;
            m_highlighter->markers << false;
        }
    }
    if (!markerShown && !m_entries.isEmpty())
        addMarker();
    m_lines->setPlainText(text.join(u'\n'));
    m_highlighter->apply(m_lines->document());
    if (m_entries.isEmpty())
        return;
    const int total = int(m_entries.size());
    m_status->setText(narrow ? tr("%1 of %n line(s) are error-like, oldest first", nullptr, total).arg(shown)
                             : tr("%n line(s), oldest first", nullptr, total));
}

void LogsPane::showRulesSaved(const Result<> &saved)
{
    m_saveRules->setText(saved ? tr("Saved to the label map") : tr("Not saved"));
    m_saveRules->setEnabled(!saved);
    m_saveRules->setToolTip(saved ? tr("Used first for every alert from now on (Settings → Metrics and logs).")
                                  : QString());
    if (!saved)
        m_discovery->setText(m_discovery->text() + u'\n' + tr("Could not save the rule: %1").arg(saved.error()));
}

QString LogsPane::text() const
{
    return m_lines->toPlainText();
}

QString LogsPane::status() const
{
    return m_status->text();
}

QString LogsPane::logQl() const
{
    return m_query->text();
}

QString LogsPane::discovery() const
{
    return m_discovery->isVisibleTo(this) ? m_discovery->text() : QString();
}

void LogsPane::setErrorLinesOnly(bool only)
{
    m_errorsOnly->setChecked(only);
}

void LogsPane::setSearch(const QString &text)
{
    if (m_search->text() != text)
        m_search->setText(text);
    m_highlighter->search = text;
    m_highlighter->apply(m_lines->document());
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
    if (blockNumber < 0 || blockNumber >= m_blockEntries.size() || m_blockEntries.at(blockNumber) < 0)
        return {};
    return m_streams.value(m_entries.at(m_blockEntries.at(blockNumber)).labels);
}

LogsPane::Level LogsPane::levelAt(int blockNumber) const
{
    if (blockNumber < 0 || blockNumber >= m_blockEntries.size() || m_blockEntries.at(blockNumber) < 0)
        return Level::None;
    return m_entries.at(m_blockEntries.at(blockNumber)).level;
}

int LogsPane::firstVisibleBlock() const
{
    return m_lines->cursorForPosition(QPoint(2, 2)).blockNumber();
}

void LogsPane::scrollToTime(qint64 ns)
{
    // The first block shown at or after `ns` (the marker counts: it stands at the start).
    const auto at = std::find_if(m_blockEntries.cbegin(), m_blockEntries.cend(), [&](qsizetype entry) {
        return entry < 0 ? m_alertStartNs >= ns : m_entries.at(entry).ns >= ns;
    });
    const int block = at == m_blockEntries.cend() ? int(m_blockEntries.size()) - 1
                                                  : int(std::distance(m_blockEntries.cbegin(), at));
    if (block < 0)
        return;
    QTextCursor cursor(m_lines->document()->findBlockByNumber(block));
    m_lines->setTextCursor(cursor);
    m_lines->verticalScrollBar()->setValue(block);
}

bool LogsPane::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_query && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        // Ctrl+Enter runs the query here, before any window shortcut takes it.
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers().testFlag(Qt::ControlModifier)) {
            event->accept();
            if (event->type() == QEvent::KeyPress)
                run();
            return true;
        }
    }
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

namespace {

// As the lines' hover text names a stream.
QString streamText(const LabelMap &labels)
{
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it)
        parts << it.key() + u"=\""_s + it.value() + u'"';
    return u'{' + parts.join(u", "_s) + u'}';
}

} // namespace

qsizetype LogsPane::entryOf(const QString &stream, qint64 ns, const QString &lineHash) const
{
    // Lines are in time order: those at `ns` are found by binary search.
    auto at = std::lower_bound(m_entries.cbegin(), m_entries.cend(), ns,
                               [](const Entry &entry, qint64 wanted) { return entry.ns < wanted; });
    qsizetype candidate = -1;
    for (; at != m_entries.cend() && at->ns == ns; ++at) {
        if (m_streams.value(at->labels) != stream)
            continue;
        const qsizetype index = std::distance(m_entries.cbegin(), at);
        if (lineHash.isEmpty())
            return index;
        // The entry's text is the time, a space and the line with its continuation
        // lines indented: undone, it is the line Loki sent.
        QString line = at->text.mid(timeChars + 1);
        line.replace(u'\n' + continuationIndent, u"\n"_s);
        if (EvidenceLocator::hashOf(line) == lineHash)
            return index;
        if (candidate < 0)
            candidate = index; // the same stream and time: the line, if it changed since
    }
    return candidate;
}

LogsPane::Found LogsPane::showLine(const LabelMap &labels, qint64 ns, const QString &lineHash)
{
    m_wanted = LineWanted{streamText(labels), ns, lineHash};
    if (m_entries.isEmpty())
        return Found::Waiting;
    const qsizetype entry = entryOf(m_wanted->stream, ns, lineHash);
    if (entry < 0) {
        // Kept: a refresh or another window may bring it.
        m_lines->setExtraSelections({});
        scrollToTime(ns); // the lines nearest its time
        return Found::NotLoaded;
    }
    if (m_errorsOnly->isChecked() && !m_entries.at(entry).errorLike)
        m_errorsOnly->setChecked(false); // renders every line again
    selectEntry(entry);
    return Found::Shown;
}

void LogsPane::selectEntry(qsizetype entry)
{
    const auto first = std::find(m_blockEntries.cbegin(), m_blockEntries.cend(), entry);
    if (entry < 0 || first == m_blockEntries.cend()) {
        m_lines->setExtraSelections({});
        return;
    }
    const int firstBlock = int(std::distance(m_blockEntries.cbegin(), first));
    const int lastBlock = firstBlock + int(m_entries.at(entry).text.count(u'\n'));
    QTextCursor cursor(m_lines->document()->findBlockByNumber(firstBlock));
    const QTextBlock last = m_lines->document()->findBlockByNumber(lastBlock);
    cursor.setPosition(last.position() + last.length() - 1, QTextCursor::KeepAnchor);
    // Scrolled to, a little below the top, then selected.
    m_lines->verticalScrollBar()->setValue(std::max(0, firstBlock - 3));
    m_lines->setTextCursor(cursor);
    m_lines->ensureCursorVisible();
    QList<QTextEdit::ExtraSelection> marks;
    QColor mark = palette().color(QPalette::Highlight);
    mark.setAlpha(70);
    for (QTextBlock block = m_lines->document()->findBlockByNumber(firstBlock);
         block.isValid() && block.blockNumber() <= lastBlock; block = block.next()) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(block);
        selection.format.setBackground(mark);
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        marks << selection;
    }
    m_lines->setExtraSelections(marks);
}

int LogsPane::selectedBlock() const
{
    const QTextCursor cursor = m_lines->textCursor();
    if (!cursor.hasSelection())
        return -1;
    return m_lines->document()->findBlock(cursor.selectionStart()).blockNumber();
}
