#include "ContextPage.h"

#include "context/ContextTemplates.h"
#include "logging/LogCategories.h"
#include "settings/AppSettings.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ContextPage::ContextPage(const QString &templatesFile, QWidget *parent)
    : SettingsPage(tr("Metrics and logs"), QIcon(u":/icons/settings-sources.svg"_s), parent)
    , m_file(templatesFile)
    , m_before(new QSpinBox)
    , m_after(new QSpinBox)
    , m_lines(new QSpinBox)
    , m_filter(new QCheckBox(
          tr("Only error-like lines (error, fail, panic, fatal, critical, warn, kill, OOM, timeout, refused…)")))
    , m_templates(new QPlainTextEdit)
{
    setObjectName(u"contextPage"_s);
    m_before->setObjectName(u"minutesBefore"_s);
    m_before->setRange(1, 24 * 60);
    m_before->setSuffix(tr(" min before the start"));
    m_after->setObjectName(u"minutesAfter"_s);
    m_after->setRange(1, 24 * 60);
    m_after->setSuffix(tr(" min after"));
    m_lines->setObjectName(u"logLineLimit"_s);
    m_lines->setRange(10, 5000);
    for (QSpinBox *box : {m_before, m_after, m_lines})
        box->setMaximumWidth(240);
    m_filter->setObjectName(u"filterLogLines"_s);
    m_templates->setObjectName(u"contextTemplates"_s);
    m_templates->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_templates->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_templates->setMinimumHeight(200);

    auto *form = new QFormLayout;
    form->addRow(tr("Window"), m_before);
    form->addRow(QString(), m_after);
    form->addRow(tr("Log lines"), m_lines);
    form->addRow(QString(), m_filter);
    form->addRow(heading(tr("Extra charts and the Loki label map")));
    auto *where = new QLabel(tr("Kept in %1.").arg(QDir::toNativeSeparators(m_file)));
    where->setEnabled(false);
    where->setWordWrap(true);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(where);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_templates, 1);
    m_templatesMessage = new QLabel;
    m_templatesMessage->setObjectName(u"templatesMessage"_s);
    m_templatesMessage->setWordWrap(true);
    m_templatesMessage->setStyleSheet(u"color: #c62828;"_s);
    m_templatesMessage->hide();
    layout->addWidget(m_templatesMessage);
}

void ContextPage::load(const AppSettings &settings)
{
    m_before->setValue(settings.value(Settings::contextMinutesBefore));
    m_after->setValue(settings.value(Settings::contextMinutesAfter));
    m_lines->setValue(settings.value(Settings::logLineLimit));
    m_filter->setChecked(settings.value(Settings::filterLogLines));
    // A small file the user edits; its example stands in until there is one. One that
    // cannot be read (a named pipe, too large) is said and left alone, not overwritten.
    const ContextTemplates::FileResult file = ContextTemplates::readFile(m_file);
    const bool refused = !file.readError.isEmpty() && !file.missing;
    m_templates->setPlainText(file.missing ? ContextTemplates::exampleText() : file.text);
    m_templates->setReadOnly(refused);
    setMessage(m_templatesMessage, refused ? file.readError : QString());
}

bool ContextPage::validate()
{
    if (m_templates->isReadOnly())
        return true; // the file is not ours to write: the other settings still apply
    return setMessage(m_templatesMessage, ContextTemplates::parse(m_templates->toPlainText()).errors.join(u'\n'));
}

void ContextPage::save(AppSettings &settings) const
{
    settings.setValue(Settings::contextMinutesBefore, m_before->value());
    settings.setValue(Settings::contextMinutesAfter, m_after->value());
    settings.setValue(Settings::logLineLimit, m_lines->value());
    settings.setValue(Settings::filterLogLines, m_filter->isChecked());
    if (m_templates->isReadOnly())
        return;
    QDir().mkpath(QFileInfo(m_file).absolutePath());
    QSaveFile file(m_file);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_templates->toPlainText().toUtf8()) < 0 || !file.commit())
        qCWarning(lcContext).noquote() << "cannot write" << m_file << ":" << file.errorString();
}
