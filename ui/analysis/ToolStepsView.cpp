#include "ToolStepsView.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPlainTextEdit>
#include <QResizeEvent>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr int shownLogLines = 8;
constexpr int shownSeries = 10;
constexpr qsizetype maxLineCharacters = 300;

QString cut(const QString &text, qsizetype length)
{
    return text.size() > length ? text.left(length) + u'…' : text;
}

QString labelsText(const LabelMap &labels)
{
    QStringList parts;
    for (auto it = labels.cbegin(); it != labels.cend() && parts.size() < 12; ++it)
        parts << u"%1=\"%2\""_s.arg(it.key(), it.value());
    return u"{"_s + parts.join(u", "_s) + u"}"_s;
}

} // namespace

ToolStepsView::ToolStepsView(QWidget *parent)
    : QScrollArea(parent)
    , m_content(new QWidget)
    , m_rowsLayout(new QVBoxLayout(m_content))
    , m_more(new QLabel(m_content))
{
    setObjectName(u"toolSteps"_s);
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(0);
    m_more->setObjectName(u"toolStepsEarlier"_s);
    m_more->setTextFormat(Qt::PlainText);
    m_more->setEnabled(false);
    m_more->setVisible(false);
    m_rowsLayout->addWidget(m_more);
    m_rowsLayout->addStretch(1);
    setWidget(m_content);
    setVisible(false);
}

void ToolStepsView::setSteps(const QList<ToolStep> &all, qsizetype earlier)
{
    // The latest calls are the ones the answer being written is about.
    const qsizetype shown = std::min<qsizetype>(all.size(), maxRows);
    const QList<ToolStep> steps = all.sliced(all.size() - shown);
    earlier += all.size() - shown;
    // From the first row whose call is another one (another conversation), rows start over.
    bool changed = false;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (i >= shown || m_rows.at(i)->step().callId != steps.at(i).callId) {
            while (m_rows.size() > i)
                delete m_rows.takeLast();
            changed = true;
            break;
        }
    }
    for (qsizetype i = 0; i < shown; ++i) {
        if (i >= m_rows.size()) {
            auto *row = new ToolStepRow(m_content);
            connect(row, &ToolStepRow::expandedChanged, this, &ToolStepsView::fitHeight);
            m_rowsLayout->insertWidget(int(i) + 1, row); // after the count of earlier calls
            m_rows.append(row);
        }
        changed = m_rows.at(i)->setStep(steps.at(i)) || changed;
    }
    if (const QString more = tr("%n earlier tool call(s) not listed", nullptr, int(earlier));
        earlier > 0 && m_more->text() != more) {
        m_more->setText(more);
        changed = true;
    }
    if (m_more->isVisibleTo(this) != (earlier > 0)) {
        m_more->setVisible(earlier > 0);
        changed = true;
    }
    setVisible(!steps.isEmpty());
    if (changed)
        fitHeight();
}

// As tall as the rows at this width, up to a dozen lines: the answer keeps the room.
void ToolStepsView::fitHeight()
{
    m_content->layout()->activate();
    const int textWidth = viewport()->width() > 0 ? viewport()->width() : width();
    QLayout *rows = m_content->layout();
    const int wanted
        = rows->hasHeightForWidth() ? rows->totalHeightForWidth(textWidth) : m_content->sizeHint().height();
    const int most = 12 * fontMetrics().lineSpacing();
    if (const int height = std::min(wanted, most) + 2 * frameWidth(); height != this->height()) {
        setFixedHeight(height);
        // Now, not at the next event: the answer below moves at once (and a grab sees it).
        if (QWidget *panel = parentWidget(); panel && panel->layout())
            panel->layout()->activate();
    }
}

void ToolStepsView::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    if (event->size().width() != event->oldSize().width())
        fitHeight();
}

bool ToolStepsView::highlight(const QString &callId)
{
    ToolStepRow *found = nullptr;
    for (ToolStepRow *row : std::as_const(m_rows)) {
        const bool match = row->step().callId == callId;
        row->setHighlighted(match);
        if (match)
            found = row;
    }
    if (!found)
        return false;
    found->setExpanded(true);
    fitHeight();
    ensureWidgetVisible(found, 0, 0);
    return true;
}

ToolStepRow *ToolStepsView::row(const QString &callId) const
{
    for (ToolStepRow *row : m_rows)
        if (row->step().callId == callId)
            return row;
    return nullptr;
}

