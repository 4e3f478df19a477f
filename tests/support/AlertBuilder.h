#pragma once

#include "model/Alert.h"

#include <QDateTime>
#include <QString>

// An Alert for a test, with only the fields the test cares about, in any order:
//
//     const Alert alert = AlertBuilder(u"f00d"_s).named(u"DiskFull"_s).label(u"instance"_s, u"db-1"_s);
//
// It starts as an Alertmanager alert with that fingerprint (AlertBuilder() leaves both
// empty); every other field keeps Alert's default until a setter gives it a value.
class AlertBuilder final
{
public:
    AlertBuilder() = default;
    explicit AlertBuilder(const QString &fingerprint, const QString &source = QStringLiteral("alertmanager"))
    {
        m_alert.fingerprint = fingerprint;
        m_alert.source = source;
    }

    // The name, and the alertname label as Alertmanager sends it.
    AlertBuilder &named(const QString &name)
    {
        m_alert.name = name;
        m_alert.labels.insert(QStringLiteral("alertname"), name);
        return *this;
    }
    // The name alone, without touching the labels.
    AlertBuilder &name(const QString &name)
    {
        m_alert.name = name;
        return *this;
    }
    AlertBuilder &source(const QString &source)
    {
        m_alert.source = source;
        return *this;
    }
    AlertBuilder &label(const QString &key, const QString &value)
    {
        m_alert.labels.insert(key, value);
        return *this;
    }
    // Replaces every label, alertname included.
    AlertBuilder &labels(const LabelMap &labels)
    {
        m_alert.labels = labels;
        return *this;
    }
    AlertBuilder &annotation(const QString &key, const QString &value)
    {
        m_alert.annotations.insert(key, value);
        return *this;
    }
    AlertBuilder &summary(const QString &summary) { return annotation(QStringLiteral("summary"), summary); }
    AlertBuilder &severity(Severity severity)
    {
        m_alert.severity = severity;
        return *this;
    }
    AlertBuilder &severityText(const QString &text)
    {
        m_alert.severityText = text;
        return *this;
    }
    AlertBuilder &state(AlertState state)
    {
        m_alert.state = state;
        return *this;
    }
    AlertBuilder &startsAt(const QDateTime &at)
    {
        m_alert.startsAt = at;
        return *this;
    }
    AlertBuilder &endsAt(const QDateTime &at)
    {
        m_alert.endsAt = at;
        return *this;
    }
    AlertBuilder &lastUpdate(const QDateTime &at)
    {
        m_alert.lastUpdate = at;
        return *this;
    }
    AlertBuilder &groupKey(const QString &key)
    {
        m_alert.groupKey = key;
        return *this;
    }
    AlertBuilder &promQl(const QString &expression)
    {
        m_alert.promQl = expression;
        return *this;
    }
    AlertBuilder &generatorUrl(const QString &url)
    {
        m_alert.generatorUrl = url;
        return *this;
    }

    Alert build() const { return m_alert; }
    operator Alert() const { return m_alert; } // NOLINT(google-explicit-constructor): reads as a value

private:
    Alert m_alert;
};
