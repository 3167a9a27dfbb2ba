#pragma once
// The region's public directory: administrations, clinics (care units) and the
// e-services each clinic offers (E1, E2, A3).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oppenvard::directory {

enum class ClinicKind { primary_care, habilitation, psychiatry, home_care };
enum class EServiceCategory { basic, recommended, custom };
// A switched-off service is simply not offered; "not applicable" is shown with its reason.
enum class EServiceStatus { on, off, not_applicable };

struct EServiceOffer {
  std::string code;
  EServiceCategory category = EServiceCategory::basic;
  std::string name_sv;
  std::string name_en;
  EServiceStatus status = EServiceStatus::on;
  std::optional<std::string> reason;
};

struct Clinic {
  std::string id;
  std::string hsa_id;
  std::string name;
  ClinicKind kind = ClinicKind::primary_care;
  std::string administration_id;
  std::string administration_name;
  std::string street;
  std::string postal_code;
  std::string city;
  std::string phone;
  std::string email;
  std::string opening_hours;
  std::string description;
  std::vector<EServiceOffer> eservices;
};

// Keyset position: the last clinic of the previous page.
struct Cursor {
  std::string sort_key;
  std::string id;
};

struct ClinicQuery {
  std::string text;  // free text on name and city; empty: all
  int limit = 50;
  std::optional<Cursor> after;
};

struct ClinicPage {
  std::vector<Clinic> items;
  std::optional<Cursor> next;
};

enum class Error { clinic_not_found, bad_cursor };

std::string_view to_string(ClinicKind kind);
std::optional<ClinicKind> clinic_kind_from(std::string_view text);
std::string_view to_string(EServiceCategory category);
std::optional<EServiceCategory> category_from(std::string_view text);
std::string_view to_string(EServiceStatus status);
std::optional<EServiceStatus> status_from(std::string_view text);

}  // namespace oppenvard::directory
