#include "DataSourcesPage.h"

#include "ConnectionTestButton.h"
#include "SecretField.h"
#include "context/ContextTemplates.h"
#include "secrets/SecretId.h"
#include "settings/AppSettings.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

QStringList DataSourcesPage::Source::list() const
{
    QStringList result;
    const QString text = urls ? urls->toPlainText() : url->text();
    for (const QString &line : text.split(u'\n'))
        if (!line.trimmed().isEmpty())
            result << line.trimmed();
    return result;
}

DataSourcesPage::Source DataSourcesPage::makeSource(bool severalUrls, const SecretId &password, const QString &name)
{
    Source source;
    if (severalUrls) {
        source.urls = new QPlainTextEdit;
        source.urls->setObjectName(name + u"Urls"_s);
        source.urls->setTabChangesFocus(true);
        source.urls->setFixedHeight(source.urls->fontMetrics().lineSpacing() * 3 + 12);
    } else {
        source.url = new QLineEdit;
        source.url->setObjectName(name + u"Url"_s);
    }
    source.user = new QLineEdit;
    source.user->setObjectName(name + u"User"_s);
    source.user->setPlaceholderText(tr("empty: no authentication"));
    source.password = new SecretField(m_secrets, password);
    source.test = new ConnectionTestButton(name + u"Test"_s);
    return source;
}

DataSourcesPage::DataSourcesPage(SecretStore *secrets, QWidget *parent)
    : SettingsPage(tr("Data sources"), QIcon(u":/icons/settings-sources.svg"_s), parent)
    , m_secrets(secrets)
    , m_checker(new ConnectionChecker(this))
    , m_lokiOrgId(new QLineEdit)
    , m_grafanaUrl(new QLineEdit)
    , m_grafanaLoki(new QLineEdit)
    , m_syncMinutes(new QSpinBox)
    , m_ackMinutes(new QSpinBox)
    , m_author(new QLineEdit)
{
    setObjectName(u"dataSourcesPage"_s);
    m_prometheus = makeSource(true, Secrets::prometheusPassword, u"prometheus"_s);
    m_prometheus.urls->setPlaceholderText(tr("http://prometheus:9090 (one per line)"));
    m_loki = makeSource(false, Secrets::lokiPassword, u"loki"_s);
    m_loki.url->setPlaceholderText(tr("http://loki:3100 (empty: no log snippets)"));
    m_lokiOrgId->setObjectName(u"lokiOrgId"_s);
    m_lokiOrgId->setPlaceholderText(tr("X-Scope-OrgID, for multi-tenant Loki"));
    m_alertmanager = makeSource(true, Secrets::alertmanagerPassword, u"alertmanager"_s);
    m_alertmanager.urls->setPlaceholderText(tr("http://alertmanager:9093 (one per line, one HA cluster)"));

    auto *form = new QFormLayout;
    form->addRow(heading(tr("Prometheus (metric windows)")));
    m_prometheus.message = addRowWithMessage(form, tr("URLs"), m_prometheus.urls, u"prometheusMessage"_s);
    form->addRow(tr("User"), m_prometheus.user);
    form->addRow(tr("Password"), m_prometheus.password);
    form->addRow(QString(), m_prometheus.test);
    form->addRow(heading(tr("Loki (log snippets)")));
    m_loki.message = addRowWithMessage(form, tr("URL"), m_loki.url, u"lokiMessage"_s);
    form->addRow(tr("Tenant"), m_lokiOrgId);
    form->addRow(tr("User"), m_loki.user);
    form->addRow(tr("Password"), m_loki.password);
    form->addRow(QString(), m_loki.test);
    form->addRow(heading(tr("Grafana (Open in Explore from the Logs tab)")));
    m_grafanaUrl->setObjectName(u"grafanaUrl"_s);
    m_grafanaUrl->setPlaceholderText(tr("https://grafana.example.com (optional)"));
    m_grafanaLoki->setObjectName(u"grafanaLokiDatasource"_s);
    m_grafanaLoki->setPlaceholderText(tr("the Loki data source's uid in Grafana"));
    m_grafanaMessage = addRowWithMessage(form, tr("URL"), m_grafanaUrl, u"grafanaMessage"_s);
    form->addRow(tr("Loki data source"), m_grafanaLoki);
    form->addRow(heading(tr("Alertmanager (silences and catch-up)")));
    m_alertmanager.message = addRowWithMessage(form, tr("URLs"), m_alertmanager.urls, u"alertmanagerMessage"_s);
    form->addRow(tr("User"), m_alertmanager.user);
    form->addRow(tr("Password"), m_alertmanager.password);
    form->addRow(QString(), m_alertmanager.test);
    m_syncMinutes->setObjectName(u"alertmanagerSyncMinutes"_s);
    m_syncMinutes->setRange(0, 60);
    m_syncMinutes->setSpecialValueText(tr("never"));
    m_syncMinutes->setSuffix(tr(" min"));
    m_syncMinutes->setToolTip(tr("Also at start and after the computer wakes up or its network changes"));
    m_syncMinutes->setMaximumWidth(160);
    form->addRow(tr("Catch up every"), m_syncMinutes);
    m_ackMinutes->setObjectName(u"alertmanagerAckMinutes"_s);
    m_ackMinutes->setRange(1, 24 * 60);
    m_ackMinutes->setSuffix(tr(" min"));
    m_ackMinutes->setToolTip(tr("Acknowledge silences the alert this long, extended while it fires"));
    m_ackMinutes->setMaximumWidth(160);
    form->addRow(tr("Acknowledge for"), m_ackMinutes);
    m_author->setObjectName(u"alertmanagerAuthor"_s);
    m_author->setPlaceholderText(qEnvironmentVariable("USER", tr("your login name")));
    m_author->setToolTip(tr("Shown as the creator of silences and acknowledgements"));
    form->addRow(tr("Silence author"), m_author);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();

    auto checkWith = [this](auto check) -> Check {
        return [this, check](const ConnectionCheckRequest &request, ConnectionChecker::Callback done) {
            (m_checker->*check)(request, this, std::move(done));
        };
    };
    wireTest(m_prometheus, {}, checkWith(&ConnectionChecker::checkPrometheus));
    wireTest(m_alertmanager, {}, checkWith(&ConnectionChecker::checkAlertmanager));
    wireTest(
        m_loki,
        [this] {
            QList<std::pair<QByteArray, QByteArray>> headers;
            if (const QString tenant = m_lokiOrgId->text().trimmed(); !tenant.isEmpty())
                headers.append({"X-Scope-OrgID", tenant.toUtf8()});
            return headers;
        },
        [this](const ConnectionCheckRequest &request, ConnectionChecker::Callback done) {
            m_checker->checkLoki(request, this, std::move(done), lokiSample());
        });
}

