#include "forward/ForwardService.h"

#include "analysis/AnalysisService.h"
#include "forward/ChatSender.h"
#include "forward/IncidentRuleForwards.h"
#include "logging/LogCategories.h"
#include "model/AlertMerge.h"
#include "secrets/SecretStore.h"
#include "store/AlertHistory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

constexpr size_t keptFinishedJobs = 50;

} // namespace

namespace ForwardRules {

namespace {

// Rules saved before rules could target incidents have no "target": they mean alerts.
std::optional<RuleTarget> targetOf(const QJsonObject &rule)
{
    const QJsonValue target = rule.value(u"target"_s);
    if (target.isUndefined() || target.isNull())
        return RuleTarget::Alert;
    return ruleTargetFromName(target.toString());
}

} // namespace

QList<ForwardRule> fromJson(const QString &json)
{
    QList<ForwardRule> rules;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject object = value.toObject();
        // An unknown target (a newer AlertDeck's) is not guessed at: the rule is left out.
        const std::optional<RuleTarget> target = targetOf(object);
        const ForwardRule rule{object.value(u"matcher"_s).toString(), object.value(u"destination"_s).toString(),
                               target.value_or(RuleTarget::Alert)};
        if (target && !rule.matcher.trimmed().isEmpty() && !rule.destinationId.isEmpty())
            rules.append(rule);
    }
    return rules;
}

QString toJson(const QList<ForwardRule> &rules)
{
    QJsonArray array;
    for (const ForwardRule &rule : rules)
        array.append(QJsonObject{{u"matcher"_s, rule.matcher},
                                 {u"destination"_s, rule.destinationId},
                                 {u"target"_s, ruleTargetName(rule.target)}});
    return array.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString problem(const QString &json)
{
    if (json.trimmed().isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return ForwardService::tr("not valid JSON: %1").arg(error.errorString());
    if (!document.isArray())
        return ForwardService::tr("not a JSON array of rules");
    const QJsonArray rules = document.array();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QJsonObject rule = rules.at(i).toObject();
        if (!targetOf(rule))
            return ForwardService::tr("rule %1: the target \"%2\" is not one of alert, incident")
                .arg(i + 1)
                .arg(rule.value(u"target"_s).toVariant().toString().left(40));
    }
    return {};
}

} // namespace ForwardRules

QString ForwardService::Job::statusText(qint64 now) const
{
    const QString name = destination.name;
    switch (phase) {
    case Phase::Preparing: return ForwardService::tr("Preparing the message for %1…").arg(name);
    case Phase::Queued: {
        const qint64 seconds = std::max<qint64>(1, (notBeforeMs - now + 999) / 1000);
        if (tries > 0)
            return ForwardService::tr("%1 — retrying in %n s (try %2 of %3)…", nullptr, int(seconds))
                .arg(result.message)
                .arg(tries + 1)
                .arg(maxTries);
        return notBeforeMs > now
            ? ForwardService::tr("Waiting for %1's rate limit: sending in %n s…", nullptr, int(seconds)).arg(name)
            : ForwardService::tr("Queued for %1…").arg(name);
    }
    case Phase::Sending: return ForwardService::tr("Sending to %1…").arg(name);
    case Phase::Done:
        return result.ok ? ForwardService::tr("Forwarded to %1: %2").arg(name, result.message)
                         : ForwardService::tr("Forward to %1 failed: %2").arg(name, result.message);
    }
    return {};
}

ForwardService::ForwardService(AlertHistory *history, SecretStore *secrets, AnalysisService *analysis, QObject *parent)
    : QObject(parent)
    , m_history(history)
    , m_secrets(secrets)
    , m_analysis(analysis)
    , m_sender(new ChatSender(this))
    , m_incidentRules(new IncidentRuleForwards(this, history, analysis))
{
    m_clock.start();
    m_wake.setSingleShot(true);
    connect(&m_wake, &QTimer::timeout, this, &ForwardService::pump);
}

ForwardService::~ForwardService() = default;

void ForwardService::setSettings(const Settings &settings)
{
    m_settings = settings;
}

