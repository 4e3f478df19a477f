#pragma once

#include "ChildProcess.h"

#include <QDateTime>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

// A real Prometheus (Debian's package) on a free loopback port, scraping itself every
// second as job "self", its data in a temporary directory; stopped when destroyed. For
// integration tests that query real series.
class SelfScrapingPrometheus final
{
public:
    SelfScrapingPrometheus() = default;
    ~SelfScrapingPrometheus() { m_process.stop(); }
    SelfScrapingPrometheus(const SelfScrapingPrometheus &) = delete;
    SelfScrapingPrometheus &operator=(const SelfScrapingPrometheus &) = delete;

    // Starts it and waits (60 s at most) until its first scrape can be queried. An empty
    // string when it can, else why not.
    QString start();
    quint16 port() const { return m_port; }
    QUrl url() const;
    // When the first scrape could be read.
    QDateTime firstData() const { return m_firstData; }

private:
    QTemporaryDir m_dir;
    ChildProcess m_process;
    quint16 m_port = 0;
    QDateTime m_firstData;
};
