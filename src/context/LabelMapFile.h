#pragma once

#include "context/ContextPlan.h"
#include "core/Result.h"

// "Save as label-map rule" from the Logs tab: the rules that found an alert's streams
// go first in the label map of the queries file (ContextTemplates), ahead of the map in
// use, which keeps working for other alerts. The file's other lines stay as they are.
namespace LabelMapFile {

// `text` with its "loki" lines replaced: `found` as group 0, then `current` (the map in
// use: the file's own rules or the defaults) one group later each.
QString withRules(const QString &text, const QList<ContextPlan::LabelRule> &found,
                  const QList<ContextPlan::LabelRule> &current);
// The label map withRules() writes, as it will be read back.
QList<ContextPlan::LabelRule> merged(const QList<ContextPlan::LabelRule> &found,
                                     const QList<ContextPlan::LabelRule> &current);
// Reads `path` (bounded, a regular file only), writes it back with the rules, atomically.
// A missing file is created. Blocking: call it off the UI thread.
Result<> save(const QString &path, const QList<ContextPlan::LabelRule> &found,
              const QList<ContextPlan::LabelRule> &current);

} // namespace LabelMapFile
