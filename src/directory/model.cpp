#include "directory/model.hpp"

#include <array>
#include <utility>

namespace oppenvard::directory {
namespace {

template <class Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::pair<Enum, std::string_view>, N>& names,
                           std::string_view text) {
  for (const auto& [value, name] : names) {
    if (name == text) return value;
  }
  return std::nullopt;
}

template <class Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& names,
                         Enum value) {
  for (const auto& [v, name] : names) {
    if (v == value) return name;
  }
  return "";
}

constexpr std::array<std::pair<ClinicKind, std::string_view>, 4> kKinds{{
    {ClinicKind::primary_care, "primary_care"},
    {ClinicKind::habilitation, "habilitation"},
    {ClinicKind::psychiatry, "psychiatry"},
    {ClinicKind::home_care, "home_care"},
}};
constexpr std::array<std::pair<EServiceCategory, std::string_view>, 3> kCategories{{
    {EServiceCategory::basic, "basic"},
    {EServiceCategory::recommended, "recommended"},
    {EServiceCategory::custom, "custom"},
}};
constexpr std::array<std::pair<EServiceStatus, std::string_view>, 3> kStatuses{{
    {EServiceStatus::on, "on"},
    {EServiceStatus::off, "off"},
    {EServiceStatus::not_applicable, "not_applicable"},
}};

}  // namespace

std::string_view to_string(ClinicKind kind) {
  return name_of(kKinds, kind);
}
std::optional<ClinicKind> clinic_kind_from(std::string_view text) {
  return lookup(kKinds, text);
}
std::string_view to_string(EServiceCategory category) {
  return name_of(kCategories, category);
}
std::optional<EServiceCategory> category_from(std::string_view text) {
  return lookup(kCategories, text);
}
std::string_view to_string(EServiceStatus status) {
  return name_of(kStatuses, status);
}
std::optional<EServiceStatus> status_from(std::string_view text) {
  return lookup(kStatuses, text);
}

}  // namespace oppenvard::directory