std::optional<ChatDestination> ForwardService::destination(const QString &id) const
{
    for (const ChatDestination &destination : m_settings.destinations)
        if (destination.id == id)
            return destination;
    return std::nullopt;
}

std::optional<ChatDestination> ForwardService::defaultDestination() const
{
    for (const ChatDestination &destination : m_settings.destinations)
        if (destination.isDefault)
            return destination;
    if (m_settings.destinations.size() == 1)
        return m_settings.destinations.constFirst();
    return std::nullopt;
}

ForwardService::Subject ForwardService::Subject::of(const IncidentSnapshot &incident)
{
    return {incident.primary(), incident.anchor, incident.related()};
}

ForwardMessage ForwardService::Subject::message(const AnalysisText &analysis, const ForwardLinkSources &links) const
{
    if (!incidentAnchor)
        return ForwardMessage::fromAlert(alert, analysis.content, analysis.model, links);
    return ForwardMessage::fromIncident({*incidentAnchor, QList<Alert>{alert} + related, {}}, analysis.content,
                                        analysis.model, links);
}

void ForwardService::setIncidentLookup(IncidentLookup lookup)
{
    m_incidentRules->setLookup(std::move(lookup));
}

quint64 ForwardService::forward(const Alert &alert, const QString &destinationId, std::optional<AnalysisText> analysis,
                                bool automatic)
{
    return startJob({alert}, destinationId, std::move(analysis), automatic, std::nullopt);
}

quint64 ForwardService::forwardIncident(const IncidentSnapshot &incident, const QString &destinationId,
                                        std::optional<AnalysisText> analysis, bool automatic)
{
    if (incident.members.isEmpty())
        return 0;
    return startJob(Subject::of(incident), destinationId, std::move(analysis), automatic, std::nullopt);
}

quint64 ForwardService::forwardAsPreviewed(const Alert &alert, const Preview &preview)
{
    const Subject subject
        = preview.incident && !preview.incident->members.isEmpty() ? Subject::of(*preview.incident) : Subject{alert};
    return startJob(subject, preview.destinationId, preview.analysis, false,
                    preview.composedAt.isValid() ? std::optional(preview.composedAt) : std::nullopt);
}

quint64 ForwardService::startJob(const Subject &subject, const QString &destinationId,
                                 std::optional<AnalysisText> analysis, bool automatic,
                                 std::optional<QDateTime> composedAt)
{
    const std::optional<ChatDestination> target = destination(destinationId);
    if (!target)
        return 0;
    auto job = std::make_unique<Job>();
    job->id = m_nextId++;
    job->alert = subject.alert;
    job->incidentAnchor = subject.incidentAnchor;
    job->related = subject.related;
    job->destination = *target;
    job->automatic = automatic;
    job->maxTries = m_settings.maxTries;
    job->composedAt = composedAt;
    const quint64 id = job->id;
    m_jobs.emplace(id, std::move(job));
    emit jobChanged(id);
    if (analysis) {
        m_jobs.at(id)->analysis = *analysis;
        enqueue(*m_jobs.at(id));
    } else {
        analysisOf(subject, this, [this, id](const AnalysisText &latest) {
            const auto it = m_jobs.find(id);
            if (it == m_jobs.end())
                return;
            it->second->analysis = latest;
            enqueue(*it->second);
        });
    }
    return id;
}

const ForwardService::Job *ForwardService::job(quint64 id) const
{
    const auto it = m_jobs.find(id);
    return it == m_jobs.end() ? nullptr : it->second.get();
}

QString ForwardService::statusOf(quint64 id) const
{
    const Job *found = job(id);
    return found ? found->statusText(nowMs()) : QString();
}

QList<const ForwardService::Job *> ForwardService::waiting() const
{
    QList<const Job *> list;
    for (const auto &[id, job] : m_jobs)
        if (job->phase == Job::Phase::Queued)
            list << job.get();
    return list;
}

