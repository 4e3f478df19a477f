#include "MainWindowFixture.h"

#include "HttpTestClient.h"
#include "TestData.h"
#include "UiResources.h"
#include "ingest/HttpListener.h"
#include "ingest/IngestService.h"
#include "model/AlertTableModel.h"

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
    m_ingest.reset();
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

bool MainWindowFixture::startLiveIngest()
{
    createIngest();
    if (const auto error = m_ingest->open(storePath())) {
        qWarning("the store did not open: %s", qPrintable(*error));
        return false;
    }
    QObject::connect(m_ingest.get(), &IngestService::alertsChanged, m_alerts.get(), &AlertTableModel::applyChanges);
    m_listener->setIngestService(m_ingest.get());
    if (!m_listener->start({QHostAddress(QHostAddress::LocalHost), 0})) {
        qWarning("the listener did not start: %s", qPrintable(m_listener->errorString()));
        return false;
    }
    return true;
}

IngestService *MainWindowFixture::createIngest()
{
    m_ingest = std::make_unique<IngestService>();
    return m_ingest.get();
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
    if (!context.ingest)
        context.ingest = m_ingest.get();
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
