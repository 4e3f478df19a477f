#pragma once

#include <QLabel>

class HttpListener;

// Status-bar text for the webhook listener: where it listens, or why it does not.
class ListenerStatusIndicator final : public QLabel
{
    Q_OBJECT

public:
    explicit ListenerStatusIndicator(HttpListener *listener, QWidget *parent = nullptr);

    // The sentence shown for the listener's current state (also used by the banner).
    static QString describe(const HttpListener &listener);

private:
    void refresh();

    HttpListener *m_listener;
};
