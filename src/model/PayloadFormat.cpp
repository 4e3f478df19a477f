#include "model/PayloadFormat.h"

using namespace Qt::StringLiterals;

std::optional<PayloadFormat> formatForEndpoint(QByteArrayView path)
{
    if (path == "/webhook")
        return PayloadFormat::Auto;
    if (path == "/webhook/alertmanager")
        return PayloadFormat::Alertmanager;
    if (path == "/webhook/grafana")
        return PayloadFormat::Grafana;
    if (path == "/webhook/nightingale")
        return PayloadFormat::Nightingale;
    return std::nullopt;
}

QString formatName(PayloadFormat format)
{
    switch (format) {
    case PayloadFormat::Alertmanager: return u"alertmanager"_s;
    case PayloadFormat::Grafana: return u"grafana"_s;
    case PayloadFormat::Nightingale: return u"nightingale"_s;
    case PayloadFormat::Auto: break;
    }
    return u"auto"_s;
}

PayloadFormat formatNamed(QStringView name)
{
    for (const PayloadFormat format : {PayloadFormat::Alertmanager, PayloadFormat::Grafana, PayloadFormat::Nightingale})
        if (name == formatName(format))
            return format;
    return PayloadFormat::Auto;
}
