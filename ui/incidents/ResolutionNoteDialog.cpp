#include "incidents/ResolutionNoteDialog.h"

#include "SeverityStyle.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

ResolutionNoteDialog::ResolutionNoteDialog(const QString &subject, const ResolutionNote &note, QWidget *parent)
    : QDialog(parent)
    , m_cause(new QLineEdit(note.cause, this))
    , m_action(new QLineEdit(note.action, this))
    , m_link(new QLineEdit(note.link, this))
    , m_text(new QPlainTextEdit(note.text, this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
    , m_writtenAt(note.writtenAt)
{
    setWindowTitle(tr("Resolution note — %1").arg(subject.left(120)));
    m_cause->setPlaceholderText(tr("What caused it, e.g. the nightly import ran out of memory"));
    m_action->setPlaceholderText(tr("What fixed it, e.g. raised the memory limit and restarted"));
    m_link->setPlaceholderText(tr("https://… (runbook, ticket, post-mortem)"));
    m_text->setPlaceholderText(tr("Anything the next person should know"));
    m_text->setTabChangesFocus(true);
    for (QLineEdit *edit : {m_cause, m_action, m_link})
        edit->setMaxLength(int(ResolutionNote::maxFieldCharacters));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    QPalette problemPalette = m_problem->palette();
    problemPalette.setColor(QPalette::WindowText, SeverityStyle::color(Severity::Critical, problemPalette));
    m_problem->setPalette(problemPalette);
    m_problem->hide();

    auto *hint = new QLabel(tr("Kept with this occurrence and shown when it, or something like it, fires again. "
                               "The next AI analysis of a similar alert reads it as an earlier incident."),
                            this);
    hint->setWordWrap(true);
    hint->setTextFormat(Qt::PlainText);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QFormLayout;
    form->addRow(tr("&Cause:"), m_cause);
    form->addRow(tr("&Action taken:"), m_action);
    form->addRow(tr("&Link:"), m_link);
    form->addRow(tr("&Notes:"), m_text);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(form, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    resize(560, 380);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_cause, m_action, m_link})
        connect(edit, &QLineEdit::textChanged, this, &ResolutionNoteDialog::check);
    connect(m_text, &QPlainTextEdit::textChanged, this, &ResolutionNoteDialog::check);
    check();
}

ResolutionNote ResolutionNoteDialog::note() const
{
    ResolutionNote note;
    note.cause = m_cause->text().trimmed();
    note.action = m_action->text().trimmed();
    note.link = m_link->text().trimmed();
    note.text = m_text->toPlainText().trimmed();
    note.writtenAt = m_writtenAt.isValid() ? m_writtenAt : QDateTime::currentDateTimeUtc();
    return note;
}

void ResolutionNoteDialog::check()
{
    const Result<> valid = note().validate();
    m_problem->setVisible(!valid);
    m_problem->setText(valid ? QString() : valid.error());
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(bool(valid));
}
