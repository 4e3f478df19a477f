#pragma once

#include "AnalysisPage.h"
#include "core/Result.h"

#include <QDialog>

class AppSettings;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QStackedWidget;
class SecretStore;
class SettingsPage;

// Settings, one page per area. Saving checks every page first (the first page with
// a problem is shown, each wrong field says why), writes the settings, then the
// changed credentials to the keychain; Cancel discards everything.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(AppSettings *settings, SecretStore *secrets, const QString &storePath, QWidget *parent = nullptr);

    // Saves as the Save button does; saved() or an error message follows.
    void save();
    // Shows the page with that object name ("listenerPage"…).
    void showPage(const QString &objectName);
    SettingsPage *page(const QString &objectName) const;
    // Export… and Import… without their file dialogs: whether the file was written, the
    // file's problems (empty when the pages were filled from it).
    Result<> exportTo(const QString &path);
    QStringList importFrom(const QString &path);
    // Lets Settings → AI analysis preview the request for the selected alert.
    void setRequestPreviewer(RequestPreviewer previewer);

signals:
    // Settings and credentials are written; what depends on them may re-read them.
    void saved();

private:
    void addPage(SettingsPage *page);
    // Checks every page; the first with a problem is shown and the status says `failure`.
    bool validatePages(const QString &failure);
    void report(const QString &text, bool problem = false);
    void writeSecrets();
    void setBusy(bool busy);

    AppSettings *m_settings;
    SecretStore *m_secrets;
    QListWidget *m_pageList;
    QStackedWidget *m_pages;
    QList<SettingsPage *> m_pageObjects; // in m_pageList's order
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
};
