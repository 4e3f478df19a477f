#pragma once

#include <QObject>

class QWidget;

// A long form scrolls with the mouse wheel; a spin box or combo box that the pointer
// happens to pass over must not take the wheel and change its value unnoticed. Guarded
// fields take the wheel only once they have focus (a click or Tab); until then the wheel
// scrolls the form around them.
class WheelGuard final : public QObject
{
    Q_OBJECT

public:
    // Guards every spin box and combo box under `root` (owned by `root`).
    static void guardFieldsOf(QWidget *root);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};
