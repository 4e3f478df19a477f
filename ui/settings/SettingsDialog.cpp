#include "SettingsDialog.h"

#include "AnalysisPage.h"
#include "AppearancePage.h"
#include "ContextPage.h"
#include "DataPage.h"
#include "DataSourcesPage.h"
#include "DestinationsPage.h"
#include "ListenerPage.h"
#include "NotificationsPage.h"
#include "SecretField.h"
#include "context/ContextTemplates.h"
#include "secrets/SecretStore.h"
#include "settings/AppSettings.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

SettingsDialog::SettingsDialog(AppSettings *settings, SecretStore *secrets, const QString &storePath, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_pageList(new QListWidget)
    , m_pages(new QStackedWidget)
    , m_status(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel))
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Settings"));
    m_pageList->setObjectName(u"settingsPages"_s);
    m_pageList->setIconSize(QSize(20, 20));
    m_pageList->setMaximumWidth(190);
    m_status->setObjectName(u"settingsStatus"_s);
    m_status->setWordWrap(true);
    m_status->setStyleSheet(u"color: #c62828;"_s);
    m_status->hide();

    auto *content = new QHBoxLayout;
    content->addWidget(m_pageList);
    content->addWidget(m_pages, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(content, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    addPage(new ListenerPage(secrets));
    addPage(new DataSourcesPage(secrets));
    addPage(new ContextPage(ContextTemplates::filePath()));
    addPage(new AnalysisPage(secrets));
    addPage(new DestinationsPage(secrets));
    addPage(new NotificationsPage);
    addPage(new AppearancePage);
    addPage(new DataPage(storePath));
    for (SettingsPage *page : std::as_const(m_pageObjects))
        page->load(*settings);

    connect(m_pageList, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_pageList->setCurrentRow(0);
    resize(860, 660);
}

void SettingsDialog::addPage(SettingsPage *page)
{
    m_pages->addWidget(page);
    m_pageObjects.append(page);
    auto *item = new QListWidgetItem(page->icon(), page->title(), m_pageList);
    item->setData(Qt::UserRole, page->objectName());
}

SettingsPage *SettingsDialog::page(const QString &objectName) const
{
    return findChild<SettingsPage *>(objectName);
}

void SettingsDialog::setRequestPreviewer(RequestPreviewer previewer)
{
    if (auto *analysis = findChild<AnalysisPage *>())
        analysis->setPreviewer(std::move(previewer));
}

void SettingsDialog::showPage(const QString &objectName)
{
    for (int row = 0; row < m_pageList->count(); ++row)
        if (m_pageList->item(row)->data(Qt::UserRole).toString() == objectName)
            m_pageList->setCurrentRow(row);
}

void SettingsDialog::save()
{
    m_status->hide();
    SettingsPage *firstProblem = nullptr;
    for (int row = 0; row < m_pageObjects.size(); ++row) {
        SettingsPage *page = m_pageObjects.at(row);
        const bool ok = page->validate();
        m_pageList->item(row)->setForeground(ok ? QBrush() : QBrush(QColor(0xc6, 0x28, 0x28)));
        if (!ok && !firstProblem)
            firstProblem = page;
    }
    if (firstProblem) {
        showPage(firstProblem->objectName());
        m_status->setText(tr("Some entries need attention (marked in red); nothing was saved."));
        m_status->show();
        return;
    }
    for (SettingsPage *page : std::as_const(m_pageObjects))
        page->save(*m_settings);
    m_settings->sync();
    writeSecrets();
}

void SettingsDialog::writeSecrets()
{
    struct Pending {
        int outstanding = 0;
        QStringList errors;
    };
    auto pending = std::make_shared<Pending>();
    QList<SettingsPage::SecretChange> changes;
    for (const SettingsPage *page : std::as_const(m_pageObjects))
        changes += page->secretChanges();
    if (changes.isEmpty()) {
        emit saved();
        accept();
        return;
    }
    setBusy(true);
    pending->outstanding = int(changes.size());
    for (const SettingsPage::SecretChange &change : std::as_const(changes)) {
        auto finished = [this, pending, id = change.id](const SecretStore::Result &result) {
            if (!result.ok())
                pending->errors << tr("%1: %2").arg(id.path(), result.error);
            if (--pending->outstanding > 0)
                return;
            setBusy(false);
            if (!pending->errors.isEmpty()) {
                // The settings are saved; the credentials that failed keep their
                // entries so that saving again retries them.
                m_status->setText(tr("Settings saved, but the keychain refused:\n%1").arg(pending->errors.join(u'\n')));
                m_status->show();
                emit saved();
                return;
            }
            emit saved();
            accept();
        };
        if (change.remove)
            m_secrets->remove(change.id, this, finished);
        else
            m_secrets->write(change.id, change.value, this, finished);
    }
}

void SettingsDialog::setBusy(bool busy)
{
    m_buttons->setEnabled(!busy);
    if (busy) {
        m_status->setStyleSheet({});
        m_status->setText(tr("Saving credentials to %1…").arg(m_secrets->description()));
        m_status->show();
    } else {
        m_status->setStyleSheet(u"color: #c62828;"_s);
        m_status->hide();
    }
}
