#include "MainWindowFixture.h"

#include "HttpTestClient.h"
#include "TestData.h"
#include "UiResources.h"
#include "ingest/HttpListener.h"
#include "model/AlertTableModel.h"
#include "store/StoreService.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

MainWindowFixture::MainWindowFixture()
    : m_alerts(std::make_unique<AlertTableModel>())
    , m_listener(std::make_unique<HttpListener>())
{ }

MainWindowFixture::~MainWindowFixture()
{
    m_window.reset();
    m_listener.reset(); // before the store it feeds
    m_alerts.reset();
    m_store.reset();
    m_storeDir.reset();
}

void MainWindowFixture::initApplication(const QString &applicationName)
{
    QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
    QCoreApplication::setOrganizationName(u"AlertDeckTest"_s);
    QCoreApplication::setApplicationName(applicationName);
    UiResources::initialize();
    QSettings().clear();
}

quint16 MainWindowFixture::port() const
{
    return m_listener->boundAddress().port;
}

bool MainWindowFixture::startLiveStore()
{
    createStore();
    if (const Result<> opened = m_store->open(storePath()); !opened) {
        qWarning("the store did not open: %s", qPrintable(opened.error()));
        return false;
    }
    QObject::connect(m_store.get(), &StoreService::alertsChanged, m_alerts.get(), &AlertTableModel::applyChanges);
    m_listener->setStore(m_store.get());
    if (!m_listener->start({QHostAddress(QHostAddress::LocalHost), 0})) {
        qWarning("the listener did not start: %s", qPrintable(m_listener->errorString()));
        return false;
    }
    return true;
}

StoreService *MainWindowFixture::createStore()
{
    m_store = std::make_unique<StoreService>();
    return m_store.get();
}

QString MainWindowFixture::storePath()
{
    if (!m_storeDir)
        m_storeDir = std::make_unique<QTemporaryDir>();
    return m_storeDir->filePath(u"alerts.sqlite"_s);
}

MainWindow *MainWindowFixture::show(MainWindowContext context)
{
    if (!context.alerts)
        context.alerts = m_alerts.get();
    if (!context.listener)
        context.listener = m_listener.get();
    if (!context.store)
        context.store = m_store.get();
    m_window = std::make_unique<MainWindow>(context);
    m_window->show();
    return QTest::qWaitForWindowExposed(m_window.get()) ? m_window.get() : nullptr;
}

void MainWindowFixture::closeWindow()
{
    if (m_window)
        m_window->close();
    m_window.reset();
}

bool MainWindowFixture::selectFirstRowOnceThereAre(int rows)
{
    auto *table = child<QTableView>(u"alertTable"_s);
    if (!table || !QTest::qWaitFor([&] { return table->model()->rowCount() == rows; }))
        return false;
    table->selectRow(0);
    return true;
}

int MainWindowFixture::post(const QString &fixture) const
{
    return HttpTestClient::postJson(port(), "/webhook", TestData::fixture(fixture)).status;
}
