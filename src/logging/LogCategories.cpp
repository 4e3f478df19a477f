#include "logging/LogCategories.h"

// Debug output is off by default; --log-level debug or QT_LOGGING_RULES turns it on.
Q_LOGGING_CATEGORY(lcApp, "alertdeck.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcIngest, "alertdeck.ingest", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "alertdeck.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcContext, "alertdeck.context", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLlm, "alertdeck.llm", QtInfoMsg)
Q_LOGGING_CATEGORY(lcForward, "alertdeck.forward", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "alertdeck.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcReplay, "alertdeck.replay", QtInfoMsg)
