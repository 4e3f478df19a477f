#pragma once

#include "settings/ChatDestination.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

// Adds or edits one chat destination. The webhook URL (or bot token) and the
// signing secret are typed here and handed to the page, which writes them to the
// keychain when Settings are saved; an existing one is kept when left empty.
class DestinationDialog final : public QDialog
{
    Q_OBJECT

public:
    // `existing`: editing (the stored secrets stay unless replaced).
    DestinationDialog(const ChatDestination &destination, bool existing, QWidget *parent = nullptr);

    ChatDestination destination() const;
    QString target() const; // empty: keep the stored one
    QString signingSecret() const; // empty: keep (or none)

    void accept() override;

private:
    void updateFields();
    void checkMentions();

    ChatDestination m_destination;
    bool m_existing;
    QLineEdit *m_name;
    QComboBox *m_type;
    QLabel *m_targetLabel;
    QLineEdit *m_target;
    QLabel *m_targetMessage;
    QLabel *m_signingLabel;
    QLineEdit *m_signing;
    QLabel *m_chatIdLabel;
    QLineEdit *m_chatId;
    QFormLayout *m_form; // its rows come and go with the tool
    QLabel *m_mentionsLabel;
    QWidget *m_mentionsBox; // the mentions' hint and problems, under the form
    QLineEdit *m_mentions;
    QLabel *m_mentionsHint;
    QLabel *m_mentionsMessage;
    QLabel *m_templateLabel;
    QPlainTextEdit *m_template;
    QCheckBox *m_requirePreview;
};
