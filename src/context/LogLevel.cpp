#include "context/LogLevel.h"

#include "context/ContextPlan.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

// One list for both the local narrowing and the LogQL filter, so they agree.
// Substrings on purpose: "kill" finds killed/OOMKilled, "fail" failed/failure.
// RE2 and PCRE read it alike.
constexpr QStringView errorWords = u"error|\\berr\\b|fail|exception|panic|fatal|crit|emerg|warn|kill|\\boom|"
                                   u"out of memory|timeout|timed out|refused|denied|unreachable|segfault|"
                                   u"traceback|abort";

const QRegularExpression &structured()
{
    static const QRegularExpression re(
        u"(?:\\blevel\\s*[=:]\\s*\"?|\"level\"\\s*:\\s*\"|\\blvl\\s*=\\s*\"?|\"severity\"\\s*:\\s*\"|"
        "\\bseverity\\s*=\\s*\"?)([A-Za-z]+)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &plain()
{
    static const QRegularExpression re(
        u"\\b(panic|fatal|critical|crit|emerg|emergency|error|err|exception|failed|failure|refused|"
        "killed|oom|oomkilled|warn|warning|info|notice|debug|trace)\\b|out of memory"_s,
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &errorLike()
{
    static const QRegularExpression re(u"(?:"_s + errorWords.toString() + u')',
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

LogLevel::Level levelOfWord(const QString &word)
{
    using LogLevel::Level;
    if (word.startsWith(u"err"_s) || word == u"panic"_s || word == u"fatal"_s || word.startsWith(u"crit"_s)
        || word.startsWith(u"emerg"_s) || word == u"alert"_s || word == u"exception"_s || word.startsWith(u"fail"_s)
        || word == u"refused"_s || word == u"killed"_s || word.startsWith(u"oom"_s) || word == u"out of memory"_s)
        return Level::Error;
    if (word.startsWith(u"warn"_s))
        return Level::Warning;
    if (word == u"debug"_s || word == u"trace"_s)
        return Level::Debug;
    if (word == u"info"_s || word == u"notice"_s || word == u"information"_s)
        return Level::Info;
    return Level::None;
}

} // namespace

namespace LogLevel {

Level of(QStringView line)
{
    const QStringView head = line.left(scannedChars);
    QRegularExpressionMatch match = structured().match(head);
    if (match.hasMatch()) {
        if (const Level level = levelOfWord(match.captured(1).toLower()); level != Level::None)
            return level;
    }
    match = plain().match(head);
    if (!match.hasMatch())
        return Level::None;
    return levelOfWord(match.captured(0).toLower());
}

bool isErrorLike(QStringView line)
{
    const Level level = of(line);
    return level == Level::Error || level == Level::Warning || errorLike().match(line.left(scannedChars)).hasMatch();
}

QString errorLineFilter()
{
    return u"|~ "_s + ContextPlan::quoted(u"(?i)("_s + errorWords.toString() + u')');
}

} // namespace LogLevel