QString ForwardService::queueSummary() const
{
    const QList<const Job *> jobs = waiting();
    if (jobs.isEmpty())
        return {};
    const qint64 now = nowMs();
    const qint64 next = (*std::min_element(jobs.cbegin(), jobs.cend(), [](const Job *a, const Job *b) {
                            return a->notBeforeMs < b->notBeforeMs;
                        }))->notBeforeMs;
    QStringList names;
    for (const Job *job : jobs)
        if (!names.contains(job->destination.name))
            names << job->destination.name;
    const qint64 seconds = std::max<qint64>(0, (next - now + 999) / 1000);
    return tr("Forwards waiting: %1 (%2); next in %3 s").arg(jobs.size()).arg(names.join(u", "_s)).arg(seconds);
}

void ForwardService::latestAnalysis(const Alert &alert, QObject *context,
                                    std::function<void(const AnalysisText &)> done)
{
    if (m_analysis) {
        const AnalysisService::Run *run = m_analysis->run(AlertKey::of(alert));
        // The latest answer, across all of its requests (a tool-calling answer spans several).
        if (run && !run->isRunning() && !run->content().isEmpty()) {
            const AnalysisText text{run->content(), run->model};
            QTimer::singleShot(0, context, [done = std::move(done), text] { done(text); });
            return;
        }
    }
    if (!m_history || !alert.inLiveStore()) {
        QTimer::singleShot(0, context, [done = std::move(done)] { done({}); });
        return;
    }
    m_history->fetchAnalyses(AlertKey::of(alert), context,
                             [done = std::move(done)](const QList<StoredAnalysis> &stored) {
                                 for (const StoredAnalysis &analysis : stored) // newest first
                                     if (!analysis.content.trimmed().isEmpty())
                                         return done({analysis.content, analysis.model});
                                 done({});
                             });
}

void ForwardService::incidentAnalysis(const IncidentSnapshot &incident, QObject *context,
                                      std::function<void(const AnalysisText &)> done)
{
    if (incident.members.isEmpty()) {
        QTimer::singleShot(0, context, [done = std::move(done)] { done({}); });
        return;
    }
    // The incident's analysis runs under its worst member at the time it started.
    constexpr qsizetype mostMembersAsked = 20;
    if (m_analysis) {
        for (const Alert &member : incident.members.mid(0, mostMembersAsked)) {
            const AnalysisService::Run *run = m_analysis->run(AlertKey::of(member));
            if (run && run->incidentAnchor == incident.anchor && !run->isRunning() && !run->content().isEmpty()) {
                const AnalysisText text{run->content(), run->model};
                QTimer::singleShot(0, context, [done = std::move(done), text] { done(text); });
                return;
            }
        }
    }
    latestAnalysis(incident.primary(), context, std::move(done));
}

void ForwardService::analysisOf(const Subject &subject, QObject *context,
                                std::function<void(const AnalysisText &)> done)
{
    if (!subject.incidentAnchor)
        return latestAnalysis(subject.alert, context, std::move(done));
    incidentAnalysis({*subject.incidentAnchor, QList<Alert>{subject.alert} + subject.related, {}}, context,
                     std::move(done));
}

void ForwardService::readSecrets(const ChatDestination &destination, QObject *context,
                                 std::function<void(const Secrets &)> done)
{
    QPointer<QObject> guard(context);
    m_secrets->read(
        destination.targetSecret(), this,
        [this, destination, guard, done = std::move(done)](const SecretStore::Result &target) {
            if (!guard)
                return;
            if (!target.ok()) {
                const QString error = target.status == SecretStore::Status::NotFound
                    ? tr("No webhook URL or token is stored for %1: add it in Settings → Chat destinations.")
                          .arg(destination.name)
                    : tr("The webhook URL for %1 could not be read: %2").arg(destination.name, target.error);
                return done({{}, {}, error});
            }
            if (!ChatDestination::usesSigningSecret(destination.type))
                return done({target.value, {}, {}});
            m_secrets->read(destination.signingSecret(), this,
                            [guard, done, value = target.value](const SecretStore::Result &signing) {
                                if (guard)
                                    done({value, signing.ok() ? signing.value : QString(), {}});
                            });
        });
}

void ForwardService::preview(const Alert &alert, const QString &destinationId, std::optional<AnalysisText> analysis,
                             QObject *context, std::function<void(const Preview &)> done)
{
    buildPreview({alert}, destinationId, std::move(analysis), context, std::move(done));
}

