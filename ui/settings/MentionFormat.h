#pragma once

#include "settings/ChatDestination.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <optional>

// How a chat tool names the people a destination mentions (ChatDestination::mentions,
// comma-separated): what the field is called, what ids it takes, an example. `id` is
// the pattern the tool's formatter accepts (src/forward/tools; MessageLayout::
// configuredMentions drops everything else); tst_settingsdialog checks that both agree.
struct MentionFormat {
    Q_DECLARE_TR_FUNCTIONS(MentionFormat)

public:
    QString label; // "@ mobile numbers"
    QString hint; // what to type and where to find it
    QString example; // the field's placeholder
    QRegularExpression id;

    // Most ids a message mentions (as MessageLayout::configuredMentions).
    static constexpr qsizetype mostMentions = 20;

    // None for tools without mentions (the generic webhook).
    static std::optional<MentionFormat> of(ChatDestination::Type type);

    // The entries of `mentions` the tool would leave out: not ids in its syntax, and
    // any beyond the first mostMentions different ones. Repeats are mentioned once.
    QStringList ignored(const QString &mentions) const;
    // Says which entries are left out (the hint says what the tool takes); empty when none.
    QString problem(const QString &mentions, const QString &toolName) const;
};
