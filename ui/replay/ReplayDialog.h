#pragma once

#include "replay/ReplayPlayer.h"

#include <QDialog>
#include <QPointer>
#include <QTimer>

#include <memory>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class ReplayHttpTarget;
class ReplaySession;

// Replay… (Ctrl+Shift+R): plays files or AlertDeck's own history into this console's
// replay session (kept apart from live alerts) or to another listener, at the original
// pacing or faster, with pause, step and stop, a progress bar, the simulated clock and
// the time left. Not modal: the table fills while it plays.
class ReplayDialog final : public QDialog
{
    Q_OBJECT

public:
    ReplayDialog(ReplaySession *session, const QString &storePath, QWidget *parent = nullptr);
    ~ReplayDialog() override;

    // The files and folders to replay (the Add… buttons fill it too).
    void setInputs(const QStringList &paths);
    void setSpeedIndex(int index); // 0 ×1, 1 ×10, 2 ×60, 3 ×600, 4 as fast as possible
    void start();
    ReplayPlayer *player() const { return m_player.get(); }
    QString problemsText() const;
    QString statusText() const;

private:
    void load();
    void play(const ReplaySource::Result &source);
    void showProgress();
    void updateButtons();
    double speed() const;

    ReplaySession *m_session;
    QString m_storePath;
    QRadioButton *m_fromFiles;
    QRadioButton *m_fromHistory;
    QListWidget *m_inputs;
    QDateTimeEdit *m_since;
    QDateTimeEdit *m_until;
    QLineEdit *m_matchers;
    QRadioButton *m_toConsole;
    QRadioButton *m_toUrl;
    QCheckBox *m_rulesReact;
    QLineEdit *m_url;
    QComboBox *m_authKind;
    QLineEdit *m_token;
    QComboBox *m_speed;
    QCheckBox *m_skipGaps;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPlainTextEdit *m_problems;
    QPushButton *m_start;
    QPushButton *m_pause;
    QPushButton *m_step;
    QPushButton *m_stop;
    QPushButton *m_clear;
    std::unique_ptr<ReplayHttpTarget> m_target;
    std::unique_ptr<ReplayPlayer> m_player;
    bool m_loading = false;
    QTimer m_tick;
};
