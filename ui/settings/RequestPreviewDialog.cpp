#include "RequestPreviewDialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

RequestPreviewDialog::RequestPreviewDialog(const RequestPreview &preview, bool hasKey, QWidget *parent)
    : QDialog(parent)
    , m_request(preview.request)
    , m_text(new QPlainTextEdit)
{
    setObjectName(u"requestPreview"_s);
    setWindowTitle(tr("Request for %1").arg(preview.alertName));
    // Only whether there is a key matters here; its value never reaches this dialog.
    m_request.apiKey = hasKey ? u"set"_s : QString();
    m_request.messages = preview.prompt.messages;

    QString summary = tr("About %1 tokens of prompt.").arg(QLocale().toString(preview.prompt.estimatedTokens));
    if (!preview.prompt.trimmed.isEmpty())
        summary += u' ' + tr("Trimmed to the context budget: %1.").arg(preview.prompt.trimmed.join(u"; "_s));
    if (!hasKey)
        summary += u' ' + tr("No API key is set: the request goes without one.");
    auto *label = new QLabel(summary);
    label->setObjectName(u"previewSummary"_s);
    label->setWordWrap(true);
    m_text->setObjectName(u"previewText"_s);
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_text->setPlainText(requestText());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton *copyCurl = buttons->addButton(tr("Copy as &curl"), QDialogButtonBox::ActionRole);
    copyCurl->setObjectName(u"copyCurl"_s);
    copyCurl->setToolTip(tr("A shell command; it reads the key from $ALERTDECK_DEEPSEEK_API_KEY"));
    QPushButton *copyJson = buttons->addButton(tr("Copy &JSON"), QDialogButtonBox::ActionRole);
    copyJson->setObjectName(u"copyJson"_s);
    connect(copyCurl, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(curlCommand()); });
    connect(copyJson, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(
            QString::fromUtf8(QJsonDocument::fromJson(m_request.body()).toJson(QJsonDocument::Indented)));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    resize(760, 620);
}

QString RequestPreviewDialog::requestText() const
{
    QString text = u"POST %1\n"_s.arg(m_request.endpoint().toString());
    // The headers the request carries the key in, with a stand-in for its value.
    const QByteArray keyShown = m_request.apiKey.isEmpty() ? QByteArray() : tr("(the key from the keychain)").toUtf8();
    for (const auto &[name, value] : CompletionRequest::authHeaders(m_request.baseUrl, keyShown))
        text += QString::fromLatin1(name) + u": "_s + QString::fromUtf8(value) + u'\n';
    text += u"Content-Type: application/json\nAccept: text/event-stream\n\n"_s;
    return text + QString::fromUtf8(QJsonDocument::fromJson(m_request.body()).toJson(QJsonDocument::Indented));
}

QString RequestPreviewDialog::curlCommand() const
{
    return m_request.curlCommand();
}
