#pragma once

#include "shift/CatchUp.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QVBoxLayout;

// "While you were away": a card above the table after the screen was locked or AlertDeck
// was not running, listing what fired, cleared, resolved and was silenced by others, the
// most urgent first. Each line selects its alert. Cleared critical alerts keep the card
// (also across a restart) until it is dismissed.
class CatchUpCard final : public QFrame
{
    Q_OBJECT

public:
    // `dataDirectory`: where an undismissed card is kept; empty: nowhere.
    explicit CatchUpCard(const QString &dataDirectory, QWidget *parent = nullptr);

    // Shows the card (joined with one not dismissed yet); an empty catch-up changes nothing.
    void showCatchUp(const CatchUp &catchUp);
    // Shows the card kept from before a restart, if there is one.
    void restoreKept();
    void dismiss();
    const std::optional<CatchUp> &catchUp() const { return m_catchUp; }

    static constexpr int shownEntries = 8;

signals:
    void alertChosen(const QString &source, const QString &fingerprint);

private:
    void render();

    QString m_dataDirectory;
    std::optional<CatchUp> m_catchUp;
    QLabel *m_title;
    QLabel *m_summary;
    QVBoxLayout *m_entries;
    QList<QWidget *> m_entryWidgets;
};
