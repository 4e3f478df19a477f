#pragma once

#include <QDialog>
#include <QKeySequence>

class QMenuBar;
class QTreeWidget;

// Help → Keyboard shortcuts: every menu command with its keys, read from the menus
// themselves (so the sheet cannot drift from them), plus keys that belong to one
// widget, such as j/k in the alert table.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT

public:
    struct Extra {
        QString group;
        QString what;
        QString keys;
    };

    ShortcutsDialog(const QMenuBar *menus, const QList<Extra> &extras, QWidget *parent = nullptr);

    // "Ctrl+S, Ctrl+Shift+S" in the platform's own words.
    // A menu text as a label: "&Analyze" → "Analyze", "分析(&A)" → "分析", "Export…" → "Export".
    static QString withoutMnemonic(QString text);
    static QString keysText(const QList<QKeySequence> &shortcuts);

private:
    QTreeWidget *m_table;
};
