#pragma once

#include "SettingsPage.h"

class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

// Where the alert store lives, how long it keeps resolved alerts, and exporting
// the stored webhook payloads.
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

    QString m_storePath;
    QLineEdit *m_directory;
    QLabel *m_directoryMessage;
    QSpinBox *m_retention;
    QPushButton *m_export;
    QProgressBar *m_exportProgress;
    QLabel *m_exportStatus;
};
