#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <functional>

class AppSettings;
class QNetworkAccessManager;

// The model ids an OpenAI-compatible provider offers, for the Settings list and for
// naming the current ids when a saved one is refused: from GET {base}/models (OpenAI
// format {"data":[{"id":…}]}), cached per base URL in the settings (ids only, never a
// key), else a built-in list for DeepSeek.
class ProviderModels final
{
    Q_DECLARE_TR_FUNCTIONS(ProviderModels)

public:
    // A provider lists tens of models; a hostile one cannot make the list grow without end.
    static constexpr qsizetype maxAnswerBytes = 1 << 20;
    static constexpr qsizetype maxModels = 500;
    static constexpr qsizetype maxIdLength = 200;
    static constexpr qsizetype maxCachedProviders = 8;

    // DeepSeek's current fast model, the default.
    static QString defaultModel() { return QStringLiteral("deepseek-flash"); }
    // What DeepSeek offers when its list has not been fetched: deepseek-flash,
    // deepseek-v4-pro; empty for other providers (their ids cannot be guessed).
    static QStringList fallback(const QUrl &baseUrl);
    // Ids DeepSeek retired on 2026-07-24 (deepseek-chat, deepseek-reasoner).
    static bool isRetired(const QString &id);

    // The ids in a GET /models answer, in its order, without duplicates or unprintable
    // ones; an empty list and `error` set when it is not such an answer.
    struct Parsed {
        QStringList ids;
        QString error;
    };
    static Parsed parse(const QByteArray &body);

    // The cache entry's name for a base URL: scheme, host, port and path; never user
    // info or the query (either may hold a secret).
    static QString cacheKey(const QUrl &baseUrl);
    static QStringList cached(const AppSettings &settings, const QUrl &baseUrl);
    static void store(AppSettings &settings, const QUrl &baseUrl, const QStringList &ids);
    // The same on the cache's text (Settings::providerModelCache), for a page that
    // saves it later.
    static QStringList cachedIn(const QString &cache, const QUrl &baseUrl);
    static QString withEntry(const QString &cache, const QUrl &baseUrl, const QStringList &ids);
    // The cached ids, else the fallback.
    static QStringList known(const AppSettings &settings, const QUrl &baseUrl);
};

// GET {base}/models with the key in the headers an analysis would use
// (CompletionRequest::authHeaders), redirects followed only within the base URL's
// origin (the key never goes to another host), the answer read up to
// ProviderModels::maxAnswerBytes. Asynchronous; `done` runs unless `context` is gone.
class ProviderModelFetcher final : public QObject
{
    Q_OBJECT

public:
    struct Answer {
        bool ok = false;
        int httpStatus = 0; // 0: no HTTP answer
        QStringList ids{};
        QString error{}; // for people; never the key
    };
    using Callback = std::function<void(const Answer &)>;

    explicit ProviderModelFetcher(QObject *parent = nullptr);

    void fetch(const QUrl &baseUrl, const QByteArray &key, std::chrono::milliseconds timeout, QObject *context,
               Callback done);

private:
    QNetworkAccessManager *m_network;
};
