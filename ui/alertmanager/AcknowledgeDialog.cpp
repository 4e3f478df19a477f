#include "AcknowledgeDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype maxValueChars = 60;
constexpr qsizetype maxLineChars = 200;

// Label text for one line: no line breaks or invisible direction tricks, bounded.
QString shown(const QString &text, qsizetype limit)
{
    QString out;
    out.reserve(std::min(text.size(), limit + 1));
    for (const QChar c : text) {
        if (out.size() >= limit) {
            if (out.back().isHighSurrogate())
                out.chop(1);
            return out + u'…';
        }
        const QChar::Category category = c.category();
        if (c.isSpace())
            out += u' ';
        else if (category == QChar::Other_Control || category == QChar::Other_Format)
            out += QChar::ReplacementCharacter;
        else
            out += c;
    }
    return out;
}

QString alertName(const Alert &alert)
{
    const QString name = alert.name.isEmpty() ? alert.labels.value(u"alertname"_s) : alert.name;
    return name.isEmpty() ? AcknowledgeDialog::tr("(no alertname)") : shown(name, maxValueChars);
}

} // namespace

AcknowledgeDialog::AcknowledgeDialog(const AcknowledgeCheck &check, QWidget *parent)
    : QDialog(parent)
    , m_check(check)
{
    using Outcome = AcknowledgeCheck::Outcome;
    setObjectName(u"acknowledgeDialog"_s);
    setWindowTitle(tr("Acknowledge %1").arg(alertName(check.alert)));

    auto *icon = new QLabel;
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()
                        ->standardIcon(check.outcome == Outcome::NotAsked ? QStyle::SP_MessageBoxCritical
                                                                          : QStyle::SP_MessageBoxWarning,
                                       nullptr, this)
                        .pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);

    auto *title = new QLabel(headline());
    title->setObjectName(u"acknowledgeHeadline"_s);
    title->setTextFormat(Qt::PlainText);
    title->setWordWrap(true);
    QFont bold = title->font();
    bold.setBold(true);
    if (bold.pointSizeF() > 0)
        bold.setPointSizeF(bold.pointSizeF() * 1.15);
    title->setFont(bold);

    auto *text = new QLabel(explanation());
    text->setObjectName(u"acknowledgeExplanation"_s);
    text->setTextFormat(Qt::PlainText);
    text->setWordWrap(true);

    auto *column = new QVBoxLayout;
    column->addWidget(title);
    column->addWidget(text);
    if (!check.matchers.isEmpty()) {
        auto *matchers
            = new QLabel(tr("Matchers: %1").arg(shown(AlertmanagerApi::describe(check.matchers), 3 * maxLineChars)));
        matchers->setObjectName(u"acknowledgeMatchers"_s);
        matchers->setTextFormat(Qt::PlainText);
        matchers->setWordWrap(true);
        matchers->setTextInteractionFlags(Qt::TextSelectableByMouse);
        column->addWidget(matchers);
    }
    if (check.outcome == Outcome::OtherAlertsToo) {
        auto *others = new QListWidget;
        others->setObjectName(u"acknowledgeOthers"_s);
        for (const Alert &alert : check.others)
            others->addItem(describeAlert(alert));
        if (check.otherCount > check.others.size())
            others->addItem(tr("… and %n more", nullptr, int(check.otherCount - check.others.size())));
        others->setSelectionMode(QAbstractItemView::NoSelection);
        // A long line is cut with "…", not scrolled: a scroll bar would hide the last row.
        others->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        others->setTextElideMode(Qt::ElideRight);
        others->setFocusPolicy(Qt::NoFocus);
        const int rows = int(std::min<qsizetype>(others->count(), AcknowledgeCheck::listedOthers + 1));
        others->setFixedHeight(rows * others->sizeHintForRow(0) + 2 * others->frameWidth() + 4);
        column->addWidget(others);
    }
    if (check.outcome == Outcome::NotAsked) {
        auto *error = new QLabel(shown(check.error, 3 * maxLineChars));
        error->setObjectName(u"acknowledgeError"_s);
        error->setTextFormat(Qt::PlainText);
        error->setWordWrap(true);
        error->setStyleSheet(u"color: #c62828;"_s);
        error->setTextInteractionFlags(Qt::TextSelectableByMouse);
        column->addWidget(error);
    }

    auto *buttons = new QDialogButtonBox;
    QPushButton *cancel = buttons->addButton(check.outcome == Outcome::OtherAlertsToo ? QDialogButtonBox::Cancel
                                                                                      : QDialogButtonBox::Close);
    cancel->setObjectName(u"acknowledgeCancel"_s);
    auto *narrow = new QPushButton(tr("&Silence…"));
    narrow->setObjectName(u"acknowledgeNarrow"_s);
    narrow->setToolTip(tr("Open the full Silence dialog with these matchers, to narrow them"));
    narrow->setAutoDefault(false);
    connect(narrow, &QPushButton::clicked, this, [this] {
        emit narrowChosen();
        reject();
    });
    if (check.outcome == Outcome::OtherAlertsToo) {
        const int total = check.otherCount + (check.alertFound ? 1 : 0);
        QPushButton *all = buttons->addButton(tr("Silence &all %1").arg(total), QDialogButtonBox::AcceptRole);
        all->setObjectName(u"acknowledgeSilenceAll"_s);
        all->setAutoDefault(false);
        connect(all, &QPushButton::clicked, this, [this] {
            emit silenceAllChosen();
            accept();
        });
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The safe answer is the one Enter gives.
    cancel->setDefault(true);
    cancel->setFocus();

    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addSpacing(8);
    top->addLayout(column, 1);
    column->addStretch(1); // wrapped text may leave height over: below the text, not between
    // "Silence…" apart on the left; the answers to the question on the right.
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(narrow);
    bottom->addStretch(1);
    bottom->addWidget(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(bottom);
    setMinimumWidth(520);
}

QString AcknowledgeDialog::describeAlert(const Alert &alert)
{
    // The labels that tell alerts apart most often, then the rest in name order.
    static const QStringList telling{u"instance"_s, u"job"_s,     u"severity"_s, u"namespace"_s,
                                     u"pod"_s,      u"service"_s, u"cluster"_s};
    QStringList names;
    for (const QString &name : telling)
        if (alert.labels.contains(name))
            names << name;
    for (auto it = alert.labels.cbegin(); it != alert.labels.cend() && names.size() < 3; ++it)
        if (it.key() != u"alertname"_s && !names.contains(it.key()))
            names << it.key();
    QStringList parts;
    for (const QString &name : names.mid(0, 3))
        parts << shown(name, maxValueChars) + u'=' + shown(alert.labels.value(name), maxValueChars);
    const QString line = parts.isEmpty() ? alertName(alert) : alertName(alert) + u" — "_s + parts.join(u", "_s);
    return shown(line, maxLineChars);
}

QString AcknowledgeDialog::headline() const
{
    const QString name = alertName(m_check.alert);
    switch (m_check.outcome) {
    case AcknowledgeCheck::Outcome::OtherAlertsToo:
        return m_check.alertFound
            ? tr("Acknowledging %1 would also silence %n other alert(s)", nullptr, m_check.otherCount).arg(name)
            : tr("%1 is not in Alertmanager, and its labels match %n other alert(s)", nullptr, m_check.otherCount)
                  .arg(name);
    case AcknowledgeCheck::Outcome::NotInAlertmanager: return tr("%1 is not in Alertmanager").arg(name);
    case AcknowledgeCheck::Outcome::NotAsked:
    case AcknowledgeCheck::Outcome::OnlyThisAlert: break;
    }
    return tr("Alertmanager could not be asked what the acknowledgement would silence");
}

QString AcknowledgeDialog::explanation() const
{
    switch (m_check.outcome) {
    case AcknowledgeCheck::Outcome::OtherAlertsToo:
        return m_check.alertFound
            ? tr("A silence mutes every alert whose labels match all of its matchers, and these alerts in "
                 "Alertmanager match them now. Nothing has been silenced yet.")
            : tr("It may have resolved, or it reached AlertDeck without going through Alertmanager. A silence "
                 "with its labels would mute these alerts there. Nothing has been silenced yet.");
    case AcknowledgeCheck::Outcome::NotInAlertmanager:
        return tr("Alertmanager has no alert with these labels now: it may have resolved, or it reached AlertDeck "
                  "without going through Alertmanager. Nothing has been silenced.");
    case AcknowledgeCheck::Outcome::NotAsked:
    case AcknowledgeCheck::Outcome::OnlyThisAlert: break;
    }
    return tr("Before acknowledging, AlertDeck asks Alertmanager which alerts the silence would mute, so that it "
              "mutes only this one. Nothing has been silenced; Silence… lets you choose the matchers yourself.");
}
