#include "SilenceDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
enum Column { NameColumn, ValueColumn, RegexColumn, NotColumn, RemoveColumn };
// Duration choices besides hours.
constexpr int keepEnd = 0;
constexpr int untilResolvedChoice = -1;
constexpr int customEndChoice = -2;

Silence draftFor(const Alert &alert, const QString &author)
{
    Silence draft;
    draft.matchers = AlertmanagerApi::matchersFor(alert);
    draft.createdBy = author;
    return draft;
}
} // namespace

SilenceDialog::SilenceDialog(const Alert &alert, const QList<Alert> &shown, const ConnectionCheckRequest &alertmanager,
                             const QString &author, QWidget *parent)
    : SilenceDialog(draftFor(alert, author), shown, alertmanager, alert.fingerprint, parent)
{
    setWindowTitle(tr("Silence %1").arg(alert.name));
}

SilenceDialog::SilenceDialog(const Silence &silence, const QList<Alert> &shown,
                             const ConnectionCheckRequest &alertmanager, QWidget *parent)
    : SilenceDialog(silence, shown, alertmanager, QString(), parent)
{
    setWindowTitle(tr("Edit silence"));
}

SilenceDialog::SilenceDialog(const Silence &draft, const QList<Alert> &shown,
                             const ConnectionCheckRequest &alertmanager, const QString &fingerprint, QWidget *parent)
    : QDialog(parent)
    , m_draft(draft)
    , m_fingerprint(fingerprint)
    , m_shown(shown)
    , m_alertmanager(alertmanager)
    , m_client(new AlertmanagerClient(this))
    , m_matchers(new QTableWidget(0, 5))
    , m_duration(new QComboBox)
    , m_customEnd(new QDateTimeEdit)
    , m_customEndHint(new QLabel)
    , m_comment(new QLineEdit(draft.comment))
    , m_author(new QLineEdit(draft.createdBy))
    , m_preview(new QLabel)
    , m_result(new QLabel)
{
    setObjectName(u"silenceDialog"_s);
    m_matchers->setObjectName(u"silenceMatchers"_s);
    m_matchers->setHorizontalHeaderLabels({tr("Label"), tr("Value"), tr("Regex"), tr("Not"), QString()});
    m_matchers->horizontalHeaderItem(NotColumn)->setToolTip(tr("Match alerts whose label is anything else"));
    m_matchers->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_matchers->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Interactive);
    m_matchers->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_matchers->setColumnWidth(NameColumn, 160);
    m_matchers->verticalHeader()->hide();
    for (const SilenceMatcher &matcher : draft.matchers)
        addMatcherRow(matcher);
    auto *add = new QPushButton(tr("&Add matcher"));
    add->setObjectName(u"silenceAddMatcher"_s);
    connect(add, &QPushButton::clicked, this, [this] {
        addMatcherRow({});
        m_matchers->setCurrentCell(m_matchers->rowCount() - 1, NameColumn);
        m_matchers->editItem(m_matchers->item(m_matchers->rowCount() - 1, NameColumn));
    });

    m_duration->setObjectName(u"silenceDuration"_s);
    const bool editing = !draft.id.isEmpty();
    const bool stillRunning = editing && draft.endsAt > QDateTime::currentDateTimeUtc();
    if (stillRunning)
        m_duration->addItem(
            tr("Keep the end (%1)").arg(QLocale().toString(draft.endsAt.toLocalTime(), QLocale::ShortFormat)), keepEnd);
    for (const auto &[label, hours] : {std::pair{tr("1 hour"), 1}, std::pair{tr("4 hours"), 4},
                                       std::pair{tr("1 day"), 24}, std::pair{tr("1 week"), 168}})
        m_duration->addItem(editing ? tr("%1 from now").arg(label) : label, hours);
    if (!m_fingerprint.isEmpty()) {
        m_duration->addItem(tr("Until resolved"), untilResolvedChoice);
        m_duration->setItemData(m_duration->count() - 1,
                                tr("An hour at a time, extended while the alert fires and AlertDeck runs"),
                                Qt::ToolTipRole);
    }
    m_duration->addItem(tr("Custom end…"), customEndChoice);
    m_duration->setItemData(m_duration->count() - 1, tr("Choose the date and time the silence ends"), Qt::ToolTipRole);
    m_customEnd->setObjectName(u"silenceEndsAt"_s);
    m_customEnd->setCalendarPopup(true);
    m_customEnd->setTimeSpec(Qt::LocalTime);
    m_customEnd->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    // Two hours ahead, on the minute, as a start; an edited silence starts from its own end.
    const QDateTime suggested = stillRunning ? draft.endsAt : QDateTime::currentDateTimeUtc().addSecs(2 * 3600);
    m_customEnd->setDateTime(
        QDateTime(suggested.toLocalTime().date(),
                  QTime(suggested.toLocalTime().time().hour(), suggested.toLocalTime().time().minute())));
    m_customEndHint->setObjectName(u"silenceEndsAtHint"_s);
    m_customEnd->setVisible(false);
    m_customEndHint->setVisible(false);
    connect(m_duration, &QComboBox::currentIndexChanged, this, &SilenceDialog::updateCustomEnd);
    connect(m_customEnd, &QDateTimeEdit::dateTimeChanged, this, &SilenceDialog::updateCustomEnd);
    m_comment->setObjectName(u"silenceComment"_s);
    m_comment->setPlaceholderText(tr("why, e.g. disk being replaced (required)"));
    m_author->setObjectName(u"silenceAuthor"_s);
    // Alert names, targets and Alertmanager's answers are data, never markup.
    m_preview->setObjectName(u"silencePreview"_s);
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setWordWrap(true);
    m_result->setObjectName(u"silenceResult"_s);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setWordWrap(true);
    m_result->setStyleSheet(u"color: #c62828;"_s);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_create = buttons->addButton(editing ? tr("&Save") : tr("&Silence"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(u"silenceCreate"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &SilenceDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout;
    auto *customEnd = new QHBoxLayout;
    customEnd->addWidget(m_customEnd);
    customEnd->addWidget(m_customEndHint, 1);
    form->addRow(tr("For"), m_duration);
    form->addRow(QString(), customEnd);
    form->addRow(tr("Comment"), m_comment);
    form->addRow(tr("Author"), m_author);
    auto *matcherButtons = new QHBoxLayout;
    matcherButtons->addWidget(add);
    matcherButtons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Alerts whose labels match all of these are silenced:")));
    layout->addWidget(m_matchers, 1);
    layout->addLayout(matcherButtons);
    layout->addWidget(m_preview);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    connect(m_matchers, &QTableWidget::itemChanged, this, &SilenceDialog::updatePreview);
    resize(640, 500);
    updatePreview();
}

void SilenceDialog::addMatcherRow(const SilenceMatcher &matcher)
{
    const QSignalBlocker quiet(m_matchers); // the preview updates once, below
    const int row = m_matchers->rowCount();
    m_matchers->insertRow(row);
    m_matchers->setItem(row, NameColumn, new QTableWidgetItem(matcher.name));
    m_matchers->setItem(row, ValueColumn, new QTableWidgetItem(matcher.value));
    auto *regex = new QCheckBox;
    regex->setChecked(matcher.isRegex);
    connect(regex, &QCheckBox::toggled, this, &SilenceDialog::updatePreview);
    m_matchers->setCellWidget(row, RegexColumn, regex);
    auto *negated = new QCheckBox;
    negated->setChecked(!matcher.isEqual);
    connect(negated, &QCheckBox::toggled, this, &SilenceDialog::updatePreview);
    m_matchers->setCellWidget(row, NotColumn, negated);
    auto *remove = new QPushButton(tr("Remove"));
    connect(remove, &QPushButton::clicked, this, [this, remove] {
        for (int r = 0; r < m_matchers->rowCount(); ++r)
            if (m_matchers->cellWidget(r, RemoveColumn) == remove) {
                m_matchers->removeRow(r);
                break;
            }
        updatePreview();
    });
    m_matchers->setCellWidget(row, RemoveColumn, remove);
    updatePreview();
}

QList<SilenceMatcher> SilenceDialog::matchers() const
{
    QList<SilenceMatcher> result;
    for (int row = 0; row < m_matchers->rowCount(); ++row) {
        const auto *regex = qobject_cast<QCheckBox *>(m_matchers->cellWidget(row, RegexColumn));
        const auto *negated = qobject_cast<QCheckBox *>(m_matchers->cellWidget(row, NotColumn));
        const QString name
            = m_matchers->item(row, NameColumn) ? m_matchers->item(row, NameColumn)->text().trimmed() : QString();
        if (!name.isEmpty())
            result.append({name,
                           m_matchers->item(row, ValueColumn) ? m_matchers->item(row, ValueColumn)->text() : QString(),
                           regex && regex->isChecked(), !(negated && negated->isChecked())});
    }
    return result;
}

QList<Alert> SilenceDialog::matching() const
{
    const QList<SilenceMatcher> current = matchers();
    QList<Alert> result;
    for (const Alert &alert : m_shown)
        if (alert.source == u"alertmanager"_s && alert.inLiveStore() && alert.state == AlertState::Firing
            && AlertmanagerApi::matches(current, alert.labels))
            result << alert;
    return result;
}

bool SilenceDialog::untilResolved() const
{
    return m_duration->currentData().toInt() == untilResolvedChoice;
}

void SilenceDialog::updatePreview()
{
    if (!m_create)
        return; // still being built
    const QList<Alert> hit = matching();
    QStringList names;
    for (const Alert &alert : hit.mid(0, 5))
        names << u"%1 (%2)"_s.arg(alert.name, alert.target());
    if (hit.size() > 5)
        names << tr("and %1 more").arg(hit.size() - 5);
    m_preview->setText(
        matchers().isEmpty() ? tr("A silence needs at least one matcher.")
            : hit.isEmpty()
            ? tr("Matches no alert firing now.")
            : tr("Matches %n alert(s) firing now: %1", nullptr, int(hit.size())).arg(names.join(u", "_s)));
    m_create->setEnabled(!matchers().isEmpty());
}

void SilenceDialog::updateCustomEnd()
{
    const bool custom = m_duration->currentData().toInt() == customEndChoice;
    m_customEnd->setVisible(custom);
    m_customEndHint->setVisible(custom);
    if (!custom)
        return;
    m_result->clear(); // an earlier "in the past" no longer applies
    const qint64 minutes = QDateTime::currentDateTimeUtc().secsTo(m_customEnd->dateTime()) / 60;
    if (minutes <= 0) {
        m_customEndHint->setText(tr("in the past: choose a later time"));
        return;
    }
    const qint64 days = minutes / (24 * 60);
    const qint64 hours = minutes / 60 % 24;
    QStringList parts;
    if (days > 0)
        parts << tr("%n day(s)", nullptr, int(days));
    if (hours > 0)
        parts << tr("%1 h").arg(hours);
    if (days == 0)
        parts << tr("%1 min").arg(minutes % 60);
    m_customEndHint->setText(tr("in %1").arg(parts.join(u' ')));
}

QDateTime SilenceDialog::chosenEnd(const QDateTime &start) const
{
    const int choice = m_duration->currentData().toInt();
    if (choice == keepEnd)
        return m_draft.endsAt;
    if (choice == customEndChoice)
        return m_customEnd->dateTime().toUTC();
    if (choice == untilResolvedChoice)
        return start.addSecs(std::chrono::seconds(untilResolvedWindow).count());
    return start.addSecs(3600LL * choice);
}

void SilenceDialog::create()
{
    if (m_comment->text().trimmed().isEmpty()) {
        m_result->setText(tr("Say why in the comment: it is what others see on the silence."));
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_duration->currentData().toInt() == customEndChoice && m_customEnd->dateTime().toUTC() <= now) {
        m_result->setStyleSheet(u"color: #c62828;"_s);
        m_result->setText(tr("The end is in the past: choose a date and time after now."));
        return;
    }
    Silence silence = m_draft;
    silence.matchers = matchers();
    // A running or pending silence keeps its start (Alertmanager then updates it in place).
    silence.startsAt = m_draft.startsAt.isValid() && m_draft.endsAt > now ? m_draft.startsAt : now;
    silence.endsAt = chosenEnd(std::max(now, silence.startsAt));
    silence.comment = m_comment->text().trimmed();
    silence.createdBy = m_author->text().trimmed().isEmpty() ? u"AlertDeck"_s : m_author->text().trimmed();
    m_create->setEnabled(false);
    m_result->setStyleSheet({});
    m_result->setText(tr("Saving the silence…"));
    m_client->saveSilence(m_alertmanager, silence, this,
                          [this, silence](const QString &id, const QString &error) mutable {
                              m_create->setEnabled(true);
                              if (!error.isEmpty()) {
                                  m_result->setStyleSheet(u"color: #c62828;"_s);
                                  m_result->setText(error);
                                  return;
                              }
                              silence.id = id;
                              emit silenceSaved(silence);
                              accept();
                          });
}
