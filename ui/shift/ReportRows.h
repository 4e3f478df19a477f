#pragma once

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

// The rows the shift reports share: the span ("Window:" [choice] [from] to [to] … [Build],
// both times edited in UTC) and the progress of a build with its Cancel button.
namespace ReportRows {

inline QHBoxLayout *span(QWidget *owner, const QString &label, QComboBox *choice, QDateTimeEdit *from,
                         QDateTimeEdit *to, QPushButton *build)
{
    for (QDateTimeEdit *edit : {from, to}) {
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
        edit->setCalendarPopup(true);
    }
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(label, owner));
    row->addWidget(choice);
    row->addWidget(from);
    row->addWidget(new QLabel(QCoreApplication::translate("ReportRows", "to"), owner));
    row->addWidget(to);
    row->addStretch();
    row->addWidget(build);
    return row;
}

inline QHBoxLayout *progress(QProgressBar *bar, QPushButton *cancel)
{
    bar->setFormat(QCoreApplication::translate("ReportRows", "Reading the alert store… %p%"));
    auto *row = new QHBoxLayout;
    row->addWidget(bar, 1);
    row->addWidget(cancel);
    return row;
}

} // namespace ReportRows
