#pragma once
// Pure decisions of the directory: search folding, Swedish sort order, cursors.
#include <optional>
#include <string>
#include <string_view>

#include "directory/model.hpp"

namespace oppenvard::directory {

// Lower-cases ASCII and the Swedish letters (Å Ä Ö É Ü) so one LIKE works the same on
// SQLite (ASCII-only case folding) and PostgreSQL (case-sensitive LIKE).
std::string fold_for_search(std::string_view text);

// A LIKE pattern matching `text` anywhere, with % _ and \ escaped (ESCAPE '\').
std::string contains_pattern(std::string_view folded_text);

// A key of decimal digits whose byte order is Swedish alphabetical order (… x y z å ä ö).
// Digit strings compare the same under every collation, so both databases page alike.
std::string swedish_sort_key(std::string_view name);

// Opaque cursor text for the API and back; nullopt for anything we did not issue.
std::string encode_cursor(const Cursor& cursor);
std::optional<Cursor> decode_cursor(std::string_view text);

}  // namespace oppenvard::directory
