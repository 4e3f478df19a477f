#pragma once

#include "MainWindow.h"

#include <QString>

#include <memory>

class AlertTableModel;
class HttpListener;
class StoreService;
class QTemporaryDir;

// The main window as AppServices builds it, for GUI tests: the alert table model, a
// webhook listener and, when a test asks, a real store behind the listener, wired the
// same way; the window shown and exposed. One per test function (create it in init()).
// Destroyed in a safe order: the window, the listener, the table, then the store.
class MainWindowFixture final
{
public:
    MainWindowFixture();
    ~MainWindowFixture();
    MainWindowFixture(const MainWindowFixture &) = delete;
    MainWindowFixture &operator=(const MainWindowFixture &) = delete;

    // Once per test binary, in initTestCase(): QSettings in a test location under
    // `applicationName`, cleared; the application's icons and translations loaded.
    static void initApplication(const QString &applicationName);

    AlertTableModel *alerts() const { return m_alerts.get(); }
    HttpListener *listener() const { return m_listener.get(); }
    StoreService *store() const { return m_store.get(); } // null until one is made
    MainWindow *window() const { return m_window.get(); }
    quint16 port() const; // the listener's

    // A real store, a fresh file in a temporary directory, wired to the table as
    // AppServices does and fed by the listener, which listens on a free loopback port.
    // False (and says why) if the store did not open or the listener did not start.
    bool startLiveStore();
    // A store service not opened yet, for a test that opens it its own way.
    StoreService *createStore();
    // Where the store file is (or goes): in a temporary directory as old as the fixture.
    QString storePath();

    // Shows the window for `context`, with the fixture's table, listener and store where
    // the context leaves them out, and waits until it is exposed: the window, or null.
    // A window shown before is replaced (destroyed after the new one is made).
    MainWindow *show(MainWindowContext context = {});
    // Closes the window as a person would (its layout is saved), then destroys it.
    void closeWindow();
    // Destroys the window without closing it first: nothing is saved.
    void destroyWindow() { m_window.reset(); }

    // Posts the fixture file (tests/data/fixtures/…) to the listener's /webhook: the
    // HTTP status of the answer.
    int post(const QString &fixture) const;
    // Waits (5 s at most) until the window's table shows `rows` rows, then selects the
    // first: false if it never did.
    bool selectFirstRowOnceThereAre(int rows);

    // The window's child called `name`, or null.
    template<typename T> T *child(const QString &name) const { return m_window->findChild<T *>(name); }

private:
    std::unique_ptr<QTemporaryDir> m_storeDir;
    std::unique_ptr<StoreService> m_store;
    std::unique_ptr<AlertTableModel> m_alerts;
    std::unique_ptr<HttpListener> m_listener;
    std::unique_ptr<MainWindow> m_window;
};