void DataSourcesPage::setSampleAlert(const Alert &alert)
{
    m_sampleAlert = alert;
}

LokiSample DataSourcesPage::lokiSample() const
{
    if (!m_sampleAlert)
        return {};
    const ContextPlan::LogQuery query = ContextPlan::logQuery(*m_sampleAlert, m_labelRules);
    if (query.selector.isEmpty())
        return {};
    const ContextPlan::Window window = ContextPlan::window(*m_sampleAlert, QDateTime::currentDateTimeUtc());
    return {query.selector, m_sampleAlert->name, window.start.toMSecsSinceEpoch() * 1'000'000,
            window.end.toMSecsSinceEpoch() * 1'000'000};
}

void DataSourcesPage::wireTest(Source &source, std::function<QList<std::pair<QByteArray, QByteArray>>()> headers,
                               Check check)
{
    source.test->setRunner([this, &source, headers, check](Report report, std::function<void()> finish) {
        runTest(source, headers ? headers() : QList<std::pair<QByteArray, QByteArray>>{}, check, std::move(report),
                std::move(finish));
    });
}

struct DataSourcesPage::TestRun {
    QStringList urls;
    ConnectionCheckRequest request; // credentials and headers; the URL changes per step
    Check check;
    Report report;
    std::function<void()> finish;
    int next = 0;
};

void DataSourcesPage::runTest(const Source &source, const QList<std::pair<QByteArray, QByteArray>> &headers,
                              Check check, Report report, std::function<void()> finish)
{
    auto run = std::make_shared<TestRun>();
    run->urls = source.list();
    run->request.user = source.user->text().trimmed();
    run->request.headers = headers;
    run->check = std::move(check);
    run->report = std::move(report);
    run->finish = std::move(finish);
    if (run->urls.isEmpty()) {
        run->report({}, {false, 0, tr("Enter a URL first.")});
        run->finish();
        return;
    }
    source.password->withValue(this, [this, run](const QString &password) {
        run->request.password = password;
        continueTest(run);
    });
}

