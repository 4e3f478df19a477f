#include "ListenerPage.h"

#include "SecretField.h"
#include "ingest/ListenAddress.h"
#include "ingest/RequestAdmission.h"
#include "ingest/ServerTls.h"
#include "secrets/SecretId.h"
#include "settings/AppSettings.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// The field's ceiling: far beyond any real alert group, still a bound on one body's work.
constexpr int maxAlertsPerPayloadLimit = 1'000'000;

// A line edit with a "Browse…" button that picks an existing file.
QWidget *fileChooser(QLineEdit *edit, const QString &caption, const QString &filter)
{
    auto *box = new QWidget;
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto *browse = new QPushButton(QObject::tr("Browse…"));
    layout->addWidget(browse);
    QObject::connect(browse, &QPushButton::clicked, edit, [edit, caption, filter] {
        const QString file = QFileDialog::getOpenFileName(edit->window(), caption, edit->text(), filter);
        if (!file.isEmpty())
            edit->setText(file);
    });
    return box;
}

} // namespace

ListenerPage::ListenerPage(SecretStore *secrets, QWidget *parent)
    : SettingsPage(tr("Listener"), QIcon(u":/icons/settings-listener.svg"_s), parent)
    , m_host(new QComboBox)
    , m_port(new QSpinBox)
    , m_exposureWarning(new QLabel)
    , m_token(new SecretField(secrets, Secrets::listenerToken))
    , m_basicUser(new QLineEdit)
    , m_basicPassword(new SecretField(secrets, Secrets::listenerPassword))
    , m_grafanaSecret(new SecretField(secrets, Secrets::grafanaHmacSecret))
    , m_grafanaTimestampHeader(new QLineEdit)
    , m_allowedOrigins(new QLineEdit)
    , m_tlsCertificate(new QLineEdit)
    , m_tlsKey(new QLineEdit)
    , m_bodyLimit(new QSpinBox)
    , m_maxAlerts(new QSpinBox)
{
    setObjectName(u"listenerPage"_s);
    m_host->setObjectName(u"listenerHost"_s);
    m_host->setEditable(true);
    m_host->addItems({u"127.0.0.1"_s, u"::1"_s, u"0.0.0.0"_s, u"::"_s});
    m_host->setToolTip(tr("127.0.0.1 accepts webhooks from this machine only; 0.0.0.0 from every network."));
    m_port->setObjectName(u"listenerPort"_s);
    m_port->setRange(1, 65535);
    m_basicUser->setObjectName(u"basicUser"_s);
    m_grafanaTimestampHeader->setObjectName(u"grafanaTimestampHeader"_s);
    m_grafanaTimestampHeader->setPlaceholderText(tr("optional, e.g. X-Grafana-Alerting-Signature-Timestamp"));
    m_allowedOrigins->setObjectName(u"allowedOrigins"_s);
    m_allowedOrigins->setPlaceholderText(tr("none: web pages may not post"));
    m_allowedOrigins->setToolTip(
        tr("Alertmanager, Grafana and Nightingale never need this. A request from a web page (it carries an Origin "
           "header) is refused unless its origin is listed here, so that no site you visit can post alerts to this "
           "console. Separate several with commas, e.g. https://tools.example.org"));
    m_tlsCertificate->setObjectName(u"tlsCertificate"_s);
    m_tlsCertificate->setPlaceholderText(tr("empty: plain HTTP"));
    m_tlsKey->setObjectName(u"tlsKey"_s);
    m_bodyLimit->setObjectName(u"bodyLimit"_s);
    m_bodyLimit->setRange(1, 1024);
    m_bodyLimit->setMaximumWidth(160);
    m_bodyLimit->setSuffix(tr(" MiB"));
    m_maxAlerts->setObjectName(u"maxAlertsPerPayload"_s);
    m_maxAlerts->setRange(1, maxAlertsPerPayloadLimit);
    m_maxAlerts->setSingleStep(1000);
    m_maxAlerts->setMaximumWidth(160);
    m_maxAlerts->setToolTip(tr("A webhook with more alerts is refused (HTTP 413) before any of them is stored. "
                               "Alertmanager's max_alerts setting can cap what it sends."));
    m_exposureWarning->setObjectName(u"exposureWarning"_s);
    m_exposureWarning->setWordWrap(true);
    m_exposureWarning->setStyleSheet(u"color: #b26a00;"_s);
    m_exposureWarning->setText(tr("⚠ Other machines will be able to reach this console. Webhooks must then carry "
                                  "the token or the Basic credentials below; prefer HTTPS."));

    auto *address = new QWidget;
    auto *addressLayout = new QHBoxLayout(address);
    addressLayout->setContentsMargins(0, 0, 0, 0);
    addressLayout->addWidget(m_host, 1);
    addressLayout->addWidget(new QLabel(tr("Port")));
    addressLayout->addWidget(m_port);

    auto *form = new QFormLayout;
    m_addressMessage = addRowWithMessage(form, tr("Address"), address, u"addressMessage"_s);
    form->addRow(QString(), m_exposureWarning);
    form->addRow(heading(tr("Who may post")));
    form->addRow(tr("Bearer token"), m_token);
    form->addRow(tr("Basic auth user"), m_basicUser);
    m_authMessage = addRowWithMessage(form, tr("Basic auth password"), m_basicPassword, u"authMessage"_s);
    form->addRow(tr("Grafana HMAC secret"), m_grafanaSecret);
    form->addRow(tr("Grafana timestamp header"), m_grafanaTimestampHeader);
    m_originsMessage = addRowWithMessage(form, tr("Allowed web origins"), m_allowedOrigins, u"originsMessage"_s);
    form->addRow(heading(tr("HTTPS")));
    form->addRow(tr("Certificate (PEM)"),
                 fileChooser(m_tlsCertificate, tr("TLS certificate"), tr("PEM files (*.pem *.crt);;All files (*)")));
    m_tlsMessage = addRowWithMessage(
        form, tr("Private key (PEM)"),
        fileChooser(m_tlsKey, tr("TLS private key"), tr("PEM files (*.pem *.key);;All files (*)")), u"tlsMessage"_s);
    form->addRow(heading(tr("Limits")));
    form->addRow(tr("Largest webhook body"), m_bodyLimit);
    form->addRow(tr("Most alerts per webhook"), m_maxAlerts);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();

    connect(m_host, &QComboBox::currentTextChanged, this, &ListenerPage::updateExposureWarning);
}

