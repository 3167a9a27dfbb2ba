#pragma once

#include <type_traits>
#include <utility>
#include <variant>

namespace oppenvard::core {

// A value or an error: expected outcomes of parsing untrusted input come back as values,
// not exceptions (C++20 has no std::expected). Reading the wrong side throws
// std::bad_variant_access: that is a programming error, not an input error.
template <class T, class E>
class Result {
  static_assert(!std::is_same_v<T, E>, "value and error types must differ");

 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit
  Result(E error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT: implicit

  bool ok() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }

  const T& value() const& { return std::get<0>(state_); }
  T& value() & { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }

  const E& error() const& { return std::get<1>(state_); }

 private:
  std::variant<T, E> state_;
};

}  // namespace oppenvard::core