void ForwardService::previewIncident(const IncidentSnapshot &incident, const QString &destinationId,
                                     std::optional<AnalysisText> analysis, QObject *context,
                                     std::function<void(const Preview &)> done)
{
    if (incident.members.isEmpty()) {
        QTimer::singleShot(0, context, [done = std::move(done)] {
            done({{{}, {}, {}, tr("The incident has no alerts left.")}, {}, {}});
        });
        return;
    }
    buildPreview(Subject::of(incident), destinationId, std::move(analysis), context,
                 [incident, done = std::move(done)](Preview preview) {
                     preview.incident = incident;
                     done(preview);
                 });
}

void ForwardService::buildPreview(const Subject &subject, const QString &destinationId,
                                  std::optional<AnalysisText> analysis, QObject *context,
                                  std::function<void(const Preview &)> done)
{
    const std::optional<ChatDestination> target = destination(destinationId);
    if (!target) {
        QTimer::singleShot(0, context, [done = std::move(done)] {
            done({{{}, {}, {}, tr("That destination no longer exists.")}, {}, {}});
        });
        return;
    }
    auto build = [this, subject, destination = *target, context, done = std::move(done)](const AnalysisText &text) {
        readSecrets(destination, context, [this, subject, destination, text, done](const Secrets &secrets) {
            Preview preview;
            ChatTarget chatTarget{secrets.target, secrets.signing, m_settings.telegramApi};
            if (!secrets.error.isEmpty()) {
                // Show the message anyway, addressed to a stand-in.
                preview.warning = secrets.error;
                chatTarget.target = destination.type == ChatDestination::Type::Telegram
                    ? u"0:preview-bot-token-not-stored-yet"_s
                    : u"https://example.invalid/"_s;
            }
            preview.destinationId = destination.id;
            preview.analysis = text;
            preview.composedAt = m_wallClock();
            preview.request
                = ChatTool::of(destination.type)
                      .request(subject.message(text, m_settings.links), destination, chatTarget, preview.composedAt);
            preview.shownUrl = secrets.error.isEmpty() ? shownUrl(preview.request.url) : QString();
            done(preview);
        });
    };
    if (analysis)
        QTimer::singleShot(0, context, [build, text = *analysis] { build(text); });
    else
        analysisOf(subject, context, build);
}

QString ForwardService::shownUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return {};
    return url.scheme() + u"://"_s + url.host() + (url.port() > 0 ? u":%1"_s.arg(url.port()) : QString()) + u"/…"_s;
}

RateLimit ForwardService::rateLimitFor(const ChatDestination &destination) const
{
    return m_settings.rateLimitOverride ? *m_settings.rateLimitOverride : ChatTool::of(destination.type).rateLimit();
}

void ForwardService::enqueue(Job &job)
{
    job.phase = Job::Phase::Queued;
    job.notBeforeMs = nowMs();
    m_queues[job.destination.id].push_back(job.id);
    emit jobChanged(job.id);
    pump();
}

void ForwardService::pump()
{
    const qint64 now = nowMs();
    std::optional<qint64> wakeAt;
    bool queueMoved = false;
    for (auto it = m_queues.begin(); it != m_queues.end(); ++it) {
        std::deque<quint64> &queue = it.value();
        if (queue.empty())
            continue;
        Job &head = *m_jobs.at(queue.front());
        const bool headWaits = head.phase == Job::Phase::Queued;
        // The tool's rate limit: at most `count` sends in any `window`.
        const RateLimit limit = rateLimitFor(head.destination);
        std::deque<qint64> &sent = m_sentAt[it.key()];
        while (!sent.empty() && limit.count > 0 && sent.front() <= now - limit.window.count())
            sent.pop_front();
        qint64 readyAt = headWaits ? head.notBeforeMs : now;
        if (limit.count > 0 && qsizetype(sent.size()) >= limit.count)
            readyAt = std::max(readyAt, sent.front() + qint64(limit.window.count()));
        // Everything behind the head waits for the same limit; the status says so.
        for (quint64 id : queue) {
            Job &job = *m_jobs.at(id);
            if (job.phase == Job::Phase::Queued && job.tries == 0 && job.notBeforeMs < readyAt) {
                job.notBeforeMs = readyAt;
                queueMoved = true;
            }
        }
        if (!headWaits)
            continue; // one message at a time per destination: order is kept
        if (readyAt > now) {
            wakeAt = std::min(wakeAt.value_or(readyAt), readyAt);
            continue;
        }
        sent.push_back(now);
        send(head);
    }
    if (wakeAt)
        m_wake.start(int(std::max<qint64>(1, *wakeAt - now)));
    if (queueMoved || wakeAt)
        emit queueChanged();
}

