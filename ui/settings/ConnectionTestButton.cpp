#include "ConnectionTestButton.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

ConnectionTestButton::ConnectionTestButton(const QString &objectName, QWidget *parent)
    : QWidget(parent)
    , m_button(new QPushButton(tr("Test connection")))
    , m_result(new QLabel)
{
    setObjectName(objectName);
    m_result->setObjectName(u"testResult"_s);
    m_result->setTextFormat(Qt::PlainText); // the servers' own words
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_button, 0, Qt::AlignTop);
    layout->addWidget(m_result, 1);
    connect(m_button, &QPushButton::clicked, this, &ConnectionTestButton::run);
}

QString ConnectionTestButton::resultText() const
{
    return m_lines.join(u'\n');
}

void ConnectionTestButton::run()
{
    if (m_running || !m_runner)
        return;
    m_running = true;
    m_allOk = true;
    m_lines.clear();
    m_button->setEnabled(false);
    m_result->setStyleSheet({});
    m_result->setText(tr("Testing…"));
    m_runner(
        [this](const QString &label, const ConnectionCheckResult &result) {
            m_allOk &= result.ok;
            m_lines << (label.isEmpty() ? result.summary : u"%1: %2"_s.arg(label, result.summary));
            m_result->setText(m_lines.join(u'\n'));
        },
        [this] {
            m_running = false;
            m_button->setEnabled(true);
            m_result->setStyleSheet(m_allOk ? u"color: #2e7d32;"_s : u"color: #c62828;"_s);
            emit finished();
        });
}
