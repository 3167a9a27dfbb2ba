#pragma once
// Pure rules of the audit log: the canonical form of an event, the hash chain, its
// verification and the reproducible sample for systematic review. No SQL, no clock.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/model.hpp"

namespace oppenvard::audit {

// The bytes an event's hash covers: a list of fields, each written as `<byte length>:<bytes>;`
// (integers in decimal, success as "1" or "0"), in this fixed order:
//   "audit-event-v1" (a version tag), id, sequence, at_ms, actor_kind, actor_id, actor_role,
//   care_unit_id, patient_id, action, object_type, object_id, client_address, success
// e.g. `14:audit-event-v1;36:0190…;1:5;13:1767225600000;5:staff;…;1:1;`. The length prefix
// makes the form unambiguous whatever bytes a field holds (a ';' or ':' inside a value cannot
// shift a boundary). Never change it: old events must keep verifying (a new form needs a new
// tag and a rule for which events use it).
std::string canonical_form(const AuditEvent& event);

// Lower-case hex SHA-256 over previous_hash followed by canonical_form(event). The stored
// previous_hash is always 64 hex characters (verification checks the link first), so the
// boundary between the two parts is fixed.
std::string chain_hash(const std::string& previous_hash, const AuditEvent& event);

// Why an event must not be recorded, or nullopt when it may: the actor kind is one of
// staff/patient/guardian/system, actor id and action are present, and no field is longer
// than kMaxFieldBytes (fields hold ids, never free text).
inline constexpr std::size_t kMaxFieldBytes = 256;
std::optional<std::string> invalid_reason(const NewAuditEvent& event);

// The stored form of a new event: fields copied, hash chained onto previous_hash.
AuditEvent seal(const NewAuditEvent& event, std::string id, std::int64_t sequence,
                std::int64_t at_ms, std::string previous_hash);

struct VerifyResult {
  bool ok = true;
  std::int64_t checked = 0;  // events found intact before the first break (all when ok)
  std::optional<std::int64_t> first_broken_sequence;
  std::string first_broken_id;  // "" when the break is a missing tail (no event to name)
  // "hash mismatch" (a field or the hash was altered), "sequence gap" (events removed),
  // "sequence out of order" (moved or duplicated), "previous hash mismatch" (the link to the
  // event before is broken: removed, inserted or re-hashed), "head anchor mismatch",
  // "events missing at the end".
  std::string reason;
  // The last intact event ({0, kGenesisHash} before any): when ok, the head to record.
  ChainHead head{0, std::string(kGenesisHash)};
};

// Checks events one at a time, in sequence order, so a long log can be streamed in batches.
// The first event must have sequence 1 and the genesis previous hash. With an anchor (a
// ChainHead recorded earlier) the chain must also reach the anchored sequence with the
// anchored hash: that catches events deleted at the end, which a hash chain alone cannot.
class ChainVerifier {
 public:
  explicit ChainVerifier(std::optional<ChainHead> anchor = std::nullopt);

  // False once the chain is broken; later events are ignored.
  bool add(const AuditEvent& event);
  // The verdict over everything added so far, anchor included.
  VerifyResult result() const;

 private:
  bool fail(const AuditEvent& event, std::string reason);

  std::optional<ChainHead> anchor_;
  std::int64_t last_sequence_ = 0;
  std::string last_hash_;
  VerifyResult result_;
};

VerifyResult verify_chain(const std::vector<AuditEvent>& events_in_sequence_order,
                          const std::optional<ChainHead>& anchor = std::nullopt);

// "SEQUENCE:HASH", as printed by `oppenvard audit verify` and accepted by --expect-head.
std::string format_chain_head(const ChainHead& head);
std::optional<ChainHead> parse_chain_head(std::string_view text);

// A reproducible sample for systematic review: the positions (ascending) of the n ids whose
// SHA-256 of "<seed>:<id>" is smallest. The same ids and seed give the same sample on every
// machine and database; all positions when n >= ids.size().
std::vector<std::size_t> sample_positions(const std::vector<std::string>& ids, std::size_t n,
                                          std::uint64_t seed);

}  // namespace oppenvard::audit
