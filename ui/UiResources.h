#pragma once

namespace UiResources {
// Registers the icon resource compiled into this static library. Call once before
// creating widgets (main() and GUI tests do).
void initialize();
} // namespace UiResources
