#pragma once

#include <QMessageBox>

// Message boxes that show their texts as written. Start-up errors and configuration
// problems quote paths, settings and servers' answers; QMessageBox reads a text that
// looks like HTML as HTML (a "<" and what follows would vanish, a link could be
// planted), so every text here is plain.
namespace PlainMessageBox {

// A box that deletes itself when closed; show it with open() or exec().
QMessageBox *create(QMessageBox::Icon icon, const QString &title, const QString &text, QWidget *parent = nullptr);
// The smaller text under the main one, also plain.
void setInformativeText(QMessageBox &box, const QString &text);
// A modal error, like QMessageBox::critical().
void critical(QWidget *parent, const QString &title, const QString &text);

} // namespace PlainMessageBox
