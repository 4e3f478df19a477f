#pragma once

#include <QDialog>

// Version, Qt version and where the data lives: what a bug report needs.
class AboutDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(const QString &dataDirectory, QWidget *parent = nullptr);
};
