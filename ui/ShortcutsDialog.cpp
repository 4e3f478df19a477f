#include "ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

QString ShortcutsDialog::withoutMnemonic(QString text)
{
    static const QRegularExpression cjkMnemonic(u"\\(&\\w\\)"_s); // "设置(&S)"
    text.remove(cjkMnemonic);
    text.replace(u"&&"_s, u"\u0001"_s).remove(u'&').replace(u'\u0001', u'&');
    return text.remove(u'…').trimmed();
}

QString ShortcutsDialog::keysText(const QList<QKeySequence> &shortcuts)
{
    QStringList keys;
    for (const QKeySequence &shortcut : shortcuts)
        if (!shortcut.isEmpty())
            keys << shortcut.toString(QKeySequence::NativeText);
    keys.removeDuplicates(); // Return and Enter can read the same in a translation
    return keys.join(u", "_s);
}

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menus, const QList<Extra> &extras, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTreeWidget)
{
    setObjectName(u"shortcutsDialog"_s);
    setWindowTitle(tr("Keyboard shortcuts"));
    m_table->setObjectName(u"shortcutsTable"_s);
    m_table->setColumnCount(2);
    m_table->setHeaderLabels({tr("Command"), tr("Keys")});
    m_table->setRootIsDecorated(false);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->header()->setStretchLastSection(false);

    auto addGroup = [this](const QString &title) {
        auto *group = new QTreeWidgetItem(m_table, {title});
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setFirstColumnSpanned(true);
        group->setExpanded(true);
        return group;
    };
    QHash<QString, QTreeWidgetItem *> groups;
    for (QAction *menuAction : menus->actions()) {
        const QMenu *menu = menuAction->menu();
        if (!menu)
            continue;
        QTreeWidgetItem *group = nullptr;
        for (QAction *action : menu->actions()) {
            const QString keys = keysText(action->shortcuts());
            if (action->isSeparator() || keys.isEmpty())
                continue;
            if (!group)
                group = groups[menu->title()] = addGroup(withoutMnemonic(menu->title()));
            new QTreeWidgetItem(group, {withoutMnemonic(action->text()), keys});
        }
    }
    for (const Extra &extra : extras) {
        QTreeWidgetItem *&group = groups[extra.group];
        if (!group)
            group = addGroup(extra.group);
        new QTreeWidgetItem(group, {extra.what, extra.keys});
    }
    m_table->expandAll();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(520, 560);
}
