#include "WheelGuard.h"

#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QScrollBar>
#include <QWidget>

void WheelGuard::guardFieldsOf(QWidget *root)
{
    auto *guard = new WheelGuard(root);
    const auto guardField = [guard](QWidget *field) {
        field->setFocusPolicy(Qt::StrongFocus); // focus by click or Tab, not by the wheel
        field->installEventFilter(guard);
    };
    for (QAbstractSpinBox *box : root->findChildren<QAbstractSpinBox *>())
        guardField(box);
    for (QComboBox *box : root->findChildren<QComboBox *>())
        guardField(box);
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    auto *field = qobject_cast<QWidget *>(watched);
    if (event->type() != QEvent::Wheel || !field || field->hasFocus())
        return false;
    // To the scroll bar of the form around it, which scrolls; nothing when there is none.
    for (QWidget *parent = field->parentWidget(); parent; parent = parent->parentWidget())
        if (auto *area = qobject_cast<QAbstractScrollArea *>(parent)) {
            QCoreApplication::sendEvent(area->verticalScrollBar(), event);
            break;
        }
    return true;
}
