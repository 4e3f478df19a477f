#include "ListenerStatusIndicator.h"

#include "ingest/HttpListener.h"

using namespace Qt::StringLiterals;

ListenerStatusIndicator::ListenerStatusIndicator(HttpListener *listener, QWidget *parent)
    : QLabel(parent)
    , m_listener(listener)
{
    setObjectName(u"listenerStatus"_s);
    setTextFormat(Qt::RichText);
    connect(listener, &HttpListener::stateChanged, this, &ListenerStatusIndicator::refresh);
    refresh();
}

QString ListenerStatusIndicator::describe(const HttpListener &listener)
{
    switch (listener.state()) {
    case HttpListener::State::Listening: return tr("Listening on %1").arg(listener.baseUrl());
    case HttpListener::State::AddressInUse: return tr("Port %1 is in use").arg(listener.requestedAddress().toString());
    case HttpListener::State::Failed: return tr("Listener error: %1").arg(listener.errorString());
    case HttpListener::State::Stopped: break;
    }
    return tr("Listener stopped");
}

void ListenerStatusIndicator::refresh()
{
    const bool ok = m_listener->state() == HttpListener::State::Listening;
    const QString dot = ok ? u"#2e7d32"_s : u"#d32f2f"_s;
    setText(u"<span style='color:%1'>●</span> %2"_s.arg(dot, describe(*m_listener).toHtmlEscaped()));
    setToolTip(ok ? tr("Webhook endpoint: %1/webhook").arg(m_listener->baseUrl()) : m_listener->errorString());
}
