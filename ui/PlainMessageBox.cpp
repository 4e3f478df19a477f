#include "PlainMessageBox.h"

#include <QLabel>

using namespace Qt::StringLiterals;

namespace PlainMessageBox {

QMessageBox *create(QMessageBox::Icon icon, const QString &title, const QString &text, QWidget *parent)
{
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Ok, parent);
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    return box;
}

void setInformativeText(QMessageBox &box, const QString &text)
{
    box.setInformativeText(text);
    // QMessageBox has no format for this text: its label is told directly (Qt names it).
    if (auto *label = box.findChild<QLabel *>(u"qt_msgbox_informativelabel"_s))
        label->setTextFormat(Qt::PlainText);
}

void critical(QWidget *parent, const QString &title, const QString &text)
{
    create(QMessageBox::Critical, title, text, parent)->exec();
}

} // namespace PlainMessageBox
