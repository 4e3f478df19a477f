#pragma once

#include "incidents/ResolutionNote.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

// "Resolution note…": what caused it, what fixed it, a link and free text, for the
// alert or incident named in the title. Save stays off while the note is invalid (a link
// that is not a web address), and the problem is said under the fields.
class ResolutionNoteDialog final : public QDialog
{
    Q_OBJECT

public:
    ResolutionNoteDialog(const QString &subject, const ResolutionNote &note, QWidget *parent = nullptr);

    ResolutionNote note() const;

    QLineEdit *causeEdit() const { return m_cause; }
    QLineEdit *actionEdit() const { return m_action; }
    QLineEdit *linkEdit() const { return m_link; }
    QPlainTextEdit *textEdit() const { return m_text; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    QLabel *problemLabel() const { return m_problem; }

private:
    void check();

    QLineEdit *m_cause;
    QLineEdit *m_action;
    QLineEdit *m_link;
    QPlainTextEdit *m_text;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QDateTime m_writtenAt;
};
