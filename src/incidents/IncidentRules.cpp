#include "incidents/IncidentRules.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

constexpr int maxScopes = 16;
constexpr int maxSlots = 4;
constexpr int maxAlternatives = 8;

bool isLabelName(QStringView name)
{
    static const QRegularExpression pattern(u"^[A-Za-z_][A-Za-z0-9_]*$"_s);
    return name.size() <= 128 && pattern.match(name.toString()).hasMatch();
}

} // namespace

QStringList IncidentRules::defaultScopes()
{
    return {u"instance|host|node"_s, u"namespace+pod"_s, u"cluster+service"_s};
}

Result<QStringList> IncidentRules::parseScopes(const QString &text)
{
    QStringList scopes;
    for (const QString &part : text.split(u';', Qt::SkipEmptyParts)) {
        const QString scope = part.simplified().remove(u' ');
        if (scope.isEmpty())
            continue;
        const QStringList labelSlots = scope.split(u'+');
        if (labelSlots.size() > maxSlots)
            return Failure{tr("The scope “%1” joins more than %2 labels.").arg(scope).arg(maxSlots)};
        for (const QString &slot : labelSlots) {
            const QStringList alternatives = slot.split(u'|');
            if (alternatives.size() > maxAlternatives)
                return Failure{tr("The scope “%1” offers more than %2 alternatives for one label.")
                                   .arg(scope)
                                   .arg(maxAlternatives)};
            for (const QString &label : alternatives)
                if (!isLabelName(label))
                    return Failure{tr("“%1” in the scope “%2” is not a label name.").arg(label, scope)};
        }
        scopes.append(scope);
    }
    if (scopes.size() > maxScopes)
        return Failure{tr("At most %1 scopes can be given.").arg(maxScopes)};
    return scopes;
}

QList<IncidentRules::Scope> IncidentRules::compiledScopes() const
{
    QList<Scope> compiled;
    for (const QString &scope : scopes) {
        Scope labelSlots;
        for (const QString &slot : scope.split(u'+', Qt::SkipEmptyParts))
            labelSlots.append(slot.split(u'|', Qt::SkipEmptyParts));
        if (!labelSlots.isEmpty())
            compiled.append(labelSlots);
    }
    return compiled;
}
