#include "FollowUpInput.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

FollowUpInput::FollowUpInput(QWidget *parent)
    : QWidget(parent)
    , m_input(new QPlainTextEdit(this))
    , m_fresh(new QCheckBox(tr("with fresh data"), this))
    , m_ask(new QPushButton(tr("Ask"), this))
    , m_error(new QLabel(this))
{
    setObjectName(u"followUp"_s);
    m_input->setObjectName(u"followUpInput"_s);
    m_input->setPlaceholderText(tr("Ask a follow-up…"));
    m_input->setTabChangesFocus(true);
    m_input->installEventFilter(this);
    const int lines = 2;
    m_input->setFixedHeight(m_input->fontMetrics().lineSpacing() * lines + 2 * m_input->frameWidth() + 10);
    m_fresh->setObjectName(u"followUpFreshData"_s);
    m_fresh->setToolTip(tr("Gather the alert's metrics, logs and history again for this question"));
    m_ask->setObjectName(u"followUpAsk"_s);
    m_ask->setToolTip(tr("Send the question (Enter; Shift+Enter starts a new line)"));
    m_error->setObjectName(u"followUpError"_s);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    QPalette warning = m_error->palette();
    warning.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_error->setPalette(warning);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_fresh);
    row->addStretch(1);
    row->addWidget(m_ask);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_input);
    layout->addLayout(row);
    layout->addWidget(m_error);
    connect(m_ask, &QPushButton::clicked, this, &FollowUpInput::send);
    connect(m_input, &QPlainTextEdit::textChanged, this, [this] {
        if (m_input->document()->characterCount() > maxQuestionCharacters + 1) {
            QTextCursor cursor(m_input->document());
            cursor.setPosition(maxQuestionCharacters);
            cursor.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
            cursor.removeSelectedText();
        }
    });
}

QString FollowUpInput::question() const
{
    return m_input->toPlainText().trimmed();
}

void FollowUpInput::clearQuestion()
{
    m_input->clear();
}

void FollowUpInput::setAskable(bool askable)
{
    m_input->setEnabled(askable);
    m_ask->setEnabled(askable);
    m_fresh->setEnabled(askable);
}

void FollowUpInput::setFreshDataOffered(bool offered)
{
    m_fresh->setVisible(offered);
    if (!offered)
        m_fresh->setChecked(false);
}

void FollowUpInput::setError(const QString &error)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
}

QString FollowUpInput::error() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

bool FollowUpInput::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && !(key->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier))) {
            send();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FollowUpInput::send()
{
    const QString text = question();
    if (text.isEmpty() || !m_ask->isEnabled())
        return;
    setError({});
    emit asked(text, m_fresh->isVisible() && m_fresh->isChecked());
}
