#include "ForwardPreviewDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

ForwardPreviewDialog::ForwardPreviewDialog(ForwardService *service, const Alert &alert, const QString &destinationId,
                                           QWidget *parent)
    : QDialog(parent)
    , m_service(service)
    , m_alert(alert)
    , m_destination(new QComboBox)
    , m_summary(new QLabel)
    , m_readable(new QPlainTextEdit)
    , m_body(new QPlainTextEdit)
{
    setObjectName(u"forwardPreviewDialog"_s);
    setWindowTitle(tr("Forward %1").arg(alert.name));
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
    m_body->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_body->setPlaceholderText(tr("Building the message…"));
    m_readable->setObjectName(u"previewReadable"_s);
    m_readable->setReadOnly(true);
    m_readable->setPlaceholderText(tr("Building the message…"));
    auto *views = new QTabWidget;
    views->setDocumentMode(true);
    views->addTab(m_readable, tr("&Text"));
    views->addTab(m_body, tr("Exact &JSON"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_send = buttons->addButton(tr("&Send"), QDialogButtonBox::AcceptRole);
    m_send->setObjectName(u"previewSend"_s);
    m_send->setDefault(true);
    m_copy = buttons->addButton(tr("Copy &JSON"), QDialogButtonBox::ActionRole);
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(bodyText()); });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        emit sendRequested(this->destinationId());
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

QString ForwardPreviewDialog::readableText() const
{
    return m_readable->toPlainText();
}

QString ForwardPreviewDialog::readableFields(const QByteArray &json)
{
    QStringList parts;
    std::function<void(const QJsonValue &, const QString &)> walk = [&](const QJsonValue &value, const QString &path) {
        if (value.isObject()) {
            const QJsonObject object = value.toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                walk(it.value(), path.isEmpty() ? it.key() : path + u'.' + it.key());
        } else if (value.isArray()) {
            const QJsonArray array = value.toArray();
            for (qsizetype i = 0; i < array.size(); ++i)
                walk(array.at(i), u"%1[%2]"_s.arg(path).arg(i));
        } else if (value.isString()) {
            // Words, not identifiers, colours or URLs on their own.
            const QString text = value.toString();
            if (text.contains(u' ') && !text.startsWith(u"http"_s))
                parts << u"%1:\n%2"_s.arg(path, text);
        }
    };
    walk(QJsonDocument::fromJson(json).isArray() ? QJsonValue(QJsonDocument::fromJson(json).array())
                                                 : QJsonValue(QJsonDocument::fromJson(json).object()),
         QString());
    return parts.join(u"\n\n"_s);
}

void ForwardPreviewDialog::load()
{
    const int ticket = ++m_loading;
    m_send->setEnabled(false);
    m_copy->setEnabled(false);
    m_body->clear();
    m_readable->clear();
    m_summary->setText(tr("Building the message…"));
    // The analysis as a forward would take it: the newest one with text.
    m_service->preview(m_alert, destinationId(), std::nullopt, this,
                       [this, ticket](const ForwardService::Preview &preview) {
                           if (ticket == m_loading)
                               showPreview(preview);
                       });
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
    if (request.truncated)
        lines << tr("The analysis was cut to fit the tool's size limit; the message says so.");
    if (!request.error.isEmpty())
        lines << u"<span style=\"color:#c62828\">%1</span>"_s.arg(request.error.toHtmlEscaped());
    if (!preview.warning.isEmpty())
        lines << u"<span style=\"color:#c62828\">%1</span>"_s.arg(preview.warning.toHtmlEscaped());
    m_summary->setText(lines.join(u"<br>"_s));
    m_body->setPlainText(QString::fromUtf8(QJsonDocument::fromJson(request.body).toJson(QJsonDocument::Indented)));
    m_readable->setPlainText(readableFields(request.body));
    m_copy->setEnabled(true);
    m_send->setEnabled(preview.warning.isEmpty() && request.error.isEmpty());
}
