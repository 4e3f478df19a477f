#pragma once

#include "model/Alert.h"

#include <QIdentityProxyModel>

// Adds what only the GUI needs on top of the core alert model: severity and state
// icons, severity colours, dimmed text for resolved and muted alerts, and a tint
// with italics for replayed ones.
class AlertPresentationModel final : public QIdentityProxyModel
{
    Q_OBJECT

public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    // A group's header row: bold on a band, its worst severity's icon and colour.
    QVariant groupHeaderData(const QModelIndex &index, int role, Severity worst) const;
};
