#include "directory/rules.hpp"

#include <array>
#include <cstdint>

namespace oppenvard::directory {
namespace {

// Decodes one UTF-8 code point; invalid bytes come back as U+FFFD, one byte consumed.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int length = (b0 & 0xe0) == 0xc0 ? 2 : (b0 & 0xf0) == 0xe0 ? 3 : (b0 & 0xf8) == 0xf0 ? 4 : 0;
  if (length == 0 || i + static_cast<std::size_t>(length) > text.size()) {
    ++i;
    return 0xfffd;
  }
  char32_t cp = b0 & (0x7f >> length);
  for (int k = 1; k < length; ++k) {
    const unsigned char b = byte(i + static_cast<std::size_t>(k));
    if ((b & 0xc0) != 0x80) {
      ++i;
      return 0xfffd;
    }
    cp = (cp << 6) | (b & 0x3f);
  }
  i += static_cast<std::size_t>(length);
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xc0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xe0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    out.push_back(static_cast<char>(0xf0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

char32_t fold(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  switch (cp) {
    case U'Å':
      return U'å';
    case U'Ä':
      return U'ä';
    case U'Ö':
      return U'ö';
    case U'É':
      return U'é';
    case U'Ü':
      return U'ü';
    default:
      return cp;
  }
}

// Two decimal digits per character. Letters that Swedish sorts as another letter (é as e,
// ü as y) share its rank; anything else sorts after the alphabet in code-point order.
std::string rank(char32_t cp) {
  cp = fold(cp);
  int r = -1;
  if (cp == ' ' || cp == '-')
    r = 1;
  else if (cp >= '0' && cp <= '9')
    r = 10 + static_cast<int>(cp - '0');
  else if (cp >= 'a' && cp <= 'z')
    r = 20 + static_cast<int>(cp - 'a');
  else if (cp == U'é')
    r = 20 + ('e' - 'a');
  else if (cp == U'ü')
    r = 20 + ('y' - 'a');
  else if (cp == U'å')
    r = 46;
  else if (cp == U'ä')
    r = 47;
  else if (cp == U'ö')
    r = 48;
  if (r >= 0) return {static_cast<char>('0' + r / 10), static_cast<char>('0' + r % 10)};
  // Other characters: "9" and six digits of the code point keep them after the letters.
  std::string out = "9";
  const auto digits = std::to_string(static_cast<std::uint32_t>(cp) % 1000000);
  out += std::string(6 - digits.size(), '0') + digits;
  return out;
}

constexpr std::string_view kHex = "0123456789abcdef";

}  // namespace

std::string fold_for_search(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) append_utf8(out, fold(next_code_point(text, i)));
  return out;
}

std::string contains_pattern(std::string_view folded_text) {
  std::string out = "%";
  for (char c : folded_text) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('%');
  return out;
}

std::string swedish_sort_key(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size();) out += rank(next_code_point(name, i));
  return out;
}

std::string encode_cursor(const Cursor& cursor) {
  // Hex of "sort_key|id": the sort key is digits and the id a UUID, neither holds '|'.
  const std::string raw = cursor.sort_key + "|" + cursor.id;
  std::string out;
  out.reserve(raw.size() * 2);
  for (unsigned char c : raw) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 0x0f]);
  }
  return out;
}

std::optional<Cursor> decode_cursor(std::string_view text) {
  if (text.empty() || text.size() % 2 != 0 || text.size() > 1024) return std::nullopt;
  std::string raw;
  for (std::size_t i = 0; i < text.size(); i += 2) {
    const auto hi = kHex.find(text[i]);
    const auto lo = kHex.find(text[i + 1]);
    if (hi == std::string_view::npos || lo == std::string_view::npos) return std::nullopt;
    raw.push_back(static_cast<char>(hi * 16 + lo));
  }
  const auto bar = raw.find('|');
  if (bar == std::string::npos || bar == 0 || bar + 1 == raw.size()) return std::nullopt;
  Cursor cursor{raw.substr(0, bar), raw.substr(bar + 1)};
  for (char c : cursor.sort_key) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return cursor;
}

}  // namespace oppenvard::directory
