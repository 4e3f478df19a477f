#pragma once

#include "SettingsPage.h"

class QComboBox;
class QLineEdit;
class QSpinBox;

// Where the webhook listener binds, HTTPS, who may post, and how big a body may be
// (bytes and alerts).
class ListenerPage final : public SettingsPage
{
    Q_OBJECT

public:
    explicit ListenerPage(SecretStore *secrets, QWidget *parent = nullptr);

    void load(const AppSettings &settings) override;
    bool validate() override;
    void save(AppSettings &settings) const override;

private:
    QString addressText() const;
    QStringList allowedOrigins() const;
    void updateExposureWarning();

    QComboBox *m_host;
    QSpinBox *m_port;
    QLabel *m_addressMessage;
    QLabel *m_exposureWarning;
    SecretField *m_token;
    QLineEdit *m_basicUser;
    SecretField *m_basicPassword;
    QLabel *m_authMessage;
    SecretField *m_grafanaSecret;
    QLineEdit *m_grafanaTimestampHeader;
    QLineEdit *m_allowedOrigins;
    QLabel *m_originsMessage;
    QLineEdit *m_tlsCertificate;
    QLineEdit *m_tlsKey;
    QLabel *m_tlsMessage;
    QSpinBox *m_bodyLimit;
    QSpinBox *m_maxAlerts;
};
