#include "incidents/SeenBeforeCard.h"

#include "SeverityStyle.h"
#include "model/AlertTableModel.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString shortTime(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QColor badgeColor(SeenBefore::Recurrence recurrence, const QPalette &palette)
{
    switch (recurrence) {
    case SeenBefore::Recurrence::New: return palette.color(QPalette::Highlight);
    case SeenBefore::Recurrence::Rare: return SeverityStyle::color(Severity::Info, palette);
    case SeenBefore::Recurrence::Occasional: return SeverityStyle::color(Severity::Warning, palette);
    case SeenBefore::Recurrence::Frequent: return SeverityStyle::color(Severity::Critical, palette);
    }
    return palette.color(QPalette::Mid);
}

} // namespace

SeenBeforeCard::SeenBeforeCard(QWidget *parent)
    : QWidget(parent)
    , m_badge(new QLabel(this))
    , m_frequency(plainLabel({}, this))
    , m_recent(plainLabel({}, this))
    , m_matches(new QVBoxLayout)
    , m_note(new QPushButton(tr("Resolution &note…"), this))
{
    m_badge->setTextFormat(Qt::PlainText);
    m_badge->setAlignment(Qt::AlignCenter);
    m_badge->setMargin(3);
    m_badge->setAutoFillBackground(true);
    m_recent->setForegroundRole(QPalette::PlaceholderText);
    m_note->setToolTip(tr("Write down what caused this and what fixed it, for the next time."));
    connect(m_note, &QPushButton::clicked, this, &SeenBeforeCard::noteRequested);

    auto *title = new QLabel(tr("<b>Seen before</b>"), this);
    auto *header = new QHBoxLayout;
    header->addWidget(title);
    header->addWidget(m_badge);
    header->addStretch(1);
    header->addWidget(m_note);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_frequency);
    layout->addWidget(m_recent);
    layout->addLayout(m_matches);
    layout->addStretch(1);
    clear();
}

void SeenBeforeCard::clear()
{
    setLoading();
    m_frequency->setText(tr("How often the selected alert fired before, and what fixed it, shows here."));
    m_note->setEnabled(false);
}

void SeenBeforeCard::setUnavailable(const QString &why)
{
    setLoading();
    m_frequency->setText(why);
    m_note->setEnabled(false);
}

void SeenBeforeCard::setLoading()
{
    m_note->setEnabled(true);
    m_badge->hide();
    m_frequency->setText(tr("Looking through the history…"));
    m_recent->clear();
    m_recent->hide();
    qDeleteAll(m_matchWidgets);
    m_matchWidgets.clear();
}

void SeenBeforeCard::setReport(const SeenBefore::Report &report)
{
    qDeleteAll(m_matchWidgets);
    m_matchWidgets.clear();
    if (!report.problem.isEmpty()) {
        m_badge->hide();
        m_frequency->setText(tr("The history could not be read: %1").arg(report.problem));
        m_recent->hide();
        return;
    }
    m_badge->setText(SeenBefore::recurrenceText(report.recurrence));
    QPalette badgePalette = palette();
    const QColor color = badgeColor(report.recurrence, badgePalette);
    badgePalette.setColor(QPalette::Window, color);
    badgePalette.setColor(QPalette::WindowText, color.lightness() > 140 ? Qt::black : Qt::white);
    m_badge->setPalette(badgePalette);
    m_badge->setToolTip(tr("new: never seen in 30 days; rare: in at most 5 % of the incidents; frequent: in at "
                           "least 20 %"));
    m_badge->show();
    m_frequency->setText(frequencyText(report));
    QStringList recent;
    for (const QDateTime &start : report.recentStarts)
        recent.append(shortTime(start));
    m_recent->setText(recent.isEmpty() ? QString() : tr("Last: %1").arg(recent.join(u", "_s)));
    m_recent->setVisible(!recent.isEmpty());
    if (report.matches.isEmpty()) {
        auto *none = plainLabel(tr("No earlier alert like this one."), this);
        none->setForegroundRole(QPalette::PlaceholderText);
        m_matches->addWidget(none);
        m_matchWidgets.append(none);
        return;
    }
    for (const SeenBefore::Match &match : report.matches) {
        QWidget *widget = matchWidget(match);
        m_matches->addWidget(widget);
        m_matchWidgets.append(widget);
    }
}

QWidget *SeenBeforeCard::matchWidget(const SeenBefore::Match &match)
{
    auto *frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(2);
    const QString lasted = match.endsAt.isValid()
        ? tr("lasted %1").arg(AlertTableModel::formatDuration(match.startsAt.secsTo(match.endsAt)))
        : tr("still firing");
    auto *head = plainLabel(
        tr("%1 — %2, %3 (%4)").arg(match.name, shortTime(match.startsAt), lasted, SeenBefore::reasonText(match.reason)),
        frame);
    QFont bold = head->font();
    bold.setBold(true);
    head->setFont(bold);
    layout->addWidget(head);
    if (!match.note.isEmpty()) {
        layout->addWidget(plainLabel(match.note.summary(), frame));
        if (!match.note.text.isEmpty() && !match.note.cause.isEmpty())
            layout->addWidget(plainLabel(match.note.text.left(400), frame));
        if (!match.note.link.isEmpty() && match.note.validate()) {
            const QUrl url(match.note.link);
            auto *link = new QLabel(frame);
            link->setTextFormat(Qt::RichText);
            link->setText(u"<a href=\"%1\">%2</a>"_s.arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                                         match.note.link.left(120).toHtmlEscaped()));
            link->setOpenExternalLinks(true);
            link->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
            layout->addWidget(link);
        }
    } else {
        auto *none = plainLabel(tr("No resolution note."), frame);
        none->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(none);
    }
    if (!match.analysisSummary.isEmpty()) {
        auto *analysis = plainLabel(tr("AI analysis: %1").arg(match.analysisSummary.left(300)), frame);
        analysis->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(analysis);
    }
    return frame;
}

QString SeenBeforeCard::frequencyText(const SeenBefore::Report &report)
{
    if (report.firedLast30Days <= 0)
        return tr("Not seen in the last 30 days.");
    if (report.typicalDurationMs < 0)
        return tr("Fired %n time(s) in the last 30 days.", nullptr, report.firedLast30Days);
    return tr("Fired %n time(s) in the last 30 days, usually for %1.", nullptr, report.firedLast30Days)
        .arg(AlertTableModel::formatDuration(report.typicalDurationMs / 1000));
}