QString ToolStepsView::stateMark(ToolStep::State state)
{
    switch (state) {
    case ToolStep::State::Running: return u"…"_s;
    case ToolStep::State::Done: return u"✓"_s;
    case ToolStep::State::Refused: return u"⊘"_s;
    case ToolStep::State::Failed: return u"✗"_s;
    case ToolStep::State::Stopped: return u"■"_s;
    }
    return {};
}

ToolStepRow::ToolStepRow(QWidget *parent)
    : QWidget(parent)
    , m_toggle(new QToolButton(this))
    , m_mark(new QLabel(this))
    , m_text(new QLabel(this))
{
    setObjectName(u"toolStep"_s);
    setAutoFillBackground(false);
    m_toggle->setObjectName(u"toolStepToggle"_s);
    m_toggle->setCheckable(true);
    m_toggle->setAutoRaise(true);
    m_toggle->setArrowType(Qt::RightArrow);
    m_toggle->setToolTip(tr("Show the result"));
    m_mark->setTextFormat(Qt::PlainText);
    m_mark->setFixedWidth(fontMetrics().horizontalAdvance(u"✓✓"_s));
    m_mark->setAlignment(Qt::AlignCenter);
    m_text->setObjectName(u"toolStepText"_s);
    m_text->setTextFormat(Qt::PlainText); // the model's arguments, the source's words
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->setSpacing(4);
    header->addWidget(m_toggle, 0, Qt::AlignTop);
    header->addWidget(m_mark, 0, Qt::AlignTop);
    header->addWidget(m_text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 1, 2, 1);
    layout->setSpacing(2);
    layout->addLayout(header);
    connect(m_toggle, &QToolButton::toggled, this, &ToolStepRow::setExpanded);
}

bool ToolStepRow::setStep(const ToolStep &step)
{
    // Called for every row at each render while an answer streams: most have not changed.
    if (!m_step.callId.isEmpty() && m_step.callId == step.callId && m_step.state == step.state
        && m_step.summary == step.summary && m_step.evidenceId == step.evidenceId
        && m_step.payload.index() == step.payload.index())
        return false;
    const bool payloadChanged = m_step.payload.index() != step.payload.index() || m_step.state != step.state;
    m_step = step;
    m_mark->setText(ToolStepsView::stateMark(step.state));
    const bool bad = step.state == ToolStep::State::Refused || step.state == ToolStep::State::Failed;
    if (bad) {
        QPalette warning = m_mark->palette();
        warning.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
        m_mark->setPalette(warning);
    } else {
        m_mark->setPalette(QPalette()); // the theme's, also after it changes
    }
    static const QHash<ToolStep::State, QString> names{{ToolStep::State::Running, tr("running")},
                                                       {ToolStep::State::Done, tr("answered")},
                                                       {ToolStep::State::Refused, tr("refused")},
                                                       {ToolStep::State::Failed, tr("failed")},
                                                       {ToolStep::State::Stopped, tr("stopped")}};
    m_mark->setToolTip(names.value(step.state));
    m_text->setText(headerText());
    m_text->setToolTip(cut(step.argumentsJson, 600));
    m_toggle->setVisible(!std::holds_alternative<std::monostate>(step.payload));
    if (payloadChanged && m_detail) {
        delete m_detail;
        m_detail = nullptr;
        if (m_toggle->isChecked())
            buildDetail();
    }
    return true;
}

QString ToolStepRow::headerText() const
{
    const QString name = cut(m_step.name, 60);
    QString summary = m_step.summary;
    if (summary.isEmpty() && m_step.state == ToolStep::State::Running)
        summary = tr("asking…");
    QString text = summary.isEmpty() ? name : tr("%1 — %2").arg(name, cut(summary, 400));
    if (!m_step.evidenceId.isEmpty())
        text += u" [%1]"_s.arg(m_step.evidenceId);
    return text;
}

bool ToolStepRow::isExpanded() const
{
    return m_toggle->isChecked();
}

void ToolStepRow::setExpanded(bool open)
{
    if (m_toggle->isChecked() != open) {
        m_toggle->setChecked(open); // comes back here
        return;
    }
    m_toggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    if (open && !m_detail)
        buildDetail();
    if (m_detail)
        m_detail->setVisible(open);
    emit expandedChanged(open);
}

void ToolStepRow::setHighlighted(bool on)
{
    m_highlighted = on;
    setAutoFillBackground(on);
    if (!on) {
        setPalette(QPalette());
        return;
    }
    QPalette tinted = palette();
    QColor tint = tinted.color(QPalette::Highlight);
    tint.setAlpha(60);
    tinted.setColor(QPalette::Window, tint);
    setPalette(tinted);
}

