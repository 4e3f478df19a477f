#include "CatchUpCard.h"

#include "SeverityStyle.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

CatchUpCard::CatchUpCard(const QString &dataDirectory, QWidget *parent)
    : QFrame(parent)
    , m_dataDirectory(dataDirectory)
    , m_title(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_entries(new QVBoxLayout)
{
    setObjectName(u"catchUpCard"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    auto *dismiss = new QPushButton(tr("&Dismiss"), this);
    dismiss->setObjectName(u"catchUpDismiss"_s);
    dismiss->setToolTip(tr("Put the card away; cleared critical alerts are no longer kept for you"));
    connect(dismiss, &QPushButton::clicked, this, &CatchUpCard::dismiss);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(dismiss);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_summary);
    m_entries->setSpacing(0);
    layout->addLayout(m_entries);
    hide();
}

void CatchUpCard::showCatchUp(const CatchUp &catchUp)
{
    if (catchUp.isEmpty())
        return;
    m_catchUp = m_catchUp ? CatchUp::merged(*m_catchUp, catchUp) : catchUp;
    if (!m_dataDirectory.isEmpty())
        CatchUpFile(m_dataDirectory).keep(*m_catchUp);
    render();
}

void CatchUpCard::restoreKept()
{
    if (m_dataDirectory.isEmpty())
        return;
    if (const std::optional<CatchUp> kept = CatchUpFile(m_dataDirectory).read()) {
        m_catchUp = kept;
        render();
    }
}

void CatchUpCard::dismiss()
{
    m_catchUp.reset();
    if (!m_dataDirectory.isEmpty())
        CatchUpFile(m_dataDirectory).forget();
    hide();
}

void CatchUpCard::render()
{
    qDeleteAll(m_entryWidgets);
    m_entryWidgets.clear();
    const CatchUp &catchUp = *m_catchUp;
    m_title->setText(catchUp.title());
    QStringList counts;
    using What = CatchUp::What;
    for (What what : {What::Fired, What::FiredAndCleared, What::Resolved, What::MutedByOthers})
        if (const int n = catchUp.count(what); n > 0)
            counts << tr("%1: %2").arg(CatchUp::whatText(what)).arg(n);
    m_summary->setText(counts.join(u" · "_s));

    const QLocale locale;
    for (const CatchUp::Entry &entry : catchUp.entries.mid(0, shownEntries)) {
        QString detail = CatchUp::whatText(entry.what);
        const QString time = locale.toString(entry.alert.startsAt.toLocalTime().time(), QLocale::ShortFormat);
        if (entry.what == What::MutedByOthers && !entry.mute.by.isEmpty())
            detail = entry.mute.since.isValid()
                ? tr("silenced by %1 at %2")
                      .arg(entry.mute.by.left(80),
                           locale.toString(entry.mute.since.toLocalTime().time(), QLocale::ShortFormat))
                : tr("silenced by %1").arg(entry.mute.by.left(80));
        auto *line = new QToolButton(this);
        line->setAutoRaise(true);
        line->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        line->setIcon(SeverityStyle::icon(entry.alert.severity));
        // Plain text on a button: label values cannot bring markup.
        const QString subject = entry.alert.target().isEmpty()
            ? entry.alert.name.left(120)
            : tr("%1 on %2").arg(entry.alert.name.left(120), entry.alert.target().left(80));
        const QString text = tr("%1 — %2, started %3").arg(subject, detail, time);
        line->setText(QString(text).replace(u'&', u"&&"_s)); // an "&" in a name is no shortcut
        line->setToolTip(tr("Show this alert"));
        connect(line, &QToolButton::clicked, this,
                [this, source = entry.alert.source, fingerprint = entry.alert.fingerprint] {
                    emit alertChosen(source, fingerprint);
                });
        m_entries->addWidget(line, 0, Qt::AlignLeft);
        m_entryWidgets.append(line);
    }
    if (const qsizetype more = catchUp.entries.size() - shownEntries; more > 0) {
        auto *rest = new QLabel(tr("and %n more", nullptr, int(more)), this);
        rest->setForegroundRole(QPalette::PlaceholderText);
        m_entries->addWidget(rest);
        m_entryWidgets.append(rest);
    }
    show();
}
