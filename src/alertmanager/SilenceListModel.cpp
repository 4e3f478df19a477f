#include "alertmanager/SilenceListModel.h"

#include "model/AlertTableModel.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace {
int stateRank(const QString &state)
{
    if (state == u"active"_s)
        return 0;
    if (state == u"pending"_s)
        return 1;
    return 2;
}
} // namespace

SilenceListModel::SilenceListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int SilenceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SilenceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SilenceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StateColumn: return tr("State");
    case MatchersColumn: return tr("Matchers");
    case AlertsColumn: return tr("Silencing");
    case EndsColumn: return tr("Ends");
    case CreatedByColumn: return tr("Created by");
    case CommentColumn: return tr("Comment");
    default: return {};
    }
}

QString SilenceListModel::endsText(const Silence &silence) const
{
    const QDateTime now = m_clock();
    const QString at = QLocale().toString(silence.endsAt.toLocalTime(), QLocale::ShortFormat);
    if (silence.state == u"expired"_s)
        return tr("ended %1").arg(at);
    if (silence.state == u"pending"_s)
        return tr("starts in %1, ends %2")
            .arg(AlertTableModel::formatDuration(std::max<qint64>(0, now.secsTo(silence.startsAt))), at);
    return tr("in %1 (%2)").arg(AlertTableModel::formatDuration(std::max<qint64>(0, now.secsTo(silence.endsAt))), at);
}

QVariant SilenceListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ListedSilence &row = m_rows.at(index.row());
    const Silence &silence = row.silence;
    switch (role) {
    case StateRole: return silence.state;
    case SearchTextRole:
        return QStringList{AlertmanagerApi::describe(silence.matchers), silence.comment, silence.createdBy, silence.id}
            .join(u'\n');
    case SortRole:
        switch (index.column()) {
        case StateColumn: return stateRank(silence.state) * 1e13 + double(silence.endsAt.toMSecsSinceEpoch());
        case AlertsColumn: return m_silencedCounts.value(silence.id);
        case EndsColumn: return silence.endsAt;
        default: return data(index, Qt::DisplayRole);
        }
    case Qt::DisplayRole:
        switch (index.column()) {
        case StateColumn:
            if (silence.state == u"active"_s)
                return tr("active");
            if (silence.state == u"pending"_s)
                return tr("pending");
            if (silence.state == u"expired"_s)
                return tr("expired");
            return silence.state;
        case MatchersColumn: return AlertmanagerApi::describe(silence.matchers);
        case AlertsColumn:
            return silence.state == u"active"_s ? tr("%n alert(s)", nullptr, m_silencedCounts.value(silence.id))
                                                : QString();
        case EndsColumn: return endsText(silence);
        case CreatedByColumn: return silence.createdBy;
        case CommentColumn: return silence.comment;
        default: return {};
        }
    case Qt::ToolTipRole: {
        // Everything a narrow column may cut: each matcher on its line, the whole comment.
        // (Bounded: a silence is data from the network.)
        constexpr qsizetype mostLines = 50;
        constexpr qsizetype longest = 2000;
        QStringList matchers;
        for (const SilenceMatcher &matcher : silence.matchers.mid(0, mostLines))
            matchers << u"  "_s + AlertmanagerApi::describe({matcher}).left(longest);
        if (silence.matchers.size() > mostLines)
            matchers << u"  …"_s;
        return AlertTableModel::plainToolTip(
            tr("Silence %1\nMatchers:\n%2\nComment: %3\nStarts %4\nEnds %5\nReported by %6")
                .arg(silence.id, matchers.join(u'\n'), silence.comment.left(longest),
                     QLocale().toString(silence.startsAt.toLocalTime(), QLocale::LongFormat),
                     QLocale().toString(silence.endsAt.toLocalTime(), QLocale::LongFormat),
                     row.instances.join(u", "_s)));
    }
    default: return {};
    }
}

void SilenceListModel::setSilencedCounts(const QHash<QString, int> &counts)
{
    m_silencedCounts = counts;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, AlertsColumn), index(rowCount() - 1, AlertsColumn));
}

int SilenceListModel::rowOf(const QString &silenceId) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).silence.id == silenceId)
            return row;
    return -1;
}

void SilenceListModel::refresh(const QList<ConnectionCheckRequest> &alertmanagers)
{
    const int generation = ++m_generation;
    m_round.clear();
    m_roundErrors.clear();
    m_pending = int(alertmanagers.size());
    if (alertmanagers.isEmpty()) {
        finishRound();
        return;
    }
    for (const ConnectionCheckRequest &alertmanager : alertmanagers)
        m_client.fetchSilences(alertmanager, this,
                               [this, generation, alertmanager](const AlertmanagerApi::SilencesResult &result) {
                                   if (generation != m_generation)
                                       return;
                                   const QString instance = alertmanager.url.toString(QUrl::RemoveUserInfo);
                                   if (!result.error.isEmpty())
                                       m_roundErrors << u"%1: %2"_s.arg(instance, result.error);
                                   for (const Silence &silence : result.silences) {
                                       auto it = m_round.find(silence.id);
                                       if (it == m_round.end())
                                           it = m_round.insert(silence.id, {silence, alertmanager, {}});
                                       it->instances << instance;
                                   }
                                   if (--m_pending == 0)
                                       finishRound();
                               });
}

void SilenceListModel::finishRound()
{
    beginResetModel();
    m_rows = m_round.values();
    std::sort(m_rows.begin(), m_rows.end(), [](const ListedSilence &a, const ListedSilence &b) {
        const int rankA = stateRank(a.silence.state);
        const int rankB = stateRank(b.silence.state);
        if (rankA != rankB)
            return rankA < rankB;
        // Active and pending: the soonest end first; expired: the latest end first.
        return rankA == 2 ? a.silence.endsAt > b.silence.endsAt : a.silence.endsAt < b.silence.endsAt;
    });
    m_round.clear();
    endResetModel();
    emit refreshed(m_roundErrors.join(u'\n'));
}
