#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

// Why an operation failed, as a sentence a person can act on (already translated).
struct Failure {
    QString message;
};

// What an operation that can fail gives back: its value, or the Failure. Success reads
// as true, so call sites say what they mean:
//   if (const Result<> opened = store.open(path); !opened) show(opened.error());
// A function returns a T (or `{}` for Result<>) on success and `Failure{tr("…")}` on
// failure; a failure passes up unchanged with `return result.failure();`.
template<typename T = void> class [[nodiscard]] Result final
{
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    { }
    Result(Failure failure)
        : m_state(std::in_place_index<1>, std::move(failure))
    { }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    // Only on success.
    const T &value() const & { return std::get<0>(m_state); }
    T &value() & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

    // Only on failure.
    const Failure &failure() const { return std::get<1>(m_state); }
    const QString &error() const { return failure().message; }

private:
    std::variant<T, Failure> m_state;
};

template<> class [[nodiscard]] Result<void> final
{
public:
    Result() = default; // success
    Result(Failure failure)
        : m_failure(std::move(failure))
    { }

    bool ok() const { return !m_failure.has_value(); }
    explicit operator bool() const { return ok(); }

    // Only on failure.
    const Failure &failure() const { return *m_failure; }
    const QString &error() const { return m_failure->message; }

private:
    std::optional<Failure> m_failure;
};

// For checks that report a problem line next to an input: the failure's message, or
// an empty string when `result` holds a value.
template<typename T> QString problemOf(const Result<T> &result)
{
    return result ? QString() : result.error();
}
