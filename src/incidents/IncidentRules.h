#pragma once

#include "core/Result.h"
#include "model/Alert.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>

// When alerts belong to one incident: they share an Alertmanager group key, or the
// value of a topology scope, and start within `window` of the incident's alerts. A
// scope names one thing by one or more labels ("namespace+pod"); a label may have
// alternatives that name the same thing ("instance|host|node"). Values lose a trailing
// ":port", so instance="db-1:9100" and host="db-1" are the same host. An incident ends
// when all its alerts have been resolved for `quiet`; a later alert starts a new one.
struct IncidentRules {
    Q_DECLARE_TR_FUNCTIONS(IncidentRules)

public:
    static QStringList defaultScopes();

    QStringList scopes = defaultScopes();
    std::chrono::seconds window{300};
    std::chrono::seconds quiet{300};
    bool byGroupKey = true;

    // The scopes as written in Settings and the config file: "instance|host|node; namespace+pod".
    QString scopesText() const { return scopes.join(u"; "); }
    // Reads that text back; names the part it cannot read.
    static Result<QStringList> parseScopes(const QString &text);

    // One scope compiled: its label slots, each the labels that can fill it (first present wins).
    using Scope = QList<QStringList>;
    QList<Scope> compiledScopes() const;

    friend bool operator==(const IncidentRules &, const IncidentRules &) = default;
};
