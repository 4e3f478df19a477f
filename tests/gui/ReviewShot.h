#pragma once

#include <QImage>
#include <QString>
#include <QTest>
#include <QWidget>

// A picture of `widget` for people to look at, saved when ALERTDECK_SCREENSHOT_DIR is set.
inline void saveForReview(QWidget *widget, const QString &name)
{
    const QString directory = qEnvironmentVariable("ALERTDECK_SCREENSHOT_DIR");
    const QImage image = widget->grab().toImage();
    QVERIFY(!image.isNull());
    if (!directory.isEmpty())
        QVERIFY(image.save(directory + u'/' + name));
}
