#include "ForwardPreviewDialog.h"

#include "analysis/MarkdownStreamView.h"
#include "forward/ChatPreview.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ForwardPreviewDialog::ForwardPreviewDialog(ForwardService *service, const Alert &alert, const QString &destinationId,
                                           std::optional<ForwardService::AnalysisText> analysis, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_alert(alert)
    , m_analysis(std::move(analysis))
    , m_destination(new QComboBox)
    , m_summary(new QLabel)
    , m_message(new MarkdownStreamView)
    , m_body(new QPlainTextEdit)
{
    setWindowTitle(tr("Forward %1").arg(alert.name));
    setUp(destinationId);
}

ForwardPreviewDialog::ForwardPreviewDialog(ForwardService *service, const IncidentSnapshot &incident,
                                           const QString &destinationId,
                                           std::optional<ForwardService::AnalysisText> analysis, QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_alert(incident.members.isEmpty() ? Alert() : incident.primary())
    , m_incident(incident)
    , m_analysis(std::move(analysis))
    , m_destination(new QComboBox)
    , m_summary(new QLabel)
    , m_message(new MarkdownStreamView)
    , m_body(new QPlainTextEdit)
{
    setWindowTitle(tr("Forward the incident %1").arg(incident.title));
    setUp(destinationId);
}

void ForwardPreviewDialog::setUp(const QString &destinationId)
{
    setObjectName(u"forwardPreviewDialog"_s);
    ForwardService *service = m_service;
    m_destination->setObjectName(u"previewDestination"_s);
    for (const ChatDestination &destination : service->settings().destinations)
        m_destination->addItem(u"%1 (%2)"_s.arg(destination.name, ChatDestination::typeName(destination.type)),
                               destination.id);
    m_destination->setCurrentIndex(std::max(0, m_destination->findData(destinationId)));
    m_summary->setObjectName(u"previewSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_body->setObjectName(u"previewBody"_s);
    m_body->setReadOnly(true);
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // The body as it goes (compact, as the tools receive it), wrapped anywhere to be read.
    m_body->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_body->setWordWrapMode(QTextOption::WrapAnywhere);
    m_body->setPlaceholderText(tr("Building the message…"));
    m_message->setObjectName(u"previewMessage"_s);
    m_message->setPlaceholderText(tr("Building the message…"));
    auto *views = new QTabWidget;
    views->setObjectName(u"previewViews"_s);
    views->setDocumentMode(true);
    views->addTab(m_message, tr("&Message"));
    views->addTab(m_body, tr("Exact &JSON"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_send = buttons->addButton(tr("&Send"), QDialogButtonBox::AcceptRole);
    m_send->setObjectName(u"previewSend"_s);
    m_send->setDefault(true);
    m_copy = buttons->addButton(tr("Copy &JSON"), QDialogButtonBox::ActionRole);
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(bodyText()); });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_preview)
            emit sendRequested(*m_preview);
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Destination:"), m_destination);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(views, 1);
    layout->addWidget(buttons);
    resize(760, 600);

    connect(m_destination, &QComboBox::currentIndexChanged, this, &ForwardPreviewDialog::load);
    load();
}

QString ForwardPreviewDialog::destinationId() const
{
    return m_destination->currentData().toString();
}

QString ForwardPreviewDialog::bodyText() const
{
    return m_body->toPlainText();
}

QString ForwardPreviewDialog::messageText() const
{
    return m_message->toPlainText();
}

void ForwardPreviewDialog::load()
{
    const int ticket = ++m_loading;
    m_send->setEnabled(false);
    m_copy->setEnabled(false);
    m_preview.reset();
    m_body->clear();
    m_message->showMarkdown({});
    m_summary->setText(tr("Building the message…"));
    // The answer picked in the panel, else as a forward would take it: the newest one with text.
    auto show = [this, ticket](const ForwardService::Preview &preview) {
        if (ticket == m_loading)
            showPreview(preview);
    };
    if (m_incident)
        m_service->previewIncident(*m_incident, destinationId(), m_analysis, this, show);
    else
        m_service->preview(m_alert, destinationId(), m_analysis, this, show);
}

void ForwardPreviewDialog::showPreview(const ForwardService::Preview &preview)
{
    const ChatRequest &request = preview.request;
    if (request.body.isEmpty()) {
        m_summary->setText(u"<span style=\"color:#c62828\">%1</span>"_s.arg(request.error.toHtmlEscaped()));
        return;
    }
    const QLocale locale;
    QStringList lines;
    const QString where = preview.shownUrl.isEmpty() ? tr("the stored webhook URL") : preview.shownUrl;
    lines << tr("POST to %1 · %2 bytes").arg(where.toHtmlEscaped(), locale.toString(request.body.size()));
    if (preview.incident && preview.incident->members.size() > 1) {
        // Who the message names, as a list to read even where the tool's rendering is not shown.
        const IncidentSnapshot &incident = *preview.incident;
        QStringList names;
        for (const Alert &member : incident.related().mid(0, ForwardMessage::maxRelatedListed))
            names << member.name.left(ForwardMessage::maxRelatedNameLength).toHtmlEscaped();
        const qsizetype more = incident.related().size() - names.size();
        lines << tr("One message for the incident: %1 and %n related alert(s): %2", nullptr,
                    int(incident.related().size()))
                     .arg(incident.primary().name.left(ForwardMessage::maxRelatedNameLength).toHtmlEscaped(),
                          names.join(u", "_s)
                              + (more > 0 ? u", "_s + tr("and %n more", nullptr, int(more)) : QString()));
    }
    if (request.truncated)
        lines << tr("The analysis was cut to fit the tool's size limit; the message says so.");
    if (!request.error.isEmpty())
        lines << u"<span style=\"color:#c62828\">%1</span>"_s.arg(request.error.toHtmlEscaped());
    if (!preview.warning.isEmpty())
        lines << u"<span style=\"color:#c62828\">%1</span>"_s.arg(preview.warning.toHtmlEscaped());
    m_summary->setText(lines.join(u"<br>"_s));
    m_body->setPlainText(QString::fromUtf8(request.body));
    const std::optional<ChatDestination> destination = m_service->destination(preview.destinationId);
    m_message->showMarkdown(
        ChatPreview::markdown(destination ? destination->type : ChatDestination::Type::Webhook, request.body));
    m_preview = preview;
    m_copy->setEnabled(true);
    m_send->setEnabled(preview.warning.isEmpty() && request.error.isEmpty());
}