void ForwardService::send(Job &job)
{
    job.phase = Job::Phase::Sending;
    ++job.tries;
    emit jobChanged(job.id);
    emit queueChanged();
    const quint64 id = job.id;
    readSecrets(job.destination, this, [this, id](const Secrets &secrets) {
        const auto it = m_jobs.find(id);
        if (it == m_jobs.end())
            return;
        Job &job = *it->second;
        if (!secrets.error.isEmpty()) {
            job.result = {false, secrets.error};
            job.secretsMissing = true;
            return finish(job);
        }
        const QDateTime now = m_wallClock();
        const bool asPreviewed = job.composedAt && job.composedAt->secsTo(now) < maxPreviewAgeSecs;
        const ChatRequest request
            = ChatTool::of(job.destination.type)
                  .request(Subject{job.alert, job.incidentAnchor, job.related}.message(job.analysis, m_settings.links),
                           job.destination, {secrets.target, secrets.signing, m_settings.telegramApi},
                           asPreviewed ? *job.composedAt : now);
        job.truncated = request.truncated;
        m_sender->send(job.destination.type, request, this, [this, id](const ChatResult &result) {
            const auto found = m_jobs.find(id);
            if (found == m_jobs.end())
                return;
            Job &job = *found->second;
            job.result = result;
            if (result.ok || !result.retryable || job.tries >= m_settings.maxTries)
                return finish(job);
            // 429 / 5xx: again later, at the tool's hint or with exponential backoff.
            const qint64 backoff = qint64(m_settings.firstBackoff.count()) << (job.tries - 1);
            const qint64 wait = std::max<qint64>(backoff, result.retryAfter ? result.retryAfter->count() : 0);
            qCInfo(lcForward).noquote() << job.destination.name << "try" << job.tries << "failed, again in" << wait
                                        << "ms:" << result.message;
            job.phase = Job::Phase::Queued;
            job.notBeforeMs = nowMs() + wait;
            emit jobChanged(id);
            pump();
        });
    });
}

void ForwardService::finish(Job &job)
{
    job.phase = Job::Phase::Done;
    std::deque<quint64> &queue = m_queues[job.destination.id];
    queue.erase(std::remove(queue.begin(), queue.end(), job.id), queue.end());
    if (job.result.ok)
        qCInfo(lcForward).noquote() << "forwarded" << job.alert.name << "to" << job.destination.name;
    else
        qCInfo(lcForward).noquote() << "forward of" << job.alert.name << "to" << job.destination.name << "failed after"
                                    << job.tries << "tries:" << job.result.message;
    emit jobChanged(job.id);
    emit jobFinished(job.id);

    StoredForward record;
    record.source = job.alert.source;
    record.fingerprint = job.alert.fingerprint;
    record.occurrenceStartsAt = job.alert.startsAt;
    record.sentAt = QDateTime::currentDateTimeUtc();
    record.destinationId = job.destination.id;
    record.destinationName = job.destination.name;
    record.tool = ChatDestination::typeName(job.destination.type);
    record.ok = job.result.ok;
    record.message = job.result.message;
    record.automatic = job.automatic;
    record.withAnalysis = !job.analysis.content.isEmpty();
    if (m_history && job.alert.inLiveStore()) {
        m_history->saveForward(record, this, [this](const StoredForward &saved, const QString &error) {
            if (!error.isEmpty())
                qCWarning(lcForward).noquote() << "forward log entry not stored:" << error;
            emit forwardStored(saved, error);
        });
    }
    forgetOldJobs();
    pump();
}

