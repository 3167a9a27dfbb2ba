#include "core/hsa_id.hpp"

namespace oppenvard::core {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_suffix_char(char c) {
  return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

}  // namespace

Result<HsaId, HsaIdError> parse_hsa_id(std::string_view text) {
  if (text.empty()) return HsaIdError::empty;
  if (text.size() > hsa_id_max_length) return HsaIdError::too_long;
  if (text.substr(0, 2) != "SE") return HsaIdError::bad_country;

  const std::string_view rest = text.substr(2);
  const std::size_t dash = rest.find('-');
  const std::string_view number = rest.substr(0, dash);
  for (char c : number) {
    if (!is_digit(c)) return HsaIdError::bad_organisation_number;
  }
  std::string_view organisation_number;
  if (number.size() == 10) {
    organisation_number = number;
  } else if (number.size() == 12 && number.substr(0, 2) == "16") {
    organisation_number = number.substr(2);
  } else {
    return HsaIdError::bad_organisation_number;
  }

  if (dash == std::string_view::npos) return HsaIdError::bad_suffix;
  const std::string_view suffix = rest.substr(dash + 1);
  if (suffix.empty()) return HsaIdError::bad_suffix;
  for (char c : suffix) {
    if (!is_suffix_char(c)) return HsaIdError::bad_suffix;
  }

  return HsaId{std::string{text}, std::string{organisation_number}, std::string{suffix}};
}

bool is_valid_hsa_id(std::string_view text) {
  return parse_hsa_id(text).ok();
}

std::string_view describe(HsaIdError error) {
  switch (error) {
    case HsaIdError::empty:
      return "no value given";
    case HsaIdError::too_long:
      return "longer than 31 characters";
    case HsaIdError::bad_country:
      return "does not start with SE";
    case HsaIdError::bad_organisation_number:
      return "no 10-digit organisation number after SE";
    case HsaIdError::bad_suffix:
      return "needs '-' and then only letters A-Z, a-z or digits";
  }
  return "unknown error";
}

}  // namespace oppenvard::core
