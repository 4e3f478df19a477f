#include "shift/HandoverReportDialog.h"

#include "ProgressRun.h"
#include "ReportRows.h"
#include "core/Background.h"
#include "shift/HandoverChat.h"
#include "shift/HandoverReportText.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPdfWriter>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

HandoverReportDialog::HandoverReportDialog(const Services &services, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_span(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_build(new QPushButton(tr("Build report"), this))
    , m_progressBar(new QProgressBar(this))
    , m_run(new ProgressRun(m_progressBar, this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_view(new QTextBrowser(this))
    , m_status(new QLabel(this))
    , m_exportMarkdown(new QPushButton(tr("Export Markdown…"), this))
    , m_exportPdf(new QPushButton(tr("Export PDF…"), this))
    , m_destination(new QComboBox(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_forwarder(new HandoverForwarder(services.secrets, this))
{
    setWindowTitle(tr("Handover report"));
    resize(820, 680);
    m_forwarder->setTelegramApi(services.telegramApi);

    m_span->addItem(tr("Since the last report"), int(Span::SinceLastReport));
    m_span->addItem(tr("Last 12 hours"), int(Span::Hours12));
    m_span->addItem(tr("Last 24 hours"), int(Span::Hours24));
    m_span->addItem(tr("Last 7 days"), int(Span::Days7));
    m_span->addItem(tr("Custom"), int(Span::Custom));
    QHBoxLayout *windowRow = ReportRows::span(this, tr("Window:"), m_span, m_from, m_to, m_build);
    QHBoxLayout *progressRow = ReportRows::progress(m_progressBar, m_cancelButton);

    m_view->setReadOnly(true);
    m_view->setOpenLinks(false); // a link in a note is shown, not followed from here
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    for (const ChatDestination &destination : std::as_const(m_services.destinations))
        m_destination->addItem(tr("%1 (%2)").arg(destination.name, ChatDestination::typeName(destination.type)),
                               destination.id);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_exportMarkdown);
    actions->addWidget(m_exportPdf);
    actions->addStretch();
    actions->addWidget(new QLabel(tr("Send to:"), this));
    actions->addWidget(m_destination);
    actions->addWidget(m_send);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(windowRow);
    layout->addLayout(progressRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
    layout->addLayout(actions);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_span, &QComboBox::currentIndexChanged, this, &HandoverReportDialog::chooseSpan);
    connect(m_build, &QPushButton::clicked, this, &HandoverReportDialog::build);
    connect(m_cancelButton, &QPushButton::clicked, this, &HandoverReportDialog::cancel);
    connect(m_exportMarkdown, &QPushButton::clicked, this, &HandoverReportDialog::chooseMarkdownFile);
    connect(m_exportPdf, &QPushButton::clicked, this, &HandoverReportDialog::choosePdfFile);
    connect(m_send, &QPushButton::clicked, this, [this] { forwardTo(m_destination->currentData().toString()); });
    connect(m_forwarder, &HandoverForwarder::finished, this, [this](const ChatResult &result) {
        showStatus(result.message, !result.ok);
        m_send->setEnabled(m_report.has_value() && m_destination->count() > 0);
        emit forwardFinished(result);
    });
    chooseSpan();
    updateButtons();
}

HandoverReportDialog::~HandoverReportDialog()
{
    cancel();
}

void HandoverReportDialog::setSilences(const QList<Silence> &silences)
{
    m_silences = silences;
    m_silencesUnknownReason.clear();
}

void HandoverReportDialog::setSilencesUnavailable(const QString &why)
{
    m_silences.reset();
    m_silencesUnknownReason = why;
}

void HandoverReportDialog::chooseSpan()
{
    const auto span = Span(m_span->currentData().toInt());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_from->setEnabled(span == Span::Custom);
    m_to->setEnabled(span == Span::Custom);
    if (span == Span::Custom)
        return;
    const QDateTime since = span == Span::SinceLastReport ? HandoverReportWindow::defaultSince(m_services.dataDir, now)
        : span == Span::Hours12                           ? now.addSecs(-12 * 3600)
        : span == Span::Hours24                           ? now.addSecs(-24 * 3600)
                                                          : now.addDays(-7);
    m_from->setDateTime(since);
    m_to->setDateTime(now);
}

void HandoverReportDialog::build()
{
    cancel();
    if (Span(m_span->currentData().toInt()) != Span::Custom)
        chooseSpan(); // "last 12 hours" means up to now
    HandoverReportBuilder::Request request;
    request.storePath = QDir(m_services.dataDir).filePath(u"alerts.sqlite"_s);
    request.since = m_from->dateTime().toUTC();
    request.until = m_to->dateTime().toUTC();
    request.silences = m_silences;
    request.silencesUnknownReason = m_silencesUnknownReason;
    request.incidentRules = m_services.incidentRules;

    m_run->start(
        [request](const ProgressRun::Progress &progress) { return HandoverReportBuilder::build(request, progress); },
        [this](const Result<HandoverReport> &report) { showReport(report); });
    showStatus(tr("Building the report…"), false);
    updateButtons();
}

bool HandoverReportDialog::isBuilding() const
{
    return m_run->isRunning();
}

void HandoverReportDialog::cancel()
{
    if (!m_run->cancel())
        return;
    showStatus(tr("Cancelled."), false);
    updateButtons();
}

void HandoverReportDialog::showReport(const Result<HandoverReport> &report)
{
    if (!report) {
        showStatus(report.error(), true);
        updateButtons();
        emit buildFailed(report.error());
        return;
    }
    m_report = *report;
    HandoverReportWindow::remember(m_services.dataDir, report->until);
    m_view->setMarkdown(HandoverReportText::markdown(*report));
    showStatus(tr("Report for %1.").arg(HandoverReportText::windowText(*report)), false);
    updateButtons();
    emit reportReady();
}

QString HandoverReportDialog::markdown() const
{
    return m_report ? HandoverReportText::markdown(*m_report) : QString();
}

void HandoverReportDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? u"color: #c62828;"_s : QString());
}

QString HandoverReportDialog::statusText() const
{
    return m_status->text();
}

void HandoverReportDialog::updateButtons()
{
    const bool building = isBuilding();
    const bool ready = m_report.has_value() && !building;
    m_progressBar->setVisible(building);
    m_cancelButton->setVisible(building);
    m_build->setEnabled(!building);
    m_exportMarkdown->setEnabled(ready);
    m_exportPdf->setEnabled(ready);
    m_send->setEnabled(ready && m_destination->count() > 0);
    m_destination->setEnabled(m_destination->count() > 0);
    if (m_destination->count() == 0)
        m_send->setToolTip(tr("No chat destination is set up (Settings → Chat destinations)."));
}

Result<> HandoverReportDialog::exportMarkdownTo(const QString &path)
{
    if (!m_report)
        return Failure{tr("There is no report to export yet.")};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(markdown().toUtf8()) < 0 || !file.commit()) {
        const Failure failure{tr("Cannot write %1: %2").arg(path, file.errorString())};
        showStatus(failure.message, true);
        return failure;
    }
    showStatus(tr("Saved %1.").arg(path), false);
    return {};
}

Result<> HandoverReportDialog::exportPdfTo(const QString &path)
{
    if (!m_report)
        return Failure{tr("There is no report to export yet.")};
    QFile probe(path);
    if (!probe.open(QIODevice::WriteOnly)) {
        const Failure failure{tr("Cannot write %1: %2").arg(path, probe.errorString())};
        showStatus(failure.message, true);
        return failure;
    }
    probe.close();
    QPdfWriter writer(path);
    writer.setTitle(HandoverReportText::title(*m_report));
    writer.setCreator(u"AlertDeck"_s);
    writer.setPageSize(QPageSize(QPageSize::A4));
    QTextDocument document;
    document.setMarkdown(markdown());
    document.print(&writer);
    showStatus(tr("Saved %1.").arg(path), false);
    return {};
}

void HandoverReportDialog::forwardTo(const QString &destinationId)
{
    if (!m_report)
        return;
    for (const ChatDestination &destination : std::as_const(m_services.destinations)) {
        if (destination.id != destinationId)
            continue;
        m_send->setEnabled(false);
        showStatus(tr("Sending the report to %1…").arg(destination.name), false);
        m_forwarder->send(*m_report, destination);
        return;
    }
    showStatus(tr("That chat destination no longer exists."), true);
}

void HandoverReportDialog::chooseMarkdownFile()
{
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export Markdown"), u"handover-report.md"_s, tr("Markdown (*.md)"));
    if (!path.isEmpty())
        (void)exportMarkdownTo(path);
}

void HandoverReportDialog::choosePdfFile()
{
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export PDF"), u"handover-report.pdf"_s, tr("PDF (*.pdf)"));
    if (!path.isEmpty())
        (void)exportPdfTo(path);
}
