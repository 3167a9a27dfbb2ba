#pragma once
// The access log of patient data (P2; PDL 4:3, HSLF-FS 2016:40 4:9): who did what to whose
// data, when, from where, from which care unit. An event holds ids, never names or content.
// Events form one hash chain in sequence order so that an altered, removed, inserted or
// reordered event is detected (rules.hpp).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oppenvard::audit {

// The previous hash of the first event: 64 '0'.
inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

struct AuditEvent {
  std::string id;             // UUIDv7
  std::int64_t sequence = 0;  // 1, 2, 3, … without gaps
  std::int64_t at_ms = 0;     // Unix milliseconds, UTC
  std::string actor_kind;     // "staff" | "patient" | "guardian" | "system"
  std::string actor_id;
  std::string actor_role;    // e.g. "doctor"; "" if none
  std::string care_unit_id;  // "" if none
  std::string patient_id;    // "" when no patient is concerned (e.g. a staff login)
  std::string action;        // "read" | "create" | "update" | "delete" | "export" | "login" …
  std::string object_type;   // e.g. "case", "message"; "" if none
  std::string object_id;     // "" if none
  std::string client_address;
  bool success = false;
  std::string previous_hash;  // hash of the event before, kGenesisHash for the first
  std::string hash;           // rules.hpp chain_hash(previous_hash, *this)
};

// What a service records; the store adds id, sequence, time and the hashes.
struct NewAuditEvent {
  std::string actor_kind;
  std::string actor_id;
  std::string actor_role;
  std::string care_unit_id;
  std::string patient_id;
  std::string action;
  std::string object_type;
  std::string object_id;
  std::string client_address;
  bool success = false;
};

// The last event of the chain as seen at some moment. Kept outside the database (printed by
// `oppenvard audit verify`), it lets a later verification notice events removed at the end,
// which the chain alone cannot show.
struct ChainHead {
  std::int64_t sequence = 0;  // 0: the empty log
  std::string hash;           // kGenesisHash for the empty log
};

// Filters of a review query; every filter is optional. Newest first.
struct Query {
  std::optional<std::string> patient_id;
  std::optional<std::string> care_unit_id;
  std::optional<std::string> actor_id;
  std::optional<std::int64_t> from_ms;  // inclusive
  std::optional<std::int64_t> to_ms;    // exclusive
  int limit = 100;
  // Keyset: the sequence of the last event of the previous page; the page holds older events.
  std::optional<std::int64_t> after_sequence;
};

// One line of a patient's log extract: which care unit accessed the data, when, and how.
struct ExtractRow {
  std::int64_t at_ms = 0;
  std::string care_unit_id;
  std::string action;
  bool success = false;  // false: an attempt that was refused
};

// A documented review of one event (systematic sample or on suspicion).
struct Review {
  std::string id;
  std::string event_id;
  std::string reviewer_id;
  std::int64_t reviewed_at_ms = 0;
  std::string note;
};

enum class Error { event_not_found, invalid_event };

inline std::string_view to_string(Error error) {
  switch (error) {
    case Error::event_not_found:
      return "event_not_found";
    case Error::invalid_event:
      return "invalid_event";
  }
  return "unknown";
}

}  // namespace oppenvard::audit
