#pragma once
// One table of (value, name) pairs serves an enum's text form both ways.
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace oppenvard::core {

template <class E, std::size_t N>
using EnumNames = std::array<std::pair<E, std::string_view>, N>;

template <class E, std::size_t N>
constexpr std::string_view name_of(const EnumNames<E, N>& names, E value) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  return "unknown";
}

template <class E, std::size_t N>
constexpr std::optional<E> value_of(const EnumNames<E, N>& names, std::string_view text) {
  for (const auto& [v, name] : names) {
    if (name == text) return v;
  }
  return std::nullopt;
}

}  // namespace oppenvard::core
