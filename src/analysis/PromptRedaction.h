#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>

// What is masked in the analysis request before it leaves the machine: IPv4/IPv6
// addresses, e-mail addresses, and host names matching the user's patterns. Off by
// default; each kind has its own replacement so the model still sees the shape
// ("<ip>", "<email>", "<host>").
struct PromptRedaction {
    bool ipAddresses = false;
    bool emailAddresses = false;
    QStringList hostPatterns{}; // regular expressions, e.g. "[a-z0-9-]+\.corp\.example\.com"

    bool isActive() const { return ipAddresses || emailAddresses || !hostPatterns.isEmpty(); }
    QString apply(const QString &text) const;
    // The patterns that are not valid regular expressions, with the reason, for Settings.
    QStringList invalidPatterns() const;
};
