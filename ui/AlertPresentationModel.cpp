#include "AlertPresentationModel.h"

#include "SeverityStyle.h"
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
    switch (role) {
    case Qt::DecorationRole:
        if (index.column() == AlertTableModel::State)
            return SeverityStyle::stateIcon(state);
        if (index.column() == AlertTableModel::SeverityColumn)
            return SeverityStyle::icon(severity);
        if (index.column() == AlertTableModel::Source
            && QIdentityProxyModel::data(index, AlertTableModel::ReplayRole).toBool()) {
            static const QIcon replayed(QStringLiteral(":/icons/replay.svg"));
            return replayed;
        }
        return {};
    case Qt::ForegroundRole:
        if (state == AlertState::Resolved)
            return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
        if (index.column() == AlertTableModel::SeverityColumn)
            return SeverityStyle::color(severity);
        return {};
    case Qt::BackgroundRole:
        // A brief tint on rows that just arrived or changed, so new alerts catch the eye.
        if (QIdentityProxyModel::data(index, AlertTableModel::RecentlyChangedRole).toBool())
            return QColor(0xff, 0xf3, 0xc4);
        return {};
    case Qt::FontRole:
        if (state == AlertState::Firing && index.column() == AlertTableModel::Name) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    default: return QIdentityProxyModel::data(index, role);
    }
}
