#pragma once

#include "model/Alert.h"

namespace LabelFingerprint {
// A stable 16-hex-digit fingerprint of a label set (sorted by name), for senders
// that do not provide one. Same labels, same fingerprint, across runs and machines.
QString of(const LabelMap &labels);
} // namespace LabelFingerprint
