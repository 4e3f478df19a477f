#pragma once

#include <QApplication>
#include <QLabel>
#include <QString>
#include <QTextDocument>
#include <QWidget>

// What a person sees of a text that Qt may read as HTML. A QLabel or QMessageBox with
// Qt::AutoText (their default) and every tooltip render it as HTML when
// Qt::mightBeRichText() says so; Qt Charts' legend always does. Tests of hostile alert
// data check that the characters shown are the data, not what its markup renders to.
inline QString shownText(const QString &text, Qt::TextFormat format = Qt::AutoText)
{
    const bool rich = format == Qt::RichText || (format == Qt::AutoText && Qt::mightBeRichText(text));
    if (!rich)
        return text;
    QTextDocument document;
    document.setHtml(text);
    return document.toPlainText();
}

inline QString shownText(const QLabel *label)
{
    return shownText(label->text(), label->textFormat());
}

// The tooltip on screen now (QToolTip::showText's label), or null.
inline QLabel *shownToolTip()
{
    for (QWidget *widget : QApplication::topLevelWidgets())
        if (widget->inherits("QTipLabel") && widget->isVisible())
            return qobject_cast<QLabel *>(widget);
    return nullptr;
}

// Alert data that renders as something else when read as HTML: a picture, bold text
// and a link. Shown as text, a person sees exactly these characters.
inline const QString hostileMarkup
    = QStringLiteral("<img src=\"file:///etc/hostname\"><b style=\"font-size:40px\">PWNED</b> "
                     "<a href=\"https://evil.example/login\">Click to re-login</a>");