void DataSourcesPage::continueTest(const std::shared_ptr<TestRun> &run)
{
    if (run->next == run->urls.size()) {
        run->finish();
        return;
    }
    const QString url = run->urls.at(run->next++);
    ConnectionCheckRequest request = run->request;
    request.url = QUrl(url);
    run->check(request, [this, run, url](const ConnectionCheckResult &result) {
        run->report(run->urls.size() > 1 ? url : QString(), result);
        continueTest(run);
    });
}

void DataSourcesPage::load(const AppSettings &settings)
{
    m_prometheus.urls->setPlainText(settings.value(Settings::prometheusUrls).join(u'\n'));
    m_prometheus.user->setText(settings.value(Settings::prometheusUser));
    m_loki.url->setText(settings.value(Settings::lokiUrl));
    // The label map the sample alert's selector is made with (a small file, read as the
    // Metrics and logs page reads it).
    const ContextTemplates::FileResult queries
        = ContextTemplates::readFile(ContextTemplates::filePath(settings.value(Settings::contextQueriesFile)));
    m_labelRules = queries.parsed.config.labelRules.isEmpty() ? ContextPlan::defaultLabelRules()
                                                              : queries.parsed.config.labelRules;
    m_loki.user->setText(settings.value(Settings::lokiUser));
    m_lokiOrgId->setText(settings.value(Settings::lokiOrgId));
    m_alertmanager.urls->setPlainText(settings.value(Settings::alertmanagerUrls).join(u'\n'));
    m_grafanaUrl->setText(settings.value(Settings::grafanaUrl));
    m_grafanaLoki->setText(settings.value(Settings::grafanaLokiDatasource));
    m_alertmanager.user->setText(settings.value(Settings::alertmanagerUser));
    m_syncMinutes->setValue(settings.value(Settings::alertmanagerSyncMinutes));
    m_ackMinutes->setValue(settings.value(Settings::alertmanagerAckMinutes));
    m_author->setText(settings.value(Settings::alertmanagerAuthor));
}

bool DataSourcesPage::validateSource(const Source &source)
{
    QStringList problems;
    for (const QString &url : source.list())
        if (const QString problem = urlProblem(url); !problem.isEmpty())
            problems << problem;
    if (!source.user->text().trimmed().isEmpty() && !source.password->willHaveValue())
        problems << tr("A user needs a password (Set… on the line below).");
    return setMessage(source.message, problems.join(u'\n'));
}

bool DataSourcesPage::validate()
{
    bool ok = validateSource(m_prometheus);
    ok &= validateSource(m_loki);
    ok &= validateSource(m_alertmanager);
    const QString grafana = m_grafanaUrl->text().trimmed();
    QString grafanaProblem = grafana.isEmpty() ? QString() : urlProblem(grafana);
    if (grafanaProblem.isEmpty() && !grafana.isEmpty() && m_grafanaLoki->text().trimmed().isEmpty())
        grafanaProblem = tr("Give the uid of Grafana's Loki data source too (Connections → Data sources → Loki; it is "
                            "in the page's address).");
    ok &= setMessage(m_grafanaMessage, grafanaProblem);
    return ok;
}

void DataSourcesPage::save(AppSettings &settings) const
{
    settings.setValue(Settings::prometheusUrls, m_prometheus.list());
    settings.setValue(Settings::prometheusUser, m_prometheus.user->text().trimmed());
    const QStringList loki = m_loki.list();
    settings.setValue(Settings::lokiUrl, loki.isEmpty() ? QString() : loki.constFirst());
    settings.setValue(Settings::lokiUser, m_loki.user->text().trimmed());
    settings.setValue(Settings::lokiOrgId, m_lokiOrgId->text().trimmed());
    settings.setValue(Settings::alertmanagerUrls, m_alertmanager.list());
    settings.setValue(Settings::alertmanagerUser, m_alertmanager.user->text().trimmed());
    settings.setValue(Settings::alertmanagerSyncMinutes, m_syncMinutes->value());
    settings.setValue(Settings::alertmanagerAckMinutes, m_ackMinutes->value());
    settings.setValue(Settings::alertmanagerAuthor, m_author->text().trimmed());
    settings.setValue(Settings::grafanaUrl, m_grafanaUrl->text().trimmed());
    settings.setValue(Settings::grafanaLokiDatasource, m_grafanaLoki->text().trimmed());
}