void ToolStepRow::buildDetail()
{
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (const auto *metric = std::get_if<MetricResult>(&m_step.payload)) {
        m_detail = new Sparkline(*metric, this);
    } else if (const auto *logs = std::get_if<LogResult>(&m_step.payload)) {
        auto *view = new QPlainTextEdit(this);
        view->setReadOnly(true);
        view->setFont(mono);
        view->setLineWrapMode(QPlainTextEdit::NoWrap);
        QStringList lines;
        for (qsizetype i = 0; i < logs->lines.size() && i < shownLogLines; ++i) {
            const LogLine &line = logs->lines.at(i);
            lines << QDateTime::fromMSecsSinceEpoch(line.ns / 1'000'000).toString(u"HH:mm:ss"_s) + u"  "_s
                    + cut(line.line, maxLineCharacters);
        }
        if (logs->lines.size() > shownLogLines)
            lines << tr("… %n more line(s)", nullptr, int(logs->lines.size() - shownLogLines));
        view->setPlainText(lines.join(u'\n'));
        view->setFixedHeight(view->fontMetrics().lineSpacing() * int(std::min<qsizetype>(lines.size(), 9) + 1));
        m_detail = view;
    } else if (const auto *list = std::get_if<ContextClient::SeriesList>(&m_step.payload)) {
        auto *label = new QLabel(this);
        label->setTextFormat(Qt::PlainText);
        label->setFont(mono);
        QStringList lines;
        for (qsizetype i = 0; i < list->series.size() && i < shownSeries; ++i)
            lines << cut(labelsText(list->series.at(i)), maxLineCharacters);
        if (list->series.size() > shownSeries || list->more)
            lines << tr("… more series");
        label->setText(lines.join(u'\n'));
        m_detail = label;
    } else if (const auto *occurrences = std::get_if<QList<StoredOccurrence>>(&m_step.payload)) {
        auto *label = new QLabel(this);
        label->setTextFormat(Qt::PlainText);
        label->setText(tr("%n earlier occurrence(s)", nullptr, int(occurrences->size())));
        m_detail = label;
    }
    if (m_detail) {
        m_detail->setObjectName(u"toolStepDetail"_s);
        m_detail->setContentsMargins(m_toggle->sizeHint().width() + 8, 0, 0, 0);
        static_cast<QVBoxLayout *>(layout())->addWidget(m_detail);
    }
}

Sparkline::Sparkline(const MetricResult &result, QWidget *parent)
    : QWidget(parent)
{
    setMinimumHeight(40);
    double low = std::numeric_limits<double>::infinity();
    double high = -low;
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    const qsizetype count = std::min<qsizetype>(result.series.size(), maxSeries);
    for (qsizetype s = 0; s < count; ++s)
        for (const Sample &sample : result.series.at(s).samples)
            if (std::isfinite(sample.value)) {
                low = std::min(low, sample.value);
                high = std::max(high, sample.value);
                first = std::min(first, sample.ms);
                last = std::max(last, sample.ms);
            }
    if (!(high >= low) || last < first)
        return;
    const double span = high > low ? high - low : 1;
    const double width = last > first ? double(last - first) : 1;
    for (qsizetype s = 0; s < count; ++s) {
        const QList<Sample> &samples = result.series.at(s).samples;
        const qsizetype stride = std::max<qsizetype>(1, samples.size() / maxPoints);
        QList<QPointF> line;
        for (qsizetype i = 0; i < samples.size(); i += stride)
            if (std::isfinite(samples.at(i).value))
                line << QPointF((samples.at(i).ms - first) / width, (samples.at(i).value - low) / span);
        m_lines << line;
    }
}

void Sparkline::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(contentsRect()).adjusted(2, 4, -4, -4);
    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    static const QList<QColor> colours{QColor(0x1e, 0x88, 0xe5), QColor(0xfb, 0x8c, 0x00), QColor(0x43, 0xa0, 0x47),
                                       QColor(0x8e, 0x24, 0xaa), QColor(0xe5, 0x39, 0x35)};
    for (qsizetype s = 0; s < m_lines.size(); ++s) {
        QPainterPath path;
        const QList<QPointF> &line = m_lines.at(s);
        for (qsizetype i = 0; i < line.size(); ++i) {
            const QPointF p(area.left() + line.at(i).x() * area.width(),
                            area.bottom() - line.at(i).y() * area.height());
            i == 0 ? path.moveTo(p) : path.lineTo(p);
        }
        painter.setPen(QPen(colours.at(s % colours.size()), 1.5));
        painter.drawPath(path);
    }
}
