#pragma once

#include "SettingsPage.h"
#include "context/ContextPlan.h"
#include "net/ConnectionCheck.h"

#include <memory>
#include <optional>

struct SecretId;
class ConnectionTestButton;
class QLineEdit;
class QSpinBox;
class QPlainTextEdit;

// Where metrics, logs and Alertmanager's API are: URLs, users (passwords in the
// keychain), Loki's tenant, and a connection test for each.
class DataSourcesPage final : public SettingsPage
{
    Q_OBJECT

public:
    explicit DataSourcesPage(SecretStore *secrets, QWidget *parent = nullptr);

    void load(const AppSettings &settings) override;
    bool validate() override;
    void save(AppSettings &settings) const override;
    // An alert to try the Loki check with (the one selected): when the label map's
    // selector for it finds no streams, the check says so.
    void setSampleAlert(const Alert &alert);

private:
    // One service's URL(s), user, password and test button.
    struct Source {
        QPlainTextEdit *urls = nullptr; // Prometheus, Alertmanager: one per line
        QLineEdit *url = nullptr; // Loki: one
        QLineEdit *user = nullptr;
        SecretField *password = nullptr;
        QLabel *message = nullptr;
        ConnectionTestButton *test = nullptr;
        QStringList list() const;
    };
    using Check = std::function<void(const ConnectionCheckRequest &, ConnectionChecker::Callback)>;
    using Report = std::function<void(const QString &, const ConnectionCheckResult &)>;
    struct TestRun;
    // Tests every URL of `source` in turn with the entries as they are now (saved or
    // not), through `check`, reporting each result.
    void runTest(const Source &source, const QList<std::pair<QByteArray, QByteArray>> &headers, Check check,
                 Report report, std::function<void()> finish);
    void continueTest(const std::shared_ptr<TestRun> &run);
    // Connects `source`'s button to runTest() with `check` (and headers, if any).
    void wireTest(Source &source, std::function<QList<std::pair<QByteArray, QByteArray>>()> headers, Check check);
    Source makeSource(bool severalUrls, const SecretId &password, const QString &name);
    bool validateSource(const Source &source);
    LokiSample lokiSample() const;

    SecretStore *m_secrets;
    ConnectionChecker *m_checker;
    Source m_prometheus;
    Source m_loki;
    QLineEdit *m_lokiOrgId;
    QLineEdit *m_grafanaUrl;
    QLineEdit *m_grafanaLoki;
    QLabel *m_grafanaMessage;
    Source m_alertmanager;
    QSpinBox *m_syncMinutes;
    QSpinBox *m_ackMinutes;
    QLineEdit *m_author;
    std::optional<Alert> m_sampleAlert;
    QList<ContextPlan::LabelRule> m_labelRules = ContextPlan::defaultLabelRules();
};
