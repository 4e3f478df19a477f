#include "cli/ReplayCommand.h"

#include "core/BuildInfo.h"
#include "replay/ReplayHttpTarget.h"
#include "replay/ReplayPlayer.h"

#include <QProcessEnvironment>
#include <QTimer>

using namespace Qt::StringLiterals;

ReplayCommand::ReplayCommand(const CommandLineOptions &options, QIODevice &out, QIODevice &err, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_out(&out)
    , m_err(&err)
{ }

ReplayCommand::~ReplayCommand() = default;

void ReplayCommand::start()
{
    const ReplaySource::Result source = ReplaySource::read(m_options.replayInputs);
    for (const ReplayProblem &problem : source.problems)
        m_err << tr("skipped %1").arg(problem.text()) << Qt::endl;
    m_skipped = int(source.problems.size());

    ReplayHttpTarget::Options target{QUrl(m_options.replayUrl)};
    if (!m_options.replayTokenVariable.isEmpty()) {
        const QString token = QProcessEnvironment::systemEnvironment().value(m_options.replayTokenVariable);
        if (token.isEmpty()) {
            m_err << QLatin1String(BuildInfo::executableName) << ": "
                  << tr("--token-env: %1 is not set or empty.").arg(m_options.replayTokenVariable) << Qt::endl;
            QTimer::singleShot(0, this, [this] { emit finished(ExitCode::Failure); });
            return;
        }
        target.authorization = "Bearer " + token.toUtf8();
    }
    if (!m_options.replayBasicVariable.isEmpty()) {
        const QString credentials = QProcessEnvironment::systemEnvironment().value(m_options.replayBasicVariable);
        if (!credentials.contains(u':')) {
            m_err << QLatin1String(BuildInfo::executableName) << ": "
                  << tr("--basic-env: %1 must hold user:password.").arg(m_options.replayBasicVariable) << Qt::endl;
            QTimer::singleShot(0, this, [this] { emit finished(ExitCode::Failure); });
            return;
        }
        target.authorization = "Basic " + credentials.toUtf8().toBase64();
    }
    m_target = std::make_unique<ReplayHttpTarget>(target);
    ReplayTiming timing{m_options.replaySpeed, {}};
    if (m_options.replayMaxGapSeconds)
        timing.idleGapLimit = std::chrono::seconds(*m_options.replayMaxGapSeconds);
    m_player = std::make_unique<ReplayPlayer>(
        source.items, timing, [this](const ReplayItem &item, std::function<void(const ReplayOutcome &)> done) {
            m_target->deliver(item, std::move(done));
        });
    connect(m_player.get(), &ReplayPlayer::delivered, this,
            [this, items = source.items](int index, const ReplayOutcome &outcome) {
                const ReplayItem &item = items.at(index);
                const QString when = item.receivedAt.isValid() ? item.receivedAt.toString(Qt::ISODate) : u"-"_s;
                m_out << u"[%1/%2] %3 %4 %5 → %6"_s.arg(index + 1)
                             .arg(items.size())
                             .arg(when, item.origin, m_target->urlFor(item).path(), outcome.message)
                      << Qt::endl;
                if (!outcome.ok)
                    m_failures << u"%1: %2"_s.arg(item.origin, outcome.message);
            });
    connect(m_player.get(), &ReplayPlayer::finished, this, &ReplayCommand::summarise);
    m_player->start();
}

void ReplayCommand::stop()
{
    if (m_player)
        m_player->stop();
}

void ReplayCommand::summarise()
{
    const int sent = m_player->sent();
    const int failed = int(m_failures.size());
    m_out << tr("Replayed %1 of %2 payloads to %3: %4 accepted, %5 refused; %6 inputs skipped.")
                 .arg(sent)
                 .arg(m_player->total())
                 .arg(m_options.replayUrl)
                 .arg(sent - failed)
                 .arg(failed)
                 .arg(m_skipped)
          << Qt::endl;
    for (const QString &failure : std::as_const(m_failures))
        m_err << tr("refused: %1").arg(failure) << Qt::endl;
    const bool complete = sent == m_player->total() && failed == 0 && m_skipped == 0;
    emit finished(complete ? ExitCode::Ok : ExitCode::Failure);
}
