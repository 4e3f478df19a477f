#pragma once

#include "analysis/AnalysisToolArguments.h"

#include <QJsonArray>

// The tools as the model is offered them: OpenAI `tools` JSON, each a function with a
// name, a description and JSON Schema parameters that AnalysisToolArguments::parse reads
// (no other argument is accepted, and none names a host). Not translated: the model
// reads them, as it reads the prompt's instructions.
namespace AnalysisToolDefinitions {

// The `tools` array of a chat completion request, for the given tools in this order.
QJsonArray forTools(const QList<AnalysisToolArguments::Tool> &tools, const AnalysisToolArguments::Limits &limits = {});

} // namespace AnalysisToolDefinitions
