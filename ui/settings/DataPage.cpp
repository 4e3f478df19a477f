#include "DataPage.h"

#include "incidents/IncidentSettings.h"
#include "settings/AppSettings.h"
#include "store/DataDirectory.h"
#include "store/PayloadExport.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
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
    , m_workingSet(new QSpinBox)
    , m_export(new QPushButton(tr("Export history…")))
    , m_exportProgress(new QProgressBar)
    , m_exportStatus(new QLabel)
    , m_incidentScopes(new QLineEdit)
    , m_incidentByGroupKey(new QCheckBox(tr("Alerts of the same Alertmanager &group join one incident")))
    , m_incidentWindow(new QSpinBox)
    , m_incidentQuiet(new QSpinBox)
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
    m_workingSet->setObjectName(u"workingSetHours"_s);
    m_workingSet->setRange(1, 24 * 366);
    m_workingSet->setMinimumWidth(160);
    m_workingSet->setMaximumWidth(200);
    m_workingSet->setSuffix(tr(" hours"));
    m_workingSet->setToolTip(tr("Firing alerts always show. Resolved ones leave the table (not the store) after this "
                                "long; “Search older history” in the filter bar brings them back."));
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
    form->addRow(tr("Show resolved alerts in the table for"), m_workingSet);
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
    layout->addWidget(createIncidentsGroup());
    layout->addStretch();

    connect(m_export, &QPushButton::clicked, this, &DataPage::chooseExportFile);
}

QGroupBox *DataPage::createIncidentsGroup()
{
    m_incidentScopes->setObjectName(u"incidentScopes"_s);
    m_incidentScopes->setPlaceholderText(IncidentRules().scopesText());
    m_incidentScopes->setToolTip(
        tr("Alerts that share the value of one of these scopes and start close together form one incident. "
           "Separate scopes with \";\", join labels that name one thing with \"+\" (namespace+pod) and give "
           "alternatives with \"|\" (instance|host|node). A trailing :port is ignored."));
    m_incidentByGroupKey->setObjectName(u"incidentByGroupKey"_s);
    for (QSpinBox *box : {m_incidentWindow, m_incidentQuiet}) {
        box->setRange(IncidentSettings::minMinutes, IncidentSettings::maxMinutes);
        box->setSuffix(tr(" min"));
        box->setMaximumWidth(200);
    }
    m_incidentWindow->setObjectName(u"incidentWindowMinutes"_s);
    m_incidentWindow->setToolTip(tr("An alert joins an incident when it starts within this time of its alerts."));
    m_incidentQuiet->setObjectName(u"incidentQuietMinutes"_s);
    m_incidentQuiet->setToolTip(
        tr("An incident ends when all its alerts have been resolved this long; a later alert starts a new one."));

    auto *group = new QGroupBox(tr("Incidents"));
    auto *form = new QFormLayout(group);
    m_incidentScopesMessage
        = addRowWithMessage(form, tr("Related when they share"), m_incidentScopes, u"incidentScopesMessage"_s);
    form->addRow(QString(), m_incidentByGroupKey);
    form->addRow(tr("Starting within"), m_incidentWindow);
    form->addRow(tr("Ends when resolved for"), m_incidentQuiet);
    auto *note = new QLabel(tr("Merges and splits made by hand are kept whatever these rules say."));
    note->setWordWrap(true);
    note->setEnabled(false);
    form->addRow(QString(), note);
    return group;
}

void DataPage::load(const AppSettings &settings)
{
    m_directory->setText(settings.value(Settings::dataDirectory));
    m_retention->setValue(settings.value(Settings::retentionDays));
    m_workingSet->setValue(settings.value(Settings::workingSetHours));
    const IncidentRules rules = IncidentSettings::read(settings);
    m_incidentScopes->setText(rules.scopesText());
    m_incidentByGroupKey->setChecked(rules.byGroupKey);
    m_incidentWindow->setValue(int(std::chrono::duration_cast<std::chrono::minutes>(rules.window).count()));
    m_incidentQuiet->setValue(int(std::chrono::duration_cast<std::chrono::minutes>(rules.quiet).count()));
}

bool DataPage::validate()
{
    const QString directory = m_directory->text().trimmed();
    QString problem;
    if (!directory.isEmpty() && !QDir::isAbsolutePath(QDir::fromNativeSeparators(directory)))
        problem = tr("Give a full path (it is used from the next start, whatever folder AlertDeck starts in).");
    const Result<QStringList> scopes = IncidentRules::parseScopes(m_incidentScopes->text());
    const bool directoryOk = setMessage(m_directoryMessage, problem);
    QString scopesProblem = problemOf(scopes);
    if (scopes && scopes->isEmpty())
        scopesProblem = tr("Give at least one scope, for example %1.").arg(IncidentRules().scopesText());
    const bool scopesOk = setMessage(m_incidentScopesMessage, scopesProblem);
    return directoryOk && scopesOk;
}

void DataPage::save(AppSettings &settings) const
{
    settings.setValue(Settings::dataDirectory, m_directory->text().trimmed());
    settings.setValue(Settings::retentionDays, m_retention->value());
    settings.setValue(Settings::workingSetHours, m_workingSet->value());
    IncidentRules rules;
    rules.scopes = IncidentRules::parseScopes(m_incidentScopes->text()).valueOr(rules.scopes);
    rules.byGroupKey = m_incidentByGroupKey->isChecked();
    rules.window = std::chrono::minutes(m_incidentWindow->value());
    rules.quiet = std::chrono::minutes(m_incidentQuiet->value());
    IncidentSettings::write(settings, rules);
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