void ForwardService::forgetOldJobs()
{
    size_t done = 0;
    for (const auto &[id, job] : m_jobs)
        done += job->isDone() ? 1 : 0;
    for (auto it = m_jobs.begin(); it != m_jobs.end() && done > keptFinishedJobs;) {
        if (it->second->isDone()) {
            it = m_jobs.erase(it);
            --done;
        } else {
            ++it;
        }
    }
}

void ForwardService::handleAlertChanges(const QList<AlertChange> &changes)
{
    if (m_settings.rules.isEmpty())
        return;
    for (const AlertChange &change : changes) {
        if (!change.startedFiring())
            continue;
        const Alert &alert = change.alert;
        QSet<QString> destinations; // one forward per destination, however many rules match
        for (const ForwardRule &rule : std::as_const(m_settings.rules)) {
            const Result<AlertFilter> parsed = AlertFilter::parse(rule.matcher);
            const std::optional<ChatDestination> target = destination(rule.destinationId);
            if (!parsed || parsed->isEmpty() || !target || destinations.contains(target->id) || !parsed->matches(alert))
                continue;
            destinations.insert(target->id);
            // An incident rule for an alert in no incident (or without a lookup) forwards the alert.
            if (rule.target == RuleTarget::Incident && m_incidentRules->start(alert, *target))
                continue;
            startRuleForward(alert, rule, *target);
        }
    }
}

void ForwardService::startRuleForward(const Alert &alert, const ForwardRule &, const ChatDestination &destination)
{
    const std::pair occurrence{destination.id, OccurrenceKey::of(alert)};
    if (m_ruleOccurrences.contains(occurrence))
        return;
    if (!m_ruleStarts.tryTake(m_settings.rulePerHour)) {
        qCInfo(lcForward).noquote() << "rule forward of" << alert.fingerprint << "to" << destination.name
                                    << "held back: limit of" << m_settings.rulePerHour << "per hour reached";
        emit ruleLimited(alert, destination.name);
        return;
    }
    m_ruleOccurrences.insert(occurrence);
    if (!m_history || !alert.inLiveStore())
        return forwardAfterAnalysis(alert, destination);
    // Across restarts: an occurrence a rule sent before is not sent again.
    m_history->fetchForwards(AlertKey::of(alert), this, [this, alert, destination](const QList<StoredForward> &log) {
        const bool sent = std::any_of(log.cbegin(), log.cend(), [&](const StoredForward &f) {
            return f.automatic && f.destinationId == destination.id && f.occurrenceStartsAt == alert.startsAt;
        });
        if (sent) {
            m_ruleStarts.giveBack();
            return;
        }
        forwardAfterAnalysis(alert, destination);
    });
}

void ForwardService::forwardAfterAnalysis(const Alert &alert, const ChatDestination &destination)
{
    // When the alert is being analysed automatically, the forward waits for that analysis.
    const AlertKey key = AlertKey::of(alert);
    const AnalysisService::Run *run = m_analysis ? m_analysis->run(key) : nullptr;
    const bool analysedAlready = run && !run->isRunning() && run->alert.startsAt == alert.startsAt;
    const bool analysing = m_analysis && m_analysis->settings().autoRule
        && m_analysis->settings().autoRule->matches(alert) && !analysedAlready;
    if (!analysing) {
        forward(alert, destination.id, std::nullopt, true);
        return;
    }
    emit ruleWaitingForAnalysis(alert, destination.name);
    auto *waiter = new QObject(this); // its connections and timer end with it
    auto go = [this, alert, id = destination.id, waiter] {
        if (waiter->property("done").toBool())
            return;
        waiter->setProperty("done", true);
        waiter->deleteLater();
        forward(alert, id, std::nullopt, true);
    };
    connect(m_analysis, &AnalysisService::runFinished, waiter, [key, go](const AlertKey &finished) {
        if (finished == key)
            go();
    });
    connect(m_analysis, &AnalysisService::autoAnalysisLimited, waiter, [key, go](const Alert &limited) {
        if (AlertKey::of(limited) == key)
            go();
    });
    QTimer::singleShot(m_settings.analysisWait, waiter, go);
}
