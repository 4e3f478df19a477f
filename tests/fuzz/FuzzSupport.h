#pragma once

// What the fuzz targets share: reading choices from the input's first bytes, and
// invariant checks that libFuzzer (or the seed runner) reports as a crash.

#include <QByteArrayView>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

// Aborts with the condition's text: libFuzzer saves the input, the seed runner fails.
#define FUZZ_CHECK(condition)                                                                                          \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #condition);                     \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)

// The fuzzer's input, read from the front: a few bytes pick options, the rest is data.
class FuzzInput
{
public:
    FuzzInput(const uint8_t *data, size_t size)
        : m_data(reinterpret_cast<const char *>(data), qsizetype(size))
    { }

    // One byte (0 once the input is used up).
    uint8_t byte()
    {
        if (m_data.isEmpty())
            return 0;
        const auto value = static_cast<uint8_t>(m_data.front());
        m_data = m_data.sliced(1);
        return value;
    }
    // The bytes up to the next `separator` (consumed, not returned), or all that is left.
    QByteArrayView until(char separator)
    {
        const qsizetype at = m_data.indexOf(separator);
        const QByteArrayView taken = at < 0 ? m_data : m_data.first(at);
        m_data = at < 0 ? QByteArrayView() : m_data.sliced(at + 1);
        return taken;
    }
    QByteArrayView rest() const { return m_data; }

private:
    QByteArrayView m_data;
};
