#include "SilenceDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
enum Column { NameColumn, ValueColumn, RegexColumn, RemoveColumn };

bool matches(const SilenceMatcher &matcher, const LabelMap &labels)
{
    const QString value = labels.value(matcher.name);
    bool hit = value == matcher.value;
    if (matcher.isRegex) {
        const QRegularExpression pattern(QRegularExpression::anchoredPattern(matcher.value));
        hit = pattern.isValid() && pattern.match(value).hasMatch();
    }
    return matcher.isEqual ? hit : !hit;
}
} // namespace

SilenceDialog::SilenceDialog(const Alert &alert, const QList<Alert> &shown, const ConnectionCheckRequest &alertmanager,
                             const QString &author, QWidget *parent)
    : QDialog(parent)
    , m_shown(shown)
    , m_alertmanager(alertmanager)
    , m_client(new AlertmanagerClient(this))
    , m_matchers(new QTableWidget(0, 4))
    , m_duration(new QComboBox)
    , m_comment(new QLineEdit)
    , m_author(new QLineEdit(author))
    , m_preview(new QLabel)
    , m_result(new QLabel)
{
    setObjectName(u"silenceDialog"_s);
    setWindowTitle(tr("Silence %1").arg(alert.name));
    m_matchers->setObjectName(u"silenceMatchers"_s);
    m_matchers->setHorizontalHeaderLabels({tr("Label"), tr("Value"), tr("Regex"), QString()});
    m_matchers->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_matchers->verticalHeader()->hide();
    for (const SilenceMatcher &matcher : AlertmanagerApi::matchersFor(alert)) {
        const int row = m_matchers->rowCount();
        m_matchers->insertRow(row);
        m_matchers->setItem(row, NameColumn, new QTableWidgetItem(matcher.name));
        m_matchers->setItem(row, ValueColumn, new QTableWidgetItem(matcher.value));
        auto *regex = new QCheckBox;
        connect(regex, &QCheckBox::toggled, this, &SilenceDialog::updatePreview);
        m_matchers->setCellWidget(row, RegexColumn, regex);
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
    }
    m_duration->setObjectName(u"silenceDuration"_s);
    for (const auto &[label, hours] : {std::pair{tr("1 hour"), 1}, std::pair{tr("4 hours"), 4},
                                       std::pair{tr("1 day"), 24}, std::pair{tr("1 week"), 168}})
        m_duration->addItem(label, hours);
    m_comment->setObjectName(u"silenceComment"_s);
    m_comment->setPlaceholderText(tr("why, e.g. disk being replaced (required)"));
    m_author->setObjectName(u"silenceAuthor"_s);
    m_preview->setObjectName(u"silencePreview"_s);
    m_preview->setWordWrap(true);
    m_result->setObjectName(u"silenceResult"_s);
    m_result->setWordWrap(true);
    m_result->setStyleSheet(u"color: #c62828;"_s);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_create = buttons->addButton(tr("&Silence"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(u"silenceCreate"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &SilenceDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout;
    form->addRow(tr("For"), m_duration);
    form->addRow(tr("Comment"), m_comment);
    form->addRow(tr("Author"), m_author);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Alerts whose labels match all of these are silenced:")));
    layout->addWidget(m_matchers, 1);
    layout->addWidget(m_preview);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    connect(m_matchers, &QTableWidget::itemChanged, this, &SilenceDialog::updatePreview);
    resize(620, 480);
    updatePreview();
}

QList<SilenceMatcher> SilenceDialog::matchers() const
{
    QList<SilenceMatcher> result;
    for (int row = 0; row < m_matchers->rowCount(); ++row) {
        const auto *regex = qobject_cast<QCheckBox *>(m_matchers->cellWidget(row, RegexColumn));
        const QString name
            = m_matchers->item(row, NameColumn) ? m_matchers->item(row, NameColumn)->text().trimmed() : QString();
        if (!name.isEmpty())
            result.append({name,
                           m_matchers->item(row, ValueColumn) ? m_matchers->item(row, ValueColumn)->text() : QString(),
                           regex && regex->isChecked(), true});
    }
    return result;
}

QList<Alert> SilenceDialog::matching() const
{
    const QList<SilenceMatcher> current = matchers();
    QList<Alert> result;
    if (current.isEmpty())
        return result;
    for (const Alert &alert : m_shown)
        if (alert.source == u"alertmanager"_s && alert.inLiveStore() && alert.state == AlertState::Firing
            && std::all_of(current.cbegin(), current.cend(),
                           [&alert](const SilenceMatcher &m) { return matches(m, alert.labels); }))
            result << alert;
    return result;
}

void SilenceDialog::updatePreview()
{
    const QList<Alert> hit = matching();
    QStringList names;
    for (const Alert &alert : hit.mid(0, 5))
        names << u"%1 (%2)"_s.arg(alert.name, alert.target());
    if (hit.size() > 5)
        names << tr("and %1 more").arg(hit.size() - 5);
    m_preview->setText(matchers().isEmpty() ? tr("A silence needs at least one matcher.")
                           : hit.isEmpty()
                           ? tr("Matches no alert firing now.")
                           : tr("Matches %1 alert(s) firing now: %2").arg(hit.size()).arg(names.join(u", "_s)));
    m_create->setEnabled(!matchers().isEmpty());
}

void SilenceDialog::create()
{
    if (m_comment->text().trimmed().isEmpty()) {
        m_result->setText(tr("Say why in the comment: it is what others see on the silence."));
        return;
    }
    Silence silence;
    silence.matchers = matchers();
    silence.startsAt = QDateTime::currentDateTimeUtc();
    silence.endsAt = silence.startsAt.addSecs(3600LL * m_duration->currentData().toInt());
    silence.comment = m_comment->text().trimmed();
    silence.createdBy = m_author->text().trimmed().isEmpty() ? u"AlertDeck"_s : m_author->text().trimmed();
    m_create->setEnabled(false);
    m_result->setStyleSheet({});
    m_result->setText(tr("Creating the silence…"));
    m_client->saveSilence(m_alertmanager, silence, this, [this](const QString &id, const QString &error) {
        m_create->setEnabled(true);
        if (!error.isEmpty()) {
            m_result->setStyleSheet(u"color: #c62828;"_s);
            m_result->setText(error);
            return;
        }
        emit silenceCreated(id);
        accept();
    });
}
