#include "DataPage.h"

#include "settings/AppSettings.h"
#include "store/DataDirectory.h"
#include "store/PayloadExport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

DataPage::DataPage(const QString &storePath, QWidget *parent)
    : SettingsPage(tr("Data"), QIcon(u":/icons/settings-data.svg"_s), parent)
    , m_storePath(storePath)
    , m_directory(new QLineEdit)
    , m_retention(new QSpinBox)
    , m_export(new QPushButton(tr("Export history…")))
    , m_exportProgress(new QProgressBar)
    , m_exportStatus(new QLabel)
{
    setObjectName(u"dataPage"_s);
    m_directory->setObjectName(u"dataDirectory"_s);
    m_directory->setPlaceholderText(DataDirectory::defaultPath());
    m_retention->setObjectName(u"retentionDays"_s);
    m_retention->setRange(0, 3650);
    m_retention->setMinimumWidth(160);
    m_retention->setMaximumWidth(200);
    m_retention->setSpecialValueText(tr("Keep everything"));
    m_retention->setSuffix(tr(" days"));
    m_retention->setToolTip(tr("Resolved alerts and payloads older than this are removed in the background."));
    m_export->setObjectName(u"exportHistory"_s);
    m_exportProgress->setObjectName(u"exportProgress"_s);
    m_exportProgress->setRange(0, 0);
    m_exportProgress->setFixedWidth(180);
    m_exportProgress->hide();
    m_exportStatus->setObjectName(u"exportStatus"_s);
    m_exportStatus->setWordWrap(true);
    m_exportStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *directory = new QWidget;
    auto *directoryLayout = new QHBoxLayout(directory);
    directoryLayout->setContentsMargins(0, 0, 0, 0);
    directoryLayout->addWidget(m_directory, 1);
    auto *browse = new QPushButton(tr("Browse…"));
    directoryLayout->addWidget(browse);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getExistingDirectory(this, tr("Data directory"), m_directory->text());
        if (!chosen.isEmpty())
            m_directory->setText(chosen);
    });

    auto *form = new QFormLayout;
    m_directoryMessage = addRowWithMessage(form, tr("Data directory"), directory, u"directoryMessage"_s);
    auto *restartNote = new QLabel(tr("A new directory is used from the next start; this run keeps %1.")
                                       .arg(QDir::toNativeSeparators(QFileInfo(storePath).absolutePath())));
    restartNote->setWordWrap(true);
    restartNote->setEnabled(false);
    form->addRow(QString(), restartNote);
    form->addRow(tr("Keep resolved alerts"), m_retention);
    auto *exportRow = new QWidget;
    auto *exportLayout = new QHBoxLayout(exportRow);
    exportLayout->setContentsMargins(0, 0, 0, 0);
    exportLayout->addWidget(m_export);
    exportLayout->addWidget(m_exportProgress);
    exportLayout->addStretch();
    form->addRow(tr("Webhook history"), exportRow);
    form->addRow(QString(), m_exportStatus);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();

    connect(m_export, &QPushButton::clicked, this, &DataPage::chooseExportFile);
}

void DataPage::load(const AppSettings &settings)
{
    m_directory->setText(settings.value(Settings::dataDirectory));
    m_retention->setValue(settings.value(Settings::retentionDays));
}

bool DataPage::validate()
{
    const QString directory = m_directory->text().trimmed();
    QString problem;
    if (!directory.isEmpty() && !QDir::isAbsolutePath(QDir::fromNativeSeparators(directory)))
        problem = tr("Give a full path (it is used from the next start, whatever folder AlertDeck starts in).");
    return setMessage(m_directoryMessage, problem);
}

void DataPage::save(AppSettings &settings) const
{
    settings.setValue(Settings::dataDirectory, m_directory->text().trimmed());
    settings.setValue(Settings::retentionDays, m_retention->value());
}

void DataPage::chooseExportFile()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export webhook history"),
                                                      QDir::home().filePath(u"alertdeck-history.ndjson"_s),
                                                      tr("NDJSON (*.ndjson);;All files (*)"));
    if (!file.isEmpty())
        exportTo(file);
}

void DataPage::exportTo(const QString &file)
{
    m_export->setEnabled(false);
    m_exportProgress->show();
    m_exportStatus->setText(tr("Exporting to %1…").arg(QDir::toNativeSeparators(file)));
    // Reading the whole store is disk work: a worker thread, answers come back queued.
    QPointer<DataPage> page(this);
    QThread *worker = QThread::create([page, storePath = m_storePath, file] {
        // Payloads hold alert data: the file is its owner's only (0600), whatever the umask.
        // It is written beside the chosen name and renamed over it when complete, so a file
        // that was there is replaced whole, never opened and rewritten in place (whoever
        // could read it keeps at most the old contents), and a failed export leaves nothing.
        QSaveFile out(file);
        QString message;
        bool ok = false;
        if (!out.open(QIODevice::WriteOnly) || !out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            message = DataPage::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(file), out.errorString());
        } else if (const Result<qint64> written = PayloadExport::run(storePath, {}, out); !written) {
            message = written.error();
        } else {
            ok = out.commit();
            message = ok ? DataPage::tr("Exported %n payload(s) to %1.", nullptr, int(*written))
                               .arg(QDir::toNativeSeparators(file))
                         : DataPage::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(file), out.errorString());
        }
        // Back on the UI thread, where `page` may be checked safely.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [page, ok, message] {
                if (!page)
                    return;
                page->m_export->setEnabled(true);
                page->m_exportProgress->hide();
                page->m_exportStatus->setText(message);
                emit page->exportFinished(ok, message);
            },
            Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}
