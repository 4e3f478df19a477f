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
#include "WheelGuard.h"
#include "config/ConfigFile.h"
#include "context/ContextTemplates.h"
#include "secrets/SecretStore.h"
#include "settings/AppSettings.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

// The page's icon, and for the selected row the same shape in the highlighted text's
// colour: a blue icon on the blue selection would vanish.
QIcon listIcon(const QIcon &icon, const QPalette &palette, QSize size)
{
    // Pixmaps, not the SVG: an SVG icon keeps one added pixmap per mode and draws the
    // SVG again (in its own colour) at any other size.
    QIcon result;
    for (const QSize pixels : {size, size * 2}) {
        const QPixmap normal = icon.pixmap(pixels);
        if (normal.isNull())
            continue;
        QPixmap selected = normal;
        QPainter painter(&selected);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(selected.rect(), palette.color(QPalette::HighlightedText));
        painter.end();
        result.addPixmap(normal, QIcon::Normal);
        result.addPixmap(selected, QIcon::Selected);
    }
    return result;
}

} // namespace

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
    addPage(new ContextPage(ContextTemplates::filePath(settings->value(Settings::contextQueriesFile))));
    addPage(new AnalysisPage(secrets));
    addPage(new DestinationsPage(secrets));
    addPage(new NotificationsPage);
    addPage(new AppearancePage);
    addPage(new DataPage(storePath));
    for (SettingsPage *page : std::as_const(m_pageObjects)) {
        page->load(*settings);
        WheelGuard::guardFieldsOf(page);
    }

    connect(m_pageList, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    QPushButton *exportButton = m_buttons->addButton(tr("&Export…"), QDialogButtonBox::ResetRole);
    exportButton->setObjectName(u"settingsExport"_s);
    exportButton->setToolTip(tr("Write these settings to a file to share or keep (secrets stay out)"));
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export settings"), u"alertdeck.ini"_s,
                                                          tr("AlertDeck settings (*.ini)"));
        if (!path.isEmpty())
            static_cast<void>(exportTo(path)); // it reports in the status line
    });
    QPushButton *importButton = m_buttons->addButton(tr("&Import…"), QDialogButtonBox::ResetRole);
    importButton->setObjectName(u"settingsImport"_s);
    importButton->setToolTip(tr("Fill the pages from a settings file; nothing changes until Save"));
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import settings"), QString(),
                                                          tr("AlertDeck settings (*.ini);;All files (*)"));
        if (!path.isEmpty())
            importFrom(path);
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_pageList->setCurrentRow(0);
    resize(860, 660);
}

void SettingsDialog::addPage(SettingsPage *page)
{
    m_pages->addWidget(page);
    m_pageObjects.append(page);
    auto *item = new QListWidgetItem(listIcon(page->icon(), m_pageList->palette(), m_pageList->iconSize()),
                                     page->title(), m_pageList);
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

bool SettingsDialog::validatePages(const QString &failure)
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
        report(tr("Some entries need attention (marked in red); %1").arg(failure), true);
    }
    return !firstProblem;
}

void SettingsDialog::report(const QString &text, bool problem)
{
    m_status->setStyleSheet(problem ? u"color: #c62828;"_s : QString());
    m_status->setText(text);
    m_status->show();
}

Result<> SettingsDialog::exportTo(const QString &path)
{
    if (!validatePages(tr("nothing was exported.")))
        return Failure{m_status->text()};
    // The entries as they are now, on top of the saved settings, never the secrets.
    QTemporaryDir scratch;
    AppSettings current(QDir(scratch.path()).filePath(u"export.ini"_s));
    QMap<QString, QVariant> saved;
    for (const Settings::Info &info : Settings::known())
        if (m_settings->containsPath(info.path))
            saved.insert(info.path, m_settings->rawValue(info.path));
    current.replaceAll(saved);
    for (SettingsPage *page : std::as_const(m_pageObjects))
        page->save(current);
    current.sync();
    if (const Result<> written = ConfigFile::write(current, path); !written) {
        report(tr("Could not export to %1: %2").arg(path, written.error()), true);
        return written;
    }
    report(tr("Exported to %1 (without secrets).").arg(path));
    return {};
}

QStringList SettingsDialog::importFrom(const QString &path)
{
    const ConfigFile::Contents imported = ConfigFile::read(path);
    QStringList problems;
    for (const ConfigFile::Problem &problem : imported.problems)
        problems << problem.toString();
    if (!problems.isEmpty()) {
        report(tr("Nothing was imported: %1").arg(problems.join(u'\n')), true);
        return problems;
    }
    // The pages show the file; Save keeps it, Cancel keeps the settings as they were.
    QTemporaryDir scratch;
    AppSettings fromFile(QDir(scratch.path()).filePath(u"import.ini"_s));
    fromFile.replaceAll(imported.values);
    for (SettingsPage *page : std::as_const(m_pageObjects))
        page->load(fromFile);
    report(tr("Imported %1: look through the pages, then Save (Cancel keeps your settings).").arg(path));
    return {};
}

void SettingsDialog::save()
{
    if (!validatePages(tr("nothing was saved.")))
        return;
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
