#include "AlertPresentationModel.h"

#include "SeverityStyle.h"
#include "model/AlertGroupingProxyModel.h"
#include "model/AlertTableModel.h"

#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QIcon>
#include <QPalette>

QVariant AlertPresentationModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    // Raw roles come from the source: index.data() would call this function again.
    const auto state
        = static_cast<AlertState>(QIdentityProxyModel::data(index, AlertTableModel::AlertStateRole).toInt());
    const auto severity
        = static_cast<Severity>(QIdentityProxyModel::data(index, AlertTableModel::SeverityRole).toInt());
    if (QIdentityProxyModel::data(index, AlertGroupingProxyModel::GroupHeaderRole).toBool())
        return groupHeaderData(index, role, severity);
    const bool muted = QIdentityProxyModel::data(index, AlertTableModel::MutedRole).toBool();
    const bool replayed = QIdentityProxyModel::data(index, AlertTableModel::ReplayRole).toBool();
    switch (role) {
    case Qt::DecorationRole:
        if (index.column() == AlertTableModel::State) {
            static const QIcon mutedIcon(QStringLiteral(":/icons/silence.svg"));
            static const QIcon replayIcon(QStringLiteral(":/icons/replay.svg"));
            return muted ? mutedIcon : replayed ? replayIcon : SeverityStyle::stateIcon(state);
        }
        if (index.column() == AlertTableModel::SeverityColumn)
            return SeverityStyle::icon(severity);
        if (index.column() == AlertTableModel::Source
            && QIdentityProxyModel::data(index, AlertTableModel::ReplayRole).toBool()) {
            static const QIcon replayed(QStringLiteral(":/icons/replay.svg"));
            return replayed;
        }
        return {};
    case Qt::ForegroundRole:
        // Muted alerts recede like resolved ones: they need no one now.
        if (state == AlertState::Resolved || muted)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        if (index.column() == AlertTableModel::SeverityColumn)
            return SeverityStyle::color(severity);
        return {};
    case Qt::BackgroundRole:
        // A brief tint on rows that just arrived or changed, so new alerts catch the eye.
        if (QIdentityProxyModel::data(index, AlertTableModel::RecentlyChangedRole).toBool())
            return QColor(0xff, 0xf3, 0xc4);
        // Replayed rows are tinted, on light and dark themes alike: they are not live.
        if (replayed) {
            const QColor base = QGuiApplication::palette().color(QPalette::Base);
            const QColor tint(0x7e, 0x57, 0xc2);
            constexpr double share = 0.16;
            return QColor::fromRgbF(base.redF() * (1 - share) + tint.redF() * share,
                                    base.greenF() * (1 - share) + tint.greenF() * share,
                                    base.blueF() * (1 - share) + tint.blueF() * share);
        }
        return {};
    case Qt::FontRole: {
        const bool bold = state == AlertState::Firing && !muted && index.column() == AlertTableModel::Name;
        if (!bold && !replayed)
            return {};
        QFont font;
        font.setBold(bold);
        font.setItalic(replayed);
        return font;
    }
    default: return QIdentityProxyModel::data(index, role);
    }
}

QVariant AlertPresentationModel::groupHeaderData(const QModelIndex &index, int role, Severity worst) const
{
    switch (role) {
    case Qt::DecorationRole:
        return index.column() == AlertTableModel::SeverityColumn ? SeverityStyle::icon(worst) : QVariant();
    case Qt::ForegroundRole:
        return index.column() == AlertTableModel::SeverityColumn ? QVariant(SeverityStyle::color(worst)) : QVariant();
    case Qt::BackgroundRole: return QGuiApplication::palette().color(QPalette::Button);
    case Qt::FontRole: {
        QFont font;
        font.setBold(true);
        return font;
    }
    default: return QIdentityProxyModel::data(index, role);
    }
}
