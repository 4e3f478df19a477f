#include "AboutDialog.h"

#include "SeverityStyle.h"
#include "core/BuildInfo.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

AboutDialog::AboutDialog(const QString &dataDirectory, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About AlertDeck"));

    auto *icon = new QLabel(this);
    icon->setPixmap(SeverityStyle::appIcon().pixmap(64, 64));
    auto *title = new QLabel(u"<h2>AlertDeck %1</h2><p>%2</p>"_s.arg(QLatin1String(BuildInfo::version),
                                                                     tr("An operator console for on-call engineers.")),
                             this);
    auto *header = new QHBoxLayout;
    header->addWidget(icon);
    header->addWidget(title, 1);

    auto *dataDirLabel = new QLabel(dataDirectory, this);
    dataDirLabel->setObjectName(u"aboutDataDirectory"_s);
    dataDirLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *form = new QFormLayout;
    form->addRow(tr("Version:"), new QLabel(QLatin1String(BuildInfo::version), this));
    auto *qtLabel
        = new QLabel(tr("%1 (built with %2)").arg(QLatin1String(qVersion()), QLatin1String(QT_VERSION_STR)), this);
    qtLabel->setObjectName(u"aboutQtVersion"_s);
    form->addRow(tr("Qt:"), qtLabel);
    form->addRow(tr("Data directory:"), dataDirLabel);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *openFolder = buttons->addButton(tr("Open data folder"), QDialogButtonBox::ActionRole);
    connect(openFolder, &QPushButton::clicked, this,
            [dataDirectory] { QDesktopServices::openUrl(QUrl::fromLocalFile(dataDirectory)); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addLayout(form);
    layout->addWidget(buttons);
}
