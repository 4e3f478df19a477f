#pragma once

#include "SettingsPage.h"

class QCheckBox;
class QGroupBox;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

// Where the alert store lives, how long it keeps resolved alerts, exporting the
// stored webhook payloads, and how alerts are grouped into incidents.
class DataPage final : public SettingsPage
{
    Q_OBJECT

public:
    // `storePath`: the store this run uses, for export.
    explicit DataPage(const QString &storePath, QWidget *parent = nullptr);

    void load(const AppSettings &settings) override;
    bool validate() override;
    void save(AppSettings &settings) const override;

    // Writes every stored payload as NDJSON to `file` on a worker thread; the page
    // shows progress and the outcome (tests call it directly).
    void exportTo(const QString &file);

signals:
    void exportFinished(bool ok, const QString &message);

private:
    void chooseExportFile();
    QGroupBox *createIncidentsGroup();

    QString m_storePath;
    QLineEdit *m_directory;
    QLabel *m_directoryMessage;
    QSpinBox *m_retention;
    QSpinBox *m_workingSet;
    QPushButton *m_export;
    QProgressBar *m_exportProgress;
    QLabel *m_exportStatus;
    QLineEdit *m_incidentScopes;
    QLabel *m_incidentScopesMessage = nullptr;
    QCheckBox *m_incidentByGroupKey;
    QSpinBox *m_incidentWindow;
    QSpinBox *m_incidentQuiet;
};
