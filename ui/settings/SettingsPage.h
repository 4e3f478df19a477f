#pragma once

#include "secrets/SecretId.h"

#include <QIcon>
#include <QWidget>

class AppSettings;
class QFormLayout;
class QLabel;
class SecretField;
class SecretStore;

// One page of the Settings dialog: shows the saved values, checks the entries
// (with a message next to each wrong field) and writes them back.
class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    SettingsPage(const QString &title, const QIcon &icon, QWidget *parent = nullptr);

    QString title() const { return m_title; }
    QIcon icon() const { return m_icon; }

    virtual void load(const AppSettings &settings) = 0;
    // True when everything on the page can be saved; otherwise the wrong fields say why.
    virtual bool validate() = 0;
    virtual void save(AppSettings &settings) const = 0;
    // A credential to write to (or remove from) the keychain when the dialog saves.
    struct SecretChange {
        SecretId id;
        bool remove = false;
        QString value{};
    };
    // By default, the changes entered in the page's SecretFields.
    virtual QList<SecretChange> secretChanges() const;

protected:
    // A form row whose field has an inline error message under it.
    QLabel *addRowWithMessage(QFormLayout *form, const QString &label, QWidget *field, const QString &objectName);
    // Sets or clears an inline message; returns whether it was clear.
    static bool setMessage(QLabel *message, const QString &text);
    // A section heading inside a page.
    static QLabel *heading(const QString &text);
    // Empty when `text` is an http(s) URL with a host; else what is wrong with it.
    static QString urlProblem(const QString &text);

private:
    QString m_title;
    QIcon m_icon;
};
