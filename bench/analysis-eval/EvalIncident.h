#pragma once

#include "LoopbackServer.h"
#include "core/Result.h"
#include "model/Alert.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// One recorded incident of bench/analysis-eval/incidents/<name>/ (README.md there
// describes the files): the webhook that announced it, what Prometheus and Loki
// answered for its window, its known cause and the scripted provider's answer.
struct EvalIncident {
    QString name; // the folder's name
    Alert alert; // the payload's first alert
    // prometheus/<key>.json: "alert" answers the alert's own expression, any other key
    // the queries that contain it (the longest key wins).
    QHash<QString, QByteArray> prometheus;
    QByteArray loki; // loki.json: a query_range answer; empty: no lines
    QString queriesFile; // queries.txt (ContextTemplates format), absolute; empty: none
    QString causeTitle;
    QStringList causeKeywords; // lower-case; the top hypothesis names the cause when its title has one
    // What a deliberately bad scripted answer gets wrong: "invalid-citation",
    // "uncited-cause", "wrong-top". Empty: a good answer.
    QStringList defects;
    QString answer; // answer.md, with {{E:…}} placeholders
    QString reasoning; // reasoning.md, optional

    static Result<EvalIncident> load(const QString &folder);
    // Every incident folder under `root`, by name.
    static Result<QList<EvalIncident>> loadAll(const QString &root);

    bool causeMatches(const QString &hypothesisTitle) const;

    // What the stand-in Prometheus and Loki answer (one server serves both APIs).
    LoopbackServer::Response serve(const HttpRequest &request) const;
};