QString ListenerPage::addressText() const
{
    const QString host = m_host->currentText().trimmed();
    return (host.contains(u':') ? u"[%1]:%2"_s : u"%1:%2"_s).arg(host).arg(m_port->value());
}

QStringList ListenerPage::allowedOrigins() const
{
    QStringList origins;
    for (const QString &part : m_allowedOrigins->text().split(u',', Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            origins << part.trimmed();
    return origins;
}

void ListenerPage::updateExposureWarning()
{
    const Result<ListenAddress> parsed = parseListenAddress(addressText());
    m_exposureWarning->setVisible(parsed && !parsed->isLoopback());
}

void ListenerPage::load(const AppSettings &settings)
{
    const ListenAddress address
        = parseListenAddress(settings.value(Settings::listenAddress)).valueOr(ListenAddress::defaultAddress());
    m_host->setCurrentText(address.host == QHostAddress(QHostAddress::LocalHost) ? u"127.0.0.1"_s
                                                                                 : address.host.toString());
    m_port->setValue(address.port == 0 ? ListenAddress::defaultAddress().port : address.port);
    m_basicUser->setText(settings.value(Settings::basicAuthUser));
    m_grafanaTimestampHeader->setText(settings.value(Settings::grafanaTimestampHeader));
    m_allowedOrigins->setText(settings.value(Settings::allowedOrigins).join(u", "_s));
    m_tlsCertificate->setText(settings.value(Settings::tlsCertificateFile));
    m_tlsKey->setText(settings.value(Settings::tlsKeyFile));
    m_bodyLimit->setValue(settings.value(Settings::bodyLimitMiB));
    m_maxAlerts->setValue(settings.value(Settings::maxAlertsPerPayload));
    updateExposureWarning();
}

bool ListenerPage::validate()
{
    bool ok = true;
    const Result<ListenAddress> parsed = parseListenAddress(addressText());
    ok &= setMessage(m_addressMessage, problemOf(parsed));

    const bool hasUser = !m_basicUser->text().trimmed().isEmpty();
    QString authProblem;
    if (hasUser != m_basicPassword->willHaveValue())
        authProblem = hasUser ? tr("Basic auth needs a password as well as the user.")
                              : tr("Basic auth needs a user name as well as the password.");
    else if (parsed && !parsed->isLoopback() && !m_token->willHaveValue() && !hasUser)
        authProblem = tr("Listening on %1 (reachable from other machines) requires authentication: set a Bearer "
                         "token or Basic auth.")
                          .arg(parsed->toString());
    ok &= setMessage(m_authMessage, authProblem);

    QString tlsProblem;
    const QString certificate = m_tlsCertificate->text().trimmed();
    const QString key = m_tlsKey->text().trimmed();
    if (certificate.isEmpty() != key.isEmpty()) {
        tlsProblem = tr("HTTPS needs both the certificate and the private key, or neither for plain HTTP.");
    } else if (!certificate.isEmpty()) {
        const ServerTlsResult loaded = loadServerTls(certificate, key);
        if (!loaded.ok())
            tlsProblem = loaded.error;
    }
    ok &= setMessage(m_tlsMessage, tlsProblem);

    QString originsProblem;
    for (const QString &origin : allowedOrigins())
        if (originsProblem.isEmpty())
            originsProblem = RequestAdmission::originProblem(origin);
    ok &= setMessage(m_originsMessage, originsProblem);
    return ok;
}

void ListenerPage::save(AppSettings &settings) const
{
    if (const Result<ListenAddress> parsed = parseListenAddress(addressText()))
        settings.setValue(Settings::listenAddress, parsed->toString());
    settings.setValue(Settings::basicAuthUser, m_basicUser->text().trimmed());
    settings.setValue(Settings::grafanaTimestampHeader, m_grafanaTimestampHeader->text().trimmed());
    settings.setValue(Settings::allowedOrigins, allowedOrigins());
    settings.setValue(Settings::tlsCertificateFile, m_tlsCertificate->text().trimmed());
    settings.setValue(Settings::tlsKeyFile, m_tlsKey->text().trimmed());
    settings.setValue(Settings::bodyLimitMiB, m_bodyLimit->value());
    settings.setValue(Settings::maxAlertsPerPayload, m_maxAlerts->value());
}
